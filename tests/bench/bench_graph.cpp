// SPDX-License-Identifier: Apache-2.0
// The estate graph's figures, one JSON line a case: building the typed graph of a 10,000-node
// lab estate, and Graphviz layout in process beside the `sfdp` and `dot` executables on the same
// DOT in the same run (ratio = executable time / in-process time; at least 1.0 is the target).
#include "BenchSupport.h"
#include "LabEstate.h"

#include "core/graph/DotWriter.h"
#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphDelta.h"
#include "core/graph/GraphLayout.h"
#include "core/graph/OverlapRemoval.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace ta;
using namespace ta::core;
using ta::bench::kStart;
using ta::bench::labEstate;

namespace {

bool dotOnly = false;

double bestOf(int runs, const std::function<void()> &fn)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

// The executable's wall time on @p dotPath, writing the cheapest output that still is a layout.
// With @p routeEdges false it is told, as the product's layout tells Graphviz, not to route edges
// (-Gsplines=none): the same work as in process.
double executableMs(const QString &exe, const QString &dotPath, int runs, bool routeEdges = true)
{
    QStringList args{QStringLiteral("-Tplain"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                     dotPath};
    if (!routeEdges)
        args.prepend(QStringLiteral("-Gsplines=none"));
    return bestOf(runs, [&] {
        QProcess p;
        p.start(exe, args);
        p.waitForFinished(-1);
    });
}

void layoutCase(const TopologyGraph &g, LayoutEngine engine, const QString &name, int runs,
                const QTemporaryDir &dir)
{
    DotOptions o;
    o.engine = layoutEngineName(engine);
    const QByteArray dot = DotWriter::write(g, o);
    const QString dotPath = dir.filePath(name + QStringLiteral(".dot"));
    QFile f(dotPath);
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(dot);
    f.close();
    if (dotOnly)
        return;
    // Runs alternate between the two, best of each kept, so that a burst of load on a shared
    // machine does not land on one side only.
    bool ok = true;
    double inProcess = 1e18;
    double external = 1e18;
    // Each run's pair (executable / in process, back to back), whose median a burst of load on
    // one side moves less than it moves the best of each.
    std::vector<double> pairRatios;
    // The executable told not to route edges either, which the product's layout skips (it needs
    // the nodes' positions only): like for like.
    double externalNoEdges = 1e18;
    std::vector<double> pairRatiosNoEdges;
    const QString exe = QStandardPaths::findExecutable(layoutEngineName(engine));
    for (int r = 0; r < runs; ++r) {
        const double in = bestOf(1, [&] { ok = GraphLayout::layoutDot(dot, engine).ok() && ok; });
        inProcess = std::min(inProcess, in);
        if (!exe.isEmpty()) {
            const double out = executableMs(exe, dotPath, 1);
            external = std::min(external, out);
            pairRatios.push_back(out / in);
            const double outNoEdges = executableMs(exe, dotPath, 1, false);
            externalNoEdges = std::min(externalNoEdges, outNoEdges);
            pairRatiosNoEdges.push_back(outNoEdges / in);
        }
    }
    QJsonObject line{{QStringLiteral("case"), QStringLiteral("layout_") + name},
                     {QStringLiteral("engine"), layoutEngineName(engine)},
                     {QStringLiteral("nodes"), qint64(g.nodeCount())},
                     {QStringLiteral("edges"), qint64(g.edgeCount())},
                     {QStringLiteral("runs"), runs},
                     {QStringLiteral("in_process_ms"), ok ? inProcess : -1}};
    if (!exe.isEmpty()) {
        line.insert(QStringLiteral("executable_ms"), external);
        line.insert(QStringLiteral("ratio"), external / inProcess);
        std::sort(pairRatios.begin(), pairRatios.end());
        line.insert(QStringLiteral("median_pair_ratio"), pairRatios.at(pairRatios.size() / 2));
        line.insert(QStringLiteral("executable_no_edge_routing_ms"), externalNoEdges);
        line.insert(QStringLiteral("ratio_no_edge_routing"), externalNoEdges / inProcess);
        std::sort(pairRatiosNoEdges.begin(), pairRatiosNoEdges.end());
        line.insert(QStringLiteral("median_pair_ratio_no_edge_routing"),
                    pairRatiosNoEdges.at(pairRatiosNoEdges.size() / 2));
    }
    bench::emitLine(line);
}

} // namespace

QList<QRectF> boxesOf(const QList<NodePosition> &nodes)
{
    QList<QRectF> boxes;
    for (const NodePosition &p : nodes)
        boxes << QRectF(p.centre - QPointF(p.width, p.height) / 2, QSizeF(p.width, p.height));
    return boxes;
}

// The canvas's layout (LayoutOptions::quickOverlapRemoval: sfdp with 20 attempts of prism, the
// pairs left moved by OverlapRemoval), the whole of GraphLayout::layout, beside the executable on
// the same DOT (which leaves those pairs) and on the DOT of a full prism (which removes them
// itself: the canvas's layout before).
void canvasLayoutCase(const TopologyGraph &g, const QString &name, int runs,
                      const QTemporaryDir &dir)
{
    if (dotOnly)
        return;
    DotOptions quick;
    quick.prismAttempts = LayoutOptions::kQuickPrismAttempts;
    const QByteArray quickDot = DotWriter::write(g, quick);
    const QString quickPath = dir.filePath(name + QStringLiteral("-prism20.dot"));
    const QString fullPath = dir.filePath(name + QStringLiteral("-prism.dot"));
    for (const auto &[path, dot] :
         {std::pair(quickPath, quickDot), std::pair(fullPath, DotWriter::write(g, DotOptions{}))}) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return;
        f.write(dot);
    }
    // The pairs 20 attempts leave, as Graphviz sizes the nodes.
    qsizetype left = -1;
    double finishMs = -1;
    OverlapRemoval::Report report;
    std::vector<double> moves;
    if (const auto positions = GraphLayout::layoutDot(quickDot, LayoutEngine::Sfdp)) {
        const QList<QRectF> boxes = boxesOf(positions->values());
        left = OverlapRemoval::overlapping(boxes).size();
        QList<QPointF> centres;
        finishMs = bestOf(runs, [&] {
            centres = OverlapRemoval::apart(boxes, OverlapRemoval::kRounds, &report);
        });
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            const QPointF d = centres.at(i) - boxes.at(i).center();
            if (!d.isNull())
                moves.push_back(std::hypot(d.x(), d.y()));
        }
        std::sort(moves.begin(), moves.end());
    }
    LayoutOptions o;
    o.quickOverlapRemoval = true;
    bool ok = true;
    double inProcess = 1e18;
    double sameDot = 1e18;
    qsizetype after = -1;
    const QString exe = QStandardPaths::findExecutable(QStringLiteral("sfdp"));
    for (int r = 0; r < runs; ++r) {
        std::optional<GraphLayoutResult> laid;
        inProcess = std::min(inProcess, bestOf(1, [&] {
                                 auto r = GraphLayout::layout(g, o);
                                 ok = r.ok() && ok;
                                 if (r)
                                     laid = std::move(*r);
                             }));
        if (laid)
            after = OverlapRemoval::overlapping(boxesOf(laid->nodes)).size();
        if (!exe.isEmpty())
            sameDot = std::min(sameDot, executableMs(exe, quickPath, 1, false));
    }
    QJsonObject line{{QStringLiteral("case"), QStringLiteral("canvas_layout_") + name},
                     {QStringLiteral("nodes"), qint64(g.nodeCount())},
                     {QStringLiteral("runs"), runs},
                     {QStringLiteral("in_process_ms"), ok ? inProcess : -1},
                     {QStringLiteral("pairs_left_by_prism20"), qint64(left)},
                     {QStringLiteral("pairs_after"), qint64(after)},
                     {QStringLiteral("overlap_removal_ms"), finishMs},
                     {QStringLiteral("removal_rounds"), report.rounds},
                     {QStringLiteral("removal_boxes_pushed"), report.pushed},
                     {QStringLiteral("removal_boxes_placed"), report.placed},
                     {QStringLiteral("removal_move_median_pt"),
                      moves.empty() ? 0.0 : moves.at(moves.size() / 2)},
                     {QStringLiteral("removal_move_max_pt"), moves.empty() ? 0.0 : moves.back()}};
    if (!exe.isEmpty()) {
        line.insert(QStringLiteral("executable_same_dot_ms"), sameDot);
        line.insert(QStringLiteral("ratio"), sameDot / inProcess);
        const double full = executableMs(exe, fullPath, 1, false);
        line.insert(QStringLiteral("executable_full_prism_ms"), full);
        line.insert(QStringLiteral("speedup_over_full_prism_executable"), full / inProcess);
    }
    bench::emitLine(line);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    dotOnly = app.arguments().contains(QStringLiteral("--dot-only"));
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTemporaryDir dir;
    // --dot-only writes the DOT files and keeps them, to run other Graphviz tools on them.
    if (dotOnly) {
        dir.setAutoRemove(false);
        std::fprintf(stderr, "DOT files in %s\n", qPrintable(dir.path()));
    }
    // --runs N: layouts per case of the 1,000-node estate (default 5).
    const int runsArg = app.arguments().indexOf(QStringLiteral("--runs"));
    const int runs = quick         ? 1
                     : runsArg > 0 ? qMax(1, app.arguments().value(runsArg + 1).toInt())
                                   : 5;

    GraphBuildOptions at;
    at.at = kStart.addSecs(1800);
    // --dot-layouts N: only N in-process dot layouts of the 1,000-node estate, nothing timed, for
    // counting instructions under callgrind, which the machine's load does not change: N=2
    // minus N=1 is one layout in the process's warm Graphviz context, to set against the `dot`
    // executable's whole run on the DOT file --dot-only writes (README, "Figures").
    if (const int arg = app.arguments().indexOf(QStringLiteral("--dot-layouts")); arg > 0) {
        const int n = app.arguments().value(arg + 1).toInt();
        DotOptions o;
        o.engine = layoutEngineName(LayoutEngine::Dot);
        const QByteArray dot = DotWriter::write(GraphBuilder::build(labEstate(1000), at), o);
        for (int i = 0; i < n; ++i) {
            if (!GraphLayout::layoutDot(dot, LayoutEngine::Dot).ok())
                return 1;
        }
        return 0;
    }
    const Estate big = labEstate(10000);
    TopologyGraph g10k;
    // Each build is timed alone: the previous graph is freed outside the timer.
    double buildMs = 1e18;
    for (int i = 0; i < (quick ? 2 : 5); ++i) {
        g10k = TopologyGraph();
        QElapsedTimer t;
        t.start();
        TopologyGraph g = GraphBuilder::build(big, at);
        buildMs = std::min(buildMs, double(t.nsecsElapsed()) / 1e6);
        g10k = std::move(g);
    }
    bench::emitLine({{QStringLiteral("case"), QStringLiteral("build_10k")},
                     {QStringLiteral("nodes"), qint64(g10k.nodeCount())},
                     {QStringLiteral("edges"), qint64(g10k.edgeCount())},
                     {QStringLiteral("ms"), buildMs}});

    // An edit's rebuild: one planned workload added to the 10,000-node estate, the graph built
    // again and the canvas's delta worked out, from nothing and with the build cache.
    {
        Estate edited = big;
        EstateSubject planned;
        planned.subject = QStringLiteral("workload/planned-bench");
        planned.workload = true;
        planned.attestor = QStringLiteral("k8s");
        planned.node = edited.subjects.constFirst().subject;
        planned.trustDomain = edited.agentTrustDomain;
        planned.planned = true;
        edited.subjects << planned;
        double fullMs = 1e18;
        double cachedMs = 1e18;
        int reused = 0;
        int made = 0;
        for (int i = 0; i < (quick ? 2 : 5); ++i) {
            {
                QElapsedTimer t;
                t.start();
                const TopologyGraph g = GraphBuilder::build(edited, at);
                const GraphDelta d = GraphDelta::between(g10k, g);
                fullMs = std::min(fullMs, double(t.nsecsElapsed()) / 1e6);
                if (d.addedNodes.size() != 1)
                    return 1;
            }
            GraphBuildCache cache;
            const TopologyGraph before = GraphBuilder::build(big, at, nullptr, &cache);
            QElapsedTimer t;
            t.start();
            const TopologyGraph g = GraphBuilder::build(edited, at, nullptr, &cache);
            const GraphDelta d = GraphDelta::between(before, g);
            cachedMs = std::min(cachedMs, double(t.nsecsElapsed()) / 1e6);
            if (d.addedNodes.size() != 1)
                return 1;
            reused = cache.reused();
            made = cache.made();
        }
        bench::emitLine({{QStringLiteral("case"), QStringLiteral("edit_rebuild_10k")},
                         {QStringLiteral("full_build_and_delta_ms"), fullMs},
                         {QStringLiteral("cached_build_and_delta_ms"), cachedMs},
                         {QStringLiteral("nodes_kept"), reused},
                         {QStringLiteral("nodes_made"), made}});
    }
    if (app.arguments().contains(QStringLiteral("--build-only")))
        return 0;

    const TopologyGraph g1k = GraphBuilder::build(labEstate(1000), at);
    // --canvas-only: the canvas's layout cases alone.
    if (app.arguments().contains(QStringLiteral("--canvas-only"))) {
        canvasLayoutCase(g1k, QStringLiteral("1k"), runs, dir);
        canvasLayoutCase(g10k, QStringLiteral("10k"), quick ? 1 : 3, dir);
        return 0;
    }
    layoutCase(g1k, LayoutEngine::Sfdp, QStringLiteral("1k_sfdp"), runs, dir);
    layoutCase(g1k, LayoutEngine::Dot, QStringLiteral("1k_dot"), runs, dir);
    layoutCase(g10k, LayoutEngine::Sfdp, QStringLiteral("10k_sfdp"), quick ? 1 : 3, dir);
    canvasLayoutCase(g1k, QStringLiteral("1k"), runs, dir);
    canvasLayoutCase(g10k, QStringLiteral("10k"), quick ? 1 : 3, dir);
    // dot is for one trust domain's hierarchy: partner.example of the 10,000-node estate (4,021
    // nodes), about 5 s a side on the 2-core build machine.
    if (!quick)
        layoutCase(g10k.restrictedTo(QStringLiteral("partner.example")), LayoutEngine::Dot,
                   QStringLiteral("10k_one_domain_dot"), 1, dir);
    return 0;
}
