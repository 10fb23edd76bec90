// SPDX-License-Identifier: Apache-2.0
// The canvas's figures, one JSON line a case: panning a 10,000-node lab estate (100 frames
// painted offscreen, average ms a frame, target at most 16), at the zoom that fits the whole
// estate, at 25 % and at 1:1, each frame a whole repaint (`ms_per_frame_*`) and as a drag
// pans (`pan_ms_per_frame_*`: scrolled pixels, the new strips painted); a zoom across the
// overview's threshold each way, with its frame; an edit redrawn; and the
// start to a first window with the demo's graph drawn, with a layout (first open) and from the
// positions cached in the workspace (every later open).
#include "BenchSupport.h"
#include "LabEstate.h"

#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/WorkspaceController.h"
#include "core/attestation/lab/FederatedDemo.h"
#include "core/graph/GraphBuilder.h"
#include "views/GraphCanvas.h"
#include "views/GraphNodeItem.h"
#include "views/GraphView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>

#include <ctime>

using namespace ta;

namespace {

// CPU time of the calling thread, ms: on a loaded machine the wall clock also counts the time
// other processes held the cores.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct PanFigure
{
    double wallMs = 0;
    double cpuMs = 0;
};

// @p frames frames, each after moving the view by @p step pixels; ms a frame. With
// @p repaintAll each frame repaints the whole view (the worst case: a pan under
// FullViewportUpdate, or a view uncovered); without it, a frame is what a drag does: the view
// scrolls its pixels and the events that follow paint the strips that came into view.
PanFigure panFrames(views::GraphView *view, int frames, int step, bool repaintAll)
{
    QScrollBar *h = view->horizontalScrollBar();
    QScrollBar *v = view->verticalScrollBar();
    view->viewport()->repaint();
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    for (int i = 0; i < frames; ++i) {
        // Back and forth along a diagonal, so every frame shows new ground.
        const int dir = (i / 25) % 2 == 0 ? 1 : -1;
        h->setValue(h->value() + dir * step);
        v->setValue(v->value() + dir * step / 2);
        if (repaintAll)
            view->viewport()->repaint();
        else
            QCoreApplication::processEvents();
    }
    return {double(t.nsecsElapsed()) / 1e6 / frames, (threadCpuMs() - cpu0) / frames};
}

// Positions saved by an earlier run (--positions FILE), so that the panning can be measured
// again without the minutes of the 10,000-node layout.
QHash<QString, QPointF> loadPositions(const QString &path)
{
    QHash<QString, QPointF> out;
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return out;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonArray a = it.value().toArray();
        out.insert(it.key(), QPointF(a.at(0).toDouble(), a.at(1).toDouble()));
    }
    return out;
}

