// SPDX-License-Identifier: Apache-2.0
#include "app/gui/GraphCanvasController.h"

#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphErrors.h"
#include "core/graph/GraphPositionStore.h"
#include "models/Document.h"
#include "views/CredentialPanel.h"
#include "views/ErrorMessages.h"
#include "views/GraphCanvas.h"
#include "views/TrustDomainPanel.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QTimer>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>

namespace ta::app {

GraphCanvasController::GraphCanvasController(QTreeWidget *findings, QObject *parent)
    : QObject(parent), m_findings(findings), m_reloadTimer(new QTimer(this)),
      m_saveTimer(new QTimer(this))
{
    // Several edits in one go (an import, an undo of many rows) redraw once.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &GraphCanvasController::reload);
    m_pool.setMaxThreadCount(1);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(300);
    connect(m_saveTimer, &QTimer::timeout, this, &GraphCanvasController::savePositions);
    m_findings->setColumnCount(3);
    m_findings->setHeaderLabels({tr("Severity"), tr("Finding"), tr("About")});
    m_findings->setRootIsDecorated(false);
    connect(m_findings, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && m_canvas)
            m_canvas->selectNode(item->data(2, Qt::UserRole).toString());
    });
}

void GraphCanvasController::attach(models::Document *document, views::GraphCanvas *canvas,
                                   views::CredentialPanel *credentials,
                                   views::TrustDomainPanel *trustDomains)
{
    if (m_saveTimer->isActive()) {
        m_saveTimer->stop();
        savePositions();
    }
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    m_canvas = canvas;
    m_credentials = credentials;
    m_trustDomains = trustDomains;
    ++m_generation;
    cancelReplay();
    m_findings->clear();
    m_credentialRecords.clear();
    m_estate.reset();
    m_loader = core::IncrementalEstateLoader();
    m_buildCache.clear();
    if (!document || !canvas)
        return;
    if (auto cached = core::GraphPositionStore::load(
            document->workspace(models::Document::WriteAccess()).database()))
        canvas->setPositions(cached->positions, cached->pinned);
    // The estate is read again once after a burst of edits, whatever they touched; the
    // loader replays the evidence only when what it rests on changed.
    const auto reloadSoon = [this] { m_reloadTimer->start(); };
    connect(document, &models::Document::trustDomainsChanged, this, reloadSoon);
    connect(document, &models::Document::credentialsChanged, this, reloadSoon);
    connect(document, &models::Document::anchorsChanged, this, reloadSoon);
    connect(document, &models::Document::federationChanged, this, reloadSoon);
    connect(document, &models::Document::designChanged, this, reloadSoon);
    connect(document, &models::Document::authoritiesChanged, this, reloadSoon);
    connect(canvas, &views::GraphCanvas::positionsChanged, m_saveTimer,
            qOverload<>(&QTimer::start));
    connect(canvas, &views::GraphCanvas::currentNodeChanged, this,
            &GraphCanvasController::nodeSelected);
    connect(canvas, &views::GraphCanvas::findingsChanged, this,
            &GraphCanvasController::fillFindings);
    if (credentials)
        connect(credentials, &views::CredentialPanel::currentCredentialChanged, this,
                &GraphCanvasController::credentialSelected);
    reload();
}

GraphCanvasController::~GraphCanvasController()
{
    // The worker holds nothing of this controller. Told to stop, it notices within 1,024
    // records; the pool's destruction (a member) waits for that.
    cancelReplay();
}

void GraphCanvasController::reload()
{
    if (!m_document || !m_canvas)
        return;
    ++m_generation;
    cancelReplay();
    core::Workspace &workspace = m_document->workspace(models::Document::WriteAccess());
    m_credentialRecords.clear();
    if (auto records = workspace.credentials()) {
        for (const core::CredentialRecord &c : std::as_const(*records)) {
            // The same ID EstateLoader gives the credential's node.
            const QString id =
                QStringLiteral("credential/%1/%2/%3")
                    .arg(c.trustDomain, core::authorityKindName(c.kind), c.serial.left(16));
            m_credentialRecords.insert(id, {c.trustDomain, c.id});
        }
    }
    // The records the time bar, the decision log and the studio read too, read once, and
    // their attestation results, verified once for all of them (or kept in the workspace).
    auto pending = m_loader.prepare(
        workspace, [document = m_document](core::TimelineReplay &replay) -> core::Result<void> {
            if (auto n = document->replayTimeline(replay); !n)
                return n.error();
            return {};
        });
    if (!pending) {
        show(pending.error());
        return;
    }
    if (pending->needsReplay() && pending->records() > m_backgroundThreshold) {
        startReplay(std::move(*pending));
        return;
    }
    if (auto r = core::IncrementalEstateLoader::replay(*pending, m_loader.options()); !r) {
        m_loader.reset();
        show(r.error());
        return;
    }
    show(m_loader.finish(workspace, std::move(*pending)));
}

