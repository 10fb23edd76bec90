// SPDX-License-Identifier: Apache-2.0
#include "views/GraphCanvas.h"

#include "views/AsyncFileDialog.h"

#include "views/GraphClusterItem.h"
#include "views/GraphDetailTile.h"
#include "views/GraphEdgeItem.h"
#include "views/GraphLegend.h"
#include "views/GraphMinimap.h"
#include "views/GraphNodeItem.h"
#include "views/GraphOverviewItem.h"
#include "views/GraphView.h"
#include "views/MoveNodesCommand.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace ta::views {

using core::GraphStatus;
using core::NodeClass;

namespace {
// Above this many nodes, zooming out below kOverviewZoom swaps the items for the overview.
constexpr int kOverviewNodes = 800;
constexpr double kOverviewZoom = 0.3;
// The side of a detail tile, in scene units: at 1:1 a 1280x800 view meets about six tiles.
constexpr double kTile = 1024;

quint64 tileKey(QPointF p, bool edges)
{
    const auto x = qint32(std::floor(p.x() / kTile));
    const auto y = qint32(std::floor(p.y() / kTile));
    return (quint64(quint32(x)) << 33) ^ (quint64(quint32(y)) << 1) ^ quint64(edges);
}
} // namespace

GraphCanvas::GraphCanvas(QWidget *parent) : QWidget(parent), m_style(palette())
{
    setObjectName(QStringLiteral("graphCanvas"));
    m_layoutPool.setMaxThreadCount(1);
    m_scene = new QGraphicsScene(this);
    m_scene->setBackgroundBrush(m_style.background());
    m_view = new GraphView(m_scene, this);
    m_minimap = new GraphMinimap(m_scene, this);
    // What is drawn, small: a large estate through its overview, not by rendering every item.
    m_minimap->setSource([this] { return minimapBounds(); },
                         [this](QPainter *painter) { return paintMinimap(painter); });
    m_legend = new GraphLegend(&m_style, this);
    m_toolBar = new QToolBar(tr("Graph"), this);
    m_toolBar->setObjectName(QStringLiteral("graphToolBar"));
    buildToolBar();

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_minimap);
    auto *legendScroll = new QScrollArea(side);
    legendScroll->setWidget(m_legend);
    legendScroll->setWidgetResizable(true);
    legendScroll->setMinimumWidth(m_legend->sizeHint().width() + 20);
    m_legend->setMinimumHeight(m_legend->sizeHint().height());
    sideLayout->addWidget(legendScroll, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setCollapsible(0, false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphCanvas::onSelectionChanged);
    connect(m_view, &GraphView::navigate, this, &GraphCanvas::navigate);
    connect(m_view, &GraphView::nodesDragged, this, &GraphCanvas::onDragged);
    connect(m_view, &GraphView::viewChanged, this, &GraphCanvas::updateMinimapFrame);
    connect(m_view, &GraphView::viewChanged, this, &GraphCanvas::updateDetailLevel);
    connect(m_minimap, &GraphMinimap::centreRequested, this, [this](const QPointF &p) {
        m_view->centerOn(p);
        updateMinimapFrame();
    });
}

GraphCanvas::~GraphCanvas()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();
    }
    // The scene dies before the members its items and signals refer to: clearing it would
    // otherwise report a selection change to a canvas half destroyed.
    m_scene->disconnect(this);
    m_view->setScene(nullptr);
    delete m_scene;
    m_scene = nullptr;
}

