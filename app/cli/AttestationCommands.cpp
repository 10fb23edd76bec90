// SPDX-License-Identifier: Apache-2.0
// Verbs over attestation: anchors import, evidence import, evidence verify, lab generate.
#include "app/cli/AttestationCommands.h"
#include "core/FrontEndErrors.h"
#include "core/attestation/AttestationErrors.h"
#include "core/simulation/SimulationErrors.h"

#include "app/cli/CliSupport.h"
#include "app/cli/LabCommands.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace ta::cli {
namespace {

void printLine(const QJsonObject &o)
{
    // Results stream out one line at a time; a million of them must not pile up in memory.
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

QString reasonsText(const core::AttestationResult &r)
{
    QStringList parts;
    for (const core::AttestationReason &reason : r.reasons)
        parts << QStringLiteral("%1 (expected %2, found %3)")
                     .arg(reason.code, reason.expected, reason.found);
    return parts.join(QStringLiteral("; "));
}

} // namespace

int anchorsImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addPositionalArgument(QStringLiteral("ANCHORS"),
                                 QStringLiteral("Trust anchors and reference values (JSON)."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the counts as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Import trust anchors and reference values."),
                              args, 2, 2))
        return *stop;
    auto data = readJsonFile(parser.positionalArguments().at(1));
    if (!data)
        return badInput(data.error());
    // Validated in full before the workspace is touched: a bad entry imports nothing.
    auto set = core::AnchorSet::fromImportJson(*data);
    if (!set)
        return badInput(set.error());
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::AttestationStore store((*ws)->database());
    if (auto r = store.saveAnchors(*set, QDateTime::currentDateTimeUtc()); !r)
        return badInput(r.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("anchors"), qint64(set->anchors().size())},
                   {QStringLiteral("reference_values"), qint64(set->referenceValues().size())}});
    else
        print(QStringLiteral("Imported %1 anchors and %2 reference values\n")
                  .arg(set->anchors().size())
                  .arg(set->referenceValues().size()));
    return Success;
}

int evidenceImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addPositionalArgument(QStringLiteral("EVIDENCE"),
                                 QStringLiteral("Evidence records (JSON Lines)."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the count as JSON.")});
    addPassphraseOption(parser);
    if (auto stop =
            parseArgs(parser, QStringLiteral("Import an evidence recording, all of it or nothing."),
                      args, 2, 2))
        return *stop;
    // Ctrl+C rolls the import back whole: exit 130, nothing imported.
    catchInterrupt();
    const QString path = parser.positionalArguments().at(1);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return badInput(core::makeError(core::ec::EvidenceUnreadable, path));
    // Every record must name an attestor that exists, checked before the workspace is touched:
    // a record nothing can verify is a typo or a foreign file, and imports nothing.
    const QStringList known = core::EvidenceVerifier::builtinAttestorNames();
    auto checked =
        core::EvidenceReader::forEach(in, [&](const core::EvidenceRecord &r) -> core::Result<void> {
            if (!known.contains(r.attestor))
                return core::makeError(core::ec::EvidenceUnknownAttestor,
                                       QStringLiteral("%1 (known: %2)")
                                           .arg(r.attestor, known.join(QStringLiteral(", "))));
            return {};
        });
    if (interrupted())
        return interruptedExit();
    if (!checked)
        return badInput(checked.error());
    in.seek(0);
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::AttestationStore store((*ws)->database());
    auto n = store.importEvidence(in, QFileInfo(path).fileName(), [] { return interrupted(); });
    if (interrupted())
        return interruptedExit();
    if (!n)
        return badInput(n.error());
    // Nothing was written then (the import is one transaction); an empty recording is almost
    // always a failed capture or copy, so it is reported rather than counted as zero.
    if (*n == 0)
        return badInput(
            core::makeError(core::ec::EvidenceEmpty, path + QStringLiteral(": no records")));
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("records"), *n}});
    else
        print(QStringLiteral("Imported %1 evidence records\n").arg(*n));
    return Success;
}

