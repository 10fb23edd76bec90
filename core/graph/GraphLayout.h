// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/graph/TopologyGraph.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <functional>

template <typename T>
class QPromise;

namespace ta::core {

/// Graphviz's layout engines the estate uses: `dot` for one trust domain's hierarchy, `sfdp` for
/// the whole estate.
enum class LayoutEngine { Dot, Sfdp };

QString layoutEngineName(LayoutEngine engine);
std::optional<LayoutEngine> layoutEngineFromName(QStringView name);

/// What a layout run does and how it reports.
struct LayoutOptions
{
    LayoutEngine engine = LayoutEngine::Sfdp;
    bool clusters = true;
    /// The size each node is drawn at, in points, node for node in the graph's order (see
    /// DotOptions::nodeSizes): a canvas passes its own, so that the laid-out nodes do not overlap
    /// as it draws them. Empty: Graphviz sizes each node for its label.
    QList<QSizeF> nodeSizes;
    /// sfdp: Graphviz's overlap removal (prism) run to the end, as the `sfdp` executable runs an
    /// export's DOT; or, when set, for kQuickPrismAttempts attempts, and the pairs they leave
    /// moved apart by OverlapRemoval (the canvas's: on a 10,030-node estate, 4 s where the full
    /// removal took 27 to 68 s, and no two boxes overlap either way).
    bool quickOverlapRemoval = false;
    static constexpr int kQuickPrismAttempts = 20;
    /// Called with a percentage between stages; returning false cancels the run
    /// (layout.cancelled). Graphviz's own layout step cannot be interrupted, so a cancel takes
    /// effect when it returns.
    std::function<bool(int)> progress;
};

/// Where Graphviz put each node: centre and size in points, y growing upwards (Graphviz's).
struct NodePosition
{
    QPointF centre;
    double width = 0;
    double height = 0;
};

/// A layout as data, node for node in the graph's order.
struct GraphLayoutResult
{
    LayoutEngine engine = LayoutEngine::Sfdp;
    QList<NodePosition> nodes;
    QRectF boundingBox;
};

/// Graphviz (cgraph + gvc) in process. Every call takes one process-wide lock: Graphviz keeps
/// global state (its current graph, the attribute symbol tables, the plugin caches) and is not
/// thread-safe, so two layouts may never run at once, on any thread. The Graphviz work itself
/// runs on one thread kept for it, with heap memory of its own, while the calling thread waits
/// (a heap cut up by the rest of the process made a dot layout 2.8 times slower). Callers run
/// these on a worker thread (QtConcurrent with runLayout()), never the GUI thread.
class GraphLayout
{
public:
    /// Lays @p graph out.
    [[nodiscard]] static Result<GraphLayoutResult> layout(const TopologyGraph &graph,
                                                          const LayoutOptions &options = {});
    /// Lays @p dot (DOT text) out and returns the node positions by node name.
    [[nodiscard]] static Result<QHash<QString, NodePosition>> layoutDot(const QByteArray &dot,
                                                                        LayoutEngine engine);
    /// Lays out and renders through Graphviz's renderer @p format ("svg", "png", "pdf").
    [[nodiscard]] static Result<QByteArray>
    render(const TopologyGraph &graph, const QString &format, const LayoutOptions &options = {});
    /// For QtConcurrent::run(&GraphLayout::runLayout, graph, options): progress and cancel
    /// through @p promise, the result (or nothing, when cancelled or failed) added to it.
    static void runLayout(QPromise<GraphLayoutResult> &promise, const TopologyGraph &graph,
                          LayoutOptions options);
};

} // namespace ta::core
