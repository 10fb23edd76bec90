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

namespace ta::models {

/// What the worker hands back; read on the GUI thread once the worker is done.
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
    : QObject(parent), m_document(document)
{}

// The worker only reads the file; m_job cancels it and waits, and its outcome is then dropped.
AnchorImporter::~AnchorImporter() = default;

void AnchorImporter::cancel()
{
    m_job.cancel();
}

QFuture<void> AnchorImporter::importFile(const QString &path)
{
    if (!m_document || isBusy())
        return {};
    auto outcome = std::make_shared<Outcome>();
    const QFuture<void> future = m_job.start(
        [path, outcome](QPromise<void> &promise) { readOnWorker(promise, path, *outcome); },
        [this, path, outcome](bool cancelled) { finished(path, *outcome, cancelled); });
    Q_EMIT started(tr("Importing %1").arg(QFileInfo(path).fileName()), future);
    return future;
}

void AnchorImporter::finished(const QString &path, const Outcome &outcome, bool cancelled)
{
    // Cancelled: nothing was stored, and nothing is.
    if (cancelled || !m_document) {
        Q_EMIT importFailed(path, core::makeError(core::ec::StoreCancelled), QString());
        return;
    }
    if (!outcome.set) {
        Q_EMIT importFailed(path, outcome.set.error(), outcome.kind);
        return;
    }
    const core::AnchorSet &set = *outcome.set;
    if (auto r = m_document->addAnchors(set); !r) {
        Q_EMIT importFailed(path, r.error(), QString());
        return;
    }
    Q_EMIT imported(path, set.anchors().size() + set.referenceValues().size());
}

} // namespace ta::models
