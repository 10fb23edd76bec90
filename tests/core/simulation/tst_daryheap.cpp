// SPDX-License-Identifier: Apache-2.0
// DaryHeap pops in std::priority_queue's order.

#include "core/simulation/DaryHeap.h"

#include <QRandomGenerator>
#include <QTest>

#include <functional>
#include <queue>

using namespace ta::core;

namespace {

/// A key that repeats, and a number that tells equal keys apart: a total order, as the
/// simulation's timers (time, then sequence) have.
struct Item
{
    int key;
    int number;
    bool operator>(const Item &o) const { return key != o.key ? key > o.key : number > o.number; }
    bool operator==(const Item &) const = default;
};

} // namespace

class TestDaryHeap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void popsAsAPriorityQueue_data();
    void popsAsAPriorityQueue();
    void equalElementsAllComeOut();
};

void TestDaryHeap::popsAsAPriorityQueue_data()
{
    QTest::addColumn<int>("keys");
    QTest::addColumn<int>("operations");
    QTest::addColumn<int>("pushShare"); // of 100
    // Few keys (many equal), many; a heap that grows, one that stays small, one that drains.
    QTest::newRow("few keys, growing") << 8 << 20000 << 70;
    QTest::newRow("many keys, growing") << 1000000 << 20000 << 70;
    QTest::newRow("many keys, small") << 1000000 << 20000 << 50;
    QTest::newRow("drains often") << 100 << 20000 << 40;
}

void TestDaryHeap::popsAsAPriorityQueue()
{
    QFETCH(int, keys);
    QFETCH(int, operations);
    QFETCH(int, pushShare);
    QRandomGenerator random(quint32(keys * 31 + pushShare));
    DaryHeap<Item, std::greater<>> heap;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> reference;
    int number = 0;
    for (int op = 0; op < operations; ++op) {
        if (reference.empty() || int(random.bounded(100)) < pushShare) {
            const Item item{int(random.bounded(keys)), number++};
            heap.push(item);
            reference.push(item);
        } else {
            QCOMPARE(heap.top(), reference.top());
            heap.pop();
            reference.pop();
        }
        QCOMPARE(heap.size(), reference.size());
        QCOMPARE(heap.empty(), reference.empty());
    }
    while (!reference.empty()) {
        QCOMPARE(heap.top(), reference.top());
        heap.pop();
        reference.pop();
    }
    QVERIFY(heap.empty());
}

void TestDaryHeap::equalElementsAllComeOut()
{
    // Keys alone, with many equal: every one comes out, least first.
    DaryHeap<int, std::greater<>> heap;
    QList<int> in;
    for (int i = 0; i < 5000; ++i)
        in << int(QRandomGenerator::global()->bounded(20));
    for (int v : std::as_const(in))
        heap.push(v);
    QList<int> out;
    while (!heap.empty()) {
        out << heap.top();
        heap.pop();
    }
    std::sort(in.begin(), in.end());
    QCOMPARE(out, in);
}

QTEST_GUILESS_MAIN(TestDaryHeap)
#include "tst_daryheap.moc"
