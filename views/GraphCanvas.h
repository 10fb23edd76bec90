// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/TopologyGraph.h"
#include "views/GraphStyle.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <QThreadPool>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QGraphicsItem;
class QGraphicsScene;
class QLabel;
class QLineEdit;
class QPainter;
class QProgressBar;
class QToolBar;
class QUndoStack;
QT_END_NAMESPACE

namespace ta::views {

class GraphClusterItem;
class GraphDetailTile;
class GraphEdgeItem;
class GraphLegend;
class GraphMinimap;
class GraphNodeItem;
class GraphOverviewItem;
class GraphView;

/// The estate as a graph: a QGraphicsScene of typed nodes and edges, trust domains as clusters,
/// laid out by Graphviz on a worker thread (the canvas never waits for it), with zoom, pan, fit,
/// a minimap and a legend, keyboard navigation between neighbours, search, filters, analyses
/// drawn as highlights, findings as badges, nodes pinned by hand (undoable) and export of the
/// current view. A view only: it holds the graph it was given and positions, no domain state.
class GraphCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit GraphCanvas(QWidget *parent = nullptr);
    ~GraphCanvas() override;
    /// Large, so that the main window gives the graph the room and the docks the edges.
    QSize sizeHint() const override { return {1000, 640}; }

    /// Shows @p graph. When most of its nodes are already drawn (an edit), only what changed is
    /// redrawn: the nodes that stay keep their items and places, new ones are put beside their
    /// neighbours, the view does not move and no layout runs. Otherwise the scene is built anew:
    /// nodes with a known position (cached or pinned) are drawn there at once, and when any has
    /// none, a layout starts on a worker thread.
    void setGraph(const core::TopologyGraph &graph);
    const core::TopologyGraph &graph() const { return m_graph; }
    /// Shows another instant's statuses on the nodes drawn, without a new layout (the time bar):
    /// each node @p statuses names takes that status, the others (absent then) are drawn faint
    /// with their edges. An empty map brings back the graph's own statuses.
    void showStatuses(const QHash<QString, core::GraphStatus> &statuses);
    /// Positions to start from (a workspace's cache), with the pinned ones; call before setGraph.
    void setPositions(const QHash<QString, QPointF> &positions, const QSet<QString> &pinned);
    const QHash<QString, QPointF> &positions() const { return m_positions; }
    const QSet<QString> &pinned() const { return m_pinned; }
    /// Lays the graph out again; pinned nodes stay where they are.
    void relayout();
    bool isLayoutRunning() const;
    /// Clusters with more members than this start collapsed (0: never).
    void setCollapseThreshold(int members) { m_collapseThreshold = members; }
    /// Edits (moving nodes) go here, so that Edit > Undo takes them back.
    void setUndoStack(QUndoStack *stack);

    /// Moves the nodes of @p positions there; pins @p pin, unpins @p unpin.
    void placeNodes(const QHash<QString, QPointF> &positions, const QSet<QString> &pin,
                    const QSet<QString> &unpin);

    /// Selects the node @p id (and only it) and brings it into view; false when absent.
    bool selectNode(const QString &id);
    QString currentNodeId() const { return m_current; }
    QStringList selectedNodeIds() const;
    /// Selects the next node whose ID, label, SPIFFE ID, subject or serial contains @p text.
    bool findNext(const QString &text);

    void fitAll();
    void zoomToSelection();

    /// Highlights everything that depends on @p id (GraphAnalysis::blastRadius).
    core::BlastRadius showBlastRadius(const QString &id);
    /// Highlights the shortest path between two nodes with its edges.
    core::GraphPath showPath(const QString &from, const QString &to);
    /// Highlights the federation path and the workloads of @p fromTd accepted by @p toTd.
    core::ReachResult showReach(const QString &fromTd, const QString &toTd);
    void clearHighlights();
    const QList<core::GraphFinding> &findings() const { return m_findings; }

    /// Writes the current view as SVG, PNG or PDF, by the file's suffix.
    [[nodiscard]] bool exportView(const QString &path, QString *error = nullptr);