void GraphCanvas::buildToolBar()
{
    QAction *fit = m_toolBar->addAction(tr("Fit"), this, &GraphCanvas::fitAll);
    fit->setShortcut(QKeySequence(tr("Ctrl+0")));
    fit->setToolTip(tr("Show the whole estate (Ctrl+0)"));
    QAction *zoomIn = m_toolBar->addAction(tr("Zoom In"), this, [this] { m_view->zoomBy(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = m_toolBar->addAction(tr("Zoom Out"), this, [this] { m_view->zoomBy(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *toSelection =
        m_toolBar->addAction(tr("Zoom to Selection"), this, &GraphCanvas::zoomToSelection);
    toSelection->setShortcut(QKeySequence(tr("Ctrl+1")));
    m_toolBar->addAction(tr("Lay Out Again"), this, &GraphCanvas::relayout);
    m_toolBar->addSeparator();
    m_toolBar->addAction(tr("Blast Radius"), this, &GraphCanvas::blastRadiusOfSelection)
        ->setToolTip(tr("Highlight everything that depends on the selected node"));
    m_toolBar->addAction(tr("Path"), this, &GraphCanvas::pathBetweenSelection)
        ->setToolTip(tr("Highlight the path between the two selected nodes"));
    m_toolBar->addAction(tr("Clear"), this, &GraphCanvas::clearHighlights)
        ->setToolTip(tr("Clear the highlights"));
    m_exportAction = m_toolBar->addAction(tr("Export…"), this, &GraphCanvas::exportWithDialog);
    m_exportAction->setToolTip(tr("Export the current view as SVG, PNG or PDF"));
    m_toolBar->addSeparator();

    m_search = new QLineEdit(m_toolBar);
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find SPIFFE ID, subject, serial, name (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_toolBar->addWidget(m_search);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!findNext(m_search->text()))
            m_info->setText(tr("No match for “%1”").arg(m_search->text()));
    });
    auto *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);

    m_typeFilter = new QComboBox(m_toolBar);
    m_typeFilter->setObjectName(QStringLiteral("typeFilter"));
    m_typeFilter->setToolTip(tr("Show one node type"));
    m_typeFilter->addItem(tr("All types"), -1);
    for (int i = 0; i < core::kNodeClassCount; ++i)
        m_typeFilter->addItem(GraphStyle::nodeClassText(NodeClass(i)), i);
    m_domainFilter = new QComboBox(m_toolBar);
    m_domainFilter->setObjectName(QStringLiteral("domainFilter"));
    m_domainFilter->setToolTip(tr("Show one trust domain"));
    m_statusFilter = new QComboBox(m_toolBar);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setToolTip(tr("Show one status"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    for (int i = 1; i <= int(GraphStatus::Revoked); ++i)
        m_statusFilter->addItem(GraphStyle::statusText(GraphStatus(i)), i);
    m_toolBar->addWidget(m_typeFilter);
    m_toolBar->addWidget(m_domainFilter);
    m_toolBar->addWidget(m_statusFilter);
    refillFilters();
    for (QComboBox *box : {m_typeFilter, m_domainFilter, m_statusFilter})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            applyFilters();
            // The minimap is drawn once per change: what it shows was just hidden or shown.
            m_minimap->refresh();
        });

    m_progress = new QProgressBar(m_toolBar);
    m_progress->setObjectName(QStringLiteral("layoutProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(120);
    m_progress->setFormat(tr("Layout %p%"));
    m_toolBar->addWidget(m_progress)->setVisible(true);
    m_progress->hide();
    m_cancelLayout = m_toolBar->addAction(tr("Cancel Layout"), this, [this] {
        if (m_watcher)
            m_watcher->cancel();
    });
    m_cancelLayout->setVisible(false);
    m_info = new QLabel(m_toolBar);
    m_info->setObjectName(QStringLiteral("graphInfo"));
    m_toolBar->addWidget(m_info);
}

void GraphCanvas::setUndoStack(QUndoStack *stack)
{
    m_undoStack = stack;
}

void GraphCanvas::setPositions(const QHash<QString, QPointF> &positions,
                               const QSet<QString> &pinned)
{
    m_positions = positions;
    m_pinned = pinned;
}

void GraphCanvas::setGraph(const core::TopologyGraph &graph)
{
    // An edit redraws what it changed, where the rest already stands; a graph mostly new (the
    // first one, an import, Generate Evidence) is drawn anew and laid out.
    if (updateScene(graph))
        return;
    cancelLayout();
    m_graph = graph;
    rebuildScene();
    bool allKnown = true;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        if (!m_positions.contains(n->id())) {
            allKnown = false;
            break;
        }
    }
    applyPositions(m_positions);
    if (allKnown && !m_nodes.isEmpty()) {
        fitAll();
        m_minimap->refresh();
        Q_EMIT drawn();
    } else if (!m_nodes.isEmpty()) {
        startLayout();
    }
}

GraphNodeItem *GraphCanvas::makeNodeItem(const core::TopologyGraph &graph, int i)
{
    const core::GraphNode &n = graph.node(i);
    // Graphviz sizes a node for its label at 10 points; the item takes the same room.
    const double w = std::clamp(n.label.size() * 6.0 + 40, 56.0, 220.0);
    auto *item = new GraphNodeItem(i, n, &m_style, QSizeF(w, 34));
    item->setPinned(m_pinned.contains(n.id));
    const auto known = m_positions.constFind(n.id);
    tileAt(known != m_positions.cend() ? *known : QPointF(), false)->adopt(item);
    return item;
}

void GraphCanvas::showStatuses(const QHash<QString, core::GraphStatus> &statuses)
{
    for (GraphNodeItem *n : std::as_const(m_nodes)) {
        const auto it = statuses.constFind(n->id());
        const bool shown = statuses.isEmpty() || it != statuses.cend();
        n->setStatus(it != statuses.cend() ? *it : m_graph.node(n->index()).status);
        n->setOpacity(shown ? 1.0 : 0.3);
    }
    for (GraphEdgeItem *e : std::as_const(m_edges))
        e->setOpacity(std::min(e->from()->opacity(), e->to()->opacity()));
    if (m_statusFilter->currentIndex() > 0)
        applyFilters();
    else
        rebuildOverview();
}

void GraphCanvas::rebuildScene()
{
    const QString keep = m_current;
    m_scene->clearSelection();
    m_scene->clear();
    m_tiles.clear();
    m_nodes.clear();
    m_edges.clear();
    m_clusters.clear();
    m_current.clear();
    m_overviewShown = false;
    m_overview = new GraphOverviewItem(&m_style);
    m_overview->setVisible(false);
    m_scene->addItem(m_overview);
    m_nodes.reserve(m_graph.nodeCount());
    for (int i = 0; i < m_graph.nodeCount(); ++i)
        m_nodes << makeNodeItem(m_graph, i);
    assignClusters();
    m_edges.reserve(m_graph.edgeCount());
    for (const core::GraphEdge &e : m_graph.edges()) {
        auto *item = new GraphEdgeItem(m_nodes.at(e.from), m_nodes.at(e.to), e.cls, &m_style);
        edgeTile(item)->adopt(item);
        m_edges << item;
    }
    for (GraphClusterItem *cluster : std::as_const(m_clusters)) {
        if (m_collapseThreshold > 0 && cluster->members().size() > m_collapseThreshold)
            cluster->setCollapsed(true);
    }
    refillFilters();
    applyFilters();
    computeFindings();
    if (!keep.isEmpty() && nodeItem(keep))
        nodeItem(keep)->setSelected(true);
    m_info->setText(tr("%n node(s)", nullptr, int(m_nodes.size())) + QStringLiteral(", ") +
                    tr("%n edge(s)", nullptr, int(m_edges.size())));
}

void GraphCanvas::applyPositions(const QHash<QString, QPointF> &positions)
{
    // Edges and clusters follow once at the end, not once per node moved.
    for (GraphNodeItem *n : std::as_const(m_nodes)) {
        const auto it = positions.constFind(n->id());
        if (it == positions.cend())
            continue;
        n->setFlag(QGraphicsItem::ItemSendsGeometryChanges, false);
        n->setPos(*it);
        n->setFlag(QGraphicsItem::ItemSendsGeometryChanges, true);
    }
    adjustAll();
}

void GraphCanvas::adjustAll()
{
    for (GraphClusterItem *c : std::as_const(m_clusters))
        c->adjust();
    for (GraphEdgeItem *e : std::as_const(m_edges))
        e->adjust();
    QRectF bounds;
    for (GraphClusterItem *c : std::as_const(m_clusters))
        bounds |= c->sceneBoundingRect();
    for (GraphNodeItem *n : std::as_const(m_nodes))
        bounds |= n->sceneBoundingRect();
    m_scene->setSceneRect(bounds.adjusted(-200, -200, 200, 200));
    retile();
    rebuildOverview();
}

void GraphCanvas::assignClusters()
{
    for (GraphClusterItem *c : std::as_const(m_clusters))
        c->clearMembers();
    for (GraphNodeItem *item : std::as_const(m_nodes)) {
        if (item->trustDomain().isEmpty())
            continue;
        GraphClusterItem *&cluster = m_clusters[item->trustDomain()];
        if (!cluster) {
            cluster = new GraphClusterItem(item->trustDomain(), &m_style);
            cluster->setToggledByHand([this] { onClusterToggled(); });
            m_scene->addItem(cluster);
        }
        cluster->addMember(item);
    }
    // A trust domain with no node left takes its cluster with it.
    for (auto it = m_clusters.begin(); it != m_clusters.end();) {
        if (it.value()->members().isEmpty()) {
            delete it.value();
            it = m_clusters.erase(it);
        } else {
            ++it;
        }
    }
}

GraphDetailTile *GraphCanvas::tileAt(QPointF p, bool edges)
{
    GraphDetailTile *&tile = m_tiles[tileKey(p, edges)];
    if (!tile) {
        tile = new GraphDetailTile(edges);
        tile->setVisible(!m_overviewShown);
        m_scene->addItem(tile);
    }
    return tile;
}

GraphDetailTile *GraphCanvas::edgeTile(const GraphEdgeItem *edge)
{
    // Where its ends stand or will stand (a node made for a known position is moved there
    // after all items exist).
    const auto at = [this](const GraphNodeItem *n) {
        const auto known = m_positions.constFind(n->id());
        return known != m_positions.cend() ? *known : n->pos();
    };
    return tileAt((at(edge->from()) + at(edge->to())) / 2, true);
}

void GraphCanvas::retile()
{
    // From the last item to the first: an item leaving a tile it was added to last is taken
    // off the end of that tile's children, not searched for.
    for (auto it = m_edges.crbegin(); it != m_edges.crend(); ++it) {
        GraphEdgeItem *e = *it;
        tileAt((e->from()->pos() + e->to()->pos()) / 2, true)->adopt(e);
    }
    for (auto it = m_nodes.crbegin(); it != m_nodes.crend(); ++it)
        tileAt((*it)->pos(), false)->adopt(*it);
    // Items that moved out of a tile grew it on the way: fit each to what it holds now.
    for (GraphDetailTile *tile : std::as_const(m_tiles))
        tile->refit();
}

void GraphCanvas::setTilesShown(bool shown)
{
    // Hiding an item drops it from the selection. The selection is put back when the tiles
    // come back, and nobody is told that it was gone meanwhile.
    const QSignalBlocker block(m_scene);
    if (!shown) {
        m_hiddenSelection.clear();
        for (QGraphicsItem *item : m_scene->selectedItems()) {
            if (item->type() == GraphNodeItem::Type)
                m_hiddenSelection << static_cast<GraphNodeItem *>(item)->id();
        }
    }
    for (GraphDetailTile *tile : std::as_const(m_tiles))
        tile->setVisible(shown);
    if (shown) {
        for (const QString &id : std::as_const(m_hiddenSelection)) {
            if (GraphNodeItem *n = nodeItem(id))
                n->setSelected(true);
        }
        m_hiddenSelection.clear();
    }
}

bool GraphCanvas::isLarge() const
{
    return m_nodes.size() > kOverviewNodes;
}

void GraphCanvas::rebuildOverview()
{
    if (isLarge() && m_overview)
        m_overview->rebuild(m_nodes, m_edges);
}

void GraphCanvas::updateDetailLevel()
{
    const bool overview = isLarge() && m_view->zoom() < kOverviewZoom;
    if (overview == m_overviewShown || !m_overview)
        return;
    // The scene's index holds the tiles, not their children (GraphDetailTile): hiding them
    // takes the whole detail layer out of every frame.
    if (overview) {
        setTilesShown(false);
        m_overviewShown = true;
    } else {
        m_overviewShown = false;
        setTilesShown(true);
    }
    m_overview->setVisible(overview);
}

QRectF GraphCanvas::minimapBounds() const
{
    if (!isLarge() || !m_overview) {
        const QRectF drawn = drawnBounds();
        return drawn.isEmpty()
                   ? drawn
                   : drawn.adjusted(-kDrawnMargin, -kDrawnMargin, kDrawnMargin, kDrawnMargin);
    }
    QRectF bounds = m_overview->sceneBoundingRect();
    for (const GraphClusterItem *c : std::as_const(m_clusters)) {
        if (c->isVisible())
            bounds |= c->sceneBoundingRect();
    }
    return bounds;
}

bool GraphCanvas::paintMinimap(QPainter *painter) const
{
    if (!isLarge() || !m_overview)
        return false;
    // What the scene would draw with the overview standing in for the detail layer: the
    // clusters below it (frames), the overview, then the collapsed clusters above it.
    const auto paintItem = [painter](QGraphicsItem *item) {
        QStyleOptionGraphicsItem option;
        option.exposedRect = item->boundingRect();
        painter->save();
        painter->setTransform(item->sceneTransform(), true);
        item->paint(painter, &option, nullptr);
        painter->restore();
    };
    for (GraphClusterItem *c : std::as_const(m_clusters)) {
        if (c->isVisible() && c->zValue() < m_overview->zValue())
            paintItem(c);
    }
    paintItem(m_overview);
    for (GraphClusterItem *c : std::as_const(m_clusters)) {
        if (c->isVisible() && c->zValue() >= m_overview->zValue())
            paintItem(c);
    }
    return true;
}

void GraphCanvas::placeNodes(const QHash<QString, QPointF> &positions, const QSet<QString> &pin,
                             const QSet<QString> &unpin)
{
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        m_positions.insert(it.key(), it.value());
        if (GraphNodeItem *n = nodeItem(it.key()))
            n->setPos(it.value());
    }
    for (const QString &id : pin) {
        m_pinned.insert(id);
        if (GraphNodeItem *n = nodeItem(id))
            n->setPinned(true);
    }
    for (const QString &id : unpin) {
        m_pinned.remove(id);
        if (GraphNodeItem *n = nodeItem(id))
            n->setPinned(false);
    }
    retile();
    rebuildOverview();
    m_minimap->refresh();
    Q_EMIT positionsChanged();
}

void GraphCanvas::onDragged(const QHash<QString, QPointF> &before,
                            const QHash<QString, QPointF> &after)
{
    QSet<QString> pinnedBefore;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (m_pinned.contains(it.key()))
            pinnedBefore.insert(it.key());
    }
    auto *command = new MoveNodesCommand(this, before, after, pinnedBefore);
    if (m_undoStack) {
        m_undoStack->push(command);
    } else {
        command->redo();
        delete command;
    }
}

GraphNodeItem *GraphCanvas::nodeItem(const QString &id) const
{
    const int i = m_graph.indexOf(id);
    return i >= 0 && i < m_nodes.size() ? m_nodes.at(i) : nullptr;
}

GraphClusterItem *GraphCanvas::clusterItem(const QString &trustDomain) const
{
    return m_clusters.value(trustDomain);
}

bool GraphCanvas::selectNode(const QString &id)
{
    GraphNodeItem *n = nodeItem(id);
    if (!n)
        return false;
    if (GraphClusterItem *c = n->cluster(); c && c->isCollapsed()) {
        c->setCollapsed(false);
        onClusterToggled();
    }
    if (n->isFilteredOut()) {
        // A node asked for by name is shown even when a filter hid it.
        for (QComboBox *box : {m_typeFilter, m_domainFilter, m_statusFilter})
            box->setCurrentIndex(0);
    }
    const QSignalBlocker block(m_scene);
    m_scene->clearSelection();
    n->setSelected(true);
    m_view->ensureVisible(n, 80, 80);
    updateMinimapFrame();
    if (m_current != id) {
        m_current = id;
        Q_EMIT currentNodeChanged(id);
    }
    return true;
}

QStringList GraphCanvas::selectedNodeIds() const
{
    QStringList out;
    for (QGraphicsItem *item : m_scene->selectedItems()) {
        if (auto *n = qgraphicsitem_cast<GraphNodeItem *>(item))
            out << n->id();
    }
    return out;
}

void GraphCanvas::onSelectionChanged()
{
    const QStringList selected = selectedNodeIds();
    QString current;
    if (selected.contains(m_current))
        current = m_current;
    else if (!selected.isEmpty())
        current = selected.constLast();
    if (current != m_current) {
        m_current = current;
        Q_EMIT currentNodeChanged(current);
    }
}

bool GraphCanvas::exportView(const QString &path, QString *error)
{
    const QRectF source = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const QSize size = m_view->viewport()->size();
    const QString suffix = QFileInfo(path).suffix().toLower();
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(tr("Trust Atlas estate"));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(tr("Cannot write %1").arg(path));
        m_scene->render(&painter, QRectF(QPointF(0, 0), size), source);
        return painter.end();
    }
    if (suffix == QLatin1String("png")) {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(m_style.background());
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            m_scene->render(&painter, QRectF(image.rect()), source);
        }
        return image.save(path, "PNG") || fail(tr("Cannot write %1").arg(path));
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(path);
        pdf.setTitle(tr("Trust Atlas estate"));
        pdf.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&pdf))
            return fail(tr("Cannot write %1").arg(path));
        m_scene->render(&painter, QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height())), source);
        return painter.end();
    }
    return fail(tr("Unknown export format “%1”: use .svg, .png or .pdf").arg(suffix));
}

void GraphCanvas::exportWithDialog()
{
    AsyncFileDialog::ask(this, AsyncFileDialog::Mode::Save, tr("Export View"),
                         tr("SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)"),
                         [this](const QString &path) {
                             QString error;
                             if (!exportView(path, &error))
                                 m_info->setText(error);
                             else
                                 m_info->setText(tr("Exported %1").arg(QFileInfo(path).fileName()));
                         });
}

} // namespace ta::views
