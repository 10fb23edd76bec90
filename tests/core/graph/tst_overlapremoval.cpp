// SPDX-License-Identifier: Apache-2.0
// The end of sfdp's overlap removal: overlapping boxes pushed apart along the line between them,
// boxes no push reaches kept, the nearest free room when the rounds run out, and no two boxes
// overlap afterwards, the same way every time.
#include "core/graph/FreeRoom.h"
#include "core/graph/OverlapRemoval.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace ta::core;

class TestOverlapRemoval : public QObject
{
    Q_OBJECT

private:
    static QList<QRectF> placed(QList<QRectF> boxes, const QList<QPointF> &centres)
    {
        for (qsizetype i = 0; i < boxes.size(); ++i)
            boxes[i].moveCenter(centres.at(i));
        return boxes;
    }
    static QList<QPointF> centresOf(const QList<QRectF> &boxes)
    {
        QList<QPointF> out;
        for (const QRectF &b : boxes)
            out << b.center();
        return out;
    }
    // @p count boxes of the canvas's sizes, scattered over @p side points square.
    static QList<QRectF> scattered(int count, double side, quint32 seed)
    {
        QRandomGenerator random(seed);
        QList<QRectF> boxes;
        for (int i = 0; i < count; ++i) {
            const double w = 60 + random.bounded(120);
            const double h = 30 + random.bounded(20);
            boxes << QRectF(random.bounded(side), random.bounded(side), w, h);
        }
        return boxes;
    }

private Q_SLOTS:
    void boxesApartStayPut()
    {
        // Touching edges are no overlap.
        const QList<QRectF> boxes{{0, 0, 100, 36}, {100, 0, 50, 36}, {0, 40, 100, 36}};
        QCOMPARE(OverlapRemoval::apart(boxes), centresOf(boxes));
        QVERIFY(OverlapRemoval::overlapping(boxes).isEmpty());
    }

    // Two boxes on each other go apart along the line between their centres, as far each, until
    // the margin lies between them: here the line leaves their combined half-heights first
    // (centres 10 and 5 apart), so they end 36 + 4 apart in y. A third, apart, stays.
    void aPairGoesApartAlongTheLineBetweenThem()
    {
        const QList<QRectF> boxes{{0, 0, 100, 36}, {10, 5, 100, 36}, {500, 0, 100, 36}};
        QCOMPARE(OverlapRemoval::overlapping(boxes), (QList<QPair<int, int>>{{0, 1}}));
        const QList<QPointF> centres = OverlapRemoval::apart(boxes);
        QCOMPARE(centres.at(2), boxes.at(2).center());
        const QPointF moved0 = centres.at(0) - boxes.at(0).center();
        const QPointF moved1 = centres.at(1) - boxes.at(1).center();
        QCOMPARE(moved0, -moved1);
        // Along the line: the moves are parallel to (10, 5).
        QVERIFY(std::abs(moved1.x() * 5 - moved1.y() * 10) < 1e-9);
        QVERIFY(moved1.x() > 0);
        const QList<QRectF> after = placed(boxes, centres);
        QVERIFY(OverlapRemoval::overlapping(after).isEmpty());
        QVERIFY(std::abs(after.at(1).top() - after.at(0).bottom() - FreeRoom::kMargin) < 1e-9);
    }

    // Two on the same centre go opposite ways, whichever way the index says.
    void boxesOnOneCentreGoOppositeWays()
    {
        const QList<QRectF> boxes{{0, 0, 100, 36}, {0, 0, 100, 36}};
        const QList<QPointF> centres = OverlapRemoval::apart(boxes);
        QCOMPARE(centres.at(0) - boxes.at(0).center(), boxes.at(1).center() - centres.at(1));
        QVERIFY(OverlapRemoval::overlapping(placed(boxes, centres)).isEmpty());
    }

