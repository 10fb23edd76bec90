// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/attestation/lab/TopologyLab.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>

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
    bool isBusy() const;
    QFuture<void> future() const { return m_future; }
    void cancel();

    /// What a worker hands back (defined in the .cpp).
    struct Outcome;

Q_SIGNALS:
    /// Work started: a title for a progress display, and its future.
    void started(const QString &title, const QFuture<void> &future);
    void generated(const ta::core::LabSummary &summary);
    /// Nothing was written (store.cancelled when cancelled).
    void failed(const ta::core::Error &error);

private:
    void finished();

    QPointer<Document> m_document;
    QFuture<void> m_future;
    QFutureWatcher<void> *m_watcher;
    std::shared_ptr<Outcome> m_outcome;
    /// Its own thread (last: destroyed first, it waits for the worker while the rest lives), not
    /// the global pool's: Qt 6.4's raster engine paints with that pool, so long work there stalls
    /// the window's frames.
    QThreadPool m_pool;
};

} // namespace ta::models