void savePositions(const QString &path, const QHash<QString, QPointF> &positions)
{
    if (path.isEmpty())
        return;
    QJsonObject o;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it)
        o.insert(it.key(), QJsonArray{it.value().x(), it.value().y()});
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void panCase(const core::TopologyGraph &graph, int frames, const QString &positionsPath,
             const QString &shotsDir)
{
    views::GraphCanvas canvas;
    canvas.setCollapseThreshold(0);
    canvas.resize(1280, 800);
    canvas.show();
    const QHash<QString, QPointF> cached = loadPositions(positionsPath);
    canvas.setPositions(cached, {});
    QElapsedTimer t;
    t.start();
    canvas.setGraph(graph);
    const double sceneMs = double(t.nsecsElapsed()) / 1e6;
    // The layout runs on a worker; the event loop (frames) keeps turning meanwhile.
    if (canvas.isLayoutRunning()) {
        QEventLoop loop;
        QObject::connect(&canvas, &views::GraphCanvas::drawn, &loop, &QEventLoop::quit);
        loop.exec();
        savePositions(positionsPath, canvas.positions());
    }
    const double layoutMs = double(t.nsecsElapsed()) / 1e6 - sceneMs;
    QApplication::processEvents();
    views::GraphView *view = canvas.view();
    if (!shotsDir.isEmpty()) {
        // To look at: the estate fitted, and at 1:1 with the minimap showing where the view is.
        canvas.fitAll();
        QApplication::processEvents();
        canvas.grab().save(QDir(shotsDir).filePath(QStringLiteral("canvas-fitted.png")));
        view->resetTransform();
        view->centerOn(view->sceneRect().center());
        QApplication::processEvents();
        canvas.grab().save(QDir(shotsDir).filePath(QStringLiteral("canvas-1to1.png")));
    }
    canvas.fitAll();
    const double fitZoom = view->zoom();
    PanFigure fitMs, quarterMs, oneMs, fitPan, quarterPan, onePan;
    for (const bool repaintAll : {true, false}) {
        canvas.fitAll();
        (repaintAll ? fitMs : fitPan) = panFrames(view, frames, 40, repaintAll);
        view->resetTransform();
        view->centerOn(view->sceneRect().center());
        (repaintAll ? oneMs : onePan) = panFrames(view, frames, 40, repaintAll);
        view->resetTransform();
        view->scale(0.25, 0.25);
        view->centerOn(view->sceneRect().center());
        (repaintAll ? quarterMs : quarterPan) = panFrames(view, frames, 40, repaintAll);
    }
    // Zooming across the overview's threshold, each way: the swap of the detail layer for the
    // overview (or back) and the frame painted after it, at 1:1 and at the fitted zoom.
    view->resetTransform();
    view->centerOn(view->sceneRect().center());
    view->viewport()->repaint();
    QElapsedTimer sw;
    sw.start();
    canvas.fitAll();
    view->viewport()->repaint();
    const double toOverviewMs = double(sw.nsecsElapsed()) / 1e6;
    sw.restart();
    view->resetTransform();
    view->centerOn(view->sceneRect().center());
    view->viewport()->repaint();
    const double toDetailMs = double(sw.nsecsElapsed()) / 1e6;
    // An edit: one workload more on a node, redrawn incrementally (no scene rebuild, no layout),
    // and back again; against building the scene anew (scene_build_ms).
    core::TopologyGraph edited = graph;
    const QList<int> hosts = graph.nodesOf(core::NodeClass::Node);
    double editMs = -1;
    double undoMs = -1;
    if (!hosts.isEmpty()) {
        const core::GraphNode &host = graph.node(hosts.first());
        const int w = edited.addNode({QStringLiteral("workload/bench-added"),
                                      core::NodeClass::Workload,
                                      QStringLiteral("bench-added"),
                                      core::GraphStatus::Planned,
                                      host.trustDomain,
                                      {}});
        edited.addEdge(w, hosts.first(), core::EdgeClass::RunsOn);
        QElapsedTimer e;
        e.start();
        canvas.setGraph(edited);
        editMs = double(e.nsecsElapsed()) / 1e6;
        const bool incremental = !canvas.isLayoutRunning();
        e.restart();
        canvas.setGraph(graph);
        undoMs = double(e.nsecsElapsed()) / 1e6;
        if (!incremental || canvas.isLayoutRunning())
            editMs = undoMs = -1;
    }
    bench::emitLine({{QStringLiteral("case"), QStringLiteral("canvas_pan_10k")},
                     {QStringLiteral("nodes"), qint64(graph.nodeCount())},
                     {QStringLiteral("edges"), qint64(graph.edgeCount())},
                     {QStringLiteral("frames"), frames},
                     {QStringLiteral("viewport"), QStringLiteral("1280x800")},
                     {QStringLiteral("scene_build_ms"), sceneMs},
                     {QStringLiteral("edit_redraw_ms"), editMs},
                     {QStringLiteral("edit_undo_redraw_ms"), undoMs},
                     {QStringLiteral("layout_worker_ms"), layoutMs},
                     {QStringLiteral("zoom_out_to_overview_ms"), toOverviewMs},
                     {QStringLiteral("zoom_in_to_detail_ms"), toDetailMs},
                     {QStringLiteral("positions_cached"), !cached.isEmpty()},
                     {QStringLiteral("scene_width"), view->sceneRect().width()},
                     {QStringLiteral("scene_height"), view->sceneRect().height()},
                     {QStringLiteral("fit_zoom"), fitZoom},
                     {QStringLiteral("ms_per_frame_fit"), fitMs.wallMs},
                     {QStringLiteral("ms_per_frame_zoom_0_25"), quarterMs.wallMs},
                     {QStringLiteral("ms_per_frame_zoom_1"), oneMs.wallMs},
                     {QStringLiteral("cpu_ms_per_frame_fit"), fitMs.cpuMs},
                     {QStringLiteral("cpu_ms_per_frame_zoom_0_25"), quarterMs.cpuMs},
                     {QStringLiteral("cpu_ms_per_frame_zoom_1"), oneMs.cpuMs},
                     {QStringLiteral("pan_ms_per_frame_fit"), fitPan.wallMs},
                     {QStringLiteral("pan_ms_per_frame_zoom_0_25"), quarterPan.wallMs},
                     {QStringLiteral("pan_ms_per_frame_zoom_1"), onePan.wallMs},
                     {QStringLiteral("pan_cpu_ms_per_frame_fit"), fitPan.cpuMs},
                     {QStringLiteral("pan_cpu_ms_per_frame_zoom_0_25"), quarterPan.cpuMs},
                     {QStringLiteral("pan_cpu_ms_per_frame_zoom_1"), onePan.cpuMs},
                     {QStringLiteral("target_ms"), 16}});
}

