// SPDX-License-Identifier: Apache-2.0
#include "models/AnchorImporter.h"

#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationErrors.h"
#include "core/store/StoreErrors.h"
#include "models/Document.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::models {

/// What the worker hands back; read after the watcher's finished signal.
struct AnchorImporter::Outcome
{
    core::Result<core::AnchorSet> set = core::makeError(core::ec::StoreCancelled);
    /// The kind of the entry an error is about, when it has one.
    QString kind;
};

namespace {

void readOnWorker(QPromise<void> &promise, const QString &path, AnchorImporter::Outcome &outcome)
{
    promise.setProgressRange(0, 1);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        outcome.set = core::makeError(core::ec::StoreUnreadable, path);
        return;
    }
    const QByteArray bytes = file.readAll();
    if (promise.isCanceled())
        return;
    auto set = core::AnchorSet::fromImportJson(bytes);
    if (set) {
        outcome.set = std::move(set);
    } else {
        core::Error e = set.error();
        if (e.index >= 0) {
            // The error says where as data (list, index, field); the entry's kind is in the file.
            outcome.kind = QJsonDocument::fromJson(bytes)
                               .object()
                               .value(e.list)
                               .toArray()
                               .at(e.index)
                               .toObject()
                               .value(QLatin1String("kind"))
                               .toString();
        } else if (e.code == core::ec::AnchorsBadJson) {
            // A syntax error: its line, counted up to where the parser stopped.
            QJsonParseError parse{};
            (void)QJsonDocument::fromJson(bytes, &parse);
            if (parse.error != QJsonParseError::NoError)
                e.line = bytes.left(parse.offset).count('\n') + 1;
        }
        outcome.set = std::move(e);
    }
    promise.setProgressValue(1);
}

} // namespace

AnchorImporter::AnchorImporter(Document *document, QObject *parent)
    : QObject(parent), m_document(document), m_watcher(new QFutureWatcher<void>(this))
{
    m_pool.setMaxThreadCount(1);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &AnchorImporter::finished);
}

AnchorImporter::~AnchorImporter()
{
    // The worker only reads the file, but its outcome must not be written after this is gone.
    if (m_future.isRunning()) {
        m_future.cancel();
        m_future.waitForFinished();
    }
}

void AnchorImporter::cancel()
{
    if (isBusy())
        m_future.cancel();
}

QFuture<void> AnchorImporter::importFile(const QString &path)
{
    if (!m_document || isBusy())
        return {};
    m_outcome = std::make_shared<Outcome>();
    m_path = path;
    m_busy = true;
    m_future = QtConcurrent::run(&m_pool, [path, outcome = m_outcome](QPromise<void> &promise) {
        readOnWorker(promise, path, *outcome);
    });
    m_watcher->setFuture(m_future);
    Q_EMIT started(tr("Importing %1").arg(QFileInfo(path).fileName()), m_future);
    return m_future;
}

void AnchorImporter::finished()
{
    const std::shared_ptr<Outcome> outcome = std::move(m_outcome);
    const QString path = m_path;
    const bool cancelled = m_future.isCanceled();
    m_future = {};
    m_busy = false;
    if (!outcome)
        return;
    // Cancelled: nothing was stored, and nothing is.
    if (cancelled || !m_document) {
        Q_EMIT importFailed(path, core::makeError(core::ec::StoreCancelled), QString());
        return;
    }
    if (!outcome->set) {
        Q_EMIT importFailed(path, outcome->set.error(), outcome->kind);
        return;
    }
    const core::AnchorSet &set = *outcome->set;
    if (auto r = m_document->addAnchors(set); !r) {
        Q_EMIT importFailed(path, r.error(), QString());
        return;
    }
    Q_EMIT imported(path, set.anchors().size() + set.referenceValues().size());
}

} // namespace ta::models
