// SPDX-License-Identifier: Apache-2.0
#include "core/graph/TopologyGraph.h"

#include <QSet>

namespace ta::core {

int TopologyGraph::addNode(GraphNode node)
{
    auto it = m_index.constFind(node.id);
    if (it != m_index.cend())
        return *it;
    const int i = int(m_nodes.size());
    m_index.insert(node.id, i);
    m_nodes.append(std::move(node));
    m_out.emplace_back();
    m_in.emplace_back();
    return i;
}

void TopologyGraph::reserve(qsizetype nodes, qsizetype edges)
{
    m_nodes.reserve(nodes);
    m_index.reserve(nodes);
    m_out.reserve(size_t(nodes));
    m_in.reserve(size_t(nodes));
    m_edges.reserve(edges);
    m_edgeIndex.reserve(edges);
}

int TopologyGraph::addEdge(int from, int to, EdgeClass cls, GraphStatus status)
{
    Q_ASSERT(from >= 0 && from < m_nodes.size() && to >= 0 && to < m_nodes.size());
    // The multiplication in edgeKey() keeps the class in the low bits; ends below 2^29 (far
    // beyond any estate) stay distinct.
    const quint64 key = edgeKey(from, to, cls);
    auto it = m_edgeIndex.constFind(key);
    if (it != m_edgeIndex.cend())
        return *it;
    const int i = int(m_edges.size());
    m_edges.append(GraphEdge{from, to, cls, status, {}});
    m_edgeIndex.insert(key, i);
    m_out[size_t(from)].push_back(i);
    m_in[size_t(to)].push_back(i);
    return i;
}

qsizetype TopologyGraph::countOf(NodeClass cls) const
{
    return std::count_if(m_nodes.cbegin(), m_nodes.cend(),
                         [cls](const GraphNode &n) { return n.cls == cls; });
}

qsizetype TopologyGraph::countOf(EdgeClass cls) const
{
    return std::count_if(m_edges.cbegin(), m_edges.cend(),
                         [cls](const GraphEdge &e) { return e.cls == cls; });
}

QList<int> TopologyGraph::nodesOf(NodeClass cls) const
{
    QList<int> out;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).cls == cls)
            out << i;
    }
    return out;
}

int TopologyGraph::findEdge(int from, int to, EdgeClass cls) const
{
    return m_edgeIndex.value(edgeKey(from, to, cls), -1);
}

TopologyGraph TopologyGraph::restrictedTo(const QString &trustDomain) const
{
    QSet<int> keep;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).trustDomain == trustDomain)
            keep.insert(i);
    }
    // One step out: federation peers and whatever the domain's members touch.
    const QSet<int> members = keep;
    for (int i : members) {
        for (int e : m_out[size_t(i)])
            keep.insert(m_edges.at(e).to);
        for (int e : m_in[size_t(i)])
            keep.insert(m_edges.at(e).from);
    }
    TopologyGraph out;
    out.m_at = m_at;
    QHash<int, int> map;
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (keep.contains(i))
            map.insert(i, out.addNode(m_nodes.at(i)));
    }
    for (const GraphEdge &e : m_edges) {
        if (!map.contains(e.from) || !map.contains(e.to))
            continue;
        const int k = out.addEdge(map.value(e.from), map.value(e.to), e.cls, e.status);
        out.m_edges[k].properties = e.properties;
    }
    return out;
}

} // namespace ta::core