// Constructs a window, opens the demo, and waits until its graph is drawn; ms.
double firstWindowMs(const QString &dataDir, const QString &settingsPath, bool *cached)
{
    QElapsedTimer t;
    t.start();
    app::Settings settings(settingsPath);
    app::MainWindow window(settings, dataDir);
    window.show();
    if (!window.controller()->openDemo(dataDir))
        return -1;
    views::GraphCanvas *canvas = window.graphCanvas();
    if (!canvas)
        return -1;
    *cached = !canvas->isLayoutRunning();
    if (canvas->isLayoutRunning()) {
        QEventLoop loop;
        QObject::connect(canvas, &views::GraphCanvas::drawn, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    window.repaint();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    // Let the positions be saved before the window goes.
    QEventLoop settle;
    QTimer::singleShot(600, &settle, &QEventLoop::quit);
    settle.exec();
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));

    const bool panOnly = app.arguments().contains(QStringLiteral("--pan-only"));
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    QDir().mkpath(dataDir);
    QElapsedTimer created;
    created.start();
    if (!panOnly && !core::FederatedDemo::create(app::WorkspaceController::demoPath(dataDir),
                                                 QDateTime::currentDateTimeUtc()))
        return 1;
    const double createMs = double(created.nsecsElapsed()) / 1e6;
    for (int run = 0; run < (panOnly ? 0 : 2); ++run) {
        bool cached = false;
        const double ms =
            firstWindowMs(dataDir, dir.filePath(QStringLiteral("settings.ini")), &cached);
        bench::emitLine({{QStringLiteral("case"), QStringLiteral("first_window_demo")},
                         {QStringLiteral("run"), run == 0 ? QStringLiteral("first_open_layout")
                                                          : QStringLiteral("reopen_cached")},
                         {QStringLiteral("positions_cached"), cached},
                         {QStringLiteral("demo_create_ms"), run == 0 ? createMs : 0.0},
                         {QStringLiteral("ms"), ms}});
    }

    core::GraphBuildOptions at;
    at.at = bench::kStart.addSecs(1800);
    const core::TopologyGraph graph =
        core::GraphBuilder::build(bench::labEstate(quick ? 1000 : 10000), at);
    const int posArg = app.arguments().indexOf(QStringLiteral("--positions"));
    const QString positionsPath = posArg > 0 && posArg + 1 < app.arguments().size()
                                      ? app.arguments().at(posArg + 1)
                                      : QString();
    // --screenshots DIR saves the canvas fitted and at 1:1 there, before the frames are timed.
    const int shotArg = app.arguments().indexOf(QStringLiteral("--screenshots"));
    const QString shotsDir = shotArg > 0 && shotArg + 1 < app.arguments().size()
                                 ? app.arguments().at(shotArg + 1)
                                 : QString();
    panCase(graph, quick ? 10 : 100, positionsPath, shotsDir);
    return 0;
}
