// SPDX-License-Identifier: Apache-2.0
// Retirement destroys what it is given on a thread of its own, after retire() has returned, one
// object at a time in the order given; drain() waits for them; TA_RETIREMENT=off destroys at once
// on the caller's thread.
#include "core/Retirement.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace ta::core;
using namespace std::chrono_literals;

namespace {

/// Notes where and when it was destroyed. Its destructor first waits (up to ten seconds) for
/// @p gate when one is given.
struct Noted
{
    struct Notes
    {
        std::atomic<bool> destroyed{false};
        std::atomic<bool> gateWasOpen{false};
        std::atomic<bool> onRetirementThread{false};
        std::thread::id thread;
    };
    Noted(Notes &notes, std::shared_future<void> gate = {},
          std::chrono::milliseconds work = std::chrono::milliseconds(0))
        : notes(notes), gate(std::move(gate)), work(work)
    {}
    Noted(const Noted &) = delete;
    Noted &operator=(const Noted &) = delete;
    Notes &notes;
    std::shared_future<void> gate;
    std::chrono::milliseconds work;

    ~Noted()
    {
        if (gate.valid())
            notes.gateWasOpen = gate.wait_for(10s) == std::future_status::ready;
        std::this_thread::sleep_for(work);
        notes.thread = std::this_thread::get_id();
        notes.onRetirementThread = Retirement::isRetirementThread();
        notes.destroyed = true;
    }
};

/// Appends its number to a shared list when destroyed.
struct Numbered
{
    Numbered(int number, std::mutex &mutex, std::vector<int> &order)
        : number(number), mutex(mutex), order(order)
    {}
    Numbered(const Numbered &) = delete;
    Numbered &operator=(const Numbered &) = delete;
    int number;
    std::mutex &mutex;
    std::vector<int> &order;
    ~Numbered()
    {
        const std::lock_guard lock(mutex);
        order.push_back(number);
    }
};

} // namespace

class TestRetirement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destroyedOnItsOwnThreadAfterRetireReturns();
    void destroyedInTheOrderRetired();
    void drainWaitsForWhatWasRetired();
    void offDestroysAtOnceOnTheCallersThread();
};

void TestRetirement::destroyedOnItsOwnThreadAfterRetireReturns()
{
    Noted::Notes notes;
    std::promise<void> open;
    Retirement::retire(std::make_unique<Noted>(notes, open.get_future().share()));
    // retire() returned while the destructor still waits for the gate, which opens only now.
    QVERIFY(!notes.destroyed);
    open.set_value();
    Retirement::drain();
    QVERIFY(notes.destroyed);
    QVERIFY(notes.gateWasOpen);
    QVERIFY(notes.thread != std::this_thread::get_id());
    QVERIFY(notes.onRetirementThread);
    QVERIFY(!Retirement::isRetirementThread());
}

void TestRetirement::destroyedInTheOrderRetired()
{
    std::mutex mutex;
    std::vector<int> order;
    std::vector<int> expected;
    // The thread is held by a first object until all 200 are queued.
    Noted::Notes notes;
    std::promise<void> open;
    Retirement::retire(std::make_unique<Noted>(notes, open.get_future().share()));
    for (int i = 0; i < 200; ++i) {
        Retirement::retire(std::make_unique<Numbered>(i, mutex, order));
        expected.push_back(i);
    }
    open.set_value();
    Retirement::drain();
    QVERIFY(notes.gateWasOpen);
    const std::lock_guard lock(mutex);
    QCOMPARE(order, expected);
}

void TestRetirement::drainWaitsForWhatWasRetired()
{
    Noted::Notes first;
    Noted::Notes second;
    Retirement::retire(std::make_unique<Noted>(first, std::shared_future<void>(), 150ms));
    Retirement::retire(std::make_unique<Noted>(second, std::shared_future<void>(), 150ms));
    Retirement::drain();
    QVERIFY(first.destroyed);
    QVERIFY(second.destroyed);
}

void TestRetirement::offDestroysAtOnceOnTheCallersThread()
{
    qputenv("TA_RETIREMENT", "off");
    Noted::Notes notes;
    Retirement::retire(std::make_unique<Noted>(notes));
    qunsetenv("TA_RETIREMENT");
    QVERIFY(notes.destroyed);
    QVERIFY(notes.thread == std::this_thread::get_id());
    QVERIFY(!notes.onRetirementThread);
}

QTEST_GUILESS_MAIN(TestRetirement)
#include "tst_retirement.moc"
