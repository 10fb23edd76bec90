// SPDX-License-Identifier: Apache-2.0
#include "core/graph/OverlapRemoval.h"

#include "core/graph/FreeRoom.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ta::core {
namespace {

/// The boxes by the squares of the plane they cover, for finding a box's neighbours; a box moved
/// is told with moved().
class Squares
{
public:
    explicit Squares(const QList<QRectF> &boxes) : m_boxes(boxes)
    {
        for (int i = 0; i < boxes.size(); ++i)
            FreeRoom::eachSquare(boxes.at(i), [&](quint64 square) { m_members[square] << i; });
    }
    /// Box @p i, which was at @p from, is now where the list says.
    void moved(int i, const QRectF &from)
    {
        FreeRoom::eachSquare(from, [&](quint64 square) { m_members[square].removeOne(i); });
        FreeRoom::eachSquare(m_boxes.at(i), [&](quint64 square) { m_members[square] << i; });
    }
    /// Calls @p fn(j) for every other box that overlaps box @p i, possibly more than once; stops
    /// when it returns false.
    template <typename Fn>
    void overlapsOf(int i, const Fn &fn) const
    {
        const QRectF &box = m_boxes.at(i);
        bool going = true;
        FreeRoom::eachSquare(box, [&](quint64 square) {
            const auto it = m_members.constFind(square);
            if (it == m_members.cend())
                return;
            for (const int j : *it) {
                if (!going)
                    return;
                if (j != i && box.intersects(m_boxes.at(j)))
                    going = fn(j);
            }
        });
    }

private:
    const QList<QRectF> &m_boxes;
    QHash<quint64, QList<int>> m_members;
};

/// The boxes of @p active that overlap another, and those others, as pairs (i < j), sorted.
QList<QPair<int, int>> pairsOf(const Squares &squares, const QList<int> &active)
{
    QList<QPair<int, int>> pairs;
    for (const int i : active) {
        squares.overlapsOf(i, [&](int j) {
            pairs << qMakePair(std::min(i, j), std::max(i, j));
            return true;
        });
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

/// How far boxes @p a and @p b, which overlap, must each go along the line between their
/// centres (from @p a towards @p b; a turn of the golden angle per index apart when the centres
/// are one) for FreeRoom::kMargin points to lie between them: half the distance at which the
/// line leaves their combined half-sizes, less half the distance they are apart.
QPointF pushOf(const QRectF &a, const QRectF &b, int i, int j)
{
    QPointF v = b.center() - a.center();
    double length = std::hypot(v.x(), v.y());
    if (length < 1e-9) {
        const double angle = 2.39996322972865332 * (j - i);
        v = QPointF(std::cos(angle), std::sin(angle));
        length = 0;
    } else {
        v /= length;
    }
    const double reachX = std::abs(v.x()) > 1e-12
                              ? ((a.width() + b.width()) / 2 + FreeRoom::kMargin) / std::abs(v.x())
                              : std::numeric_limits<double>::infinity();
    const double reachY =
        std::abs(v.y()) > 1e-12
            ? ((a.height() + b.height()) / 2 + FreeRoom::kMargin) / std::abs(v.y())
            : std::numeric_limits<double>::infinity();
    return v * ((std::min(reachX, reachY) - length) / 2);
}

} // namespace

QList<QPointF> OverlapRemoval::apart(const QList<QRectF> &given, int rounds, Report *report)
{
    QList<QRectF> boxes = given;
    // Rounds of pushes: every overlapping pair pushes its two boxes apart along the line between
    // their centres, all pushes of a round summed and then made, and the boxes moved are checked
    // again in the next round. A crowd so spreads from within, each box moved a little, as prism
    // would have spread it: on a 10,030-node estate after 20 attempts of prism, about 90 rounds,
    // the boxes moved by 16 points (median) to 143 at most. Pushes one pair at a time along the
    // shorter axis went back and forth in such crowds, and a box sent to the nearest free room
    // went hundreds of points from its neighbours.
    QList<int> active(boxes.size());
    std::iota(active.begin(), active.end(), 0);
    Report made;
    QList<bool> pushedOnce(boxes.size(), false);
    {
        Squares squares(boxes);
        QList<QPointF> push(boxes.size());
        for (int round = 0; round < rounds && !active.isEmpty(); ++round) {
            const QList<QPair<int, int>> pairs = pairsOf(squares, active);
            active.clear();
            for (const auto &[i, j] : pairs) {
                const QPointF p = pushOf(boxes.at(i), boxes.at(j), i, j);
                for (const int k : {i, j}) {
                    if (push.at(k).isNull())
                        active << k;
                }
                push[i] -= p;
                push[j] += p;
            }
            std::sort(active.begin(), active.end());
            active.erase(std::unique(active.begin(), active.end()), active.end());
            if (!active.isEmpty())
                ++made.rounds;
            for (const int k : std::as_const(active)) {
                made.pushed += pushedOnce.at(k) ? 0 : 1;
                pushedOnce[k] = true;
                const QRectF from = boxes.at(k);
                boxes[k].translate(push.at(k));
                squares.moved(k, from);
                push[k] = QPointF();
            }
        }
    }
    QList<QPointF> centres;
    centres.reserve(boxes.size());
    for (const QRectF &box : std::as_const(boxes))
        centres << box.center();
    const auto done = [&] {
        if (report)
            *report = made;
        return centres;
    };
    if (active.isEmpty())
        return done();
    // The rounds ran out (a crowd with no way out found in time): what still lies on another goes
    // to the nearest free room, so that none does.
    QList<bool> onAnother(boxes.size(), false);
    {
        const Squares squares(boxes);
        for (int i = 0; i < boxes.size(); ++i) {
            squares.overlapsOf(i, [&](int) {
                onAnother[i] = true;
                return false;
            });
        }
    }
    FreeRoom room;
    for (int i = 0; i < boxes.size(); ++i) {
        if (!onAnother.at(i))
            room.stand(boxes.at(i));
    }
    for (int i = 0; i < boxes.size(); ++i) {
        if (!onAnother.at(i))
            continue;
        const QRectF &box = boxes.at(i);
        if (room.isFree(box, 0)) {
            room.stand(box);
            continue;
        }
        centres[i] = room.nearest(box);
        room.stand(box.translated(centres.at(i) - box.center()));
        ++made.placed;
    }
    return done();
}

QList<QPair<int, int>> OverlapRemoval::overlapping(const QList<QRectF> &boxes)
{
    const Squares squares(boxes);
    QSet<QPair<int, int>> pairs;
    for (int i = 0; i < boxes.size(); ++i) {
        squares.overlapsOf(i, [&](int j) {
            if (i < j)
                pairs.insert({i, j});
            return true;
        });
    }
    QList<QPair<int, int>> out(pairs.cbegin(), pairs.cend());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ta::core
