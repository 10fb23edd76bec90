// SPDX-License-Identifier: Apache-2.0
// The graph canvas on the demo workspace: every node type of the demo is drawn, the layout runs
// off the GUI thread and is cached, search, filters and keyboard navigation find their nodes,
// a node moved by hand is pinned and the move undoes, clusters collapse, and the view exports.
#include "DemoGraph.h"
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/store/Workspace.h"
#include "views/GraphCanvas.h"
#include "views/GraphClusterItem.h"
#include "views/GraphEdgeItem.h"
#include "views/GraphMinimap.h"
#include "views/GraphNodeItem.h"
#include "views/GraphView.h"

#include <QComboBox>
#include <QFile>
#include <QGraphicsScene>
#include <QLineEdit>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

using namespace ta;
using ta::core::NodeClass;
using ta::views::GraphCanvas;
using ta::views::GraphNodeItem;

class TestGraphCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void drawsEveryNodeTypeOfTheDemo();
    void laidOutNodesDoNotOverlap();
    void domainFramesDoNotOverlap();
    void clusterTitleFitsItsFrame();
    void newNodesFindFreeRoom();
    void cachedPositionsDrawAtOnce();
    void nodesPanFromDeviceCaches();
    void searchFindsBySpiffeIdAndSerial();
    void filtersHideOtherTypes();
    void keyboardWalksToNeighbours();
    void movedNodeIsPinnedAndUndoes();
    void pinnedNodeSurvivesRelayout();
    void relayoutClearsPinnedNodes();
    void largeClusterCollapsesAndExpands();
    void fitShowsWhatIsDrawn();
    void minimapShowsWhatIsDrawn();
    void aFitHoldsAsTheViewGrowsUntilItIsMoved();
    void exportsTheView_data();
    void exportsTheView();
    void layoutQueuedBehindBusyThreadsIsRunning();
    void showStatusesRecoloursWithoutMoving();
    void editRedrawsOnlyWhatChanged();
    void changedNodeIsRedrawnInPlace();
    void lastMemberGoneTakesItsCluster();
    void mostlyNewGraphIsLaidOutAgain();

private:
    // A canvas on the demo's graph, laid out.
    void showDemo(GraphCanvas &canvas);
    // Empty when no two of @p canvas's nodes' boxes overlap (by more than a hundredth of a
    // point); else how many pairs do, and the first.
    static QString overlappingNodes(const GraphCanvas &canvas);

    QTemporaryDir m_dir;
    core::TopologyGraph m_graph;
};

void TestGraphCanvas::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_graph = testing::demoGraph(m_dir);
    QVERIFY(m_graph.nodeCount() > 0);
}

void TestGraphCanvas::showDemo(GraphCanvas &canvas)
{
    QVERIFY(testing::showLaidOut(canvas, m_graph));
}

QString TestGraphCanvas::overlappingNodes(const GraphCanvas &canvas)
{
    const QList<GraphNodeItem *> items = canvas.nodeItems();
    QStringList pairs;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QRectF a = items.at(i)->mapRectToScene(items.at(i)->nodeRect());
        for (qsizetype j = i + 1; j < items.size(); ++j) {
            const QRectF common =
                a.intersected(items.at(j)->mapRectToScene(items.at(j)->nodeRect()));
            if (common.width() > 0.01 && common.height() > 0.01)
                pairs << items.at(i)->id() + QStringLiteral(" and ") + items.at(j)->id();
        }
    }
    return pairs.isEmpty()
               ? QString()
               : QStringLiteral("%1 pairs overlap, first %2").arg(pairs.size()).arg(pairs.first());
}

void TestGraphCanvas::drawsEveryNodeTypeOfTheDemo()
{
    GraphCanvas canvas;
    showDemo(canvas);
    QCOMPARE(canvas.nodeItems().size(), m_graph.nodeCount());
    QCOMPARE(canvas.edgeItems().size(), m_graph.edgeCount());
    QTest::qWait(50);
    const QRectF visible =
        canvas.view()->mapToScene(canvas.view()->viewport()->rect()).boundingRect();
    QSet<NodeClass> present;
    QSet<NodeClass> drawn;
    QSet<QPointF *> unused;
    QHash<QString, QPointF> places;
    for (const core::GraphNode &n : m_graph.nodes())
        present.insert(n.cls);
    for (GraphNodeItem *item : canvas.nodeItems()) {
        // Drawn: shown, inside the fitted view, and not piled on another node.
        if (item->isVisible() && visible.contains(item->sceneBoundingRect().center()))
            drawn.insert(item->nodeClass());
        places.insert(item->id(), item->pos());
    }
    QCOMPARE(drawn, present);
    QSet<QPair<int, int>> distinct;
    for (const QPointF &p : places)
        distinct.insert({qRound(p.x()), qRound(p.y())});
    QVERIFY2(distinct.size() > places.size() * 9 / 10, "nodes piled up: no layout applied");
    // Trust domains are clusters around their members.
    for (const QString &td : core::DemoWorkspace::trustDomainNames()) {
        auto *cluster = canvas.clusterItem(td);
        QVERIFY2(cluster, qPrintable(td));
        for (GraphNodeItem *m : cluster->members())
            QVERIFY(cluster->sceneBoundingRect().contains(m->sceneBoundingRect().center()));
    }
    // The picture has something on it besides background.
    const QImage shot = canvas.grab().toImage();
    const QString shotDir = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    QVERIFY(shot.save(shotDir.isEmpty() ? m_dir.filePath(QStringLiteral("canvas.png"))
                                        : shotDir + QStringLiteral("/canvas.png")));
    int inked = 0;
    const QRgb background = shot.pixel(canvas.view()->geometry().topLeft() + QPoint(3, 3));
    for (int y = 0; y < shot.height(); y += 4)
        for (int x = 0; x < canvas.view()->width(); x += 4)
            inked += shot.pixel(x, y) != background;
    QVERIFY(inked > 500);
}

