// SPDX-License-Identifier: Apache-2.0
// Frames moved apart as blocks: each pair a gap apart afterwards, along the shorter way, frames
// that may not move kept where they are, the same offsets for the same input.
#include "core/graph/ClusterSeparation.h"

#include <QTest>

using namespace ta::core;

class TestClusterSeparation : public QObject
{
    Q_OBJECT

private:
    static QList<QRectF> moved(QList<QRectF> frames, const QList<QPointF> &offsets)
    {
        for (qsizetype i = 0; i < frames.size(); ++i)
            frames[i].translate(offsets.at(i));
        return frames;
    }

private Q_SLOTS:
    void framesApartStayPut()
    {
        const QList<QRectF> frames{{0, 0, 100, 50}, {130, 0, 100, 50}, {0, 80, 40, 40}};
        const QList<QPointF> offsets = ClusterSeparation::separate(frames, {}, 20);
        QCOMPARE(offsets, QList<QPointF>(3));
    }

    // Overlapping by 30 along x and 40 along y: pushed apart along x, 15 + gap / 2 each.
    void aPairGoesApartTheShorterWay()
    {
        const QList<QRectF> frames{{0, 0, 100, 100}, {70, 60, 100, 100}};
        const QList<QPointF> offsets = ClusterSeparation::separate(frames, {}, 20);
        QCOMPARE(offsets.at(0), QPointF(-25, 0));
        QCOMPARE(offsets.at(1), QPointF(25, 0));
        const QList<QRectF> after = moved(frames, offsets);
        QCOMPARE(after.at(1).left() - after.at(0).right(), 20.0);
        QVERIFY(ClusterSeparation::overlapping(after, {}, 20).isEmpty());
    }

    // A node outside every domain, or a domain with a pinned node, stays; the other goes all the
    // way. A frame inside another goes out of it, not merely by the overlap's width.
    void whatMayNotMoveStays()
    {
        const QList<QRectF> frames{{0, 0, 400, 300}, {150, 120, 60, 40}};
        const QList<bool> movable{false, true};
        const QList<QPointF> offsets = ClusterSeparation::separate(frames, movable, 10);
        QCOMPARE(offsets.at(0), QPointF());
        const QList<QRectF> after = moved(frames, offsets);
        QVERIFY(!after.at(0).adjusted(-5, -5, 5, 5).intersects(after.at(1)));
        // Out through the nearer side: up, 120 + 40 + 10.
        QCOMPARE(offsets.at(1), QPointF(0, -170));
        // Two that may not move stay as they are, and count as no overlap to fix.
        const QList<QRectF> fixed{{0, 0, 10, 10}, {5, 5, 10, 10}};
        QCOMPARE(ClusterSeparation::separate(fixed, {false, false}, 0), QList<QPointF>(2));
        QVERIFY(ClusterSeparation::overlapping(fixed, {false, false}, 0).isEmpty());
    }

    // Domains piled on one spot, as sfdp may leave clusters joined by federation: all apart
    // afterwards, and the same offsets every time.
    void aPileComesApart()
    {
        QList<QRectF> frames;
        for (int i = 0; i < 9; ++i)
            frames << QRectF(i * 7.0, i * 3.0, 300 + i * 40, 200 - i * 10);
        QVERIFY(!ClusterSeparation::overlapping(frames, {}, 24).isEmpty());
        const QList<QPointF> offsets = ClusterSeparation::separate(frames, {}, 24);
        const QList<QRectF> after = moved(frames, offsets);
        QVERIFY(ClusterSeparation::overlapping(after, {}, 24).isEmpty());
        for (qsizetype i = 0; i < after.size(); ++i)
            QCOMPARE(after.at(i).size(), frames.at(i).size());
        QCOMPARE(ClusterSeparation::separate(frames, {}, 24), offsets);
    }
};

QTEST_GUILESS_MAIN(TestClusterSeparation)
#include "tst_clusterseparation.moc"
