// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/TopologyGraph.h"

#include <QList>
#include <QPair>

namespace ta::core {

/// What changed from one estate graph to the next, by node ID and by edge (ends' IDs, class):
/// what an edit's redraw applies instead of drawing the estate anew. Statuses are not changes
/// of shape: a node or edge whose status alone differs is kept, with its new status.
struct GraphDelta
{
    /// Nodes in both graphs with the same type, label, trust domain and properties, as
    /// (index before, index after).
    QList<QPair<int, int>> keptNodes;
    /// Nodes in both graphs whose type, label, trust domain or properties differ.
    QList<QPair<int, int>> changedNodes;
    /// Indices after of nodes the graph before did not have.
    QList<int> addedNodes;
    /// Indices before of nodes the graph after no longer has.
    QList<int> removedNodes;
    /// Edges in both graphs, as (index before, index after).
    QList<QPair<int, int>> keptEdges;
    QList<int> addedEdges;
    QList<int> removedEdges;

    /// The delta from @p before to @p after.
    static GraphDelta between(const TopologyGraph &before, const TopologyGraph &after);
    /// Nothing but statuses changed.
    bool sameShape() const
    {
        return changedNodes.isEmpty() && addedNodes.isEmpty() && removedNodes.isEmpty() &&
               addedEdges.isEmpty() && removedEdges.isEmpty();
    }
};

} // namespace ta::core