// Graphviz lays the nodes out at the sizes drawn and removes the overlaps: no node's box lies
// on another's. Before, sfdp sized the nodes for its own labels and ran its overlap removal's
// first scaling only: 378 pairs of the demo's 159 nodes overlapped as drawn, 95 % of the nodes
// on another.
void TestGraphCanvas::laidOutNodesDoNotOverlap()
{
    GraphCanvas canvas;
    showDemo(canvas);
    for (GraphNodeItem *n : canvas.nodeItems())
        QVERIFY(n->isVisible());
    QCOMPARE(canvas.nodeItems().size(), m_graph.nodeCount());
    const QString overlapping = overlappingNodes(canvas);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping));
}

// sfdp ignores clusters: the demo's staging and partner domains came out inside prod.example's
// frame. The canvas moves each domain's members as a block until the frames are apart.
void TestGraphCanvas::domainFramesDoNotOverlap()
{
    GraphCanvas canvas;
    showDemo(canvas);
    QList<views::GraphClusterItem *> clusters;
    for (const QString &td : core::DemoWorkspace::trustDomainNames()) {
        auto *cluster = canvas.clusterItem(td);
        QVERIFY2(cluster && !cluster->isCollapsed(), qPrintable(td));
        clusters << cluster;
    }
    QVERIFY(clusters.size() >= 3);
    for (qsizetype i = 0; i < clusters.size(); ++i) {
        for (qsizetype j = i + 1; j < clusters.size(); ++j) {
            QVERIFY2(!clusters.at(i)->frame().intersects(clusters.at(j)->frame()),
                     qPrintable(clusters.at(i)->trustDomain() + QStringLiteral(" and ") +
                                clusters.at(j)->trustDomain()));
        }
        // Each frame still holds its members.
        for (GraphNodeItem *m : clusters.at(i)->members())
            QVERIFY(clusters.at(i)->frame().contains(m->mapRectToScene(m->nodeRect())));
    }
}

// An edit's new nodes go beside their neighbours, in free room: fifteen new workloads on the
// busiest node of the demo, each with its identity, lie on no node, old or new. Turned round
// the host by the golden angle alone, 48 pairs of nodes overlapped.
// Zoomed out, a frame's title grows to stay legible and may not fit: the count goes first,
// then the name is cut with an ellipsis; it was clipped mid-word.
void TestGraphCanvas::clusterTitleFitsItsFrame()
{
    QFont font;
    font.setPixelSize(46);
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const QString domain = QStringLiteral("staging.example");
    const QString full = views::GraphClusterItem::title(metrics, 1e6, domain, 11);
    QCOMPARE(full, QStringLiteral("staging.example (11 node(s))"));
    const double nameWidth = metrics.horizontalAdvance(domain);
    QVERIFY(metrics.horizontalAdvance(full) > nameWidth + 20);
    QCOMPARE(views::GraphClusterItem::title(metrics, nameWidth + 10, domain, 11), domain);
    const QString cut = views::GraphClusterItem::title(metrics, nameWidth / 2, domain, 11);
    QVERIFY2(cut.endsWith(QChar(0x2026)) && cut.size() < domain.size(), qPrintable(cut));
    QVERIFY(metrics.horizontalAdvance(cut) <= nameWidth / 2);
}

void TestGraphCanvas::newNodesFindFreeRoom()
{
    GraphCanvas canvas;
    showDemo(canvas);
    int host = -1;
    for (int i = 0; i < m_graph.nodeCount(); ++i) {
        if (m_graph.node(i).cls == NodeClass::Node &&
            (host < 0 || m_graph.inEdges(i).size() > m_graph.inEdges(host).size()))
            host = i;
    }
    QVERIFY(host >= 0);
    core::TopologyGraph edited = m_graph;
    const QString td = m_graph.node(host).trustDomain;
    for (int w = 0; w < 15; ++w) {
        core::GraphNode workload;
        workload.id = QStringLiteral("workload/new-%1").arg(w);
        workload.cls = NodeClass::Workload;
        workload.label = QStringLiteral("new-%1").arg(w);
        workload.trustDomain = td;
        core::GraphNode identity;
        identity.id = QStringLiteral("spiffe://%1/new-%2").arg(td).arg(w);
        identity.cls = NodeClass::Identity;
        identity.label = QStringLiteral("/new-%1").arg(w);
        identity.trustDomain = td;
        const int added = edited.addNode(workload);
        edited.addEdge(added, host, core::EdgeClass::RunsOn);
        edited.addEdge(added, edited.addNode(identity), core::EdgeClass::Holds);
    }
    canvas.setGraph(edited);
    QVERIFY(!canvas.isLayoutRunning());
    QCOMPARE(canvas.nodeItems().size(), edited.nodeCount());
    const QString overlapping = overlappingNodes(canvas);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping));
    // Still beside the host.
    const QPointF hostAt = canvas.nodeItem(m_graph.node(host).id)->pos();
    QVERIFY(QLineF(canvas.nodeItem(QStringLiteral("workload/new-0"))->pos(), hostAt).length() <
            400);
}

