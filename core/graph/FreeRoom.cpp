// SPDX-License-Identifier: Apache-2.0
#include "core/graph/FreeRoom.h"

#include <QSet>

#include <cmath>
#include <queue>
#include <vector>

namespace ta::core {
namespace {

constexpr int kTurns = 400;
/// Candidate places nearest() tries before it goes beside everything that stands.
constexpr int kSearched = 20000;

} // namespace

void FreeRoom::stand(const QRectF &box)
{
    eachSquare(box, [&](quint64 square) { m_standing[square] << box; });
    m_extent = m_extent.isNull() ? box : m_extent.united(box);
}

const QRectF *FreeRoom::blocking(const QRectF &box, double margin) const
{
    const QRectF wide = box.adjusted(-margin, -margin, margin, margin);
    const QRectF *found = nullptr;
    eachSquare(wide, [&](quint64 square) {
        const auto it = m_standing.constFind(square);
        if (found || it == m_standing.cend())
            return;
        for (const QRectF &other : *it) {
            if (other.intersects(wide)) {
                found = &other;
                return;
            }
        }
    });
    return found;
}

QPointF FreeRoom::find(QPointF anchor, const QRectF &nodeRect, double firstRadius, int &turn) const
{
    QPointF p = anchor;
    for (int tries = 0; tries <= kTurns; ++tries) {
        const int k = turn++;
        const double angle = 2.39996 * k;
        const double radius = firstRadius + 40 * std::sqrt(double(k));
        p = anchor + QPointF(std::cos(angle), std::sin(angle)) * radius;
        if (isFree(nodeRect.translated(p)))
            break;
    }
    return p;
}

QPointF FreeRoom::nearest(const QRectF &box) const
{
    const QPointF centre = box.center();
    const QRectF atOrigin = box.translated(-centre);
    const double halfW = box.width() / 2 + kMargin;
    const double halfH = box.height() / 2 + kMargin;
    struct Candidate
    {
        double distance;
        QPointF at;
        bool operator>(const Candidate &o) const
        {
            // Ties by position, so that the search is the same every time.
            if (distance != o.distance)
                return distance > o.distance;
            return std::pair(at.x(), at.y()) > std::pair(o.at.x(), o.at.y());
        }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<>> next;
    QSet<QPair<qint64, qint64>> seen;
    const auto push = [&](QPointF p) {
        // Candidates a hundredth of a point apart are one.
        const QPair<qint64, qint64> key(qRound64(p.x() * 100), qRound64(p.y() * 100));
        if (!seen.contains(key)) {
            seen.insert(key);
            const QPointF d = p - centre;
            next.push({std::hypot(d.x(), d.y()), p});
        }
    };
    push(centre);
    for (int searched = 0; !next.empty() && searched < kSearched; ++searched) {
        const QPointF p = next.top().at;
        next.pop();
        const QRectF *blocker = blocking(atOrigin.translated(p));
        if (!blocker)
            return p;
        push(QPointF(blocker->left() - halfW, p.y()));
        push(QPointF(blocker->right() + halfW, p.y()));
        push(QPointF(p.x(), blocker->top() - halfH));
        push(QPointF(p.x(), blocker->bottom() + halfH));
    }
    return QPointF(m_extent.right() + halfW + kMargin, centre.y());
}

} // namespace ta::core
