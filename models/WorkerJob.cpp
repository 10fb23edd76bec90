// SPDX-License-Identifier: Apache-2.0
#include "models/WorkerJob.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <limits>
#include <utility>

namespace ta::models {

WorkerJob::WorkerJob(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &WorkerJob::finished);
}

WorkerJob::~WorkerJob()
{
    abandon();
}

QFuture<void> WorkerJob::start(std::function<void(QPromise<void> &)> work,
                               std::function<void(bool cancelled)> done)
{
    if (isBusy() || !done)
        return {};
    m_done = std::move(done);
    m_future = QtConcurrent::run(&m_pool, [work = std::move(work)](QPromise<void> &promise) {
        if (work)
            work(promise);
    });
    m_watcher.setFuture(m_future);
    return m_future;
}

void WorkerJob::cancel()
{
    if (isBusy())
        m_future.cancel();
}

void WorkerJob::abandon()
{
    // A finished event still queued then finds no handler; new work's setFuture() drops it.
    m_done = nullptr;
    if (m_future.isValid() && !m_future.isFinished()) {
        m_future.cancel();
        m_future.waitForFinished();
    }
}

void WorkerJob::finished()
{
    // Taken first: the handler runs idle, and may start the next work.
    const std::function<void(bool)> done = std::exchange(m_done, nullptr);
    if (done)
        done(m_future.isCanceled());
}

void WorkerJob::reportProgress(QPromise<void> &promise, qint64 done, qint64 total)
{
    constexpr qint64 kTop = std::numeric_limits<int>::max();
    const int range = int(std::clamp<qint64>(total, 0, kTop));
    promise.setProgressRange(0, range);
    promise.setProgressValue(int(std::clamp<qint64>(done, 0, range)));
}

} // namespace ta::models
