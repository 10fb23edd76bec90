// SPDX-License-Identifier: Apache-2.0
// GraphCanvas, its second half: keyboard navigation, search, filters, fitting, and the analyses
// shown on the canvas (blast radius, path, reach, findings). The first half (GraphCanvas.cpp)
// builds the scene, lays it out and exports it; GraphCanvasEdit.cpp redraws an edit.
#include "views/GraphCanvas.h"

#include "views/GraphClusterItem.h"
#include "views/GraphEdgeItem.h"
#include "views/GraphLegend.h"
#include "views/GraphMinimap.h"
#include "views/GraphNodeItem.h"
#include "views/GraphOverviewItem.h"
#include "views/GraphView.h"
#include "views/MoveNodesCommand.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
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
#include <QSvgGenerator>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
namespace ta::views {

using core::GraphStatus;
using core::NodeClass;

void GraphCanvas::navigate(int key)
{
    GraphNodeItem *from = nodeItem(m_current);
    if (!from) {
        for (GraphNodeItem *n : std::as_const(m_nodes)) {
            if (n->isVisible()) {
                selectNode(n->id());
                return;
            }
        }
        return;
    }
    QList<GraphNodeItem *> neighbours;
    for (GraphEdgeItem *e : from->edges()) {
        GraphNodeItem *other = e->from() == from ? e->to() : e->from();
        if (other->isVisible() && !neighbours.contains(other))
            neighbours << other;
    }
    if (neighbours.isEmpty())
        return;
    if (key == Qt::Key_Tab || key == Qt::Key_Backtab) {
        // Tab walks round the neighbours of the node it started from.
        GraphNodeItem *origin = nodeItem(m_tabOrigin);
        if (!origin || origin == from || !neighbours.contains(origin)) {
            if (origin != from)
                m_tabIndex = -1;
            m_tabOrigin = from->id();
            origin = from;
        }
        QList<GraphNodeItem *> ring;
        for (GraphEdgeItem *e : origin->edges()) {
            GraphNodeItem *other = e->from() == origin ? e->to() : e->from();
            if (other->isVisible() && !ring.contains(other))
                ring << other;
        }
        std::sort(ring.begin(), ring.end(), [](auto *a, auto *b) { return a->id() < b->id(); });
        if (ring.isEmpty())
            return;
        m_tabIndex = key == Qt::Key_Tab ? (m_tabIndex + 1) % int(ring.size())
                                        : (m_tabIndex - 1 + int(ring.size())) % int(ring.size());
        const QString origin_id = m_tabOrigin;
        selectNode(ring.at(m_tabIndex)->id());
        m_tabOrigin = origin_id;
        return;
    }
    m_tabOrigin.clear();
    m_tabIndex = -1;
    QPointF want;
    switch (key) {
    case Qt::Key_Left:
        want = {-1, 0};
        break;
    case Qt::Key_Right:
        want = {1, 0};
        break;
    case Qt::Key_Up:
        want = {0, -1};
        break;
    default:
        want = {0, 1};
        break;
    }
    GraphNodeItem *best = nullptr;
    double bestScore = 1e300;
    for (GraphNodeItem *n : std::as_const(neighbours)) {
        const QPointF d = n->pos() - from->pos();
        const double len = std::hypot(d.x(), d.y());
        if (len < 1e-6)
            continue;
        const double cosine = (d.x() * want.x() + d.y() * want.y()) / len;
        // Within 60 degrees of the arrow; nearer and straighter wins.
        if (cosine < 0.5)
            continue;
        const double score = len * (2.0 - cosine);
        if (score < bestScore) {
            bestScore = score;
            best = n;
        }
    }
    if (best)
        selectNode(best->id());
}

bool GraphCanvas::findNext(const QString &text)
{
    if (text.isEmpty())
        return false;
    if (text != m_lastSearch) {
        m_lastSearch = text;
        m_searchIndex = -1;
    }
    const int count = int(m_nodes.size());
    for (int step = 1; step <= count; ++step) {
        const int i = (m_searchIndex + step) % count;
        if (m_nodes.at(i)->searchText().contains(text, Qt::CaseInsensitive)) {
            m_searchIndex = i;
            selectNode(m_nodes.at(i)->id());
            m_view->centerOn(m_nodes.at(i));
            updateMinimapFrame();
            m_info->setText(tr("Found %1").arg(m_nodes.at(i)->id()));
            return true;
        }
    }
    return false;
}

void GraphCanvas::refillFilters()
{
    const QString keep = m_domainFilter->currentData().toString();
    const QSignalBlocker block(m_domainFilter);
    m_domainFilter->clear();
    m_domainFilter->addItem(tr("All trust domains"), QString());
    for (auto it = m_clusters.cbegin(); it != m_clusters.cend(); ++it)
        m_domainFilter->addItem(it.key(), it.key());
    m_domainFilter->setCurrentIndex(std::max(0, m_domainFilter->findData(keep)));
}

void GraphCanvas::applyFilters()
{
    const int type = m_typeFilter->currentData().toInt();
    const QString domain = m_domainFilter->currentData().toString();
    const int status = m_statusFilter->currentData().toInt();
    for (GraphNodeItem *n : std::as_const(m_nodes)) {
        const bool out = (type >= 0 && int(n->nodeClass()) != type) ||
                         (!domain.isEmpty() && n->trustDomain() != domain) ||
                         (status >= 0 && int(n->status()) != status);
        n->setFilteredOut(out);
        const bool collapsed = n->cluster() && n->cluster()->isCollapsed();
        n->setVisible(!out && !collapsed);
    }
    for (GraphClusterItem *c : std::as_const(m_clusters)) {
        bool any = false;
        for (const GraphNodeItem *n : c->members())
            any = any || !n->isFilteredOut();
        c->setVisible(any);
    }
    for (GraphEdgeItem *e : std::as_const(m_edges))
        e->adjust();
    rebuildOverview();
}

QRectF GraphCanvas::drawnBounds() const
{
    // A collapsed domain is its box, not the room its hidden members take (the demo's largest
    // domain, collapsed, had left the others small in the middle of that room).
    QRectF r;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        const bool collapsed = n->cluster() && n->cluster()->isCollapsed();
        if (!n->isFilteredOut() && !collapsed)
            r |= n->sceneBoundingRect();
    }
    for (const GraphClusterItem *c : std::as_const(m_clusters)) {
        if (c->isVisible())
            r |= c->sceneBoundingRect();
    }
    return r;
}

