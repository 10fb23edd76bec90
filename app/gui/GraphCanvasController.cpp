// SPDX-License-Identifier: Apache-2.0
#include "app/gui/GraphCanvasController.h"

#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphPositionStore.h"
#include "models/Document.h"
#include "views/CredentialPanel.h"
#include "views/ErrorMessages.h"
#include "views/GraphCanvas.h"
#include "views/TrustDomainPanel.h"

#include <QTimer>
#include <QTreeWidget>

namespace ta::app {

GraphCanvasController::GraphCanvasController(QTreeWidget *findings, QObject *parent)
    : QObject(parent), m_findings(findings), m_reloadTimer(new QTimer(this)),
      m_saveTimer(new QTimer(this))
{
    // Several edits in one go (an import, an undo of many rows) redraw once.
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &GraphCanvasController::reload);
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

void GraphCanvasController::reload()
{
    if (!m_document || !m_canvas)
        return;
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
    auto estate = m_loader.load(workspace);
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
