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
class GraphPositionStore
{
public:
    [[nodiscard]] static Result<GraphPositions> load(Database &db);
    /// Replaces the stored positions by @p positions, in one transaction.
    [[nodiscard]] static Result<void> save(Database &db, const GraphPositions &positions);
};

} // namespace ta::core
