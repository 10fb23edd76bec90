// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/GraphClass.h"

#include <QGraphicsItem>
#include <QList>

#include <vector>

namespace ta::views {

class GraphEdgeItem;
class GraphNodeItem;
class GraphStyle;

/// A large estate seen from afar, as one item: every edge and node drawn in a few batched calls
/// (lines per edge type, rectangles per type and status) instead of one item each, so that a
/// 10,000-node graph pans within a frame. The canvas shows it in place of the node and edge
/// items below a zoom threshold.
class GraphOverviewItem : public QGraphicsItem
{
public:
    explicit GraphOverviewItem(const GraphStyle *style);

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// Takes the current places of the visible nodes and edges.
    void rebuild(const QList<GraphNodeItem *> &nodes, const QList<GraphEdgeItem *> &edges);

private:
    /// Paints what lies in @p exposed (item coordinates).
    void paintPart(QPainter *painter, const QRectF &exposed) const;

    struct NodeBatch
    {
        core::NodeClass cls;
        core::GraphStatus status;
        std::vector<QRectF> rects;
    };

    const GraphStyle *m_style;
    QRectF m_bounds;
    std::vector<std::vector<QLineF>> m_lines;
    std::vector<NodeBatch> m_nodes;
};

} // namespace ta::views
