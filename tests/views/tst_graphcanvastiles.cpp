// SPDX-License-Identifier: Apache-2.0
// How the graph canvas keeps a large estate fast, checked on real scenes: the detail layer in
// tiles that hold what they draw (the scene's index holds the tiles), the overview standing in
// for it far away with the selection kept and the minimap drawn from it, and pans that paint
// only the strips they expose yet leave what a whole repaint draws.
#include "DemoGraph.h"
#include "views/GraphCanvas.h"
#include "views/GraphClusterItem.h"
#include "views/GraphDetailTile.h"
#include "views/GraphEdgeItem.h"
#include "views/GraphMinimap.h"
#include "views/GraphNodeItem.h"
#include "views/GraphView.h"

#include <QGraphicsScene>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWindow>

#include <cmath>

using namespace ta;
using ta::core::NodeClass;
using ta::views::GraphCanvas;
using ta::views::GraphNodeItem;

class TestGraphCanvasTiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_graph = testing::demoGraph(m_dir);
        QVERIFY(m_graph.nodeCount() > 0);
    }
    void nodesLieInTheirTiles();
    void tilesHoldWhatTheyDraw();
    void overviewStandsInForTheDetailLayer();
    void pannedFramesMatchAFullRepaint_data();
    void pannedFramesMatchAFullRepaint();

private:
    void showDemo(GraphCanvas &canvas) { QVERIFY(testing::showLaidOut(canvas, m_graph)); }

    QTemporaryDir m_dir;
    core::TopologyGraph m_graph;
};

// The detail layer is split into squares of the scene, so that a frame walks the items of the
// squares in view only: after a layout, and after a node is moved, each node sits in the
// square it lies in, edges in other squares than nodes.
void TestGraphCanvasTiles::nodesLieInTheirTiles()
{
    GraphCanvas canvas;
    QUndoStack stack;
    canvas.setUndoStack(&stack);
    showDemo(canvas);
    const auto square = [](QPointF p) {
        return QPoint(int(std::floor(p.x() / 1024)), int(std::floor(p.y() / 1024)));
    };
    const auto check = [&] {
        QHash<QGraphicsItem *, QPoint> tiles;
        for (GraphNodeItem *n : canvas.nodeItems()) {
            QGraphicsItem *tile = n->parentItem();
            QVERIFY(tile && !tile->parentItem());
            QVERIFY(tile->flags() & QGraphicsItem::ItemHasNoContents);
            const auto seen = tiles.constFind(tile);
            if (seen == tiles.cend())
                tiles.insert(tile, square(n->pos()));
            else
                QCOMPARE(square(n->pos()), *seen);
        }
        for (views::GraphEdgeItem *e : canvas.edgeItems()) {
            QVERIFY(e->parentItem());
            QVERIFY(!tiles.contains(e->parentItem()));
        }
        // The demo spreads over several squares.
        QVERIFY(tiles.size() > 1);
    };
    check();
    GraphNodeItem *node = canvas.nodeItems().first();
    const QPointF target = node->pos() + QPointF(5000, 3000);
    Q_EMIT canvas.view()->nodesDragged({{node->id(), node->pos()}}, {{node->id(), target}});
    QCOMPARE(node->pos(), target);
    check();
    stack.undo();
    check();
}

// The scene's index holds the tiles, not the items in them, so a tile's bounds must hold all
// it draws: after the layout, and when a node is moved far away without a retile (a drag in
// progress), the node and its edges are still found at their new place.
void TestGraphCanvasTiles::tilesHoldWhatTheyDraw()
{
    GraphCanvas canvas;
    showDemo(canvas);
    const auto holds = [](const QGraphicsItem *item) {
        const auto *tile = qgraphicsitem_cast<const views::GraphDetailTile *>(item->parentItem());
        return tile && tile->sceneBoundingRect().contains(item->sceneBoundingRect());
    };
    for (GraphNodeItem *n : canvas.nodeItems())
        QVERIFY2(holds(n), qPrintable(n->id()));
    for (views::GraphEdgeItem *e : canvas.edgeItems())
        QVERIFY(holds(e));
    GraphNodeItem *node = nullptr;
    views::GraphEdgeItem *edge = nullptr;
    for (GraphNodeItem *n : canvas.nodeItems()) {
        for (views::GraphEdgeItem *e : n->edges()) {
            if (e->isVisible()) {
                node = n;
                edge = e;
                break;
            }
        }
        if (node)
            break;
    }
    QVERIFY(node && edge);
    const QPointF far = canvas.scene()->sceneRect().bottomRight() + QPointF(3000, 2000);
    node->setPos(far);
    QVERIFY(holds(node));
    for (views::GraphEdgeItem *e : node->edges())
        QVERIFY(holds(e));
    QVERIFY(canvas.scene()->items(far).contains(node));
    const QPointF mid = (edge->from()->pos() + edge->to()->pos()) / 2;
    QVERIFY(
        canvas.scene()->items(QRectF(mid - QPointF(400, 400), QSizeF(800, 800))).contains(edge));
}

