// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphLayout.h"

#include "core/graph/DotWriter.h"
#include "core/graph/GraphErrors.h"
#include "core/graph/GraphvizReader.h"
#include "core/graph/OverlapRemoval.h"

#include <QMutex>
#include <QMutexLocker>
#include <QPromise>
#include <QThreadPool>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cmath>
#include <future>
#include <memory>

namespace ta::core {
namespace {

// The one global of the project, on purpose: Graphviz is not thread-safe (a process-wide
// current graph, shared attribute dictionaries, lazily loaded plugins), so every use of it in
// this process goes through this lock.
QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

// The thread every Graphviz call runs on: one, made on first use and never ended. Graphviz's
// speed depends on its heap: dot allocates small records by the hundred thousand and walks them
// over and over, and on a heap that the rest of the process has cut up (the estate, Qt, earlier
// jobs) its records land far apart. On glibc's allocator the same 4,021-node layout took 4.6 s
// of CPU in a fresh process and 13.3 s after two million small blocks were allocated and every
// other one freed; on a thread of its own (glibc gives each thread its own heap arena), 4.8 s.
// Normal builds link jemalloc, which suffers much less from this (README, "Layout in process")
// and keeps a cache per thread; sanitizer builds and TA_JEMALLOC=OFF keep glibc's arenas, where
// this thread matters most. What callers keep is made on their own threads where it can be.
QThreadPool &graphvizThread()
{
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool; // never freed: it outlives every caller, to the process's exit
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1); // the thread, and with it its arena, is kept
        return p;
    }();
    return *pool;
}

// Runs @p work on graphvizThread() under graphvizMutex() and waits for its result. The caller
// is blocked meanwhile, so the progress callbacks @p work makes run on its behalf. (Not through
// QFuture: waiting on a QtConcurrent task that has not started runs it on the waiting thread.)
template <typename Work>
auto onGraphvizThread(Work &&work) -> decltype(work())
{
    using Out = decltype(work());
    auto promise = std::make_shared<std::promise<Out>>();
    std::future<Out> done = promise->get_future();
    graphvizThread().start([promise, &work] {
        QMutexLocker lock(&graphvizMutex());
        promise->set_value(work());
    });
    return done.get();
}

// One Graphviz context for the whole process, made on first use and never freed; used on
// graphvizThread() only. A context per layout is unsafe with Graphviz 2.42 (Debian 12): its pango
// text layout plugin (gvtextlayout_pango.c, `static char *fontname`) keeps a pointer to the last
// font's name, which the context's font dictionary owns, and compares the next label's font with
// it; after gvFreeContext that is freed memory (ASan: heap-use-after-free in strcmp under
// textspan_size). Later Graphviz releases keep their own copy of the name.
GVC_t *graphvizContext()
{
    static GVC_t *const gvc = gvContext();
    return gvc;
}

// Owns a parsed graph and, once laid out, its layout.
class LaidOutGraph
{
public:
    LaidOutGraph(GVC_t *gvc, Agraph_t *graph) : m_gvc(gvc), m_graph(graph) {}
    ~LaidOutGraph()
    {
        if (m_laidOut)
            gvFreeLayout(m_gvc, m_graph);
        if (m_graph)
            agclose(m_graph);
    }
    LaidOutGraph(const LaidOutGraph &) = delete;
    LaidOutGraph &operator=(const LaidOutGraph &) = delete;

    Agraph_t *graph() const { return m_graph; }
    bool layout(LayoutEngine engine)
    {
        const QByteArray name = layoutEngineName(engine).toLatin1();
        resetGraphvizRandomState();
        m_laidOut = gvLayout(m_gvc, m_graph, name.constData()) == 0;
        return m_laidOut;
    }

private:
    GVC_t *m_gvc;
    Agraph_t *m_graph;
    bool m_laidOut = false;
};

bool report(const LayoutOptions &o, int percent)
{
    return !o.progress || o.progress(percent);
}

// @p points to a hundredth of a point, as Graphviz's own output formats write them. sfdp's
// overlap removal (prism) sums in an order that varies from one layout to the next in a process
// and between processes: the same graph's coordinates differed by 1e-12 points between two runs
// of `graph export`, 1e-7 after other layouts in one process. Rounded, an export is the same
// file every time.
double hundredths(double points)
{
    return std::round(points * 100.0) / 100.0;
}

NodePosition positionOf(Agnode_t *n)
{
    // ND_width/ND_height are inches; coordinates are points.
    return NodePosition{QPointF(hundredths(ND_coord(n).x), hundredths(ND_coord(n).y)),
                        hundredths(ND_width(n) * 72.0), hundredths(ND_height(n) * 72.0)};
}

// What a layout is for: node positions alone (the canvas, `graph export --format json`), or a
// drawing with its edges (SVG, PNG, PDF).
enum class Edges { Skip, Route };

Result<std::unique_ptr<LaidOutGraph>> parseAndLayout(GVC_t *gvc, const QByteArray &dot,
                                                     LayoutEngine engine, Edges edges)
{
    Agraph_t *g = readDotGraph(dot);
    if (!g)
        return makeError(ec::LayoutBadDot);
    // splines=none skips edge routing, which both engines do after the nodes are placed and which
    // moves no node: the canvas draws its own edges between the centres. In dot it is a tenth
    // to a sixth of a layout's time (bench_graph); tst_graphexport checks that positions are the
    // same with and without it.
    if (edges == Edges::Skip)
        agsafeset(g, const_cast<char *>("splines"), const_cast<char *>("none"),
                  const_cast<char *>(""));
    auto laid = std::make_unique<LaidOutGraph>(gvc, g);
    if (!laid->layout(engine))
        return makeError(ec::LayoutFailed, layoutEngineName(engine));
    return laid;
}

