// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <functional>

namespace ta::models {

/// One piece of long work at a time, run on a thread of its own, whose outcome is taken on the
/// owner's (GUI) thread: the anchors and evidence imports, the design's evidence generation, the
/// audit report's export, the demo's generation and the time bar's simulation run through it.
///
/// Busy from start() until the handler given to start() is called, on this object's thread. A
/// QFuture finishes on the worker's thread, before its finished event reaches this one: work
/// started in between took the watcher over, and the first work's outcome was never handled.
/// That race was fixed five times over, class by class (PolicyResimulator, the audit report's
/// export, EvidenceImporter, DesignGenerator, the demo's generation); here it is ruled out once.
/// The handler runs idle, so that what it signals may start the next work.
///
/// Its own thread, not the global pool's: Qt 6.4's raster engine paints with that pool, so long
/// work there stalls the window's frames.
class WorkerJob : public QObject
{
    Q_OBJECT

public:
    explicit WorkerJob(QObject *parent = nullptr);
    /// Cancels the work running and waits for it (what it reads must outlive it); its handler
    /// is not called.
    ~WorkerJob() override;

    /// Runs @p work on the worker's thread with its promise (progress, cancel), then @p done on
    /// this object's thread, given whether the work was cancelled. Returns the work's future,
    /// or, while busy, starts nothing and returns an invalid one.
    QFuture<void> start(std::function<void(QPromise<void> &)> work,
                        std::function<void(bool cancelled)> done);
    /// From start() until its handler is called.
    bool isBusy() const { return static_cast<bool>(m_done); }
    /// The work running, or the last one (invalid before the first).
    QFuture<void> future() const { return m_future; }
    /// The work running until its handler is called; invalid when idle.
    QFuture<void> running() const { return isBusy() ? m_future : QFuture<void>(); }
    /// Asks the work running to stop; its handler is then called with cancelled set.
    void cancel();
    /// Stops the work running and drops its outcome, for one that belongs to what is gone (a
    /// document closed): cancels it, waits for the worker, and never calls its handler. Idle
    /// afterwards.
    void abandon();

    /// Reports @p done of @p total onto @p promise, clamped to the int range of a QFuture's
    /// progress: a count past it stops at the top rather than wrapping.
    static void reportProgress(QPromise<void> &promise, qint64 done, qint64 total);

private:
    void finished();

    QFuture<void> m_future;
    QFutureWatcher<void> m_watcher;
    std::function<void(bool)> m_done;
    /// Last: destroyed first, it waits for the worker while the rest lives.
    QThreadPool m_pool;
};

} // namespace ta::models
