// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsItem>

namespace ta::views {

/// A square of the canvas's detail layer: it draws nothing and holds the nodes (or the edges)
/// that lie in it. Its bounds always contain its children, and it says so to the scene
/// (ItemContainsChildrenInShape): the scene's index then holds the tiles alone, not their
/// 30,000 children. A frame walks the children of the tiles in view only; hiding the detail
/// layer for the overview is a flag on each tile, not the removal of every item from the index
/// (which took 0.2 to 0.5 s at 10,000 nodes).
class GraphDetailTile : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    explicit GraphDetailTile(bool edges);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *) override {}

    /// Makes @p item a child of this tile and grows the bounds to hold it.
    void adopt(QGraphicsItem *item);
    /// Grows the bounds to hold @p child as it is now; a child that moved or changed its
    /// shape calls it (through childChanged), so that the tile is found wherever it draws.
    void include(const QGraphicsItem *child);
    /// The bounds recomputed to fit the children exactly (after many moved at once).
    void refit();

    /// Tells @p child's tile, if it lies in one, that @p child moved or changed its shape.
    static void childChanged(const QGraphicsItem *child);

private:
    QRectF m_bounds;
};

} // namespace ta::views
