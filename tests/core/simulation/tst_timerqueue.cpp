// SPDX-License-Identifier: Apache-2.0
// TimerQueue gives timers in a priority queue's order, whatever lanes they were pushed to, and
// keeps the heap for what its lanes cannot hold.

#include "core/simulation/TimerQueue.h"

#include <QRandomGenerator>
#include <QTest>

#include <functional>
#include <limits>
#include <queue>

using namespace ta::core;

namespace {

/// A timer as the simulation's: a time that repeats, and an order that tells equal times apart.
struct Item
{
    qint64 atMs;
    quint64 seq;
    bool operator>(const Item &o) const { return atMs != o.atMs ? atMs > o.atMs : seq > o.seq; }
    bool operator==(const Item &) const = default;
};

} // namespace

class TestTimerQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void popsAsAPriorityQueue_data();
    void popsAsAPriorityQueue();
    void timersInOrderStayInTheirLanes();
    void aTimerBeforeItsLanesLastGoesToTheHeap();
    void lanesPastTheLastAllowedUseTheHeap();
    void nothingComesOutBeforeItIsDue();
    void aheadSeesALanesLaterTimers();
};

void TestTimerQueue::popsAsAPriorityQueue_data()
{
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("spread"); // how far (ms) a timer may fall before its lane's clock
    QTest::addColumn<int>("outOfOrderShare"); // of 100: timers pushed before their lane's last
    // The simulation's shape (few lanes, in order); timers out of order; more lanes than kept.
    QTest::newRow("in order, 3 lanes") << 3 << 1 << 0;
    QTest::newRow("some out of order") << 4 << 50 << 10;
    QTest::newRow("many out of order") << 2 << 500 << 60;
    QTest::newRow("more lanes than kept") << 40 << 20 << 5;
}

void TestTimerQueue::popsAsAPriorityQueue()
{
    QFETCH(int, lanes);
    QFETCH(int, spread);
    QFETCH(int, outOfOrderShare);
    QRandomGenerator random(quint32(lanes * 131 + spread * 7 + outOfOrderShare));
    TimerQueue<Item> queue;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> reference;
    // The clock moves on; each lane's timers are its span after the instant they are pushed.
    qint64 now = 0;
    quint64 seq = 0;
    for (int op = 0; op < 30000; ++op) {
        now += qint64(random.bounded(3));
        if (random.bounded(100) < 60) {
            const int lane = int(random.bounded(lanes));
            qint64 at = now + 100 + lane * 10;
            if (int(random.bounded(100)) < outOfOrderShare)
                at -= qint64(random.bounded(spread));
            const Item item{at, seq++};
            queue.push(item, lane);
            reference.push(item);
        } else {
            // Everything due by now comes out, least first; nothing else does.
            Item out{};
            while (!reference.empty() && reference.top().atMs <= now) {
                QVERIFY(queue.popDue(now, out));
                QCOMPARE(out, reference.top());
                reference.pop();
            }
            QVERIFY(!queue.popDue(now, out));
        }
        QCOMPARE(queue.size(), reference.size());
    }
    Item out{};
    while (!reference.empty()) {
        QVERIFY(queue.popDue(std::numeric_limits<qint64>::max(), out));
        QCOMPARE(out, reference.top());
        reference.pop();
    }
    QVERIFY(queue.empty());
    QVERIFY(queue.lanes() <= TimerQueue<Item>::kMaxLanes);
}

void TestTimerQueue::timersInOrderStayInTheirLanes()
{
    TimerQueue<Item> queue;
    quint64 seq = 0;
    for (qint64 t = 0; t < 1000; ++t) {
        queue.push({t + 600, seq++}, 1);
        queue.push({t + 900, seq++}, 2);
        queue.push({t + 3600, seq++}, 3);
        // Equal times, in the order given.
        queue.push({t + 3600, seq++}, 3);
    }
    QCOMPARE(queue.lanes(), size_t(3));
    QCOMPARE(queue.inHeap(), size_t(0));
    QCOMPARE(queue.size(), size_t(4000));
    Item previous{-1, 0};
    Item out{};
    while (queue.popDue(100000, out)) {
        QVERIFY(out > previous);
        previous = out;
    }
    QVERIFY(queue.empty());
}

