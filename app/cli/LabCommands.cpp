// SPDX-License-Identifier: Apache-2.0
// lab generate --topology: the evidence lab over a designed estate (a graph JSON export).
#include "app/cli/LabCommands.h"

#include "app/cli/CliSupport.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/lab/TopologyLab.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QJsonDocument>

namespace ta::cli {

bool wantsTopology(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == QLatin1String("--topology") || a.startsWith(QLatin1String("--topology=")))
            return true;
    }
    return false;
}

int labGenerateTopology(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace (created when it does not exist)."));
    parser.addOption({QStringLiteral("topology"),
                      QStringLiteral("The design: `graph export --format json` output, or the "
                                     "subset of it README describes."),
                      QStringLiteral("DESIGN.json")});
    parser.addOption({QStringLiteral("span"),
                      QStringLiteral("Length of the timeline (default 1d)."),
                      QStringLiteral("DURATION"), QStringLiteral("1d")});
    parser.addOption({QStringLiteral("interval"),
                      QStringLiteral("How often every subject re-attests (default 30m)."),
                      QStringLiteral("DURATION"), QStringLiteral("30m")});
    parser.addOption({QStringLiteral("drift-rate"),
                      QStringLiteral("Share of node attestations that drift once, 0..1 "
                                     "(default 0)."),
                      QStringLiteral("R"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("image-update-at"),
                      QStringLiteral("Share of the span at which the first image is updated "
                                     "(default: never)."),
                      QStringLiteral("SHARE")});
    parser.addOption({QStringLiteral("key-revoke-at"),
                      QStringLiteral("Share of the span at which the first cluster's signing key "
                                     "is rotated and revoked (default: never)."),
                      QStringLiteral("SHARE")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                      QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("start"),
                      QStringLiteral("First record's time (RFC 3339; default: span before now)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("no-passphrase"),
                      QStringLiteral("A new workspace stores keys in clear (demos only).")});
    parser.addOption({QStringLiteral("design-only"),
                      QStringLiteral("Record the design (trust domains, policies) without anchors "
                                     "or evidence: its nodes and workloads are planned.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser,
                              QStringLiteral("Generate anchors and evidence for a designed "
                                             "topology into a workspace."),
                              args, 1, 1))
        return *stop;
    const QString file = parser.positionalArguments().first();
    auto design = readJsonFile(parser.value(QStringLiteral("topology")));
    if (!design)
        return badInput(design.error());
    auto topology = core::LabTopology::fromJson(QJsonDocument::fromJson(*design).object());
    if (!topology)
        return badInput(topology.error());

    core::LabTimeline timeline;
    const auto span = parseDuration(parser.value(QStringLiteral("span")));
    const auto interval = parseDuration(parser.value(QStringLiteral("interval")));
    if (!span || *span <= 0 || !interval || *interval <= 0)
        return badInput(core::makeError(
            core::ec::CliBadDuration, QStringLiteral("--span and --interval: positive durations")));
    timeline.span = *span;
    timeline.interval = *interval;
    bool ok1 = false, ok2 = false;
    timeline.driftRate = parser.value(QStringLiteral("drift-rate")).toDouble(&ok1);
    timeline.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok2);
    if (!ok1 || !ok2 || timeline.driftRate < 0 || timeline.driftRate > 1)
        return badInput(core::makeError(core::ec::CliBadNumber,
                                        QStringLiteral("--drift-rate in 0..1, --seed >= 0")));
    for (const auto &[name, share] :
         {std::pair{QStringLiteral("image-update-at"), &timeline.imageUpdateAt},
          std::pair{QStringLiteral("key-revoke-at"), &timeline.keyRevokeAt}}) {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        *share = parser.value(name).toDouble(&ok);
        if (!ok || *share < 0 || *share > 1)
            return badInput(core::makeError(
                core::ec::CliBadNumber, QStringLiteral("--") + name + QStringLiteral(" in 0..1")));
    }
    if (parser.isSet(QStringLiteral("start"))) {
        const auto t = parseInstant(parser.value(QStringLiteral("start")));
        if (!t)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("start"))));
        timeline.start = *t;
    }

    std::unique_ptr<core::Workspace> ws;
    const bool created = !QFile::exists(file);
    if (!created) {
        auto opened = openWorkspace(file, parser);
        if (!opened)
            return badInput(opened.error());
        ws = std::move(*opened);
    } else {
        std::optional<QByteArray> pass;
        if (!parser.isSet(QStringLiteral("no-passphrase"))) {
            auto p = passphrase(parser);
            if (!p)
                return badInput(p.error());
            pass = *p;
        }
        auto created = core::Workspace::create(file, pass);
        if (!created)
            return badInput(created.error());
        ws = std::move(*created);
    }
    // A workspace made for this run is not left half-made; an existing one keeps what was
    // written before a failure (see README).
    auto fail = [&](const core::Error &error) {
        if (created) {
            ws.reset();
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(file + QLatin1String(suffix));
        }
        return badInput(error);
    };
    if (parser.isSet(QStringLiteral("design-only"))) {
        if (auto r = core::TopologyLab::saveDesign(*ws, *topology, QDateTime::currentDateTimeUtc());
            !r)
            return fail(r.error());
        const QJsonObject o{
            {QStringLiteral("workspace"), file},
            {QStringLiteral("trust_domains"), qint64(topology->trustDomains.size())},
            {QStringLiteral("platforms"), qint64(topology->platforms.size())},
            {QStringLiteral("nodes"), qint64(topology->nodes.size())},
            {QStringLiteral("workloads"), qint64(topology->workloads.size())},
            {QStringLiteral("policies"), qint64(topology->policies.size())},
            {QStringLiteral("records"), 0}};
        if (parser.isSet(QStringLiteral("json")))
            printJson(o);
        else
            print(QStringLiteral("Recorded the design of %1 nodes and %2 workloads in %3\n")
                      .arg(topology->nodes.size())
                      .arg(topology->workloads.size())
                      .arg(file));
        return Success;
    }
    auto sum = core::TopologyLab::generate(*ws, *topology, timeline);
    if (!sum)
        return fail(sum.error());
    const QJsonObject o{{QStringLiteral("workspace"), file},
                        {QStringLiteral("trust_domains"), qint64(topology->trustDomains.size())},
                        {QStringLiteral("platforms"), qint64(topology->platforms.size())},
                        {QStringLiteral("nodes"), qint64(topology->nodes.size())},
                        {QStringLiteral("workloads"), qint64(topology->workloads.size())},
                        {QStringLiteral("policies"), qint64(topology->policies.size())},
                        {QStringLiteral("records"), sum->records},
                        {QStringLiteral("node_attestations"), sum->nodeAttestations},
                        {QStringLiteral("workload_attestations"), sum->workloadAttestations},
                        {QStringLiteral("image_signatures"), sum->imageSignatures},
                        {QStringLiteral("signals"), sum->signals},
                        {QStringLiteral("drifted"), sum->drifted},
                        {QStringLiteral("start"), core::EvidenceRecord::formatTime(sum->start)},
                        {QStringLiteral("end"), core::EvidenceRecord::formatTime(sum->end)}};
    if (parser.isSet(QStringLiteral("json")))
        printJson(o);
    else
        print(QStringLiteral("Generated %1 records for %2 nodes and %3 workloads into %4\n")
                  .arg(sum->records)
                  .arg(topology->nodes.size())
                  .arg(topology->workloads.size())
                  .arg(file));
    return Success;
}

} // namespace ta::cli
