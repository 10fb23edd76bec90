// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/GraphClass.h"

#include <QGraphicsItem>

namespace ta::views {

class GraphNodeItem;
class GraphStyle;

/// One directed edge: its type's line style and an arrowhead, drawn between the outlines of its
/// ends, or of their clusters when those are collapsed.
class GraphEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    GraphEdgeItem(GraphNodeItem *from, GraphNodeItem *to, core::EdgeClass cls,
                  const GraphStyle *style);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    GraphNodeItem *from() const { return m_from; }
    GraphNodeItem *to() const { return m_to; }
    core::EdgeClass edgeClass() const { return m_cls; }
    /// Recomputes the ends after a node or cluster moved, collapsed or was filtered.
    void adjust();
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }

private:
    GraphNodeItem *m_from;
    GraphNodeItem *m_to;
    core::EdgeClass m_cls;
    const GraphStyle *m_style;
    QLineF m_line;
    bool m_highlighted = false;
};

} // namespace ta::views
