// SPDX-License-Identifier: Apache-2.0
#include "core/graph/FreeRoom.h"

#include <cmath>

namespace ta::core {
namespace {

constexpr int kTurns = 400;

} // namespace

void FreeRoom::stand(const QRectF &box)
{
    eachSquare(box, [&](quint64 square) { m_standing[square] << box; });
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

} // namespace ta::core
