// SPDX-License-Identifier: Apache-2.0
#include "models/EvidenceImporter.h"

#include "core/attestation/AttestationErrors.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/simulation/EvidenceAttestationPass.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/Database.h"
#include "core/store/StoreErrors.h"
#include "models/Document.h"

#include <QFile>
#include <QFileInfo>
#include <QPromise>

#include <utility>

namespace ta::models {

/// What the worker hands back; read after the watcher's finished signal.
struct EvidenceImporter::Outcome
{
    core::Result<qint64> result = core::makeError(core::ec::StoreCancelled);
    /// The verification pass's replay, set up on the GUI thread.
    std::shared_ptr<const core::TimelineReplay> replay;
};

namespace {

// Reads @p path through once, as `evidence import` does: every line must be a record, in time
// order, of an attestor that exists (a record nothing can verify is a typo or a foreign file).
// The reader puts the line in any error. Counts the records.
core::Result<qint64> checkFile(QFile &in, QPromise<void> &promise)
{
    const QStringList known = core::EvidenceVerifier::builtinAttestorNames();
    return core::EvidenceReader::forEach(
        in, [&](const core::EvidenceRecord &r) -> core::Result<void> {
            if (promise.isCanceled())
                return core::makeError(core::ec::StoreCancelled);
            if (!known.contains(r.attestor))
                return core::makeError(core::ec::EvidenceUnknownAttestor,
                                       QStringLiteral("%1 (known: %2)")
                                           .arg(r.attestor, known.join(QStringLiteral(", "))));
            return {};
        });
}

void importOnWorker(QPromise<void> &promise, const QString &workspace, const QString &path,
                    const std::shared_ptr<EvidenceImporter::Outcome> &outcome);

} // namespace

EvidenceImporter::EvidenceImporter(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    if (document)
        connect(document, &Document::anchorsChanged, this, [this] {
            // Other anchors verify the records differently: the verdicts are computed again,
            // once the work running now has finished (a pass is cancelled first).
            if (isBusy()) {
                m_verifyAfter = true;
                if (!m_isImport)
                    cancel();
                return;
            }
            verifyIfStale();
        });
}

EvidenceImporter::~EvidenceImporter() = default;

void EvidenceImporter::cancel()
{
    m_job.cancel();
}

QFuture<void> EvidenceImporter::start(const QString &title, bool isImport, const QString &path,
                                      std::function<void(QPromise<void> &)> work,
                                      const std::shared_ptr<Outcome> &outcome)
{
    m_isImport = isImport;
    m_path = path;
    const QFuture<void> future =
        m_job.start(std::move(work), [this, outcome](bool) { finished(*outcome); });
    Q_EMIT started(title, future);
    return future;
}

QFuture<void> EvidenceImporter::importFile(const QString &path)
{
    if (!m_document || isBusy())
        return {};
    auto outcome = std::make_shared<Outcome>();
    const QString workspace = m_document->path();
    return start(
        tr("Importing %1").arg(QFileInfo(path).fileName()), true, path,
        [workspace, path, outcome](QPromise<void> &promise) {
            importOnWorker(promise, workspace, path, outcome);
        },
        outcome);
}

namespace {

void importOnWorker(QPromise<void> &promise, const QString &workspace, const QString &path,
                    const std::shared_ptr<EvidenceImporter::Outcome> &outcome)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        outcome->result = core::makeError(core::ec::EvidenceUnreadable, path);
        return;
    }
    // Progress in records: the first reading counts them, then the import goes one by one.
    promise.setProgressRange(0, 0);
    auto total = checkFile(in, promise);
    if (!total) {
        outcome->result = total.error();
        return;
    }
    if (*total == 0) {
        outcome->result = core::makeError(
            core::ec::EvidenceEmpty, QFileInfo(path).fileName() + QStringLiteral(": no records"));
        return;
    }
    auto db = core::Database::open(workspace, core::Database::Mode::OpenExisting);
    if (!db) {
        outcome->result = db.error();
        return;
    }
    const int range = int(qMin<qint64>(*total, std::numeric_limits<int>::max()));
    promise.setProgressRange(0, range);
    in.seek(0);
    qint64 done = 0;
    core::AttestationStore store(*db);
    outcome->result = store.importEvidence(in, QFileInfo(path).fileName(), [&] {
        promise.setProgressValue(int(qMin<qint64>(done++, range)));
        return promise.isCanceled();
    });
    if (outcome->result)
        promise.setProgressValue(range);
}

} // namespace

QFuture<void> EvidenceImporter::verify()
{
    if (!m_document || isBusy())
        return {};
    // The set-up (anchors, bundles) is read here on the document's connection, and the replay
    // is the document's (its records, the results its views verified, those kept in the
    // workspace), as the views' are: what one of them verifies serves the others. The results
    // are written on the worker's own connection.
    auto replay = core::TimelineReplay::fromWorkspace(
        m_document->workspace(Document::WriteAccess()), core::TimelineReplay::Options());
    if (!replay) {
        Q_EMIT verifyFailed(replay.error());
        return {};
    }
    if (auto set = m_document->replayTimeline(*replay); !set) {
        Q_EMIT verifyFailed(set.error());
        return {};
    }
    auto outcome = std::make_shared<Outcome>();
    outcome->replay = std::make_shared<const core::TimelineReplay>(std::move(*replay));
    const QString workspace = m_document->path();
    auto work = [workspace, outcome](QPromise<void> &promise) {
        auto db = core::Database::open(workspace, core::Database::Mode::OpenExisting);
        if (!db) {
            outcome->result = db.error();
            return;
        }
        promise.setProgressRange(0, 0);
        outcome->result = core::EvidenceAttestationPass::run(
            *db, *outcome->replay, [&] { return promise.isCanceled(); },
            [&](qint64 done, qint64 total) { WorkerJob::reportProgress(promise, done, total); });
    };
    return start(tr("Verifying evidence"), false, QString(), std::move(work), outcome);
}

void EvidenceImporter::verifyIfStale()
{
    if (!m_document || isBusy())
        return;
    auto current = core::EvidenceAttestationPass::isCurrent(
        m_document->workspace(Document::WriteAccess()).database());
    if (current && !*current)
        (void)verify();
}

void EvidenceImporter::finished(const Outcome &outcome)
{
    if (std::exchange(m_verifyAfter, false))
        QMetaObject::invokeMethod(this, &EvidenceImporter::verifyIfStale, Qt::QueuedConnection);
    // A cancel may have stopped the worker before it set a result.
    const core::Result<qint64> result = outcome.result;
    if (m_isImport) {
        if (!result) {
            Q_EMIT importFailed(m_path, result.error());
            return;
        }
        if (m_document)
            m_document->notifyEvidenceChanged();
        Q_EMIT imported(m_path, *result);
        (void)verify();
        return;
    }
    if (!result) {
        Q_EMIT verifyFailed(result.error());
        return;
    }
    if (m_document)
        m_document->notifyEvidenceChanged(false);
    Q_EMIT verified(*result);
}

} // namespace ta::models