    GraphNodeItem *nodeItem(const QString &id) const;
    const QList<GraphNodeItem *> &nodeItems() const { return m_nodes; }
    const QList<GraphEdgeItem *> &edgeItems() const { return m_edges; }
    GraphClusterItem *clusterItem(const QString &trustDomain) const;
    GraphView *view() const { return m_view; }
    QGraphicsScene *scene() const { return m_scene; }
    GraphMinimap *minimap() const { return m_minimap; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *typeFilter() const { return m_typeFilter; }
    QComboBox *domainFilter() const { return m_domainFilter; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *exportAction() const { return m_exportAction; }

Q_SIGNALS:
    /// The node selected last (empty when none).
    void currentNodeChanged(const QString &id);
    /// A layout was applied (or positions were all known and drawn at once).
    void drawn();
    /// Nodes moved or a layout ended: positions() changed and may be saved.
    void positionsChanged();
    void findingsChanged();
    /// A layout started on a worker (for the status bar's progress and Cancel).
    void workStarted(const QString &title, QFuture<void> future);

private:
    void buildToolBar();
    void rebuildScene();
    /// The incremental redraw of setGraph; false when the graph must be drawn anew.
    bool updateScene(const core::TopologyGraph &graph);
    GraphNodeItem *makeNodeItem(const core::TopologyGraph &graph, int i);
    /// Puts the nodes @p added (indices into the graph) beside their placed neighbours; true
    /// when any had no known position.
    bool placeNewNodes(const QList<int> &added);
    void cancelLayout();
    /// Puts each node in its trust domain's cluster, making and dropping clusters as needed.
    void assignClusters();
    void startLayout();
    void layoutDone();
    /// Moves each trust domain's laid-out members in @p positions as a block until no two
    /// domains' frames overlap (sfdp ignores clusters), nor a frame a node outside every domain;
    /// a domain holding a pinned node stays.
    void separateDomains(QHash<QString, QPointF> &positions) const;
    /// Moves each laid-out node in @p positions whose box meets a pinned node's to the nearest
    /// free room round where it was laid out: the layout does not know where pinned nodes were
    /// put back.
    void clearPinned(QHash<QString, QPointF> &positions) const;
    void applyPositions(const QHash<QString, QPointF> &positions);
    void adjustAll();
    /// The tile holding what lies at @p p (made on first use).
    GraphDetailTile *tileAt(QPointF p, bool edges);
    GraphDetailTile *edgeTile(const GraphEdgeItem *edge);
    /// Moves each node and edge into the tile where it now lies.
    void retile();
    void setTilesShown(bool shown);
    /// What is drawn, in scene coordinates: the visible nodes and clusters, a collapsed cluster
    /// as its box, not the room its hidden members take. What Fit frames and the minimap shows.
    QRectF drawnBounds() const;
    /// The room Fit and the minimap leave around what is drawn, in scene units.
    static constexpr double kDrawnMargin = 20;
    /// The minimap's source: what is drawn (for a large estate, the overview and the clusters
    /// it covers), and its painting through the overview, which returns false (the scene is
    /// rendered instead) unless the estate is large.
    QRectF minimapBounds() const;
    bool paintMinimap(QPainter *painter) const;
    void applyFilters();
    /// A cluster collapsed or expanded by hand, or expanded to show a node asked for: what the
    /// overview and the minimap draw changed.
    void onClusterToggled();
    void refillFilters();
    void onSelectionChanged();
    void navigate(int key);
    void onDragged(const QHash<QString, QPointF> &before, const QHash<QString, QPointF> &after);
    void updateMinimapFrame();
    void setHighlighted(const QSet<int> &nodes, const QSet<int> &edges);
    void exportWithDialog();
    void blastRadiusOfSelection();
    void pathBetweenSelection();
    void computeFindings();
    /// Large graphs far away are drawn by the overview item instead of one item a node.
    void updateDetailLevel();
    void rebuildOverview();
    bool isLarge() const;

    GraphStyle m_style;
    QGraphicsScene *m_scene = nullptr;
    GraphView *m_view = nullptr;
    GraphMinimap *m_minimap = nullptr;
    GraphLegend *m_legend = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QComboBox *m_domainFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_info = nullptr;
    QAction *m_cancelLayout = nullptr;
    QAction *m_exportAction = nullptr;
    QPointer<QUndoStack> m_undoStack;

    core::TopologyGraph m_graph;
    /// The detail layer's tiles, by square and kind (nodes or edges).
    QHash<quint64, GraphDetailTile *> m_tiles;
    GraphOverviewItem *m_overview = nullptr;
    bool m_overviewShown = false;
    /// The nodes selected when the detail layer was hidden, selected again when it shows.
    QStringList m_hiddenSelection;
    QList<GraphNodeItem *> m_nodes;
    QList<GraphEdgeItem *> m_edges;
    QMap<QString, GraphClusterItem *> m_clusters;
    QHash<QString, QPointF> m_positions;
    QSet<QString> m_pinned;
    QList<core::GraphFinding> m_findings;
    QFutureWatcher<core::GraphLayoutResult> *m_watcher = nullptr;
    /// Layouts run here, one at a time (Graphviz is serialised anyway), never on the global
    /// pool: Qt 6.4's raster engine paints with that one, and a long layout there stalls frames.
    QThreadPool m_layoutPool;
    bool m_layoutPending = false;
    QString m_current;
    QString m_tabOrigin;
    int m_tabIndex = -1;
    QString m_lastSearch;
    int m_searchIndex = -1;
    int m_collapseThreshold = 120;
    bool m_fitAfterLayout = true;
};

} // namespace ta::views
