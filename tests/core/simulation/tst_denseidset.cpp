// SPDX-License-Identifier: Apache-2.0
// DenseIdSet holds what a std::set given the same changes holds.

#include "core/simulation/DenseIdSet.h"

#include <QRandomGenerator>
#include <QTest>

#include <set>

using namespace ta::core;

class TestDenseIdSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithASet_data();
    void agreesWithASet();
    void edges();
};

void TestDenseIdSet::agreesWithASet_data()
{
    QTest::addColumn<int>("range");
    QTest::addColumn<int>("steps");
    QTest::newRow("few numbers, many changes") << 8 << 5000;
    QTest::newRow("credentials") << 20000 << 60000;
}

void TestDenseIdSet::agreesWithASet()
{
    QFETCH(int, range);
    QFETCH(int, steps);
    QRandomGenerator random(20261207);
    DenseIdSet set;
    std::set<int> expected;
    for (int step = 0; step < steps; ++step) {
        const int id = int(random.bounded(range));
        // Adds twice as often as it removes for the first half, so the set grows, then as
        // often.
        const bool add = step < steps / 2 ? random.bounded(3) != 0 : random.bounded(2) == 0;
        if (add)
            QCOMPARE(set.insert(id), expected.insert(id).second);
        else
            QCOMPARE(set.remove(id), expected.erase(id) == 1);
        QCOMPARE(set.size(), expected.size());
        QCOMPARE(set.contains(id), expected.count(id) == 1);
        if (step % 997 == 0) {
            std::vector<int> members = set.members();
            std::sort(members.begin(), members.end());
            QCOMPARE(members, std::vector<int>(expected.cbegin(), expected.cend()));
        }
    }
    std::vector<int> members = set.members();
    std::sort(members.begin(), members.end());
    QCOMPARE(members, std::vector<int>(expected.cbegin(), expected.cend()));
}

void TestDenseIdSet::edges()
{
    DenseIdSet set;
    QVERIFY(!set.insert(-1));
    QVERIFY(!set.contains(-1));
    QVERIFY(!set.remove(-1));
    QVERIFY(!set.remove(5)); // beyond any number seen
    QVERIFY(set.insert(0));
    QVERIFY(!set.insert(0));
    QVERIFY(set.insert(1000000));
    QVERIFY(set.contains(1000000));
    QVERIFY(!set.contains(999999));
    QVERIFY(set.remove(0)); // the last member moves into its place
    QCOMPARE(set.members(), std::vector<int>{1000000});
    QVERIFY(set.remove(1000000));
    QCOMPARE(set.size(), size_t(0));
    QVERIFY(set.insert(0));
    QCOMPARE(set.members(), std::vector<int>{0});
}

QTEST_GUILESS_MAIN(TestDenseIdSet)
#include "tst_denseidset.moc"
