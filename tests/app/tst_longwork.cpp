// SPDX-License-Identifier: Apache-2.0
// The status bar's long-work rows: a tracked future shows its title, progress and a Cancel
// button; Cancel (or Esc) cancels the future; several run side by side; a finished, cancelled or
// failed task clears its row, and a failure leaves a message (issue 11).
#include "app/gui/LongWork.h"
#include "views/TaskProgress.h"

#include <QException>
#include <QMainWindow>
#include <QProgressBar>
#include <QPromise>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using ta::app::LongWork;

namespace {

// Reports @p steps steps of progress, then waits until @p release (or a cancel).
// Runs on a pool of its own, so that tasks left running never starve the next test.
QFuture<void> job(std::atomic<bool> &release, std::atomic<int> &seenSteps, int steps = 4)
{
    static QThreadPool pool;
    pool.setMaxThreadCount(8);
    return QtConcurrent::run(&pool, [&release, &seenSteps, steps](QPromise<void> &promise) {
        promise.setProgressRange(0, steps);
        for (int i = 1; i <= steps; ++i) {
            promise.setProgressValueAndText(i, QStringLiteral("step %1 of %2").arg(i).arg(steps));
            seenSteps = i;
        }
        while (!release && !promise.isCanceled())
            QThread::msleep(5);
    });
}

class Failure : public QException
{
public:
    void raise() const override { throw *this; }
    Failure *clone() const override { return new Failure(*this); }
};

} // namespace

class TestLongWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTitleAndProgressWhileRunning();
    void cancelButtonCancelsTheFuture();
    void escapeCancelsTheFocusedTask();
    void severalTasksAreListed();
    void failureLeavesAMessage();
    void failureTextFromTheOwner();
    void quickTaskNeverShows();
};

void TestLongWork::showsTitleAndProgressWhileRunning()
{
    QMainWindow window;
    LongWork work(window.statusBar());
    work.setShowDelay(0);
    window.show();
    std::atomic<bool> release{false};
    std::atomic<int> steps{0};
    QFuture<void> future = job(release, steps);
    work.track(QStringLiteral("Laying out"), future);
    QCOMPARE(work.runningTitles(), QStringList{QStringLiteral("Laying out")});
    auto *tasks = work.widget();
    QTRY_COMPARE(tasks->count(), 1);
    QVERIFY(tasks->isVisible());
    const int id = tasks->taskIds().constFirst();
    QCOMPARE(tasks->title(id), QStringLiteral("Laying out"));
    QTRY_COMPARE(tasks->progressBar(id)->maximum(), 4);
    QTRY_COMPARE(tasks->progressBar(id)->value(), 4);
    QCOMPARE(tasks->progressBar(id)->format(), QStringLiteral("step 4 of 4"));
    QVERIFY(tasks->cancelButton(id)->isVisible());

    QSignalSpy ended(&work, &LongWork::taskEnded);
    release = true;
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(1).toString(), QString());
    QCOMPARE(tasks->count(), 0);
    QVERIFY(!tasks->isVisible());
    QCOMPARE(work.runningCount(), 0);
}

void TestLongWork::cancelButtonCancelsTheFuture()
{
    QMainWindow window;
    LongWork work(window.statusBar());
    work.setShowDelay(0);
    window.show();
    std::atomic<bool> release{false};
    std::atomic<int> steps{0};
    QFuture<void> future = job(release, steps);
    work.track(QStringLiteral("Generating keys"), future);
    QTRY_COMPARE(work.widget()->count(), 1);
    QSignalSpy ended(&work, &LongWork::taskEnded);
    QTest::mouseClick(work.widget()->cancelButton(work.widget()->taskIds().constFirst()),
                      Qt::LeftButton);
    QVERIFY(future.isCanceled());
    QTRY_COMPARE(ended.size(), 1);
    QVERIFY(future.isFinished());
    QCOMPARE(ended.at(0).at(1).toString(), QString());
    QCOMPARE(work.widget()->count(), 0);
    QVERIFY(window.statusBar()->currentMessage().isEmpty());
}

