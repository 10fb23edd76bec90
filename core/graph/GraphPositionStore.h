// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QHash>
#include <QPointF>
#include <QSet>
#include <QString>

namespace ta::core {

class Database;

/// Where the canvas drew each node, and which nodes were pinned by hand.
struct GraphPositions
{
    QHash<QString, QPointF> positions;
    QSet<QString> pinned;
};

/// The workspace's cache of node positions (table graph_positions), so that reopening a
/// workspace draws its graph at once instead of waiting for a layout.
///
/// The layout that placed them is named beside them (meta key graph_layout). Positions another
/// layout placed are not reused, save the pinned ones (placed by hand): the canvas lays the rest
/// out again. So a changed layout reaches workspaces saved before it: "sfdp-prism-2" kept the
/// nodes apart, "sfdp-prism-domains-3" the trust domains' frames too. A change that keeps what
/// the name promises keeps the name: sfdp's overlap removal finished by OverlapRemoval places
/// the nodes otherwise but as apart, so positions saved before it are still good.
class GraphPositionStore
{
public:
    /// The layout this build makes (GraphCanvas: sfdp with overlap removal at the drawn sizes,
    /// then the domains moved apart).
    static constexpr const char *kLayout = "sfdp-prism-domains-3";

    [[nodiscard]] static Result<GraphPositions> load(Database &db);
    /// Replaces the stored positions by @p positions, as placed by kLayout, in one transaction.
    [[nodiscard]] static Result<void> save(Database &db, const GraphPositions &positions);
};

} // namespace ta::core
