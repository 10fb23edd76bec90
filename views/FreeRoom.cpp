// SPDX-License-Identifier: Apache-2.0
#include "views/FreeRoom.h"

#include <cmath>

namespace ta::views {
namespace {

constexpr double kSquare = 256;
constexpr double kMargin = 4;
constexpr int kTurns = 400;

} // namespace

template <typename Fn>
void FreeRoom::eachSquare(const QRectF &r, const Fn &fn)
{
    for (auto x = qint32(std::floor(r.left() / kSquare));
         x <= qint32(std::floor(r.right() / kSquare)); ++x) {
        for (auto y = qint32(std::floor(r.top() / kSquare));
             y <= qint32(std::floor(r.bottom() / kSquare)); ++y)
            fn(quint64(quint32(x)) << 32 | quint32(y));
    }
}

void FreeRoom::stand(const QRectF &box)
{
    eachSquare(box, [&](quint64 square) { m_standing[square] << box; });
}

bool FreeRoom::isFree(const QRectF &box) const
{
    const QRectF wide = box.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    bool free = true;
    eachSquare(wide, [&](quint64 square) {
        const auto it = m_standing.constFind(square);
        if (it == m_standing.cend())
            return;
        for (const QRectF &other : *it)
            free = free && !other.intersects(wide);
    });
    return free;
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

} // namespace ta::views