    // A grid with three boxes dropped on others, as 20 attempts of prism leave a layout: the
    // boxes dropped and those they lie on move, pushing their neighbours (and those theirs) in the
    // grid's gaps of 30 and 20 points, and the rest of the grid stays where it was.
    void onlyTheCrowdedMove()
    {
        QList<QRectF> boxes;
        for (int row = 0; row < 20; ++row) {
            for (int col = 0; col < 20; ++col)
                boxes << QRectF(col * 150, row * 60, 120, 40);
        }
        const QList<QRectF> grid = boxes;
        boxes[45].moveCenter(boxes.at(46).center() + QPointF(20, 10));
        boxes[212].moveCenter(boxes.at(230).center() + QPointF(-30, -5));
        boxes[300].moveCenter((boxes.at(301).center() + boxes.at(302).center()) / 2);
        OverlapRemoval::Report report;
        const QList<QPointF> centres =
            OverlapRemoval::apart(boxes, OverlapRemoval::kRounds, &report);
        QVERIFY(OverlapRemoval::overlapping(placed(boxes, centres)).isEmpty());
        // By pushes alone.
        QCOMPARE(report.placed, 0);
        QSet<int> crowded;
        for (const auto &[i, j] : OverlapRemoval::overlapping(boxes))
            crowded << i << j;
        QCOMPARE(crowded, (QSet<int>{45, 46, 212, 230, 300, 301, 302}));
        int pushed = 0;
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            const bool moved = centres.at(i) != boxes.at(i).center();
            if (crowded.contains(int(i))) {
                QVERIFY2(moved, qPrintable(QString::number(i)));
                continue;
            }
            // Within two cells of a crowded box, or not moved at all.
            bool near = false;
            for (const int c : std::as_const(crowded)) {
                for (const QRectF &at : {grid.at(c), boxes.at(c)}) {
                    const QPointF d = grid.at(i).center() - at.center();
                    near = near || (std::abs(d.x()) <= 300 && std::abs(d.y()) <= 120);
                }
            }
            QVERIFY2(!moved || near, qPrintable(QString::number(i)));
            pushed += moved ? 1 : 0;
        }
        QVERIFY2(pushed <= 12, qPrintable(QString::number(pushed)));
        QCOMPARE(report.pushed, crowded.size() + pushed);
    }

    // With no rounds of pushes, each box on another goes to the nearest free room instead, the
    // first of each pair staying: the end apart() falls back on when the rounds run out.
    void theNearestFreeRoomWhenRoundsRunOut()
    {
        const QList<QRectF> boxes{{0, 0, 100, 36}, {10, 5, 100, 36}, {500, 0, 100, 36}};
        const QList<QPointF> centres = OverlapRemoval::apart(boxes, 0);
        QCOMPARE(centres.at(0), boxes.at(0).center());
        QCOMPARE(centres.at(2), boxes.at(2).center());
        const QList<QRectF> after = placed(boxes, centres);
        QVERIFY(OverlapRemoval::overlapping(after).isEmpty());
        // Out the shortest way: up or down, to the margin.
        const double gap = std::max(after.at(1).top() - after.at(0).bottom(),
                                    after.at(0).top() - after.at(1).bottom());
        QCOMPARE(gap, FreeRoom::kMargin);
    }

    // Everything piled on one spot, and a dense random scatter: all apart afterwards, and the
    // same centres on a second run.
    void pilesComeApart_data()
    {
        QTest::addColumn<QList<QRectF>>("boxes");
        QList<QRectF> pile;
        for (int i = 0; i < 300; ++i)
            pile << QRectF(0, 0, 80 + i % 7 * 10, 36);
        QTest::newRow("300 on one spot") << pile;
        QTest::newRow("600 scattered, more than their square holds") << scattered(600, 1500, 7);
        QTest::newRow("2,000 scattered") << scattered(2000, 6000, 7);
    }
    void pilesComeApart()
    {
        QFETCH(QList<QRectF>, boxes);
        QVERIFY(!OverlapRemoval::overlapping(boxes).isEmpty());
        OverlapRemoval::Report report;
        const QList<QPointF> centres =
            OverlapRemoval::apart(boxes, OverlapRemoval::kRounds, &report);
        const QList<QRectF> after = placed(boxes, centres);
        QCOMPARE(OverlapRemoval::overlapping(after).size(), 0);
        qInfo("%d rounds, %d boxes pushed, %d placed", report.rounds, report.pushed, report.placed);
        QCOMPARE(report.placed, 0);
        QCOMPARE(OverlapRemoval::apart(boxes), centres);
        // And by the nearest free room alone.
        QCOMPARE(OverlapRemoval::overlapping(placed(boxes, OverlapRemoval::apart(boxes, 0))).size(),
                 0);
        // Each box kept its size.
        for (qsizetype i = 0; i < boxes.size(); ++i)
            QCOMPARE(after.at(i).size(), boxes.at(i).size());
    }

    // overlapping() reports each pair once, however many squares of its grid the two share.
    void pairsAreCountedOnce()
    {
        const QList<QRectF> boxes{{250, 250, 20, 20}, {240, 240, 40, 40}, {0, 0, 600, 600}};
        QCOMPARE(OverlapRemoval::overlapping(boxes),
                 (QList<QPair<int, int>>{{0, 1}, {0, 2}, {1, 2}}));
    }
};

QTEST_GUILESS_MAIN(TestOverlapRemoval)
#include "tst_overlapremoval.moc"
