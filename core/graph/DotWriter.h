// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/TopologyGraph.h"

#include <QByteArray>
#include <QList>
#include <QSizeF>

namespace ta::core {

/// How DotWriter spells the graph.
struct DotOptions
{
    /// Graphviz's layout engine the graph is meant for ("dot" or "sfdp"); sets rankdir and
    /// overlap handling.
    QString engine = QStringLiteral("sfdp");
    /// Also put the status into `class` ("workload attested"): Graphviz copies `class` onto the
    /// SVG <g> element but no other attribute, so SVG output is made from this spelling.
    bool statusInClass = false;
    /// Draw each trust domain as a cluster holding its members.
    bool clusters = true;
    /// The size each node is drawn at, in points, node for node in the graph's order: written as
    /// a fixed width and height, so that Graphviz lays out (and keeps apart) the boxes a canvas
    /// draws rather than the ones it would size for each label; such a node's label is left
    /// empty (the caller draws it). Empty: Graphviz sizes each node.
    QList<QSizeF> nodeSizes;
    /// sfdp: how many attempts Graphviz's overlap removal (prism) makes; 0 for its own default,
    /// 1,000, which removes every overlap (see OverlapRemoval for what finishes fewer).
    int prismAttempts = 0;
};

/// Writes a TopologyGraph as DOT: one cluster per trust domain, every node and edge with `class`
/// (its type) and `status` where it has one, `id` (the node's ID; "e<index>" for edges), `label`
/// and a shape per class. Names are quoted and escaped, so any ID reads back.
class DotWriter
{
public:
    static QByteArray write(const TopologyGraph &graph, const DotOptions &options = {});
    /// A DOT double-quoted string, quotes included.
    static QByteArray quote(const QString &text);
};

} // namespace ta::core