void TestGraphCanvas::cachedPositionsDrawAtOnce()
{
    GraphCanvas first;
    showDemo(first);
    GraphCanvas second;
    second.setPositions(first.positions(), first.pinned());
    QSignalSpy drawn(&second, &GraphCanvas::drawn);
    second.setGraph(m_graph);
    // Every position known: drawn in the call, no layout started.
    QCOMPARE(drawn.count(), 1);
    QVERIFY(!second.isLayoutRunning());
    for (GraphNodeItem *n : second.nodeItems())
        QCOMPARE(n->pos(), first.nodeItem(n->id())->pos());
}

void TestGraphCanvas::nodesPanFromDeviceCaches()
{
    // Panning 10,000 nodes within a frame's time relies on blitting each node's pixmap
    // (bench_canvas measures it); a node painted afresh every frame would miss it again.
    GraphCanvas canvas;
    showDemo(canvas);
    QVERIFY(!canvas.nodeItems().isEmpty());
    for (GraphNodeItem *n : canvas.nodeItems())
        QCOMPARE(n->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
}

void TestGraphCanvas::searchFindsBySpiffeIdAndSerial()
{
    GraphCanvas canvas;
    showDemo(canvas);
    // Ctrl+F goes to the search field.
    canvas.view()->setFocus();
    QTest::keyClick(canvas.view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(canvas.searchEdit()->hasFocus());
    const QList<int> identities = m_graph.nodesOf(NodeClass::Identity);
    QVERIFY(!identities.isEmpty());
    const QString spiffeId = m_graph.node(identities.first()).id;
    QTest::keyClicks(canvas.searchEdit(), spiffeId);
    QTest::keyClick(canvas.searchEdit(), Qt::Key_Return);
    QVERIFY(canvas.selectedNodeIds().size() == 1);
    QVERIFY(canvas.nodeItem(canvas.currentNodeId())->searchText().contains(spiffeId));
    const QList<int> credentials = m_graph.nodesOf(NodeClass::Credential);
    QVERIFY(!credentials.isEmpty());
    const core::GraphNode &credential = m_graph.node(credentials.last());
    const QString serial = credential.properties.value(QStringLiteral("serial")).toString();
    QVERIFY(!serial.isEmpty());
    QVERIFY(canvas.findNext(serial));
    QCOMPARE(canvas.currentNodeId(), credential.id);
    QVERIFY(!canvas.findNext(QStringLiteral("no-such-thing-anywhere")));
}

void TestGraphCanvas::filtersHideOtherTypes()
{
    GraphCanvas canvas;
    showDemo(canvas);
    QComboBox *type = canvas.typeFilter();
    type->setCurrentIndex(type->findData(int(NodeClass::Credential)));
    int shown = 0;
    for (GraphNodeItem *n : canvas.nodeItems()) {
        QCOMPARE(n->isVisible(), n->nodeClass() == NodeClass::Credential);
        shown += n->isVisible();
    }
    QCOMPARE(shown, int(m_graph.countOf(NodeClass::Credential)));
    for (auto *e : canvas.edgeItems())
        QVERIFY(!e->isVisible());
    // Trust domain and type together; then back to all.
    const QString td = core::DemoWorkspace::trustDomainNames().first();
    canvas.domainFilter()->setCurrentIndex(canvas.domainFilter()->findData(td));
    for (GraphNodeItem *n : canvas.nodeItems())
        QCOMPARE(n->isVisible(), n->nodeClass() == NodeClass::Credential && n->trustDomain() == td);
    type->setCurrentIndex(0);
    canvas.domainFilter()->setCurrentIndex(0);
    QComboBox *status = canvas.statusFilter();
    status->setCurrentIndex(status->findData(int(core::GraphStatus::Valid)));
    for (GraphNodeItem *n : canvas.nodeItems())
        QCOMPARE(n->isVisible(), n->status() == core::GraphStatus::Valid);
    status->setCurrentIndex(0);
    for (GraphNodeItem *n : canvas.nodeItems())
        QVERIFY(n->isVisible());
}

void TestGraphCanvas::keyboardWalksToNeighbours()
{
    GraphCanvas canvas;
    showDemo(canvas);
    // The node with the most neighbours.
    GraphNodeItem *hub = nullptr;
    for (GraphNodeItem *n : canvas.nodeItems()) {
        if (!hub || n->edges().size() > hub->edges().size())
            hub = n;
    }
    QVERIFY(hub && hub->edges().size() >= 2);
    QSet<QString> neighbours;
    for (auto *e : hub->edges())
        neighbours.insert((e->from() == hub ? e->to() : e->from())->id());
    QVERIFY(canvas.selectNode(hub->id()));
    canvas.view()->setFocus();
    // Tab walks round the hub's neighbours, each once, then comes back to the first.
    QSet<QString> visited;
    QString first;
    for (int i = 0; i < neighbours.size(); ++i) {
        QTest::keyClick(canvas.view(), Qt::Key_Tab);
        QVERIFY2(neighbours.contains(canvas.currentNodeId()), qPrintable(canvas.currentNodeId()));
        if (first.isEmpty())
            first = canvas.currentNodeId();
        visited.insert(canvas.currentNodeId());
    }
    QCOMPARE(visited, neighbours);
    QTest::keyClick(canvas.view(), Qt::Key_Tab);
    QCOMPARE(canvas.currentNodeId(), first);
    // An arrow goes to a neighbour lying that way.
    QVERIFY(canvas.selectNode(hub->id()));
    bool moved = false;
    for (Qt::Key key : {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down}) {
        QVERIFY(canvas.selectNode(hub->id()));
        QTest::keyClick(canvas.view(), key);
        if (canvas.currentNodeId() == hub->id())
            continue;
        moved = true;
        QVERIFY(neighbours.contains(canvas.currentNodeId()));
        const QPointF d = canvas.nodeItem(canvas.currentNodeId())->pos() - hub->pos();
        if (key == Qt::Key_Left)
            QVERIFY(d.x() < 0);
        if (key == Qt::Key_Right)
            QVERIFY(d.x() > 0);
        if (key == Qt::Key_Up)
            QVERIFY(d.y() < 0);
        if (key == Qt::Key_Down)
            QVERIFY(d.y() > 0);
    }
    QVERIFY(moved);
}

void TestGraphCanvas::movedNodeIsPinnedAndUndoes()
{
    GraphCanvas canvas;
    QUndoStack stack;
    canvas.setUndoStack(&stack);
    showDemo(canvas);
    GraphNodeItem *node = canvas.nodeItems().first();
    const QPointF start = node->pos();
    const QPointF target = start + QPointF(137, -59);
    QSignalSpy saved(&canvas, &GraphCanvas::positionsChanged);
    // A drag ends: the view reports the move once.
    Q_EMIT canvas.view()->nodesDragged({{node->id(), start}}, {{node->id(), target}});
    QCOMPARE(stack.count(), 1);
    QCOMPARE(node->pos(), target);
    QVERIFY(node->isPinned());
    QVERIFY(canvas.pinned().contains(node->id()));
    QCOMPARE(canvas.positions().value(node->id()), target);
    QVERIFY(saved.count() >= 1);
    stack.undo();
    QCOMPARE(node->pos(), start);
    QVERIFY(!node->isPinned());
    QVERIFY(!canvas.pinned().contains(node->id()));
    stack.redo();
    QCOMPARE(node->pos(), target);
    QVERIFY(node->isPinned());
}

void TestGraphCanvas::pinnedNodeSurvivesRelayout()
{
    GraphCanvas canvas;
    QUndoStack stack;
    canvas.setUndoStack(&stack);
    showDemo(canvas);
    GraphNodeItem *node = canvas.nodeItems().last();
    const QPointF target = node->pos() + QPointF(-400, 300);
    Q_EMIT canvas.view()->nodesDragged({{node->id(), node->pos()}}, {{node->id(), target}});
    QSignalSpy drawn(&canvas, &GraphCanvas::drawn);
    canvas.relayout();
    QVERIFY(canvas.isLayoutRunning());
    QVERIFY(drawn.wait(60000));
    QCOMPARE(canvas.nodeItem(node->id())->pos(), target);
}

// Nodes dragged onto other nodes' places and pinned there, then laid out again: the layout puts
// the others back where they were, on the pinned ones, unless the canvas moves them off. None
// lies on a pinned node afterwards, and no two nodes overlap.
void TestGraphCanvas::relayoutClearsPinnedNodes()
{
    GraphCanvas canvas;
    QUndoStack stack;
    canvas.setUndoStack(&stack);
    showDemo(canvas);
    const QList<GraphNodeItem *> items = canvas.nodeItems();
    QHash<QString, QPointF> targets;
    for (int k = 0; k < 3; ++k) {
        GraphNodeItem *dragged = items.at(k * 7);
        const QPointF target = items.at(k * 7 + 3)->pos() + QPointF(5, 3);
        Q_EMIT canvas.view()->nodesDragged({{dragged->id(), dragged->pos()}},
                                           {{dragged->id(), target}});
        targets.insert(dragged->id(), target);
    }
    QSignalSpy drawn(&canvas, &GraphCanvas::drawn);
    canvas.relayout();
    QVERIFY(drawn.wait(60000));
    for (auto it = targets.cbegin(); it != targets.cend(); ++it)
        QCOMPARE(canvas.nodeItem(it.key())->pos(), it.value());
    const QString overlapping = overlappingNodes(canvas);
    QVERIFY2(overlapping.isEmpty(), qPrintable(overlapping));
}

void TestGraphCanvas::largeClusterCollapsesAndExpands()
{
    GraphCanvas canvas;
    QVERIFY(testing::showLaidOut(canvas, m_graph, 5, QSize(1000, 700)));
    const QString td = core::DemoWorkspace::trustDomainNames().first();
    auto *cluster = canvas.clusterItem(td);
    QVERIFY(cluster);
    QVERIFY(cluster->members().size() > 5);
    QVERIFY(cluster->isCollapsed());
    for (GraphNodeItem *m : cluster->members())
        QVERIFY(!m->isVisible());
    // Double-click on the box expands it.
    canvas.view()->centerOn(cluster);
    QTest::qWait(20);
    const QPoint at = canvas.view()->mapFromScene(cluster->collapsedRect().center());
    QTest::mouseDClick(canvas.view()->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(!cluster->isCollapsed());
    for (GraphNodeItem *m : cluster->members())
        QVERIFY(m->isVisible());
}

void TestGraphCanvas::fitShowsWhatIsDrawn()
{
    GraphCanvas canvas;
    QVERIFY(testing::showLaidOut(canvas, m_graph, 5, QSize(1000, 700)));
    canvas.fitAll();
    // What is drawn: the visible nodes and clusters, a collapsed cluster as its box.
    QRectF shown;
    QRectF hidden;
    for (GraphNodeItem *n : canvas.nodeItems())
        (n->isVisible() ? shown : hidden) |= n->sceneBoundingRect();
    for (const QString &td : core::DemoWorkspace::trustDomainNames()) {
        if (auto *c = canvas.clusterItem(td); c && c->isVisible())
            shown |= c->sceneBoundingRect();
    }
    QVERIFY(!shown.isEmpty());
    // The demo's collapsed members spread beyond what is drawn, so a fit that counted them
    // would not be tight on either side.
    QVERIFY(!shown.contains(hidden));
    const QRectF seen = canvas.view()->mapToScene(canvas.view()->viewport()->rect()).boundingRect();
    QVERIFY(seen.contains(shown.adjusted(1, 1, -1, -1)));
    // Kept in proportion, the view is tight on one side: what is drawn fills its width or its
    // height, with the fit's margin.
    const double slack =
        std::min(seen.width() / (shown.width() + 40), seen.height() / (shown.height() + 40));
    QVERIFY2(slack < 1.1, qPrintable(QStringLiteral("the view is %1 times what is drawn, on "
                                                    "its tighter side")
                                         .arg(slack)));
}

void TestGraphCanvas::minimapShowsWhatIsDrawn()
{
    GraphCanvas canvas;
    QVERIFY(testing::showLaidOut(canvas, m_graph, 5, QSize(1000, 700)));
    auto *minimap = canvas.findChild<views::GraphMinimap *>();
    QVERIFY(minimap);
    // What is drawn, as Fit frames it; and the room the hidden members take.
    QRectF hidden;
    const auto drawn = [&canvas, &hidden] {
        QRectF shown;
        hidden = QRectF();
        for (GraphNodeItem *n : canvas.nodeItems())
            (n->isVisible() ? shown : hidden) |= n->sceneBoundingRect();
        for (const QString &td : core::DemoWorkspace::trustDomainNames()) {
            if (auto *c = canvas.clusterItem(td); c && c->isVisible())
                shown |= c->sceneBoundingRect();
        }
        return shown;
    };
    // With Fit's margin of 20 around it.
    const auto same = [](const QRectF &shown, const QRectF &drawnRect) {
        const QRectF b = drawnRect.adjusted(-20, -20, 20, 20);
        const QRectF &a = shown;
        return std::abs(a.left() - b.left()) < 0.5 && std::abs(a.top() - b.top()) < 0.5 &&
               std::abs(a.right() - b.right()) < 0.5 && std::abs(a.bottom() - b.bottom()) < 0.5;
    };
    // The demo's domains of more than five nodes start collapsed: the minimap spans their
    // boxes, not the room their members would take (it spanned every item's, hidden ones too,
    // until stop 60).
    const QString td = core::DemoWorkspace::trustDomainNames().first();
    auto *cluster = canvas.clusterItem(td);
    QVERIFY(cluster && cluster->isCollapsed());
    const QRectF collapsed = drawn();
    QVERIFY(!hidden.isEmpty());
    QVERIFY(!collapsed.contains(hidden));
    QVERIFY2(same(minimap->shownRect(), collapsed),
             qPrintable(QStringLiteral("the minimap shows %1,%2 %3x%4")
                            .arg(minimap->shownRect().x())
                            .arg(minimap->shownRect().y())
                            .arg(minimap->shownRect().width())
                            .arg(minimap->shownRect().height())));
    // Expanded by a double-click, the domain's members are drawn, and the minimap follows.
    canvas.view()->centerOn(cluster);
    QTest::qWait(20);
    QTest::mouseDClick(canvas.view()->viewport(), Qt::LeftButton, {},
                       canvas.view()->mapFromScene(cluster->collapsedRect().center()));
    QVERIFY(!cluster->isCollapsed());
    const QRectF expanded = drawn();
    QRectF members;
    for (const GraphNodeItem *m : cluster->members())
        members |= m->sceneBoundingRect();
    QVERIFY(expanded.contains(members));
    QVERIFY(expanded != collapsed);
    QVERIFY(same(minimap->shownRect(), expanded));
    // A filter that hides all but another domain: the minimap shows that domain alone.
    const QString other = core::DemoWorkspace::trustDomainNames().last();
    QVERIFY(other != td);
    canvas.domainFilter()->setCurrentIndex(canvas.domainFilter()->findData(other));
    const QRectF filtered = drawn();
    QVERIFY(filtered != expanded);
    QVERIFY(same(minimap->shownRect(), filtered));
    // Collapsed again by hand: back to the box.
    canvas.domainFilter()->setCurrentIndex(0);
    QVERIFY(same(minimap->shownRect(), expanded));
    // On the frame's title, where no member lies.
    const QPointF title = cluster->sceneBoundingRect().topLeft() + QPointF(12, 12);
    canvas.view()->centerOn(title);
    QTest::qWait(20);
    QTest::mouseDClick(canvas.view()->viewport(), Qt::LeftButton, {},
                       canvas.view()->mapFromScene(title));
    QVERIFY(cluster->isCollapsed());
    QVERIFY(same(minimap->shownRect(), drawn()));
    QVERIFY(same(minimap->shownRect(), collapsed));
}

void TestGraphCanvas::aFitHoldsAsTheViewGrowsUntilItIsMoved()
{
    // The window is laid out after the drawing, or a dock dragged wider: a fit shows the drawing
    // whole at the new size, until the user zooms or scrolls.
    GraphCanvas canvas;
    QVERIFY(testing::showLaidOut(canvas, m_graph, 120, QSize(500, 400)));
    canvas.fitAll();
    QVERIFY(canvas.view()->keepsFit());
    const double fitted = canvas.view()->zoom();
    canvas.resize(1200, 900);
    QTRY_VERIFY(canvas.view()->zoom() > fitted * 1.3);
    QVERIFY(canvas.view()->keepsFit());

    canvas.view()->zoomBy(1.2);
    QVERIFY(!canvas.view()->keepsFit());
    const double zoomed = canvas.view()->zoom();
    canvas.resize(600, 500);
    QTest::qWait(50);
    QCOMPARE(canvas.view()->zoom(), zoomed);

    canvas.fitAll();
    QVERIFY(canvas.view()->keepsFit());
    canvas.view()->horizontalScrollBar()->setValue(canvas.view()->horizontalScrollBar()->value() +
                                                   40);
    QVERIFY(!canvas.view()->keepsFit());
}

void TestGraphCanvas::exportsTheView_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("svg") << QStringLiteral("view.svg") << QByteArray("<svg");
    QTest::newRow("png") << QStringLiteral("view.png") << QByteArray("\x89PNG");
    QTest::newRow("pdf") << QStringLiteral("view.pdf") << QByteArray("%PDF");
}

void TestGraphCanvas::exportsTheView()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    GraphCanvas canvas;
    showDemo(canvas);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QString error;
    QVERIFY2(canvas.exportView(path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(data.size() > 1000);
    QVERIFY(data.left(400).contains(magic));
    QVERIFY(!canvas.exportView(dir.filePath(QStringLiteral("view.bmpx")), &error));
    QVERIFY(!error.isEmpty());
}

// Regression: a layout waiting for a pool thread (the studio's scan and another task busy), or
// one finished whose result the event loop had not yet delivered, was reported as not running,
// so callers took the unplaced nodes for the drawing.
void TestGraphCanvas::layoutQueuedBehindBusyThreadsIsRunning()
{
    QSemaphore release;
    QList<QFuture<void>> blockers;
    for (int i = 0; i < QThreadPool::globalInstance()->maxThreadCount(); ++i)
        blockers << QtConcurrent::run([&release] { release.acquire(); });
    GraphCanvas canvas;
    QSignalSpy drawn(&canvas, &GraphCanvas::drawn);
    canvas.setGraph(m_graph);
    const bool queuedRunning = canvas.isLayoutRunning();
    release.release(int(blockers.size()));
    for (QFuture<void> &f : blockers)
        f.waitForFinished();
    QVERIFY(queuedRunning);
    // Done on its thread, not yet applied here.
    QThreadPool::globalInstance()->waitForDone();
    QCOMPARE(drawn.count(), 0);
    QVERIFY(canvas.isLayoutRunning());
    QVERIFY(drawn.count() == 1 || drawn.wait(60000));
    QVERIFY(!canvas.isLayoutRunning());
}

// The time bar's redraw: statuses change on the items drawn, absent nodes go faint, and
// nothing moves or is laid out again.
void TestGraphCanvas::showStatusesRecoloursWithoutMoving()
{
    GraphCanvas canvas;
    showDemo(canvas);
    QHash<QString, QPointF> before;
    for (GraphNodeItem *item : canvas.nodeItems())
        before.insert(item->id(), item->pos());
    GraphNodeItem *workload = nullptr;
    GraphNodeItem *other = nullptr;
    for (GraphNodeItem *item : canvas.nodeItems()) {
        if (!workload && item->nodeClass() == NodeClass::Workload)
            workload = item;
        else if (!other && item->nodeClass() == NodeClass::Identity)
            other = item;
    }
    QVERIFY(workload && other);
    const core::GraphStatus own = workload->status();
    const core::GraphStatus next =
        own == core::GraphStatus::Refused ? core::GraphStatus::Stale : core::GraphStatus::Refused;
    QHash<QString, core::GraphStatus> statuses;
    for (GraphNodeItem *item : canvas.nodeItems()) {
        if (item != other)
            statuses.insert(item->id(), item->status());
    }
    statuses.insert(workload->id(), next);
    QSignalSpy drawn(&canvas, &GraphCanvas::drawn);
    canvas.showStatuses(statuses);
    QCOMPARE(workload->status(), next);
    QCOMPARE(workload->opacity(), 1.0);
    QVERIFY(other->opacity() < 0.5);
    for (views::GraphEdgeItem *e : other->edges())
        QVERIFY(e->opacity() < 0.5);
    QVERIFY(!canvas.isLayoutRunning());
    QCOMPARE(drawn.count(), 0);
    for (GraphNodeItem *item : canvas.nodeItems())
        QCOMPARE(item->pos(), before.value(item->id()));
    // An empty map brings the graph's own statuses back.
    canvas.showStatuses({});
    QCOMPARE(workload->status(), own);
    QCOMPARE(other->opacity(), 1.0);
}

namespace {

// @p graph without the nodes @p drop (and their edges), the rest in the same order.
core::TopologyGraph without(const core::TopologyGraph &graph, const QSet<QString> &drop)
{
    core::TopologyGraph out;
    for (const core::GraphNode &n : graph.nodes()) {
        if (!drop.contains(n.id))
            out.addNode(n);
    }
    for (const core::GraphEdge &e : graph.edges()) {
        const int from = out.indexOf(graph.node(e.from).id);
        const int to = out.indexOf(graph.node(e.to).id);
        if (from >= 0 && to >= 0)
            out.addEdge(from, to, e.cls, e.status);
    }
    return out;
}

int firstOf(const core::TopologyGraph &graph, NodeClass cls, int skip = 0)
{
    const QList<int> all = graph.nodesOf(cls);
    return all.size() > skip ? all.at(skip) : -1;
}

} // namespace

// An edit (a new workload with its identity, a workload gone, a status changed) redraws what
// changed: the other nodes keep their items and places, the new ones go beside their
// neighbours, no layout runs and the view stays where the user left it.
void TestGraphCanvas::editRedrawsOnlyWhatChanged()
{
    GraphCanvas canvas;
    showDemo(canvas);
    canvas.view()->scale(1.5, 1.5);
    const QTransform transform = canvas.view()->transform();
    const QPointF centre = canvas.view()->mapToScene(canvas.view()->viewport()->rect().center());

    const int goneIndex = firstOf(m_graph, NodeClass::Workload);
    const int recolouredIndex = firstOf(m_graph, NodeClass::Workload, 1);
    QVERIFY(goneIndex >= 0 && recolouredIndex >= 0);
    const QString gone = m_graph.node(goneIndex).id;
    const QString recoloured = m_graph.node(recolouredIndex).id;
    // The new workload runs on the node the recoloured one runs on.
    QString host;
    for (int e : m_graph.outEdges(recolouredIndex)) {
        if (m_graph.edge(e).cls == core::EdgeClass::RunsOn)
            host = m_graph.node(m_graph.edge(e).to).id;
    }
    QVERIFY(!host.isEmpty());
    core::TopologyGraph edited = without(m_graph, {gone});
    const core::GraphStatus next =
        m_graph.node(recolouredIndex).status == core::GraphStatus::Refused
            ? core::GraphStatus::Stale
            : core::GraphStatus::Refused;
    edited.node(edited.indexOf(recoloured)).status = next;
    const QString td = m_graph.node(recolouredIndex).trustDomain;
    const int added = edited.addNode({QStringLiteral("workload/new-payments"),
                                      NodeClass::Workload,
                                      QStringLiteral("new-payments"),
                                      core::GraphStatus::Planned,
                                      td,
                                      {}});
    const int identity = edited.addNode({QStringLiteral("spiffe://%1/new-payments").arg(td),
                                         NodeClass::Identity,
                                         QStringLiteral("/new-payments"),
                                         core::GraphStatus::None,
                                         td,
                                         {}});
    edited.addEdge(added, edited.indexOf(host), core::EdgeClass::RunsOn);
    edited.addEdge(added, identity, core::EdgeClass::Holds);

    QHash<QString, GraphNodeItem *> items;
    QHash<QString, QPointF> places;
    for (GraphNodeItem *item : canvas.nodeItems()) {
        items.insert(item->id(), item);
        places.insert(item->id(), item->pos());
    }
    const GraphNodeItem *goneItem = canvas.nodeItem(gone); // compared, never read once gone
    QSignalSpy drawn(&canvas, &GraphCanvas::drawn);
    QSignalSpy moved(&canvas, &GraphCanvas::positionsChanged);
    canvas.setGraph(edited);
    QCOMPARE(drawn.count(), 1);
    QVERIFY(!canvas.isLayoutRunning());
    QCOMPARE(moved.count(), 1);

    QCOMPARE(canvas.nodeItems().size(), edited.nodeCount());
    QCOMPARE(canvas.edgeItems().size(), edited.edgeCount());
    QVERIFY(!canvas.nodeItem(gone));
    for (int i = 0; i < edited.nodeCount(); ++i) {
        GraphNodeItem *item = canvas.nodeItems().at(i);
        QCOMPARE(item->id(), edited.node(i).id);
        QCOMPARE(item->index(), i);
        QCOMPARE(item->status(), edited.node(i).status);
        if (items.contains(item->id())) {
            QCOMPARE(item, items.value(item->id()));
            QCOMPARE(item->pos(), places.value(item->id()));
        }
    }
    // Every edge joins the items of its graph edge's ends, and each node lists its own.
    for (int i = 0; i < edited.edgeCount(); ++i) {
        views::GraphEdgeItem *e = canvas.edgeItems().at(i);
        QCOMPARE(e->from(), canvas.nodeItems().at(edited.edge(i).from));
        QCOMPARE(e->to(), canvas.nodeItems().at(edited.edge(i).to));
        QVERIFY(e->from()->edges().contains(e) && e->to()->edges().contains(e));
    }
    for (GraphNodeItem *item : canvas.nodeItems()) {
        for (views::GraphEdgeItem *e : item->edges())
            QVERIFY(canvas.edgeItems().contains(e));
    }
    QCOMPARE(canvas.nodeItem(recoloured)->status(), next);
    // Beside their neighbours, not on them, and remembered for the next open.
    GraphNodeItem *newItem = canvas.nodeItem(QStringLiteral("workload/new-payments"));
    GraphNodeItem *newIdentity = canvas.nodeItem(edited.node(identity).id);
    QVERIFY(newItem && newIdentity);
    const QPointF hostAt = canvas.nodeItem(host)->pos();
    QVERIFY(QLineF(newItem->pos(), hostAt).length() > 50);
    QVERIFY(QLineF(newItem->pos(), hostAt).length() < 400);
    QVERIFY(QLineF(newIdentity->pos(), newItem->pos()).length() < 400);
    QVERIFY(newItem->pos() != newIdentity->pos());
    QCOMPARE(canvas.positions().value(newItem->id()), newItem->pos());
    QVERIFY(newItem->cluster() && newItem->cluster()->trustDomain() == td);
    QVERIFY(newItem->cluster()->sceneBoundingRect().contains(newItem->sceneBoundingRect()));
    QVERIFY(!newItem->cluster()->members().contains(goneItem));
    // The view did not move.
    QCOMPARE(canvas.view()->transform(), transform);
    QVERIFY(QLineF(canvas.view()->mapToScene(canvas.view()->viewport()->rect().center()), centre)
                .length() < 2);
    // Back again: the same items once more, the new ones gone.
    canvas.setGraph(m_graph);
    QVERIFY(!canvas.isLayoutRunning());
    QVERIFY(!canvas.nodeItem(QStringLiteral("workload/new-payments")));
    QCOMPARE(canvas.nodeItem(recoloured), items.value(recoloured));
    QVERIFY(canvas.nodeItem(gone));
    QCOMPARE(canvas.nodeItem(gone)->pos(), places.value(gone));
}

// A node whose label changed is a new item where the old one stood, with its edges.
void TestGraphCanvas::changedNodeIsRedrawnInPlace()
{
    GraphCanvas canvas;
    showDemo(canvas);
    const int i = firstOf(m_graph, NodeClass::Node);
    QVERIFY(i >= 0);
    const QString id = m_graph.node(i).id;
    GraphNodeItem *before = canvas.nodeItem(id);
    const QPointF at = before->pos();
    const qsizetype edges = before->edges().size();
    core::TopologyGraph edited = m_graph;
    edited.node(i).label = QStringLiteral("renamed agent");
    canvas.setGraph(edited);
    QVERIFY(!canvas.isLayoutRunning());
    GraphNodeItem *after = canvas.nodeItem(id);
    QVERIFY(after);
    QCOMPARE(after->label(), QStringLiteral("renamed agent"));
    QCOMPARE(after->pos(), at);
    QCOMPARE(after->edges().size(), edges);
    for (views::GraphEdgeItem *e : after->edges())
        QVERIFY(e->from() == after || e->to() == after);
}

void TestGraphCanvas::lastMemberGoneTakesItsCluster()
{
    GraphCanvas canvas;
    showDemo(canvas);
    core::TopologyGraph edited = m_graph;
    const int lone = edited.addNode({QStringLiteral("td/lonely.example"),
                                     NodeClass::TrustDomain,
                                     QStringLiteral("lonely.example"),
                                     core::GraphStatus::None,
                                     QStringLiteral("lonely.example"),
                                     {}});
    Q_UNUSED(lone);
    canvas.setGraph(edited);
    QVERIFY(canvas.clusterItem(QStringLiteral("lonely.example")));
    QCOMPARE(canvas.domainFilter()->findData(QStringLiteral("lonely.example")) > 0, true);
    canvas.setGraph(m_graph);
    QVERIFY(!canvas.clusterItem(QStringLiteral("lonely.example")));
    QCOMPARE(canvas.domainFilter()->findData(QStringLiteral("lonely.example")), -1);
}

// Another estate altogether (another workspace opened) is drawn anew and laid out.
void TestGraphCanvas::mostlyNewGraphIsLaidOutAgain()
{
    GraphCanvas canvas;
    showDemo(canvas);
    core::TopologyGraph other;
    for (const core::GraphNode &n : m_graph.nodes()) {
        core::GraphNode copy = n;
        copy.id = QStringLiteral("other/") + n.id;
        other.addNode(copy);
    }
    QSignalSpy drawn(&canvas, &GraphCanvas::drawn);
    canvas.setGraph(other);
    QVERIFY(canvas.isLayoutRunning());
    QVERIFY(drawn.wait(60000));
    QCOMPARE(canvas.nodeItems().size(), other.nodeCount());
}

QTEST_MAIN(TestGraphCanvas)
#include "tst_graphcanvas.moc"
