// SPDX-License-Identifier: Apache-2.0
#include "models/IncrementalTableModel.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using ta::models::IncrementalTableModel;

namespace {

struct Row
{
    QString key;
    int value = 0;

    bool operator==(const Row &) const = default;
};

/// Two columns: the key and the value.
class RowModel : public IncrementalTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 2;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
            return {};
        const Row &r = rows.at(index.row());
        return index.column() == 0 ? QVariant(r.key) : QVariant(r.value);
    }
    void set(const QList<Row> &fresh)
    {
        syncRows(rows, fresh, [](const Row &r) { return r.key; });
    }

    QList<Row> rows;
};

QList<Row> parse(const QString &spec)
{
    QList<Row> out;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList kv = item.split(QLatin1Char('='));
        out.append({kv.at(0), kv.size() > 1 ? kv.at(1).toInt() : 0});
    }
    return out;
}

} // namespace

class TestIncrementalTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sync_data();
    void sync();
    void randomChangesKeepPersistentIndexes();
};

void TestIncrementalTableModel::sync_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("inserted");
    QTest::addColumn<int>("moved");
    QTest::addColumn<int>("changed");
    // removed / inserted count signals (one per run of adjacent rows), not rows.
    QTest::newRow("unchanged") << "a b c"
                               << "a b c" << 0 << 0 << 0 << 0;
    QTest::newRow("empty to three") << ""
                                    << "a b c" << 0 << 1 << 0 << 0;
    QTest::newRow("three to empty") << "a b c"
                                    << "" << 1 << 0 << 0 << 0;
    QTest::newRow("insert middle") << "a c"
                                   << "a b c" << 0 << 1 << 0 << 0;
    QTest::newRow("remove two runs") << "a b c d e"
                                     << "a c e" << 2 << 0 << 0 << 0;
    QTest::newRow("value changed") << "a=1 b=1"
                                   << "a=1 b=2" << 0 << 0 << 0 << 1;
    QTest::newRow("moved up") << "a b c"
                              << "c a b" << 0 << 0 << 1 << 0;
    QTest::newRow("mixed") << "a b=1 c d"
                           << "e b=2 d f" << 2 << 2 << 0 << 1;
}

void TestIncrementalTableModel::sync()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    RowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.set(parse(before));
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.set(parse(after));
    QCOMPARE(model.rows, parse(after));
    QCOMPARE(reset.count(), 0);
    QTEST(int(removed.count()), "removed");
    QTEST(int(inserted.count()), "inserted");
    QTEST(int(moved.count()), "moved");
    QTEST(int(changed.count()), "changed");
}

void TestIncrementalTableModel::randomChangesKeepPersistentIndexes()
{
    RowModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QRandomGenerator random(42);
    QList<Row> current;
    for (int round = 0; round < 200; ++round) {
        // Keep a random subset of the rows in a shuffled order, with some values changed, and
        // add a few new keys at random places.
        QList<Row> fresh;
        for (const Row &r : std::as_const(current)) {
            if (random.bounded(4) != 0)
                fresh.append({r.key, random.bounded(3) == 0 ? r.value + 1 : r.value});
        }
        for (int i = int(fresh.size()) - 1; i > 0; --i) {
            if (random.bounded(5) == 0)
                fresh.swapItemsAt(i, random.bounded(i + 1));
        }
        const int added = random.bounded(4);
        for (int i = 0; i < added; ++i) {
            fresh.insert(random.bounded(int(fresh.size()) + 1),
                         {QStringLiteral("k%1-%2").arg(round).arg(i), 0});
        }
        // Every kept row's persistent index must still point at the same key afterwards.
        QList<std::pair<QPersistentModelIndex, QString>> watched;
        for (int row = 0; row < model.rowCount(); ++row)
            watched.append({QPersistentModelIndex(model.index(row, 0)), model.rows.at(row).key});
        model.set(fresh);
        QCOMPARE(model.rows, fresh);
        for (const auto &[index, key] : std::as_const(watched)) {
            const bool kept = std::any_of(fresh.cbegin(), fresh.cend(),
                                          [&](const Row &r) { return r.key == key; });
            QCOMPARE(index.isValid(), kept);
            if (kept)
                QCOMPARE(index.data().toString(), key);
        }
        current = fresh;
    }
    QCOMPARE(reset.count(), 0);
}

QTEST_GUILESS_MAIN(TestIncrementalTableModel)
#include "tst_incrementaltablemodel.moc"
