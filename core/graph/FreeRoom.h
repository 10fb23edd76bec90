// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <cmath>

namespace ta::core {

/// The boxes of the nodes standing in a scene, kept in squares of it, and where another node may
/// go without lying on one: the canvas places an edit's new nodes with it and moves laid-out
/// nodes off the ones pinned by hand, and OverlapRemoval finishes sfdp's overlap removal.
class FreeRoom
{
public:
    /// The margin a node is given when it is placed: 4 points, Graphviz's default `sep`.
    static constexpr double kMargin = 4;
    /// The side of the squares boxes are kept in, in points.
    static constexpr double kSquare = 256;

    /// Calls @p fn with the key of each square @p r covers.
    template <typename Fn>
    static void eachSquare(const QRectF &r, const Fn &fn)
    {
        for (auto x = qint32(std::floor(r.left() / kSquare));
             x <= qint32(std::floor(r.right() / kSquare)); ++x) {
            for (auto y = qint32(std::floor(r.top() / kSquare));
                 y <= qint32(std::floor(r.bottom() / kSquare)); ++y)
                fn(quint64(quint32(x)) << 32 | quint32(y));
        }
    }

    /// A node's box stands there from now on.
    void stand(const QRectF &box);

    /// Whether @p box, widened by @p margin points on every side, meets no standing box.
    bool isFree(const QRectF &box, double margin = kMargin) const { return !blocking(box, margin); }
    /// A standing box that @p box, widened by @p margin points on every side, meets; null if
    /// none. Valid until the next stand().
    const QRectF *blocking(const QRectF &box, double margin = kMargin) const;
    /// The first centre round @p anchor where a node of box @p nodeRect (centred on its origin)
    /// is free: turning by the golden angle at a radius of @p firstRadius + 40 sqrt(turn), from
    /// turn @p turn (which is left past the one taken) outwards; the last tried after 400 turns.
    QPointF find(QPointF anchor, const QRectF &nodeRect, double firstRadius, int &turn) const;
    /// The free centre nearest @p box's that a search from it finds: candidates are taken nearest
    /// first, and each one blocked gives four more, the box set just beside its blocker (left,
    /// right, above, below, kMargin away). In a crowd that steps by boxes, where a spiral steps
    /// by points. Past 20,000 candidates, right of everything standing.
    QPointF nearest(const QRectF &box) const;

private:
    QHash<quint64, QList<QRectF>> m_standing;
    /// The box round everything standing.
    QRectF m_extent;
};

} // namespace ta::core