void GraphCanvasController::startReplay(core::IncrementalEstateLoader::Pending pending)
{
    using Replayed = core::Result<core::IncrementalEstateLoader::Pending>;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_replayCancel = cancel;
    auto *watcher = new QFutureWatcher<Replayed>(this);
    m_replay = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation = m_generation] { replayDone(watcher, generation); });
    core::EstateLoadOptions options = m_loader.options();
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [pending = std::move(pending), options = std::move(options),
                                    cancel](QPromise<Replayed> &promise) mutable {
            promise.setProgressRange(0, int(qMin<qint64>(pending.records(), INT_MAX)));
            options.progress = [&promise, cancel](qint64 done) {
                promise.setProgressValue(int(qMin<qint64>(done, INT_MAX)));
                return !promise.isCanceled() && !cancel->load();
            };
            if (auto r = core::IncrementalEstateLoader::replay(pending, options); !r)
                promise.addResult(Replayed(r.error()));
            else
                promise.addResult(Replayed(std::move(pending)));
        }));
    Q_EMIT workStarted(tr("Reading the evidence timeline"), QFuture<void>(watcher->future()));
}

void GraphCanvasController::replayDone(QFutureWatcherBase *watcher, quint64 generation)
{
    using Replayed = core::Result<core::IncrementalEstateLoader::Pending>;
    watcher->deleteLater();
    if (m_replay == watcher)
        m_replay = nullptr;
    // Overtaken by an edit or another document: that reload's result counts, not this one.
    if (generation != m_generation || !m_document || !m_canvas)
        return;
    const QFuture<Replayed> future = static_cast<QFutureWatcher<Replayed> *>(watcher)->future();
    if (future.isCanceled() || future.resultCount() == 0) {
        m_loader.reset();
        show(core::makeError(core::ec::EstateCancelled));
        return;
    }
    Replayed replayed = future.result();
    if (!replayed) {
        m_loader.reset();
        show(replayed.error());
        return;
    }
    show(m_loader.finish(m_document->workspace(models::Document::WriteAccess()),
                         std::move(*replayed)));
}

void GraphCanvasController::cancelReplay()
{
    if (m_replayCancel)
        m_replayCancel->store(true);
    m_replayCancel.reset();
    // Its finished signal still comes, and finds itself overtaken.
    m_replay = nullptr;
}

void GraphCanvasController::show(core::Result<core::Estate> estate)
{
    if (!estate) {
        m_estate.reset();
        m_built = core::TopologyGraph();
        m_canvas->setGraph(m_built);
        m_canvas->setToolTip(views::ErrorMessages::text(estate.error()));
        Q_EMIT reloaded();
        return;
    }
    m_estate = std::make_shared<const core::Estate>(std::move(*estate));
    m_built = core::GraphBuilder::build(*m_estate, {}, nullptr, &m_buildCache);
    m_canvas->setToolTip(QString());
    m_canvas->setGraph(m_built);
    Q_EMIT reloaded();
}

QString GraphCanvasController::credentialNodeId(qint64 id) const
{
    for (auto it = m_credentialRecords.cbegin(); it != m_credentialRecords.cend(); ++it) {
        if (it.value().second == id)
            return it.key();
    }
    return {};
}

void GraphCanvasController::credentialSelected(qint64 id)
{
    if (m_syncing || !m_canvas || id == 0)
        return;
    const QString node = credentialNodeId(id);
    if (node.isEmpty())
        return;
    m_syncing = true;
    m_canvas->selectNode(node);
    m_syncing = false;
}

void GraphCanvasController::nodeSelected(const QString &id)
{
    if (m_syncing)
        return;
    m_syncing = true;
    if (const auto it = m_credentialRecords.constFind(id); it != m_credentialRecords.cend()) {
        if (m_trustDomains)
            m_trustDomains->setCurrentTrustDomain(it->first);
        if (m_credentials)
            m_credentials->setCurrentCredential(it->second);
    } else if (id.startsWith(QLatin1String("td/")) && m_trustDomains) {
        m_trustDomains->setCurrentTrustDomain(id.mid(3));
    }
    m_syncing = false;
}

void GraphCanvasController::savePositions()
{
    if (!m_document || !m_canvas)
        return;
    core::GraphPositions p{m_canvas->positions(), m_canvas->pinned()};
    if (auto r = core::GraphPositionStore::save(
            m_document->workspace(models::Document::WriteAccess()).database(), p);
        !r)
        m_document->reportCommandFailure(r.error());
}

void GraphCanvasController::fillFindings()
{
    m_findings->clear();
    if (!m_canvas)
        return;
    for (const core::GraphFinding &f : m_canvas->findings()) {
        auto *item = new QTreeWidgetItem(m_findings, {f.severity, f.kind, f.subject});
        const QString node =
            f.subject.contains(QLatin1String("->"))
                ? QStringLiteral("td/") + f.subject.section(QLatin1String("->"), 0, 0)
                : f.subject;
        item->setData(2, Qt::UserRole, node);
    }
    m_findings->resizeColumnToContents(0);
    m_findings->resizeColumnToContents(1);
}

} // namespace ta::app
