// SPDX-License-Identifier: Apache-2.0
#include "views/GraphDetailTile.h"

namespace ta::views {

namespace {

// What @p child covers, in its parent's coordinates, its own children included, with a
// margin for rounding: the scene maps the child's rectangle on its own.
QRectF extent(const QGraphicsItem *child)
{
    const QRectF r = child->boundingRect() | child->childrenBoundingRect();
    return r.isEmpty() ? r : child->mapRectToParent(r).adjusted(-1, -1, 1, 1);
}

} // namespace

GraphDetailTile::GraphDetailTile(bool edges)
{
    setFlag(ItemHasNoContents);
    setFlag(ItemContainsChildrenInShape);
    // Edges under nodes, whichever tiles they are in; collapsed clusters (2) above both.
    setZValue(edges ? 0 : 0.2);
}

void GraphDetailTile::adopt(QGraphicsItem *item)
{
    if (item->parentItem() != this)
        item->setParentItem(this);
    include(item);
}

void GraphDetailTile::include(const QGraphicsItem *child)
{
    const QRectF r = extent(child);
    if (r.isEmpty() || m_bounds.contains(r))
        return;
    prepareGeometryChange();
    m_bounds = m_bounds.isNull() ? r : m_bounds.united(r);
}

void GraphDetailTile::refit()
{
    QRectF bounds;
    const QList<QGraphicsItem *> children = childItems();
    for (const QGraphicsItem *child : children) {
        const QRectF r = extent(child);
        if (!r.isEmpty())
            bounds = bounds.isNull() ? r : bounds.united(r);
    }
    if (bounds == m_bounds)
        return;
    prepareGeometryChange();
    m_bounds = bounds;
}

void GraphDetailTile::childChanged(const QGraphicsItem *child)
{
    if (auto *tile = qgraphicsitem_cast<GraphDetailTile *>(child->parentItem()))
        tile->include(child);
}

} // namespace ta::views
