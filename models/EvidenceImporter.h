// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "models/WorkerJob.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <memory>

namespace ta::models {

class Document;

/// The long evidence work of an open document, each off the GUI thread on its own SQLite
/// connection, with progress and cancel through the QFuture it hands out:
/// - import of a JSON Lines recording: every record checked first (well-formed, in time order, a
///   known attestor), then all of it stored in one transaction, or nothing (a bad line, which the
///   error names, or a cancel);
/// - the attestation pass that computes each record's verdict, reasons and selectors for the
///   evidence timeline (EvidenceAttestationPass), run after an import, after an anchor edit, and
///   when a workspace is opened whose results are missing or were computed under other anchors.
/// One piece of work at a time; the document is told (evidenceChanged) when records or results
/// changed.
class EvidenceImporter : public QObject
{
    Q_OBJECT

public:
    explicit EvidenceImporter(Document *document, QObject *parent = nullptr);
    ~EvidenceImporter() override;

    /// Starts importing @p path. Returns the running future (progress: records), or an invalid
    /// one when other work is running.
    QFuture<void> importFile(const QString &path);
    /// Starts the attestation pass; an invalid future when other work runs or the workspace has
    /// no trust domain to name agents in (verdicts then stay "not verified").
    QFuture<void> verify();
    /// Runs the pass unless every record has a current result.
    void verifyIfStale();
    bool isBusy() const { return m_job.isBusy(); }
    /// The work running now (invalid when none).
    QFuture<void> future() const { return m_job.running(); }
    /// Cancels the work running, which then leaves the workspace as it was.
    void cancel();

    /// What a worker hands back (defined in the .cpp).
    struct Outcome;

Q_SIGNALS:
    /// Work started: a title for a progress display, and its future.
    void started(const QString &title, const QFuture<void> &future);
    void imported(const QString &path, qint64 records);
    /// The import of @p path failed or was cancelled (store.cancelled); nothing was stored.
    void importFailed(const QString &path, const ta::core::Error &error);
    void verified(qint64 records);
    void verifyFailed(const ta::core::Error &error);

private:
    void finished(const Outcome &outcome);
    QFuture<void> start(const QString &title, bool isImport, const QString &path,
                        std::function<void(QPromise<void> &)> work,
                        const std::shared_ptr<Outcome> &outcome);

    QPointer<Document> m_document;
    bool m_isImport = false;
    /// The anchors changed while work ran: check the results again when it ends.
    bool m_verifyAfter = false;
    QString m_path;
    /// Last: destroyed first, it cancels and waits for the worker (which writes through its own
    /// connection, but must not outlive its document) while the rest lives.
    WorkerJob m_job;
};

} // namespace ta::models
