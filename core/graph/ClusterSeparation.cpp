// SPDX-License-Identifier: Apache-2.0
#include "core/graph/ClusterSeparation.h"

#include <algorithm>

namespace ta::core {
namespace {

bool mayMove(const QList<bool> &movable, qsizetype i)
{
    return movable.isEmpty() || (i < movable.size() && movable.at(i));
}

// How far @p a and @p b, each widened by half of @p gap, overlap along x and along y; both
// positive when they overlap.
QPointF overlapOf(const QRectF &a, const QRectF &b, double gap)
{
    const double half = gap / 2;
    const QRectF wa = a.adjusted(-half, -half, half, half);
    const QRectF wb = b.adjusted(-half, -half, half, half);
    return {std::min(wa.right(), wb.right()) - std::max(wa.left(), wb.left()),
            std::min(wa.bottom(), wb.bottom()) - std::max(wa.top(), wb.top())};
}

// Closer than the gap, by more than rounding (a hundredth of a point).
bool tooClose(const QPointF &overlap)
{
    return overlap.x() > 0.01 && overlap.y() > 0.01;
}

} // namespace

QList<QPointF> ClusterSeparation::separate(const QList<QRectF> &frames, const QList<bool> &movable,
                                           double gap, int maxRounds)
{
    QList<QRectF> at = frames;
    QList<QPointF> offsets(frames.size());
    for (int round = 0; round < maxRounds; ++round) {
        bool pushed = false;
        for (qsizetype i = 0; i < at.size(); ++i) {
            for (qsizetype j = i + 1; j < at.size(); ++j) {
                const bool moveI = mayMove(movable, i);
                const bool moveJ = mayMove(movable, j);
                if (!moveI && !moveJ)
                    continue;
                const QPointF overlap = overlapOf(at.at(i), at.at(j), gap);
                if (!tooClose(overlap))
                    continue;
                // Each away from the other (i first when their centres meet), along the axis
                // where the way apart is shorter: as far as takes them a gap apart, a frame
                // inside another included. By halves when both may move.
                const QPointF d = at.at(j).center() - at.at(i).center();
                const double half = gap / 2;
                const QRectF a = at.at(i).adjusted(-half, -half, half, half);
                const QRectF b = at.at(j).adjusted(-half, -half, half, half);
                const double alongX = d.x() >= 0 ? a.right() - b.left() : b.right() - a.left();
                const double alongY = d.y() >= 0 ? a.bottom() - b.top() : b.bottom() - a.top();
                QPointF push;
                if (alongX <= alongY)
                    push.setX(d.x() >= 0 ? alongX : -alongX);
                else
                    push.setY(d.y() >= 0 ? alongY : -alongY);
                const double shareI = moveI && moveJ ? 0.5 : moveI ? 1.0 : 0.0;
                const QPointF byI = -push * shareI;
                const QPointF byJ = push * (1.0 - shareI);
                at[i].translate(byI);
                offsets[i] += byI;
                at[j].translate(byJ);
                offsets[j] += byJ;
                pushed = true;
            }
        }
        if (!pushed)
            break;
    }
    return offsets;
}

QList<QPair<int, int>> ClusterSeparation::overlapping(const QList<QRectF> &frames,
                                                      const QList<bool> &movable, double gap)
{
    QList<QPair<int, int>> out;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        for (qsizetype j = i + 1; j < frames.size(); ++j) {
            if ((mayMove(movable, i) || mayMove(movable, j)) &&
                tooClose(overlapOf(frames.at(i), frames.at(j), gap)))
                out.append({int(i), int(j)});
        }
    }
    return out;
}

} // namespace ta::core
