// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphDelta.h"

namespace ta::core {

namespace {

bool sameLook(const GraphNode &a, const GraphNode &b)
{
    return a.cls == b.cls && a.label == b.label && a.trustDomain == b.trustDomain &&
           a.properties == b.properties;
}

} // namespace

GraphDelta GraphDelta::between(const TopologyGraph &before, const TopologyGraph &after)
{
    GraphDelta d;
    // before's index -> after's index, -1 for gone.
    QList<int> map(before.nodeCount(), -1);
    for (int i = 0; i < before.nodeCount(); ++i) {
        const int j = after.indexOf(before.node(i).id);
        map[i] = j;
        if (j < 0)
            d.removedNodes << i;
        else if (sameLook(before.node(i), after.node(j)))
            d.keptNodes << qMakePair(i, j);
        else
            d.changedNodes << qMakePair(i, j);
    }
    for (int j = 0; j < after.nodeCount(); ++j) {
        if (!before.contains(after.node(j).id))
            d.addedNodes << j;
    }
    QList<bool> matched(after.edgeCount(), false);
    for (int e = 0; e < before.edgeCount(); ++e) {
        const GraphEdge &edge = before.edge(e);
        const int from = map.at(edge.from);
        const int to = map.at(edge.to);
        const int f = from < 0 || to < 0 ? -1 : after.findEdge(from, to, edge.cls);
        if (f < 0) {
            d.removedEdges << e;
        } else {
            d.keptEdges << qMakePair(e, f);
            matched[f] = true;
        }
    }
    for (int f = 0; f < after.edgeCount(); ++f) {
        if (!matched.at(f))
            d.addedEdges << f;
    }
    return d;
}

} // namespace ta::core
