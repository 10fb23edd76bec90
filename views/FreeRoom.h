// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>

namespace ta::views {

/// The boxes of the nodes standing in a scene, kept in squares of it, and where another node may
/// go without lying on one: the canvas places an edit's new nodes with it, and moves laid-out
/// nodes off the ones pinned by hand.
class FreeRoom
{
public:
    /// A node's box stands there from now on.
    void stand(const QRectF &box);
    /// Whether @p box, widened by a margin of 4 points, meets no standing box.
    bool isFree(const QRectF &box) const;
    /// The first centre round @p anchor where a node of box @p nodeRect (centred on its origin)
    /// is free: turning by the golden angle at a radius of @p firstRadius + 40 sqrt(turn), from
    /// turn @p turn (which is left past the one taken) outwards; the last tried after 400 turns.
    QPointF find(QPointF anchor, const QRectF &nodeRect, double firstRadius, int &turn) const;

private:
    template <typename Fn>
    static void eachSquare(const QRectF &r, const Fn &fn);

    QHash<quint64, QList<QRectF>> m_standing;
};

} // namespace ta::views
