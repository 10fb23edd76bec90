// SPDX-License-Identifier: Apache-2.0
// BriefLocker locks its mutex for its scope as QMutexLocker does: threads exclude one another,
// the lock is free again when the scope ends, and a holder that keeps the lock longer than the
// locker's tries is waited for, not passed.
#include "core/BriefLocker.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace ta::core;
using namespace std::chrono_literals;

class TestBriefLocker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasesAtScopeEnd();
    void threadsExcludeOneAnother();
    void waitsForALongHolder();
};

void TestBriefLocker::releasesAtScopeEnd()
{
    QMutex mutex;
    {
        const BriefLocker lock(mutex);
        // Held: another thread's try fails (QMutex is not recursive, so try from one).
        bool taken = true;
        std::thread([&] { taken = mutex.tryLock(); }).join();
        QVERIFY(!taken);
    }
    QVERIFY(mutex.tryLock());
    mutex.unlock();
}

void TestBriefLocker::threadsExcludeOneAnother()
{
    // A plain counter: increments that overlapped would lose some.
    QMutex mutex;
    long long counter = 0;
    constexpr int kThreads = 4;
    constexpr int kEach = 200000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < kEach; ++i) {
                const BriefLocker lock(mutex);
                const long long seen = counter;
                counter = seen + 1;
            }
        });
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(counter, (long long)kThreads * kEach);
}

void TestBriefLocker::waitsForALongHolder()
{
    // Held far longer than the locker's tries take: the other thread must sleep on the mutex
    // until it is released, not go on without it.
    QMutex mutex;
    std::atomic<bool> released{false};
    std::atomic<bool> entered{false};
    std::atomic<bool> enteredAfterRelease{false};
    mutex.lock();
    std::thread other([&] {
        const BriefLocker lock(mutex);
        enteredAfterRelease = released.load();
        entered = true;
    });
    std::this_thread::sleep_for(50ms);
    QVERIFY(!entered.load());
    released = true;
    mutex.unlock();
    other.join();
    QVERIFY(entered.load());
    QVERIFY(enteredAfterRelease.load());
    QVERIFY(mutex.tryLock());
    mutex.unlock();
}

QTEST_GUILESS_MAIN(TestBriefLocker)
#include "tst_brieflocker.moc"
