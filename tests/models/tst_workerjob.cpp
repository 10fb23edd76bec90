// SPDX-License-Identifier: Apache-2.0
// WorkerJob: one piece of work at a time on its own thread, its outcome taken on the GUI thread;
// busy until then, even after the worker's future has finished (the race it rules out).
#include "models/WorkerJob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <limits>
#include <memory>

using namespace ta::models;

class TestWorkerJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnItsThreadAndHandsBackOnThisOne();
    void busyUntilTheOutcomeIsTaken();
    void theHandlerMayStartTheNextWork();
    void cancelStopsTheWorkAndSaysSo();
    void destroyedWhileRunningCancelsAndWaits();
    void abandonedWorkIsNeverHandedBack();
    void progressIsClampedToTheFuturesRange();
};

void TestWorkerJob::runsOnItsThreadAndHandsBackOnThisOne()
{
    WorkerJob job;
    QThread *worker = nullptr;
    int handled = 0;
    bool wasCancelled = true;
    QThread *handledOn = nullptr;
    const QFuture<void> f = job.start(
        [&](QPromise<void> &promise) {
            worker = QThread::currentThread();
            WorkerJob::reportProgress(promise, 2, 4);
        },
        [&](bool cancelled) {
            ++handled;
            wasCancelled = cancelled;
            handledOn = QThread::currentThread();
            QVERIFY(!job.isBusy()); // idle while it runs
        });
    QVERIFY(f.isValid());
    QVERIFY(job.isBusy());
    QVERIFY(job.future().isValid());
    QVERIFY(job.running().isValid());
    QTRY_COMPARE(handled, 1);
    QVERIFY(worker && worker != QThread::currentThread());
    QCOMPARE(handledOn, QThread::currentThread());
    QVERIFY(!wasCancelled);
    QVERIFY(!job.isBusy());
    QVERIFY(!job.running().isValid());
    QVERIFY(job.future().isValid());
    QCOMPARE(f.progressMaximum(), 4);
    QCOMPARE(f.progressValue(), 2);
    // Nothing more comes.
    QTest::qWait(50);
    QCOMPARE(handled, 1);
}

void TestWorkerJob::busyUntilTheOutcomeIsTaken()
{
    WorkerJob job;
    int first = 0;
    int second = 0;
    QFuture<void> f = job.start([](QPromise<void> &) {}, [&](bool) { ++first; });
    // The worker is done, its finished event not yet delivered to this thread: still busy, and
    // other work is refused rather than taking the outcome's place.
    f.waitForFinished();
    QVERIFY(f.isFinished());
    QVERIFY(job.isBusy());
    QVERIFY(!job.start([](QPromise<void> &) {}, [&](bool) { ++second; }).isValid());
    QTRY_COMPARE(first, 1);
    QVERIFY(!job.isBusy());
    QVERIFY(job.start([](QPromise<void> &) {}, [&](bool) { ++second; }).isValid());
    QTRY_COMPARE(second, 1);
    QCOMPARE(first, 1);
    // No handler, no work: what would take the outcome?
    QVERIFY(!job.start([](QPromise<void> &) {}, nullptr).isValid());
    QVERIFY(!job.isBusy());
}

void TestWorkerJob::theHandlerMayStartTheNextWork()
{
    WorkerJob job;
    QList<int> order;
    QFuture<void> next;
    job.start([](QPromise<void> &) {},
              [&](bool) {
                  order << 1;
                  next = job.start([](QPromise<void> &) {}, [&](bool) { order << 2; });
              });
    QTRY_COMPARE(order, (QList<int>{1, 2}));
    QVERIFY(next.isValid());
    QVERIFY(!job.isBusy());
}

void TestWorkerJob::cancelStopsTheWorkAndSaysSo()
{
    WorkerJob job;
    std::atomic<bool> running{false};
    int handled = 0;
    bool wasCancelled = false;
    job.start(
        [&](QPromise<void> &promise) {
            running = true;
            while (!promise.isCanceled())
                QThread::msleep(1);
        },
        [&](bool cancelled) {
            ++handled;
            wasCancelled = cancelled;
        });
    QTRY_VERIFY(running.load());
    job.cancel();
    QTRY_COMPARE(handled, 1);
    QVERIFY(wasCancelled);
    QVERIFY(!job.isBusy());
    job.cancel(); // idle: nothing to cancel, nothing happens
    QCOMPARE(handled, 1);
}

void TestWorkerJob::destroyedWhileRunningCancelsAndWaits()
{
    std::atomic<bool> running{false};
    auto stopped = std::make_shared<std::atomic<bool>>(false);
    int handled = 0;
    QFuture<void> f;
    {
        WorkerJob job;
        f = job.start(
            [&running, stopped](QPromise<void> &promise) {
                running = true;
                while (!promise.isCanceled())
                    QThread::msleep(1);
                QThread::msleep(20); // still running when the destructor would have returned
                *stopped = true;
            },
            [&](bool) { ++handled; });
        QTRY_VERIFY(running.load());
    }
    QVERIFY(stopped->load());
    QVERIFY(f.isCanceled());
    QTest::qWait(50);
    QCOMPARE(handled, 0);
}

void TestWorkerJob::abandonedWorkIsNeverHandedBack()
{
    WorkerJob job;
    // Running: cancelled and waited for, then idle; its handler never comes.
    std::atomic<bool> running{false};
    std::atomic<bool> stopped{false};
    int handled = 0;
    QFuture<void> f = job.start(
        [&](QPromise<void> &promise) {
            running = true;
            while (!promise.isCanceled())
                QThread::msleep(1);
            stopped = true;
        },
        [&](bool) { ++handled; });
    QTRY_VERIFY(running.load());
    job.abandon();
    QVERIFY(stopped.load());
    QVERIFY(f.isCanceled());
    QVERIFY(!job.isBusy());
    // Done, its outcome still queued for this thread: dropped too, and the next work's handler
    // is called once, for its own outcome.
    f = job.start([](QPromise<void> &) {}, [&](bool) { ++handled; });
    f.waitForFinished();
    job.abandon();
    QVERIFY(!job.isBusy());
    int next = 0;
    QVERIFY(job.start([](QPromise<void> &) {}, [&](bool) { ++next; }).isValid());
    QTRY_COMPARE(next, 1);
    QTest::qWait(50);
    QCOMPARE(next, 1);
    QCOMPARE(handled, 0);
}

void TestWorkerJob::progressIsClampedToTheFuturesRange()
{
    // A count past int's range stops at its top rather than wrapping to a negative maximum.
    QPromise<void> big;
    big.start();
    WorkerJob::reportProgress(big, 5'000'000'000, 6'000'000'000);
    QCOMPARE(big.future().progressMaximum(), std::numeric_limits<int>::max());
    QCOMPARE(big.future().progressValue(), std::numeric_limits<int>::max());
    big.finish();
    QPromise<void> small;
    small.start();
    WorkerJob::reportProgress(small, 7, 1'000'000);
    QCOMPARE(small.future().progressMinimum(), 0);
    QCOMPARE(small.future().progressMaximum(), 1'000'000);
    QCOMPARE(small.future().progressValue(), 7);
    small.finish();
}

QTEST_GUILESS_MAIN(TestWorkerJob)
#include "tst_workerjob.moc"
