// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/GraphClass.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace ta::core {

/// One vertex of the estate graph.
struct GraphNode
{
    /// Unique across the graph: "td/NAME", "authority/ID", "platform/KEY", "anchor/ID",
    /// a subject as its evidence names it ("node/...", "workload/..."), a SPIFFE ID for an
    /// identity, "credential/...", "rule/policy/NAME", "rule/entry/ID".
    QString id;
    NodeClass cls = NodeClass::Node;
    QString label;
    GraphStatus status = GraphStatus::None;
    /// The trust domain whose cluster holds the node; empty for none.
    QString trustDomain;
    QJsonObject properties;
};

/// One directed edge, between node indices.
struct GraphEdge
{
    int from = -1;
    int to = -1;
    EdgeClass cls = EdgeClass::MemberOf;
    GraphStatus status = GraphStatus::None;
    QJsonObject properties;
};

/// The typed estate graph at one instant: nodes by ID, edges deduplicated by (from, to, class),
/// with adjacency in both directions. A value type: copy it to a worker thread for layout.
class TopologyGraph
{
public:
    /// Adds @p node, or returns the index of the node of the same ID (left as it was).
    int addNode(GraphNode node);
    /// Adds an edge, or returns the existing edge of the same ends and class.
    int addEdge(int from, int to, EdgeClass cls, GraphStatus status = GraphStatus::None);
    /// Makes room for about @p nodes nodes and @p edges edges, so a large build never rehashes.
    void reserve(qsizetype nodes, qsizetype edges);
    /// -1 when absent.
    int indexOf(const QString &id) const { return m_index.value(id, -1); }
    bool contains(const QString &id) const { return m_index.contains(id); }

    const QList<GraphNode> &nodes() const { return m_nodes; }
    const QList<GraphEdge> &edges() const { return m_edges; }
    GraphNode &node(int i) { return m_nodes[i]; }
    const GraphNode &node(int i) const { return m_nodes.at(i); }
    GraphEdge &edge(int i) { return m_edges[i]; }
    const GraphEdge &edge(int i) const { return m_edges.at(i); }
    /// Edge indices leaving / entering node @p i.
    const std::vector<int> &outEdges(int i) const { return m_out.at(size_t(i)); }
    const std::vector<int> &inEdges(int i) const { return m_in.at(size_t(i)); }

    qsizetype nodeCount() const { return m_nodes.size(); }
    qsizetype edgeCount() const { return m_edges.size(); }
    qsizetype countOf(NodeClass cls) const;
    qsizetype countOf(EdgeClass cls) const;
    /// Indices of the nodes of @p cls, in insertion order.
    QList<int> nodesOf(NodeClass cls) const;
    /// The edge from @p from to @p to of @p cls, or -1.
    int findEdge(int from, int to, EdgeClass cls) const;

    /// The instant the statuses describe.
    QDateTime at() const { return m_at; }
    void setAt(const QDateTime &at) { m_at = at; }

    /// The subgraph of the nodes of trust domain @p name and the nodes they touch directly
    /// (their federation peers, the credentials of their subjects): what `--td` draws.
    TopologyGraph restrictedTo(const QString &trustDomain) const;

private:
    static quint64 edgeKey(int from, int to, EdgeClass cls)
    {
        return (quint64(quint32(from)) << 32 | quint32(to)) * 8 + quint64(cls);
    }

    QList<GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    QHash<QString, int> m_index;
    QHash<quint64, int> m_edgeIndex;
    std::vector<std::vector<int>> m_out;
    std::vector<std::vector<int>> m_in;
    QDateTime m_at;
};

} // namespace ta::core
