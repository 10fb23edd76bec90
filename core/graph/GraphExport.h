// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/TopologyGraph.h"

#include <QJsonObject>

namespace ta::core {

/// `graph export`'s formats.
enum class ExportFormat { Dot, Svg, Png, Pdf, Json, OpenGraph };

std::optional<ExportFormat> exportFormatFromName(QStringView name);

/// The estate graph in every format `graph export` writes. DOT, SVG and JSON carry each node's
/// and edge's `class` and `status`; OpenGraph is BloodHound's.
class GraphExport
{
public:
    /// Writes @p graph in @p format; SVG, PNG and PDF are laid out and rendered by Graphviz,
    /// JSON carries the layout's positions.
    [[nodiscard]] static Result<QByteArray> write(const TopologyGraph &graph, ExportFormat format,
                                                  const LayoutOptions &layout = {});
    /// {"at", "layout", "bounding_box", "nodes": [{id, class, label, status, trust_domain,
    /// properties, x, y, width, height}], "edges": [{id, source, target, class, status,
    /// properties}]}; positions only when @p positions is given.
    static QJsonObject toJson(const TopologyGraph &graph, const GraphLayoutResult *positions);
    /// BloodHound OpenGraph: {"metadata": {"source_kind"}, "graph": {"nodes": [{id, kinds,
    /// properties}], "edges": [{start: {value, match_by}, end: {...}, kind, properties}]}}.
    /// Kinds are "TA" + the class in PascalCase (TAWorkload, TARunsOn); properties are flat.
    static QJsonObject toOpenGraph(const TopologyGraph &graph);
    /// "TATrustDomain", "TARunsOn", ...
    static QString openGraphKind(NodeClass cls);
    static QString openGraphKind(EdgeClass cls);
};

} // namespace ta::core