void GraphCanvas::onClusterToggled()
{
    rebuildOverview();
    m_minimap->refresh();
    updateMinimapFrame();
}

void GraphCanvas::fitAll()
{
    const QRectF r = drawnBounds();
    if (r.isEmpty())
        return;
    m_view->fitAndKeep(r.adjusted(-kDrawnMargin, -kDrawnMargin, kDrawnMargin, kDrawnMargin));
    updateMinimapFrame();
    updateDetailLevel();
}

void GraphCanvas::zoomToSelection()
{
    QRectF r;
    for (QGraphicsItem *item : m_scene->selectedItems())
        r |= item->sceneBoundingRect();
    if (r.isEmpty())
        return;
    // Not closer than 1:1 for a single node: a node filling the screen tells nothing.
    const QRectF area = r.adjusted(-150, -120, 150, 120);
    m_view->fitInView(area, Qt::KeepAspectRatio);
    if (m_view->zoom() > 1.5)
        m_view->zoomBy(1.5 / m_view->zoom());
    m_view->centerOn(r.center());
    updateMinimapFrame();
}

void GraphCanvas::updateMinimapFrame()
{
    m_minimap->setViewRect(m_view->mapToScene(m_view->viewport()->rect()).boundingRect());
}

void GraphCanvas::setHighlighted(const QSet<int> &nodes, const QSet<int> &edges)
{
    for (GraphNodeItem *n : std::as_const(m_nodes))
        n->setHighlighted(nodes.contains(n->index()));
    for (int i = 0; i < m_edges.size(); ++i)
        m_edges.at(i)->setHighlighted(edges.contains(i));
}

