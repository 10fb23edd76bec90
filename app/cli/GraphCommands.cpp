// SPDX-License-Identifier: Apache-2.0
// Verbs over the estate graph: graph export, graph analyze.
#include "app/cli/GraphCommands.h"

#include "app/cli/CliSupport.h"
#include "app/cli/KeptResults.h"
#include "core/FrontEndErrors.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphErrors.h"
#include "core/graph/GraphExport.h"
#include "core/simulation/SimulationRunStore.h"

#include <QJsonArray>

namespace ta::cli {
namespace {

void addEstateOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("Show the estate at this instant (RFC 3339 or 'now'; default now)."),
         QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("freshness"),
                      QStringLiteral("How long an accepted attestation holds (default 1h)."),
                      QStringLiteral("DURATION")});
    addPassphraseOption(parser);
    addVerifyAllOption(parser);
}

// The workspace's graph at --at, or an exit code.
std::variant<core::TopologyGraph, int> loadGraph(const QCommandLineParser &parser)
{
    core::GraphBuildOptions build;
    build.at = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("at"))) {
        const auto at = parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("at"))));
        build.at = *at;
    }
    core::EstateLoadOptions load;
    if (parser.isSet(QStringLiteral("freshness"))) {
        const auto f = parseDuration(parser.value(QStringLiteral("freshness")));
        if (!f || *f <= 0)
            return badInput(core::makeError(core::ec::CliBadDuration,
                                            parser.value(QStringLiteral("freshness"))));
        load.freshness = *f;
    }
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    // The evidence is attested as `simulate` attests it, reading and keeping the results in
    // the workspace (unless --verify-all).
    std::shared_ptr<core::StoredReplayResults> stored;
    const auto work = std::make_shared<core::TimelineReplay::StoredWork>();
    auto estate = core::EstateLoader::load(**ws, load, [&](core::TimelineReplay &replay) {
        stored = keepResults(parser, replay, **ws, work);
        return core::Result<void>();
    });
    if (!estate)
        return badInput(estate.error());
    tellWhereResultsCameFrom(*work, stored);
    // The newest saved simulation run that is not stale and spans the instant decides which
    // subjects are attested and which credentials live; without one, the builder reads the
    // evidence itself.
    core::SimulationRunStore runs((*ws)->database());
    auto saved = runs.newestValid(build.at);
    if (!saved)
        return badInput(saved.error());
    if (*saved) {
        auto state = runs.stateAt((*saved)->id, build.at);
        if (!state)
            return badInput(state.error());
        core::GraphStateInput input;
        input.at = state->at;
        input.attested = state->attested;
        for (const core::LiveCredential &c : state->live)
            input.live.append({c.credential, c.subject, c.spiffeId, c.notAfter, {}, {}});
        return core::GraphBuilder::build(*estate, build, &input);
    }
    return core::GraphBuilder::build(*estate, build);
}

} // namespace

int graphExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("dot, svg, png, pdf, json or opengraph."),
                      QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("td"),
                      QStringLiteral("Only this trust domain and what it touches."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("layout"),
         QStringLiteral("Graphviz engine: dot or sfdp (default: dot with --td, else sfdp)."),
         QStringLiteral("ENGINE")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Where to write."), QStringLiteral("PATH")});
    addEstateOptions(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral("Export the estate graph. Every node and edge in DOT, SVG and JSON "
                           "carries 'class' (its type) and 'status' where it has one; "
                           "opengraph is BloodHound's OpenGraph JSON."),
            args, 1, 1))
        return *stop;
    const auto format = core::exportFormatFromName(parser.value(QStringLiteral("format")));
    if (!format)
        return badInput(
            core::makeError(core::ec::CliBadFormat,
                            QStringLiteral("--format: dot, svg, png, pdf, json or opengraph")));
    if (!parser.isSet(QStringLiteral("out")))
        return badInput(core::ec::CliMissingOption,
                        QStringLiteral("--out is required; see --help"));
    core::LayoutOptions layout;
    layout.engine =
        parser.isSet(QStringLiteral("td")) ? core::LayoutEngine::Dot : core::LayoutEngine::Sfdp;
    if (parser.isSet(QStringLiteral("layout"))) {
        const auto engine = core::layoutEngineFromName(parser.value(QStringLiteral("layout")));
        if (!engine)
            return badInput(
                core::makeError(core::ec::CliBadLayout, parser.value(QStringLiteral("layout"))));
        layout.engine = *engine;
    }
    auto loaded = loadGraph(parser);
    if (const int *code = std::get_if<int>(&loaded))
        return *code;
    core::TopologyGraph graph = std::get<core::TopologyGraph>(std::move(loaded));
    if (parser.isSet(QStringLiteral("td"))) {
        const QString td = parser.value(QStringLiteral("td"));
        if (!graph.contains(QStringLiteral("td/") + td))
            return badInput(core::makeError(core::ec::GraphUnknownTrustDomain, td));
        graph = graph.restrictedTo(td);
    }
    auto data = core::GraphExport::write(graph, *format, layout);
    if (!data)
        return badInput(data.error());
    if (auto w = writeFile(parser.value(QStringLiteral("out")), *data, false); !w)
        return badInput(w.error());
    return Success;
}