void TestLongWork::escapeCancelsTheFocusedTask()
{
    QMainWindow window;
    LongWork work(window.statusBar());
    work.setShowDelay(0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    std::atomic<bool> release{false};
    std::atomic<int> steps{0};
    QFuture<void> first = job(release, steps);
    QFuture<void> second = job(release, steps);
    work.track(QStringLiteral("First"), first);
    work.track(QStringLiteral("Second"), second);
    QTRY_COMPARE(work.widget()->count(), 2);
    // Esc on the first row's Cancel button cancels that task, not the newest.
    QToolButton *firstCancel = work.widget()->cancelButton(work.widget()->taskIds().constFirst());
    window.activateWindow();
    firstCancel->setFocus();
    QTest::keyClick(firstCancel, Qt::Key_Escape);
    const auto guard = qScopeGuard([&] { release = true; });
    QVERIFY(first.isCanceled());
    QVERIFY(!second.isCanceled());
    QTRY_COMPARE(work.widget()->count(), 1);
    QCOMPARE(work.runningTitles(), QStringList{QStringLiteral("Second")});
    release = true;
    QTRY_COMPARE(work.runningCount(), 0);
}

void TestLongWork::severalTasksAreListed()
{
    QMainWindow window;
    LongWork work(window.statusBar());
    work.setShowDelay(0);
    window.show();
    std::atomic<bool> releaseA{false}, releaseB{false}, releaseC{false};
    std::atomic<int> steps{0};
    QFuture<void> a = job(releaseA, steps, 2);
    QFuture<void> b = job(releaseB, steps, 5);
    QFuture<void> c = job(releaseC, steps, 3);
    work.track(QStringLiteral("A"), a);
    work.track(QStringLiteral("B"), b);
    work.track(QStringLiteral("C"), c);
    QTRY_COMPARE(work.widget()->count(), 3);
    const QList<int> ids = work.widget()->taskIds();
    QCOMPARE(work.widget()->title(ids.at(0)), QStringLiteral("A"));
    QCOMPARE(work.widget()->title(ids.at(1)), QStringLiteral("B"));
    QTRY_COMPARE(work.widget()->progressBar(ids.at(1))->maximum(), 5);
    QTRY_COMPARE(work.widget()->progressBar(ids.at(2))->maximum(), 3);
    releaseB = true;
    QTRY_COMPARE(work.widget()->count(), 2);
    QCOMPARE(work.runningTitles(), (QStringList{QStringLiteral("A"), QStringLiteral("C")}));
    work.cancelAll();
    QVERIFY(a.isCanceled());
    QVERIFY(c.isCanceled());
    QTRY_COMPARE(work.widget()->count(), 0);
    QVERIFY(!work.widget()->isVisible());
}

void TestLongWork::failureLeavesAMessage()
{
    QMainWindow window;
    LongWork work(window.statusBar());
    work.setShowDelay(0);
    window.show();
    QSignalSpy ended(&work, &LongWork::taskEnded);
    work.track(QStringLiteral("Importing anchors"), QtConcurrent::run([] {
                   QThread::msleep(20);
                   throw Failure();
               }));
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("Importing anchors failed."));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Importing anchors failed."));
    QCOMPARE(work.widget()->count(), 0);
}

void TestLongWork::failureTextFromTheOwner()
{
    QMainWindow window;
    LongWork work(window.statusBar());
    window.show();
    QSignalSpy ended(&work, &LongWork::taskEnded);
    QFuture<int> future = QtConcurrent::run([] { return 7; });
    work.track(QStringLiteral("Simulating"), QFuture<void>(future), [future] {
        return future.result() == 7 ? QStringLiteral("no evidence") : QString();
    });
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("no evidence"));
}

void TestLongWork::quickTaskNeverShows()
{
    // The default delay keeps a quick redraw's layout out of the status bar.
    QMainWindow window;
    LongWork work(window.statusBar());
    window.show();
    QSignalSpy ended(&work, &LongWork::taskEnded);
    QSignalSpy added(work.widget(), &ta::views::TaskProgress::cancelRequested);
    work.track(QStringLiteral("Quick"), QtConcurrent::run([] {}));
    QTRY_COMPARE(ended.size(), 1);
    QTest::qWait(400);
    QCOMPARE(work.widget()->count(), 0);
    QVERIFY(!work.widget()->isVisible());
}

QTEST_MAIN(TestLongWork)
#include "tst_longwork.moc"
