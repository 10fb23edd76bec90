// SPDX-License-Identifier: Apache-2.0
// GraphCanvas's incremental redraw: an edit's graph compared with the one drawn
// (core::GraphDelta), the items of what stayed kept, new nodes put beside their neighbours.
#include "views/GraphCanvas.h"

#include "core/graph/FreeRoom.h"
#include "core/graph/GraphDelta.h"
#include "views/GraphClusterItem.h"
#include "views/GraphDetailTile.h"
#include "views/GraphEdgeItem.h"
#include "views/GraphMinimap.h"
#include "views/GraphNodeItem.h"

#include <QLabel>

#include <cmath>

namespace ta::views {

bool GraphCanvas::updateScene(const core::TopologyGraph &graph)
{
    if (m_nodes.isEmpty() || graph.nodeCount() == 0 || m_layoutPending || !m_overview)
        return false;
    const core::GraphDelta delta = core::GraphDelta::between(m_graph, graph);
    if (2 * (delta.keptNodes.size() + delta.changedNodes.size()) < graph.nodeCount())
        return false;
    const QList<GraphNodeItem *> oldNodes = m_nodes;
    const QList<GraphEdgeItem *> oldEdges = m_edges;
    QList<GraphNodeItem *> nodes(graph.nodeCount(), nullptr);
    QSet<GraphNodeItem *> goneNodes;
    for (const auto &[before, after] : delta.keptNodes) {
        GraphNodeItem *item = oldNodes.at(before);
        item->setIndex(after);
        item->setStatus(graph.node(after).status);
        nodes[after] = item;
    }
    // A node whose label or properties changed is drawn anew where it stood.
    for (const auto &[before, after] : delta.changedNodes) {
        GraphNodeItem *item = makeNodeItem(graph, after);
        item->setPos(oldNodes.at(before)->pos());
        nodes[after] = item;
        goneNodes.insert(oldNodes.at(before));
    }
    for (int before : delta.removedNodes)
        goneNodes.insert(oldNodes.at(before));
    for (int after : delta.addedNodes)
        nodes[after] = makeNodeItem(graph, after);

    QList<GraphEdgeItem *> edges(graph.edgeCount(), nullptr);
    QList<GraphEdgeItem *> goneEdges;
    for (const auto &[before, after] : delta.keptEdges) {
        GraphEdgeItem *item = oldEdges.at(before);
        const core::GraphEdge &e = graph.edge(after);
        if (item->from() == nodes.at(e.from) && item->to() == nodes.at(e.to))
            edges[after] = item;
        else
            goneEdges << item;
    }
    for (int before : delta.removedEdges)
        goneEdges << oldEdges.at(before);
    for (GraphEdgeItem *item : std::as_const(goneEdges)) {
        item->from()->removeEdge(item);
        item->to()->removeEdge(item);
        delete item;
    }
    for (int i = 0; i < edges.size(); ++i) {
        if (edges.at(i))
            continue;
        const core::GraphEdge &e = graph.edge(i);
        auto *item = new GraphEdgeItem(nodes.at(e.from), nodes.at(e.to), e.cls, &m_style);
        edgeTile(item)->adopt(item);
        edges[i] = item;
    }
    qDeleteAll(goneNodes);

    m_graph = graph;
    m_nodes = nodes;
    m_edges = edges;
    assignClusters();
    const bool placed = placeNewNodes(delta.addedNodes);
    clearHighlights();
    adjustAll();
    refillFilters();
    applyFilters();
    computeFindings();
    if (!m_current.isEmpty() && !nodeItem(m_current)) {
        m_current.clear();
        Q_EMIT currentNodeChanged(QString());
    }
    m_info->setText(tr("%n node(s)", nullptr, int(m_nodes.size())) + QStringLiteral(", ") +
                    tr("%n edge(s)", nullptr, int(m_edges.size())));
    m_minimap->refresh();
    if (placed)
        Q_EMIT positionsChanged();
    Q_EMIT drawn();
    return true;
}

bool GraphCanvas::placeNewNodes(const QList<int> &added)
{
    // Known places first (a cached position); then beside the neighbours already placed,
    // pass by pass, so that a new workload's new credential goes beside the workload.
    QList<int> todo;
    for (int i : added) {
        GraphNodeItem *item = m_nodes.at(i);
        const auto known = m_positions.constFind(item->id());
        if (known != m_positions.cend()) {
            item->setFlag(QGraphicsItem::ItemSendsGeometryChanges, false);
            item->setPos(*known);
            item->setFlag(QGraphicsItem::ItemSendsGeometryChanges, true);
        } else
            todo << i;
    }
    if (todo.isEmpty())
        return false;
    QSet<int> unplaced(todo.cbegin(), todo.cend());
    // A new node takes the first place round its anchor where its box meets no node standing
    // (FreeRoom). Turning by the golden angle alone put a new node on an old one as often as not
    // in a dense domain.
    core::FreeRoom room;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        if (!unplaced.contains(n->index()))
            room.stand(n->nodeRect().translated(n->pos()));
    }
    QHash<quint64, int> crowd;
    const auto placeAt = [&](int i, QPointF anchor) {
        // Round the anchor so that siblings share a count, then turn round it by the golden
        // angle, outwards, to the first free room.
        const QPoint cell = (anchor / 40).toPoint();
        int &turn = crowd[quint64(quint32(cell.x())) << 32 | quint32(cell.y())];
        GraphNodeItem *item = m_nodes.at(i);
        const QPointF p = room.find(anchor, item->nodeRect(), 110, turn);
        room.stand(item->nodeRect().translated(p));
        // Edges and clusters follow once at the end (adjustAll), not once a node.
        item->setFlag(QGraphicsItem::ItemSendsGeometryChanges, false);
        item->setPos(p);
        item->setFlag(QGraphicsItem::ItemSendsGeometryChanges, true);
        m_positions.insert(item->id(), p);
        unplaced.remove(i);
    };
    bool progress = true;
    while (!unplaced.isEmpty() && progress) {
        progress = false;
        for (int i : std::as_const(todo)) {
            if (!unplaced.contains(i))
                continue;
            QPointF sum;
            int count = 0;
            const auto visit = [&](int other) {
                if (!unplaced.contains(other)) {
                    sum += m_nodes.at(other)->pos();
                    ++count;
                }
            };
            for (int e : m_graph.outEdges(i))
                visit(m_graph.edge(e).to);
            for (int e : m_graph.inEdges(i))
                visit(m_graph.edge(e).from);
            if (count > 0) {
                placeAt(i, sum / count);
                progress = true;
            }
        }
    }
    // Nothing placed around them: below their trust domain's cluster, or below the estate.
    QRectF estate;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        if (!unplaced.contains(n->index()))
            estate |= n->nodeRect().translated(n->pos());
    }
    for (int i : std::as_const(todo)) {
        if (!unplaced.contains(i))
            continue;
        QRectF area = estate;
        if (GraphClusterItem *c = m_nodes.at(i)->cluster()) {
            QRectF members;
            for (const GraphNodeItem *n : c->members()) {
                if (!unplaced.contains(n->index()))
                    members |= n->nodeRect().translated(n->pos());
            }
            if (!members.isEmpty())
                area = members;
        }
        placeAt(i, QPointF(area.center().x(), area.bottom() + 60));
    }
    return true;
}

} // namespace ta::views
