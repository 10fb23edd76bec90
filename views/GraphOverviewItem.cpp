// SPDX-License-Identifier: Apache-2.0
#include "views/GraphOverviewItem.h"

#include "views/GraphEdgeItem.h"
#include "views/GraphNodeItem.h"
#include "views/GraphStyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <map>

namespace ta::views {

GraphOverviewItem::GraphOverviewItem(const GraphStyle *style) : m_style(style)
{
    setZValue(0.1);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption);
    // One item as large as the estate: cached in device coordinates, panning scrolls the
    // pixmap and paints only the strip that comes into view; a zoom paints it anew.
    setCacheMode(DeviceCoordinateCache);
}

void GraphOverviewItem::rebuild(const QList<GraphNodeItem *> &nodes,
                                const QList<GraphEdgeItem *> &edges)
{
    prepareGeometryChange();
    m_lines.assign(core::kEdgeClassCount, {});
    m_nodes.clear();
    QRectF bounds;
    for (const GraphEdgeItem *e : edges) {
        if (!e->isVisibleTo(e->parentItem()) || e->edgeClass() == core::EdgeClass::MemberOf)
            continue;
        const QRectF r = e->sceneBoundingRect();
        bounds |= r;
        m_lines[size_t(e->edgeClass())].push_back(QLineF(e->from()->pos(), e->to()->pos()));
    }
    std::map<std::pair<int, int>, size_t> batchOf;
    for (const GraphNodeItem *n : nodes) {
        if (!n->isVisibleTo(n->parentItem()))
            continue;
        const auto key = std::make_pair(int(n->nodeClass()), int(n->status()));
        auto it = batchOf.find(key);
        if (it == batchOf.end()) {
            it = batchOf.emplace(key, m_nodes.size()).first;
            m_nodes.push_back(NodeBatch{n->nodeClass(), n->status(), {}});
        }
        const QRectF r = n->nodeRect().translated(n->pos());
        bounds |= r;
        m_nodes[it->second].rects.push_back(r);
    }
    m_bounds = bounds;
}

void GraphOverviewItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                              QWidget *widget)
{
    // A pan exposes an L of two strips, and exposedRect is their bounding rectangle: the whole
    // view. Painted strip by strip, a frame draws what the strips cross, not the whole view
    // clipped to them.
    const QRegion clip = GraphStyle::paintedRegion(painter, widget);
    if (clip.rectCount() <= 1) {
        paintPart(painter, option->exposedRect);
        return;
    }
    for (const QRect &r : clip) {
        const QRectF part = QRectF(r).intersected(option->exposedRect);
        if (part.isEmpty())
            continue;
        painter->save();
        painter->setClipRect(part);
        paintPart(painter, part);
        painter->restore();
    }
}

void GraphOverviewItem::paintPart(QPainter *painter, const QRectF &exposed) const
{
    painter->setRenderHint(QPainter::Antialiasing, false);
    std::vector<QLineF> visible;
    for (int c = 0; c < core::kEdgeClassCount; ++c) {
        visible.clear();
        for (const QLineF &l : m_lines[size_t(c)]) {
            if (exposed.intersects(QRectF(l.p1(), l.p2()).normalized().adjusted(-1, -1, 1, 1)))
                visible.push_back(l);
        }
        if (visible.empty())
            continue;
        QPen pen = m_style->edgePen(core::EdgeClass(c));
        pen.setStyle(Qt::SolidLine);
        pen.setCosmetic(true);
        pen.setWidthF(c == int(core::EdgeClass::FederatesWith) ? 2 : 0);
        painter->setPen(pen);
        painter->drawLines(visible.data(), int(visible.size()));
    }
    // Rectangles filled under a scaling transform go through the path rasteriser, one at a
    // time; mapped to device pixels first, they take the raster engine's rectangle fill.
    const QTransform world = painter->worldTransform();
    const bool toDevice = world.type() <= QTransform::TxScale;
    if (toDevice)
        painter->setWorldTransform(QTransform());
    std::vector<QRectF> rects;
    for (const NodeBatch &b : m_nodes) {
        rects.clear();
        for (const QRectF &r : b.rects) {
            if (exposed.intersects(r))
                rects.push_back(toDevice ? world.mapRect(r) : r);
        }
        if (rects.empty())
            continue;
        QPen pen(m_style->statusColor(b.status), 0);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(m_style->nodeFill(b.cls));
        painter->drawRects(rects.data(), int(rects.size()));
    }
    if (toDevice)
        painter->setWorldTransform(world);
}

} // namespace ta::views
