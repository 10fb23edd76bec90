// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/attestation/lab/TopologyLab.h"

#include "models/WorkerJob.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace ta::models {

class Document;

/// Generate Evidence for the workspace's design: TopologyLab::generateInto on a worker, on its
/// own SQLite connection, with progress and cancel through the QFuture it hands out. The agent
/// trust domain's CA is loaded on the GUI thread first (its key may be sealed under the
/// workspace passphrase); the anchors, evidence and design are then stored in one transaction,
/// so a cancel or a failure leaves the workspace as it was. Afterwards the document is told that
/// anchors, evidence and the design changed (the graph, the evidence timeline and the time bar
/// read them again; the planned nodes become attested). Generation is not an edit: it is not
/// undone, as an evidence import is not.
class DesignGenerator : public QObject
{
    Q_OBJECT

public:
    explicit DesignGenerator(Document *document, QObject *parent = nullptr);
    ~DesignGenerator() override;

    /// Starts generating with @p timeline. Returns the running future (progress: records made
    /// then stored), or an invalid one when work runs or the set-up failed (failed() tells why:
    /// no design, a design trust domain missing from the workspace, a locked CA).
    QFuture<void> generate(const core::LabTimeline &timeline);
    bool isBusy() const { return m_job.isBusy(); }
    QFuture<void> future() const { return m_job.future(); }
    void cancel() { m_job.cancel(); }

    /// What a worker hands back (defined in the .cpp).
    struct Outcome;

Q_SIGNALS:
    /// Work started: a title for a progress display, and its future.
    void started(const QString &title, const QFuture<void> &future);
    void generated(const ta::core::LabSummary &summary);
    /// Nothing was written (store.cancelled when cancelled).
    void failed(const ta::core::Error &error);

private:
    void finished(const Outcome &outcome);

    QPointer<Document> m_document;
    /// Last: destroyed first, it cancels and waits for the worker (which writes through its own
    /// connection, but must not outlive its document) while the rest lives.
    WorkerJob m_job;
};

} // namespace ta::models