int evidenceVerify(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace (anchors, bundles)."));
    parser.addOption(
        {QStringLiteral("evidence"),
         QStringLiteral("Records to replay (JSON Lines); default: the workspace's own."),
         QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("One attestation result per line, as JSON.")});
    parser.addOption({QStringLiteral("td"),
                      QStringLiteral("Trust domain of agent IDs (default: the first)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("node-ttl"),
                      QStringLiteral("How long a node attestation holds (default 1h)."),
                      QStringLiteral("DURATION")});
    parser.addOption(
        {QStringLiteral("commit"),
         QStringLiteral("Store the nonces and join tokens consumed, so later runs refuse them.")});
    parser.addOption({QStringLiteral("fail-on-refusal"),
                      QStringLiteral("Exit 1 when any record is contraindicated.")});
    parser.addOption(
        {QStringLiteral("threads"),
         QStringLiteral(
             "Threads checking signatures ahead of the replay (default: every core; 1: none)."),
         QStringLiteral("N")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral("Replay evidence through the attestors. Exit 0 when the replay ran, "
                           "whatever the verdicts (1 with --fail-on-refusal if any was "
                           "refused); 2 on bad input, before any result is printed."),
            args, 1, 1))
        return *stop;
    core::TimelineReplay::Options options;
    options.trustDomain = parser.value(QStringLiteral("td"));
    options.loadConsumed = true;
    if (parser.isSet(QStringLiteral("node-ttl"))) {
        const auto ttl = parseDuration(parser.value(QStringLiteral("node-ttl")));
        if (!ttl || *ttl <= 0)
            return badInput(core::makeError(core::ec::CliBadDuration,
                                            parser.value(QStringLiteral("node-ttl"))));
        options.nodeAttestationTtl = *ttl;
    }
    int threads = 0;
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 1 || threads > 256)
            return badInput(core::makeError(core::ec::CliBadNumber,
                                            QStringLiteral("--threads: 1 to 256, not ") +
                                                parser.value(QStringLiteral("threads"))));
    }
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    auto replay = core::TimelineReplay::fromWorkspace(**ws, options);
    if (!replay) {
        if (replay.error().code == QString(core::ec::ReplayNoTrustDomain))
            return badInput(
                core::ec::CliNoTrustDomain,
                QStringLiteral(
                    "the workspace has no trust domain for agent IDs; create one or give --td"));
        return badInput(replay.error());
    }
    if (parser.isSet(QStringLiteral("evidence"))) {
        // Results are printed as they come, so the whole file is read once first: a bad line
        // prints its error and no result (the replay itself reads a file once).
        QFile check(parser.value(QStringLiteral("evidence")));
        if (!check.open(QIODevice::ReadOnly))
            return badInput(core::makeError(core::ec::EvidenceUnreadable, check.fileName()));
        auto ok = core::EvidenceReader::forEach(
            check, [](const core::EvidenceRecord &) -> core::Result<void> { return {}; });
        if (!ok)
            return badInput(ok.error());
        replay->setEvidenceFile(parser.value(QStringLiteral("evidence")));
    }
    replay->setThreads(threads);
    const std::unique_ptr<core::EvidenceVerifier> verifier = replay->makeVerifier();

    const bool json = parser.isSet(QStringLiteral("json"));
    qint64 total = 0;
    qint64 refused = 0;
    auto emitResult = [&](const core::AttestationResult &r) {
        ++total;
        if (r.verdict() == core::Verdict::Contraindicated)
            ++refused;
        if (json)
            printLine(r.toJson());
        else
            print(
                QStringLiteral("%1 %2 %3 %4%5\n")
                    .arg(core::EvidenceRecord::formatTime(r.time), r.subject, r.attestor,
                         core::verdictName(r.verdict()),
                         r.reasons.isEmpty() ? QString() : QStringLiteral(": ") + reasonsText(r)));
    };
    // A file is read through once first, so bad input prints no result at all.
    auto n = replay->replay(*verifier, emitResult);
    if (!n)
        return badInput(n.error());
    std::fflush(stdout);
    if (parser.isSet(QStringLiteral("commit"))) {
        core::AttestationStore store((*ws)->database());
        if (auto r = store.saveConsumed(verifier->replayGuard(), verifier->state()); !r)
            return badInput(r.error());
    }
    std::fprintf(stderr, "trustatlas-cli: %lld records, %lld refused\n", total, refused);
    return parser.isSet(QStringLiteral("fail-on-refusal")) && refused > 0 ? Refused : Success;
}