// Moves the nodes a short prism left on others (OverlapRemoval), and widens the bounding box
// to the nodes moved out of it.
void finishOverlapRemoval(GraphLayoutResult &layout)
{
    QList<QRectF> boxes;
    boxes.reserve(layout.nodes.size());
    for (const NodePosition &n : std::as_const(layout.nodes))
        boxes << QRectF(n.centre.x() - n.width / 2, n.centre.y() - n.height / 2, n.width, n.height);
    const QList<QPointF> centres = OverlapRemoval::apart(boxes);
    for (qsizetype i = 0; i < centres.size(); ++i) {
        NodePosition &n = layout.nodes[i];
        if (centres.at(i) == n.centre)
            continue;
        n.centre = QPointF(hundredths(centres.at(i).x()), hundredths(centres.at(i).y()));
        layout.boundingBox |=
            QRectF(n.centre.x() - n.width / 2, n.centre.y() - n.height / 2, n.width, n.height);
    }
}

DotOptions dotOptionsFor(const LayoutOptions &o, bool statusInClass)
{
    DotOptions d;
    d.engine = layoutEngineName(o.engine);
    d.clusters = o.clusters;
    d.statusInClass = statusInClass;
    d.nodeSizes = o.nodeSizes;
    if (o.quickOverlapRemoval)
        d.prismAttempts = LayoutOptions::kQuickPrismAttempts;
    return d;
}

} // namespace

QString layoutEngineName(LayoutEngine engine)
{
    return engine == LayoutEngine::Dot ? QStringLiteral("dot") : QStringLiteral("sfdp");
}

std::optional<LayoutEngine> layoutEngineFromName(QStringView name)
{
    if (name == QLatin1String("dot"))
        return LayoutEngine::Dot;
    if (name == QLatin1String("sfdp"))
        return LayoutEngine::Sfdp;
    return std::nullopt;
}

Result<GraphLayoutResult> GraphLayout::layout(const TopologyGraph &graph,
                                              const LayoutOptions &options)
{
    if (!report(options, 0))
        return makeError(ec::LayoutCancelled);
    const QByteArray dot = DotWriter::write(graph, dotOptionsFor(options, false));
    if (!report(options, 5))
        return makeError(ec::LayoutCancelled);
    // Made here, so that what the caller keeps is not in the Graphviz thread's heap.
    GraphLayoutResult out;
    out.engine = options.engine;
    out.nodes.resize(graph.nodeCount());
    auto placed = onGraphvizThread([&]() -> Result<void> {
        auto laid = parseAndLayout(graphvizContext(), dot, options.engine, Edges::Skip);
        if (!laid)
            return laid.error();
        if (!report(options, 90))
            return makeError(ec::LayoutCancelled);
        Agraph_t *g = (*laid)->graph();
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n)) {
            const int i = graph.indexOf(QString::fromUtf8(agnameof(n)));
            if (i >= 0)
                out.nodes[i] = positionOf(n);
        }
        const boxf bb = GD_bb(g);
        out.boundingBox = QRectF(QPointF(hundredths(bb.LL.x), hundredths(bb.LL.y)),
                                 QPointF(hundredths(bb.UR.x), hundredths(bb.UR.y)));
        return {};
    });
    if (!placed)
        return placed.error();
    if (options.quickOverlapRemoval && options.engine == LayoutEngine::Sfdp)
        finishOverlapRemoval(out);
    report(options, 100);
    return out;
}

Result<QHash<QString, NodePosition>> GraphLayout::layoutDot(const QByteArray &dot,
                                                            LayoutEngine engine)
{
    QHash<QString, NodePosition> out;
    auto placed = onGraphvizThread([&]() -> Result<void> {
        auto laid = parseAndLayout(graphvizContext(), dot, engine, Edges::Skip);
        if (!laid)
            return laid.error();
        Agraph_t *g = (*laid)->graph();
        out.reserve(agnnodes(g));
        for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
            out.insert(QString::fromUtf8(agnameof(n)), positionOf(n));
        return {};
    });
    if (!placed)
        return placed.error();
    return out;
}

Result<QByteArray> GraphLayout::render(const TopologyGraph &graph, const QString &format,
                                       const LayoutOptions &options)
{
    if (format != QLatin1String("svg") && format != QLatin1String("png") &&
        format != QLatin1String("pdf"))
        return makeError(ec::LayoutBadFormat, format);
    if (!report(options, 0))
        return makeError(ec::LayoutCancelled);
    const QByteArray dot = DotWriter::write(graph, dotOptionsFor(options, true));
    const QByteArray f = format.toLatin1();
    auto out = onGraphvizThread([&]() -> Result<QByteArray> {
        GVC_t *gvc = graphvizContext();
        auto laid = parseAndLayout(gvc, dot, options.engine, Edges::Route);
        if (!laid)
            return laid.error();
        if (!report(options, 70))
            return makeError(ec::LayoutCancelled);
        char *data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(gvc, (*laid)->graph(), f.constData(), &data, &length) != 0 || !data)
            return makeError(ec::LayoutRenderFailed, format);
        QByteArray bytes(data, qsizetype(length));
        gvFreeRenderData(data);
        return bytes;
    });
    if (out)
        report(options, 100);
    return out;
}

void GraphLayout::runLayout(QPromise<GraphLayoutResult> &promise, const TopologyGraph &graph,
                            LayoutOptions options)
{
    promise.setProgressRange(0, 100);
    auto outer = options.progress;
    options.progress = [&promise, outer](int percent) {
        promise.setProgressValue(percent);
        if (outer && !outer(percent))
            return false;
        return !promise.isCanceled();
    };
    auto r = layout(graph, options);
    if (r)
        promise.addResult(std::move(*r));
}

} // namespace ta::core
