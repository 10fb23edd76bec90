// SPDX-License-Identifier: Apache-2.0
// The workspace's cache of where the canvas drew each node, in a real workspace file: read back
// as saved, and not reused when another layout placed the nodes, save those pinned by hand.
#include "core/graph/GraphPositionStore.h"
#include "core/store/Database.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestGraphPositionStore : public QObject
{
    Q_OBJECT

private:
    static GraphPositions sample()
    {
        GraphPositions p;
        p.positions.insert(QStringLiteral("td/prod.example"), QPointF(12.5, -40.3));
        p.positions.insert(QStringLiteral("workload/api"), QPointF(-300, 220.7));
        p.positions.insert(QStringLiteral("node/vm-1"), QPointF(0, 0));
        p.pinned.insert(QStringLiteral("workload/api"));
        return p;
    }
    std::unique_ptr<Workspace> workspace(const QString &name)
    {
        auto ws = Workspace::create(m_dir.filePath(name), std::nullopt);
        return ws ? std::move(*ws) : nullptr;
    }
    // Marks the stored positions as placed by @p layout (null: no mark, as a build before the
    // mark saved them).
    static void markLayout(Database &db, const char *layout)
    {
        QVERIFY(db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'graph_layout'")).ok());
        if (!layout)
            return;
        auto st =
            db.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('graph_layout', ?)"));
        QVERIFY(st.ok());
        st->bind(1, QByteArray(layout));
        QVERIFY(st->exec().ok());
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void readsBackWhatItSaved()
    {
        auto ws = workspace(QStringLiteral("saved.atlas"));
        QVERIFY(ws);
        QVERIFY(GraphPositionStore::save(ws->database(), sample()).ok());
        auto loaded = GraphPositionStore::load(ws->database());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->positions, sample().positions);
        QCOMPARE(loaded->pinned, sample().pinned);
        // Saved again (fewer nodes), nothing of the first is left.
        GraphPositions fewer;
        fewer.positions.insert(QStringLiteral("node/vm-1"), QPointF(5, 6));
        QVERIFY(GraphPositionStore::save(ws->database(), fewer).ok());
        loaded = GraphPositionStore::load(ws->database());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->positions, fewer.positions);
        QVERIFY(loaded->pinned.isEmpty());
    }

    void anotherLayoutsPositionsAreNotReused_data()
    {
        QTest::addColumn<QByteArray>("layout");
        QTest::newRow("saved before layouts were named") << QByteArray();
        QTest::newRow("another layout") << QByteArray("sfdp-prism-2");
    }
    // A workspace whose positions an older layout placed (sfdp with prism0 left most nodes on
    // top of others) is laid out again when opened; what a user pinned stays where it was put.
    void anotherLayoutsPositionsAreNotReused()
    {
        QFETCH(QByteArray, layout);
        auto ws = workspace(QStringLiteral("older-%1.atlas")
                                .arg(QTest::currentDataTag())
                                .replace(QLatin1Char(' '), QLatin1Char('-')));
        QVERIFY(ws);
        QVERIFY(GraphPositionStore::save(ws->database(), sample()).ok());
        markLayout(ws->database(), layout.isNull() ? nullptr : layout.constData());
        auto loaded = GraphPositionStore::load(ws->database());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->positions.size(), 1);
        QCOMPARE(loaded->positions.value(QStringLiteral("workload/api")), QPointF(-300, 220.7));
        QCOMPARE(loaded->pinned, QSet<QString>{QStringLiteral("workload/api")});
        // Saved by this build, they are its own again.
        QVERIFY(GraphPositionStore::save(ws->database(), sample()).ok());
        loaded = GraphPositionStore::load(ws->database());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->positions, sample().positions);
    }
};

QTEST_GUILESS_MAIN(TestGraphPositionStore)
#include "tst_graphpositionstore.moc"