int labGenerate(const QStringList &args)
{
    if (wantsTopology(args))
        return labGenerateTopology(args);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace to create."));
    parser.addOption({QStringLiteral("nodes"), QStringLiteral("Nodes (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("workloads"), QStringLiteral("Workloads (default 40)."),
                      QStringLiteral("N"), QStringLiteral("40")});
    parser.addOption({QStringLiteral("records"), QStringLiteral("Evidence records (default 1000)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("drift-rate"),
                      QStringLiteral("Share of drifted records, 0..1 (default 0.01)."),
                      QStringLiteral("R"), QStringLiteral("0.01")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                      QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("start"),
                      QStringLiteral("First record's time (RFC 3339; default now)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("evidence"),
                      QStringLiteral("Evidence output (default FILE.evidence.jsonl)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("anchors"),
                      QStringLiteral("Anchors output (default FILE.anchors.json)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("no-import"),
                      QStringLiteral("Write the evidence file only, not into the workspace.")});
    parser.addOption(
        {QStringLiteral("no-passphrase"), QStringLiteral("Store keys in clear (demos only).")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral("Build a workspace with synthetic attesters and an evidence timeline."),
            args, 1, 1))
        return *stop;
    catchInterrupt();
    const QString file = parser.positionalArguments().first();
    core::LabSettings s;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false, ok5 = false;
    s.nodes = parser.value(QStringLiteral("nodes")).toInt(&ok1);
    s.workloads = parser.value(QStringLiteral("workloads")).toInt(&ok2);
    s.records = parser.value(QStringLiteral("records")).toLongLong(&ok3);
    s.driftRate = parser.value(QStringLiteral("drift-rate")).toDouble(&ok4);
    s.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok5);
    if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5 || s.nodes < 1 || s.workloads < 0 || s.records < 0 ||
        s.driftRate < 0 || s.driftRate > 1)
        return badInput(core::makeError(
            core::ec::CliBadNumber,
            QStringLiteral("--nodes >= 1, --workloads, --records >= 0, --drift-rate in 0..1")));
    if (parser.isSet(QStringLiteral("start"))) {
        const auto t = parseInstant(parser.value(QStringLiteral("start")));
        if (!t)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("start"))));
        s.start = *t;
    }
    s.importEvidence = !parser.isSet(QStringLiteral("no-import"));
    std::optional<QByteArray> pass;
    if (!parser.isSet(QStringLiteral("no-passphrase"))) {
        auto p = passphrase(parser);
        if (!p)
            return badInput(p.error());
        pass = *p;
    }
    const QString evidence = parser.isSet(QStringLiteral("evidence"))
                                 ? parser.value(QStringLiteral("evidence"))
                                 : file + QStringLiteral(".evidence.jsonl");
    const QString anchors = parser.isSet(QStringLiteral("anchors"))
                                ? parser.value(QStringLiteral("anchors"))
                                : file + QStringLiteral(".anchors.json");
    // Ctrl+C stops the lab; what it made so far is removed (the workspace did not exist before),
    // so nothing is left half-made. Exit 130.
    const bool hadWorkspace = QFileInfo::exists(file);
    const bool hadEvidence = QFileInfo::exists(evidence);
    const bool hadAnchors = QFileInfo::exists(anchors);
    s.cancelled = [] { return interrupted(); };
    // The workspace is built under a hidden name beside it and renamed when whole, so that a
    // kill at any moment leaves either no workspace or the finished one.
    const QFileInfo target(file);
    const QString partial =
        hadWorkspace ? file
                     : target.dir().filePath(QStringLiteral(".%1.partial").arg(target.fileName()));
    const auto removePartial = [&] {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(partial + suffix);
    };
    if (!hadWorkspace)
        removePartial();
    auto sum = core::EvidenceLab::generate(partial, anchors, evidence, s, pass);
    if (sum && !hadWorkspace && !interrupted() && !QFile::rename(partial, file))
        sum = core::makeError(core::ec::LabWrite, file);
    if (!sum && !hadWorkspace)
        removePartial();
    if (interrupted()) {
        if (!hadWorkspace)
            removePartial();
        if (!hadEvidence)
            QFile::remove(evidence);
        if (!hadAnchors)
            QFile::remove(anchors);
        return interruptedExit();
    }
    if (!sum)
        return badInput(sum.error());
    const QJsonObject o{{QStringLiteral("workspace"), file},
                        {QStringLiteral("anchors"), anchors},
                        {QStringLiteral("evidence"), evidence},
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
        print(QStringLiteral("Generated %1 records (%2 drifted) into %3\n")
                  .arg(sum->records)
                  .arg(sum->drifted)
                  .arg(evidence));
    return Success;
}

} // namespace ta::cli