// Above 800 nodes, zooming out past 30 % shows the overview in place of the detail layer:
// the tiles are hidden, not taken out of the scene, and come back with the selection when
// zooming in again.
void TestGraphCanvasTiles::overviewStandsInForTheDetailLayer()
{
    core::TopologyGraph graph;
    QHash<QString, QPointF> positions;
    const int td = graph.addNode({QStringLiteral("td/big.example"),
                                  NodeClass::TrustDomain,
                                  QStringLiteral("big.example"),
                                  core::GraphStatus::None,
                                  QStringLiteral("big.example"),
                                  {}});
    positions.insert(QStringLiteral("td/big.example"), QPointF(-200, -200));
    for (int i = 0; i < 900; ++i) {
        const QString id = QStringLiteral("workload/w%1").arg(i);
        const int n = graph.addNode({id,
                                     NodeClass::Workload,
                                     id.mid(9),
                                     core::GraphStatus::Attested,
                                     QStringLiteral("big.example"),
                                     {}});
        graph.addEdge(n, td, core::EdgeClass::MemberOf);
        if (i > 0)
            graph.addEdge(n, n - 1, core::EdgeClass::RunsOn);
        positions.insert(id, QPointF((i % 30) * 180.0, (i / 30) * 120.0));
    }
    GraphCanvas canvas;
    canvas.setCollapseThreshold(0);
    canvas.resize(900, 600);
    canvas.setPositions(positions, {});
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.setGraph(graph);
    QVERIFY(!canvas.isLayoutRunning());
    // The minimap draws the estate small through the overview: not blank.
    auto *minimap = canvas.findChild<views::GraphMinimap *>();
    QVERIFY(minimap && minimap->isVisible());
    const auto inked = [minimap] {
        const QImage shot = minimap->grab().toImage();
        const QRgb base = minimap->palette().color(QPalette::Base).rgb();
        int count = 0;
        for (int y = 2; y < shot.height() - 2; ++y) {
            for (int x = 2; x < shot.width() - 2; ++x)
                count += shot.pixel(x, y) != base;
        }
        return count;
    };
    QVERIFY2(inked() > 500, qPrintable(QString::number(inked())));
    views::GraphView *view = canvas.view();
    view->resetTransform();
    GraphNodeItem *node = canvas.nodeItem(QStringLiteral("workload/w450"));
    QVERIFY(node);
    canvas.selectNode(node->id());
    QVERIFY(node->isVisible() && node->isSelected());
    const auto overview = [&] {
        for (QGraphicsItem *item : canvas.scene()->items()) {
            if (!item->parentItem() && item->type() != views::GraphDetailTile::Type &&
                item->type() != views::GraphClusterItem::Type &&
                item->boundingRect().width() > 4000)
                return item;
        }
        return static_cast<QGraphicsItem *>(nullptr);
    };
    QGraphicsItem *stand = overview();
    QVERIFY(stand && !stand->isVisible());
    QSignalSpy current(&canvas, &GraphCanvas::currentNodeChanged);
    view->scale(0.1, 0.1);
    QVERIFY(stand->isVisible());
    QVERIFY(!node->isVisible());
    QCOMPARE(node->scene(), canvas.scene());
    QVERIFY(!canvas.scene()->items(node->sceneBoundingRect().center()).contains(node));
    view->resetTransform();
    QVERIFY(!stand->isVisible());
    QVERIFY(node->isVisible() && node->isSelected());
    QVERIFY(canvas.scene()->items(node->sceneBoundingRect().center()).contains(node));
    // The selection stayed the canvas's all along.
    QCOMPARE(current.count(), 0);
    // An edit redraws the minimap through the overview, for a moment in place of the tiles:
    // the selection stays too.
    core::TopologyGraph edited = graph;
    const int added = edited.addNode({QStringLiteral("workload/added"),
                                      NodeClass::Workload,
                                      QStringLiteral("added"),
                                      core::GraphStatus::Planned,
                                      QStringLiteral("big.example"),
                                      {}});
    edited.addEdge(added, edited.indexOf(node->id()), core::EdgeClass::RunsOn);
    canvas.setGraph(edited);
    QVERIFY(!canvas.isLayoutRunning());
    QVERIFY(canvas.nodeItem(QStringLiteral("workload/added")));
    QVERIFY(node->isVisible() && node->isSelected());
    QVERIFY(inked() > 500);
    QCOMPARE(current.count(), 0);
}