void GraphCanvas::clearHighlights()
{
    setHighlighted({}, {});
}

core::BlastRadius GraphCanvas::showBlastRadius(const QString &id)
{
    const core::BlastRadius blast = core::GraphAnalysis::blastRadius(m_graph, id);
    QSet<int> nodes;
    for (const QStringList &ids : blast.affected) {
        for (const QString &a : ids)
            nodes.insert(m_graph.indexOf(a));
    }
    setHighlighted(nodes, {});
    m_info->setText(
        tr("Blast radius of %1: %n dependent node(s)", nullptr, int(blast.total())).arg(id));
    return blast;
}

core::GraphPath GraphCanvas::showPath(const QString &from, const QString &to)
{
    const core::GraphPath path = core::GraphAnalysis::path(m_graph, from, to);
    QSet<int> nodes;
    QSet<int> edges;
    for (int i = 0; i < path.nodes.size(); ++i) {
        const int n = m_graph.indexOf(path.nodes.at(i));
        nodes.insert(n);
        if (i == 0)
            continue;
        const int prev = m_graph.indexOf(path.nodes.at(i - 1));
        for (int e : m_graph.outEdges(prev)) {
            if (m_graph.edge(e).to == n)
                edges.insert(e);
        }
        for (int e : m_graph.inEdges(prev)) {
            if (m_graph.edge(e).from == n)
                edges.insert(e);
        }
    }
    setHighlighted(nodes, edges);
    m_info->setText(path.found() ? tr("Path of %n step(s)", nullptr, int(path.edges.size()))
                                 : tr("No path between %1 and %2").arg(from, to));
    return path;
}

core::ReachResult GraphCanvas::showReach(const QString &fromTd, const QString &toTd)
{
    const core::ReachResult reach = core::GraphAnalysis::reach(m_graph, fromTd, toTd);
    QSet<int> nodes;
    QSet<int> edges;
    if (reach.reachable) {
        const int a = m_graph.indexOf(QStringLiteral("td/") + toTd);
        const int b = m_graph.indexOf(QStringLiteral("td/") + fromTd);
        nodes << a << b;
        const int e = m_graph.findEdge(a, b, core::EdgeClass::FederatesWith);
        if (e >= 0)
            edges << e;
        for (const QString &w : reach.workloads + reach.acceptedBy)
            nodes << m_graph.indexOf(w);
    }
    setHighlighted(nodes, edges);
    return reach;
}

void GraphCanvas::blastRadiusOfSelection()
{
    if (!m_current.isEmpty())
        showBlastRadius(m_current);
}

void GraphCanvas::pathBetweenSelection()
{
    const QStringList ids = selectedNodeIds();
    if (ids.size() == 2)
        showPath(ids.at(0), ids.at(1));
    else
        m_info->setText(tr("Select two nodes (Ctrl+click) to see the path between them."));
}

void GraphCanvas::computeFindings()
{
    m_findings = core::GraphAnalysis::findings(m_graph);
    QHash<QString, int> counts;
    for (const core::GraphFinding &f : std::as_const(m_findings)) {
        // A federation finding is about "FROM->TO": the badge goes on the domain that trusts.
        const QString subject =
            f.subject.contains(QLatin1String("->"))
                ? QStringLiteral("td/") + f.subject.section(QLatin1String("->"), 0, 0)
                : f.subject;
        ++counts[subject];
    }
    for (GraphNodeItem *n : std::as_const(m_nodes))
        n->setFindingCount(counts.value(n->id()));
    Q_EMIT findingsChanged();
}

} // namespace ta::views