void TestTimerQueue::aTimerBeforeItsLanesLastGoesToTheHeap()
{
    TimerQueue<Item> queue;
    queue.push({100, 1}, 7);
    queue.push({50, 2}, 7);  // before the lane's last
    queue.push({100, 0}, 7); // equal time, earlier order: before it too
    queue.push({150, 3}, 7);
    QCOMPARE(queue.inHeap(), size_t(2));
    Item out{};
    QVERIFY(queue.popDue(1000, out));
    QCOMPARE(out, (Item{50, 2}));
    QVERIFY(queue.popDue(1000, out));
    QCOMPARE(out, (Item{100, 0}));
    QVERIFY(queue.popDue(1000, out));
    QCOMPARE(out, (Item{100, 1}));
    QVERIFY(queue.popDue(1000, out));
    QCOMPARE(out, (Item{150, 3}));
    QVERIFY(queue.empty());
}

void TestTimerQueue::lanesPastTheLastAllowedUseTheHeap()
{
    TimerQueue<Item> queue;
    const int named = int(TimerQueue<Item>::kMaxLanes) + 4;
    quint64 seq = 0;
    for (int lane = 0; lane < named; ++lane)
        queue.push({1000 - lane, seq++}, lane);
    QCOMPARE(queue.lanes(), TimerQueue<Item>::kMaxLanes);
    QCOMPARE(queue.inHeap(), size_t(4));
    // The heap's timers are the earliest here, and come out first.
    Item out{};
    for (int lane = named - 1; lane >= 0; --lane) {
        QVERIFY(queue.popDue(1000, out));
        QCOMPARE(out.atMs, qint64(1000 - lane));
    }
    QVERIFY(queue.empty());
}

void TestTimerQueue::nothingComesOutBeforeItIsDue()
{
    TimerQueue<Item> queue;
    queue.push({500, 1}, 1);
    queue.push({300, 2}, 2);
    queue.push({200, 3}, 2); // to the heap
    Item out{};
    QVERIFY(!queue.popDue(199, out));
    QCOMPARE(queue.size(), size_t(3));
    QVERIFY(queue.popDue(300, out));
    QCOMPARE(out.atMs, qint64(200));
    QVERIFY(queue.popDue(300, out));
    QCOMPARE(out.atMs, qint64(300));
    QVERIFY(!queue.popDue(499, out));
    QVERIFY(queue.popDue(500, out));
    QVERIFY(queue.empty());
}

void TestTimerQueue::aheadSeesALanesLaterTimers()
{
    TimerQueue<Item> queue;
    for (quint64 i = 0; i < 5; ++i) {
        queue.push({qint64(100 + i), i}, 1);
        queue.push({qint64(200 + i), 10 + i}, 2);
    }
    queue.push({50, 20}, 2); // to the heap: not in the lane's order
    QCOMPARE(queue.ahead(1, 0)->atMs, qint64(100));
    QCOMPARE(queue.ahead(1, 3)->atMs, qint64(103));
    QCOMPARE(queue.ahead(2, 4)->atMs, qint64(204));
    QCOMPARE(queue.ahead(1, 5), nullptr);
    QCOMPARE(queue.ahead(3, 0), nullptr); // no such lane
    Item out{};
    QVERIFY(queue.popDue(100, out));
    QVERIFY(queue.popDue(100, out));
    QCOMPARE(out.atMs, qint64(100));
    QCOMPARE(queue.ahead(1, 0)->atMs, qint64(101));
    QCOMPARE(queue.ahead(2, 0)->atMs, qint64(200));
}

QTEST_GUILESS_MAIN(TestTimerQueue)
#include "tst_timerqueue.moc"