void TestGraphCanvasTiles::pannedFramesMatchAFullRepaint_data()
{
    QTest::addColumn<double>("zoom");
    QTest::addColumn<bool>("fan");
    QTest::newRow("1:1") << 1.0 << false;
    QTest::newRow("50 %") << 0.5 << false;
    // Long dashed edges at every slant through the view: a one-pixel pen's dashes are counted
    // along the major axis, and a pan's strips that counted them along the line left every
    // slanted dash pattern shifted (hundreds of pixels).
    QTest::newRow("slanted dashes 1:1") << 1.0 << true;
    QTest::newRow("slanted dashes 70 %") << 0.7 << true;
}

// A hub with dashed edges (attested by, grants, issued by) to nodes on a wide ring around it, at
// @p positions: the edges cross the view at every slant.
static core::TopologyGraph fanGraph(QHash<QString, QPointF> &positions)
{
    core::TopologyGraph g;
    core::GraphNode hubNode;
    hubNode.id = QStringLiteral("node/hub");
    hubNode.cls = NodeClass::Node;
    hubNode.label = QStringLiteral("hub");
    const int hub = g.addNode(hubNode);
    positions.insert(QStringLiteral("node/hub"), QPointF(0, 0));
    const core::EdgeClass dashed[] = {core::EdgeClass::AttestedBy, core::EdgeClass::Grants,
                                      core::EdgeClass::IssuedBy};
    for (int i = 0; i < 24; ++i) {
        const QString id = QStringLiteral("workload/w%1").arg(i);
        core::GraphNode node;
        node.id = id;
        node.cls = NodeClass::Workload;
        node.label = id;
        const int n = g.addNode(node);
        const double angle = i * 2 * M_PI / 24 + 0.13;
        positions.insert(id, QPointF(900 * std::cos(angle), 600 * std::sin(angle)));
        g.addEdge(n, hub, dashed[i % 3]);
    }
    return g;
}

// A pan scrolls the pixels drawn and paints only the strips that come into view, each long
// edge cut to the strips: what shows after a few pans is what a whole repaint draws (dashes
// meet at the seams).
void TestGraphCanvasTiles::pannedFramesMatchAFullRepaint()
{
    QFETCH(double, zoom);
    QFETCH(bool, fan);
    GraphCanvas canvas;
    if (fan) {
        QHash<QString, QPointF> positions;
        const core::TopologyGraph g = fanGraph(positions);
        // Every position known: drawn there, no layout.
        canvas.setPositions(positions, {});
        canvas.resize(1200, 800);
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        canvas.setGraph(g);
        QVERIFY(!canvas.isLayoutRunning());
    } else {
        showDemo(canvas);
    }
    views::GraphView *view = canvas.view();
    view->resetTransform();
    view->scale(zoom, zoom);
    view->centerOn(fan ? QPointF(0, 0) : view->sceneRect().center());
    QTest::qWait(50);
    QWindow *window = canvas.window()->windowHandle();
    QVERIFY(window);
    const auto shot = [&] {
        const QRect r(view->viewport()->mapTo(canvas.window(), QPoint(0, 0)),
                      view->viewport()->size());
        return window->screen()->grabWindow(window->winId(), r.x(), r.y(), r.width(), r.height());
    };
    for (int i = 0; i < 6; ++i) {
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + 37);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() - 23);
        QCoreApplication::processEvents();
    }
    const QImage panned = shot().toImage();
    view->viewport()->repaint();
    const QImage whole = shot().toImage();
    QCOMPARE(panned.size(), whole.size());
    int differ = 0;
    int inked = 0;
    const QRgb background = canvas.scene()->backgroundBrush().color().rgb();
    for (int y = 0; y < whole.height(); ++y) {
        for (int x = 0; x < whole.width(); ++x) {
            differ += panned.pixel(x, y) != whole.pixel(x, y);
            inked += whole.pixel(x, y) != background;
        }
    }
    QVERIFY2(inked > 1000, "nothing drawn in view");
    // A strip missed or misplaced costs hundreds of pixels; stroking a thick line in parts,
    // a few.
    QVERIFY2(differ <= whole.width() * whole.height() / 8000,
             qPrintable(QStringLiteral("%1 pixels differ").arg(differ)));
}

QTEST_MAIN(TestGraphCanvasTiles)
#include "tst_graphcanvastiles.moc"