int graphAnalyze(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("reach"),
                      QStringLiteral("Are FROM_TD's workloads accepted by --to?"),
                      QStringLiteral("FROM_TD")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("The other end, for --reach and --path."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("blast-radius"),
         QStringLiteral("Everything depending on this node (authority/..., anchor/..., node/...)."),
         QStringLiteral("ID")});
    parser.addOption({QStringLiteral("path"), QStringLiteral("The path from this node to --to."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("findings"), QStringLiteral("The estate's findings.")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print JSON (findings: one object a line).")});
    addEstateOptions(parser);
    if (auto stop =
            parseArgs(parser,
                      QStringLiteral("Ask the estate graph: reach through federation, blast "
                                     "radius, path, findings."),
                      args, 1, 1))
        return *stop;
    const int asked = int(parser.isSet(QStringLiteral("reach"))) +
                      int(parser.isSet(QStringLiteral("blast-radius"))) +
                      int(parser.isSet(QStringLiteral("path"))) +
                      int(parser.isSet(QStringLiteral("findings")));
    if (asked != 1)
        return badInput(
            core::ec::CliConflictingOptions,
            QStringLiteral("give one of --reach, --blast-radius, --path, --findings; see --help"));
    if ((parser.isSet(QStringLiteral("reach")) || parser.isSet(QStringLiteral("path"))) &&
        !parser.isSet(QStringLiteral("to")))
        return badInput(core::ec::CliMissingOption,
                        QStringLiteral("--to is required with --reach and --path"));
    auto loaded = loadGraph(parser);
    if (const int *code = std::get_if<int>(&loaded))
        return *code;
    const core::TopologyGraph graph = std::get<core::TopologyGraph>(std::move(loaded));
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString to = parser.value(QStringLiteral("to"));
    if (parser.isSet(QStringLiteral("reach"))) {
        const QString from = parser.value(QStringLiteral("reach"));
        for (const QString &td : {from, to}) {
            if (!graph.contains(QStringLiteral("td/") + td))
                return badInput(core::makeError(core::ec::GraphUnknownTrustDomain, td));
        }
        const core::ReachResult r = core::GraphAnalysis::reach(graph, from, to);
        if (json)
            printJson(r.toJson());
        else
            print(
                QStringLiteral("%1 -> %2: %3%4\n")
                    .arg(from, to,
                         r.reachable ? QStringLiteral("accepted") : QStringLiteral("not accepted"),
                         r.rules.isEmpty()
                             ? QString()
                             : QStringLiteral(" (") + r.rules.join(QStringLiteral(", ")) +
                                   QLatin1Char(')')));
        return Success;
    }
    if (parser.isSet(QStringLiteral("blast-radius"))) {
        const QString id = parser.value(QStringLiteral("blast-radius"));
        if (!graph.contains(id))
            return badInput(core::makeError(core::ec::GraphUnknownNode, id));
        const core::BlastRadius b = core::GraphAnalysis::blastRadius(graph, id);
        if (json) {
            printJson(b.toJson());
        } else {
            QString text = QStringLiteral("%1: %2 dependents\n").arg(id).arg(b.total());
            for (auto it = b.affected.cbegin(); it != b.affected.cend(); ++it)
                text += QStringLiteral("  %1: %2\n")
                            .arg(it.key(), it.value().join(QStringLiteral(", ")));
            print(text);
        }
        return Success;
    }
    if (parser.isSet(QStringLiteral("path"))) {
        const QString from = parser.value(QStringLiteral("path"));
        for (const QString &id : {from, to}) {
            if (!graph.contains(id))
                return badInput(core::makeError(core::ec::GraphUnknownNode, id));
        }
        const core::GraphPath p = core::GraphAnalysis::path(graph, from, to);
        if (json)
            printJson(p.toJson());
        else
            print(p.found() ? p.nodes.join(QStringLiteral(" -> ")) + QLatin1Char('\n')
                            : QStringLiteral("no path\n"));
        return p.found() ? Success : Refused;
    }
    const QList<core::GraphFinding> findings = core::GraphAnalysis::findings(graph);
    QString text;
    for (const core::GraphFinding &f : findings) {
        if (json)
            printJson(f.toJson());
        else
            text += QStringLiteral("%1 %2 %3\n").arg(f.severity, f.kind, f.subject);
    }
    if (!json)
        print(text);
    return Success;
}

} // namespace ta::cli
