// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/TopologyGraph.h"

#include <QGraphicsItem>
#include <QStaticText>

namespace ta::views {

class GraphClusterItem;
class GraphEdgeItem;
class GraphStyle;

/// One vertex on the canvas: its type's shape and icon, its label, and its status as the
/// outline's colour and dash plus a badge. Labels and icons fade out as the view zooms away.
class GraphNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    GraphNodeItem(int index, const core::GraphNode &node, const GraphStyle *style, QSizeF size);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    int index() const { return m_index; }
    /// The node's index in a graph redrawn incrementally (GraphCanvas::setGraph).
    void setIndex(int index) { m_index = index; }
    const QString &id() const { return m_id; }
    core::NodeClass nodeClass() const { return m_cls; }
    core::GraphStatus status() const { return m_status; }
    const QString &trustDomain() const { return m_trustDomain; }
    const QString &label() const { return m_label; }
    /// Everything search matches: ID, label, SPIFFE ID, subject, serial, name.
    const QString &searchText() const { return m_search; }
    QRectF nodeRect() const { return m_rect; }

    void setStatus(core::GraphStatus status);
    /// Findings about this node, shown as a numbered badge.
    void setFindingCount(int count);
    int findingCount() const { return m_findings; }
    /// Drawn with a halo: part of an analysis result (reach, blast radius, path, search).
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }
    /// Moved by hand: the next layout keeps it where it is.
    void setPinned(bool on);
    bool isPinned() const { return m_pinned; }

    void setCluster(GraphClusterItem *cluster) { m_cluster = cluster; }
    GraphClusterItem *cluster() const { return m_cluster; }
    void addEdge(GraphEdgeItem *edge) { m_edges << edge; }
    void removeEdge(GraphEdgeItem *edge) { m_edges.removeOne(edge); }
    const QList<GraphEdgeItem *> &edges() const { return m_edges; }
    /// Whether the filters let it show (a collapsed cluster may still hide it).
    void setFilteredOut(bool out) { m_filteredOut = out; }
    bool isFilteredOut() const { return m_filteredOut; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    int m_index;
    QString m_id;
    core::NodeClass m_cls;
    core::GraphStatus m_status;
    QString m_label;
    /// The label elided to the node's width once, not at every paint.
    QStaticText m_labelText;
    QString m_trustDomain;
    QString m_search;
    const GraphStyle *m_style;
    QRectF m_rect;
    QPainterPath m_path;
    GraphClusterItem *m_cluster = nullptr;
    QList<GraphEdgeItem *> m_edges;
    int m_findings = 0;
    bool m_highlighted = false;
    bool m_pinned = false;
    bool m_filteredOut = false;
};

} // namespace ta::views
