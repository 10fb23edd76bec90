// SPDX-License-Identifier: Apache-2.0
// Verbs over the simulation engine: simulate, what-if. They parse arguments, build the rule set
// and the replay, and print what the engine says.
#include "app/cli/SimulationCommands.h"

#include "app/cli/CliSupport.h"
#include "app/cli/KeptResults.h"
#include "core/FrontEndErrors.h"
#include "core/attestation/AttestationErrors.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/SimulationRunStore.h"
#include "core/simulation/TimelineReplay.h"
#include "core/simulation/WhatIf.h"
#include "core/store/RuleStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <memory>

#include <unistd.h>

namespace ta::cli {
namespace {

void printLine(const QJsonObject &o)
{
    // Events stream out as they happen; a long run's log never piles up in the output buffer.
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

QString eventText(const core::SimulationEvent &e)
{
    QString line = QStringLiteral("%1 %2 %3 %4")
                       .arg(core::EvidenceRecord::formatTime(e.at),
                            core::simulationEventName(e.kind), e.subject, e.spiffeId);
    if (!e.credential.isEmpty())
        line += QLatin1Char(' ') + e.credential;
    if (!e.replaces.isEmpty())
        line += QStringLiteral(" (replaces %1)").arg(e.replaces);
    if (!e.rule.isEmpty())
        line += QStringLiteral(" rule %1").arg(e.rule);
    if (e.notAfter.isValid())
        line += QStringLiteral(" until %1").arg(core::EvidenceRecord::formatTime(e.notAfter));
    if (!e.reason.isEmpty())
        line += QStringLiteral(" reason %1").arg(e.reason.join(QLatin1Char(',')));
    if (e.record > 0)
        line += QStringLiteral(" record %1").arg(e.record);
    if (!e.detail.isEmpty())
        line += QStringLiteral(" [%1]").arg(e.detail);
    return line + QLatin1Char('\n');
}

// Records done, rate and time left on stderr: redrawn in place when stderr is a terminal, a line
// each with --progress when it is not, and nothing otherwise (piped or captured output never
// carries it unless asked).
void showProgress(core::TimelineReplay &replay, bool asked)
{
    const bool terminal = isatty(fileno(stderr));
    if (!terminal && !asked)
        return;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    replay.setProgress(
        [clock, terminal](qint64 done, qint64 total) {
            const double secs = qMax<qint64>(1, clock->elapsed()) / 1000.0;
            const double rate = done / secs;
            QString line = terminal ? QStringLiteral("\r%1").arg(done)
                                    : QStringLiteral("trustatlas-cli: %1").arg(done);
            if (total > 0)
                line += QStringLiteral("/%1").arg(total);
            line += QStringLiteral(" records, %1/s").arg(qint64(rate));
            if (total > done && rate > 0)
                line += QStringLiteral(", %1 s left").arg(qint64((total - done) / rate));
            if (done >= total || !terminal)
                line += QStringLiteral("\n");
            std::fputs(line.toLocal8Bit().constData(), stderr);
            std::fflush(stderr);
        },
        5000);
}

core::Result<QList<core::Policy>> policiesFromFile(const QString &path)
{
    auto data = readJsonFile(path);
    if (!data)
        return data.error();
    auto policies = core::Policy::listFromJson(*data);
    if (!policies)
        return core::makeError(policies.error().code,
                               path + QStringLiteral(": ") + policies.error().detail);
    return policies;
}

core::Result<core::RuleSet> storedPolicies(core::RuleStore &rules, int version)
{
    auto content = rules.load(core::RuleKind::Policies, version);
    if (!content)
        return content.error();
    QList<core::Policy> policies;
    if (!content->isEmpty()) {
        auto list = core::Policy::listFromJson(*content);
        if (!list)
            return list.error();
        policies = *list;
    }
    return core::RuleSet::fromPolicies(policies);
}

std::optional<int> positive(const QCommandLineParser &parser, const QString &name, int &out,
                            int max)
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    out = parser.value(name).toInt(&ok);
    if (!ok || out < 1 || out > max)
        return badInput(core::makeError(
            core::ec::CliBadNumber,
            QStringLiteral("--%1: 1 to %2, not %3").arg(name).arg(max).arg(parser.value(name))));
    return std::nullopt;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("evidence"),
         QStringLiteral("Records to replay (JSON Lines); default: the workspace's own."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("freshness"),
                      QStringLiteral("How long after its last accepted record a subject's "
                                     "attestation holds, and a node vouches for its workloads "
                                     "(default 1h)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("End the run here (default: at the last record)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("td"),
                      QStringLiteral("Trust domain of agent IDs (default: the first)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("threads"),
                      QStringLiteral("Threads checking signatures ahead of the replay (default: "
                                     "every core)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("JSON Lines output.")});
    parser.addOption({QStringLiteral("progress"),
                      QStringLiteral("The replay's progress on stderr even when it is not a "
                                     "terminal: a line each 5,000 records.")});
    addVerifyAllOption(parser);
    addPassphraseOption(parser);
}

// Settings and replay options shared by both verbs; an exit code when the input is bad.
std::optional<int> readCommon(const QCommandLineParser &parser, core::SimulationSettings &settings,
                              core::TimelineReplay::Options &options, int &threads)
{
    if (parser.isSet(QStringLiteral("freshness"))) {
        const auto d = parseDuration(parser.value(QStringLiteral("freshness")));
        if (!d || *d <= 0)
            return badInput(core::makeError(core::ec::CliBadDuration,
                                            parser.value(QStringLiteral("freshness"))));
        settings.freshness = *d;
        // A node vouches for its workloads' evidence as long as its own attestation holds, as
        // in the graph (EstateLoader): both then replay alike and read one set of results.
        options.nodeAttestationTtl = *d;
    }
    if (parser.isSet(QStringLiteral("until"))) {
        const auto t = parseInstant(parser.value(QStringLiteral("until")));
        if (!t)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("until"))));
        settings.until = *t;
    }
    options.trustDomain = parser.value(QStringLiteral("td"));
    threads = 0;
    return positive(parser, QStringLiteral("threads"), threads, 256);
}

// Ctrl+C stops the replay at the next record; the verb then exits 130 with nothing saved.
void stopOnInterrupt(core::TimelineReplay &replay)
{
    replay.setCancelled([] { return interrupted(); });
}

// SHA-256 (hex) of a file, read in blocks; empty when it cannot be read.
QString fileSha256(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

int simulate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace (anchors, rules, evidence)."));
    parser.addOption({QStringLiteral("policies"), QStringLiteral("Decide with this policy set."),
                      QStringLiteral("P.json")});
    parser.addOption({QStringLiteral("version"),
                      QStringLiteral("Decide with this version of the workspace's policies."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("entries"),
                      QStringLiteral("Decide with the workspace's SPIRE registration entries.")});
    parser.addOption({QStringLiteral("state-at"),
                      QStringLiteral("Print the attested subjects and live credentials at TIME "
                                     "instead of the log."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("save"),
                      QStringLiteral("Save the run in the workspace under NAME (replacing a run "
                                     "of that name), for the app and graph export --at."),
                      QStringLiteral("NAME")});
    addCommonOptions(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral(
                "Replay the evidence through the attestors and one rule set (default: the latest "
                "policies), issuing, renewing (at half the TTL), expiring and revoking X509-SVID "
                "credentials. Drift revokes at once: a refused record, a decision that no longer "
                "grants, a revoked key or anchor, a node that lapses or is refused (its "
                "workloads too). A subject's attestation lapses --freshness after its last "
                "accepted record. Prints one event a line in time order, then a summary line. "
                "Exit 0 once simulated, 2 on bad input."),
            args, 1, 1))
        return *stop;
    catchInterrupt();
    const int ruleOptions = int(parser.isSet(QStringLiteral("policies"))) +
                            int(parser.isSet(QStringLiteral("version"))) +
                            int(parser.isSet(QStringLiteral("entries")));
    if (ruleOptions > 1)
        return badInput(core::ec::CliConflictingOptions,
                        QStringLiteral("give one of --policies, --version, --entries"));
    core::SimulationSettings settings;
    core::TimelineReplay::Options options;
    int threads = 0;
    if (auto stop = readCommon(parser, settings, options, threads))
        return *stop;
    int version = 0;
    if (auto stop = positive(parser, QStringLiteral("version"), version, 1 << 30))
        return *stop;
    std::optional<QDateTime> stateAt;
    if (parser.isSet(QStringLiteral("state-at"))) {
        stateAt = parseInstant(parser.value(QStringLiteral("state-at")));
        if (!stateAt)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("state-at"))));
        // Nothing after the instant can change the state at it; timers up to it must fire.
        if (!settings.until.isValid() || settings.until > *stateAt)
            settings.until = *stateAt;
    }
    const QString saveAs = parser.value(QStringLiteral("save"));
    if (parser.isSet(QStringLiteral("save")) && saveAs.trimmed().isEmpty())
        return badInput(core::ec::CliMissingArgument, QStringLiteral("--save needs a name"));
    core::SimulationRunStore::RuleSource source;
    source.version = version;
    if (parser.isSet(QStringLiteral("entries")))
        source.kind = core::SimulationRunStore::RuleSource::Kind::Entries;
    std::optional<core::RuleSet> fileRules;
    if (parser.isSet(QStringLiteral("policies"))) {
        source.kind = core::SimulationRunStore::RuleSource::Kind::File;
        if (!saveAs.isEmpty()) {
            auto content = readFile(parser.value(QStringLiteral("policies")));
            if (!content)
                return badInput(content.error());
            source.fileContent = *content;
        }
        auto policies = policiesFromFile(parser.value(QStringLiteral("policies")));
        if (!policies)
            return badInput(policies.error());
        auto set = core::RuleSet::fromPolicies(*policies);
        if (!set)
            return badInput(set.error());
        fileRules = std::move(*set);
    }
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore store((*ws)->database());
    std::optional<core::RuleSet> rules = std::move(fileRules);
    if (!rules && parser.isSet(QStringLiteral("entries"))) {
        auto entries = store.entries();
        if (!entries)
            return badInput(entries.error());
        auto set = core::RuleSet::fromEntries(*entries);
        if (!set)
            return badInput(set.error());
        rules = std::move(*set);
    } else if (!rules) {
        auto set = storedPolicies(store, version);
        if (!set)
            return badInput(set.error());
        rules = std::move(*set);
    }
    auto replay = core::TimelineReplay::fromWorkspace(**ws, options);
    if (!replay)
        return badInput(replay.error());
    if (parser.isSet(QStringLiteral("evidence")))
        replay->setEvidenceFile(parser.value(QStringLiteral("evidence")));
    replay->setThreads(threads);
    showProgress(*replay, parser.isSet(QStringLiteral("progress")));
    stopOnInterrupt(*replay);
    const auto stored = keepResults(parser, *replay, **ws);
    // The inputs' fingerprint is taken before the run, so that anything imported meanwhile
    // makes the saved run stale rather than wrongly current.
    std::optional<core::SimulationRunInputs> inputs;
    if (!saveAs.isEmpty()) {
        QString evidenceSha;
        if (parser.isSet(QStringLiteral("evidence"))) {
            evidenceSha = fileSha256(parser.value(QStringLiteral("evidence")));
            if (evidenceSha.isEmpty())
                return badInput(core::makeError(core::ec::EvidenceUnreadable,
                                                parser.value(QStringLiteral("evidence"))));
        }
        core::SimulationRunStore runs((*ws)->database());
        auto in = runs.currentInputs(source, settings, evidenceSha);
        if (!in)
            return badInput(in.error());
        inputs = std::move(*in);
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    auto run = replay->simulate(*rules, settings);
    if (interrupted())
        return interruptedExit();
    if (!run)
        return badInput(run.error());
    tellWhereResultsCameFrom(*replay, stored);
    // The log is printed once the run has succeeded: a bad line late in an evidence file
    // (the replay reads the file once) prints an error and nothing else.
    if (!stateAt) {
        for (const core::SimulationEvent &e : run->events()) {
            if (json)
                printLine(e.toJson());
            else
                print(eventText(e));
        }
    }
    if (inputs) {
        core::SimulationRunStore runs((*ws)->database());
        auto saved = runs.save(saveAs, *inputs, *run, QDateTime::currentDateTimeUtc(),
                               [] { return interrupted(); });
        if (interrupted())
            return interruptedExit();
        if (!saved)
            return badInput(saved.error());
    }
    if (stateAt) {
        const core::SimulationState state = run->stateAt(*stateAt);
        if (json) {
            printLine(state.toJson());
        } else {
            QString text = QStringLiteral("At %1\nAttested:\n")
                               .arg(core::EvidenceRecord::formatTime(state.at));
            for (const QString &s : state.attested)
                text += QStringLiteral("  %1\n").arg(s);
            text += QStringLiteral("Live credentials:\n");
            for (const core::LiveCredential &c : state.live)
                text += QStringLiteral("  %1 %2 %3 until %4\n")
                            .arg(c.credential, c.subject, c.spiffeId,
                                 core::EvidenceRecord::formatTime(c.notAfter));
            print(text);
        }
        std::fflush(stdout);
        return Success;
    }
    const core::SimulationRun::Summary sum = run->summary();
    if (json)
        printLine(sum.toJson());
    else
        print(QStringLiteral("%1 records, %2 subjects: %3 issued, %4 renewed, %5 expired, %6 "
                             "revoked, %7 denied\n")
                  .arg(sum.records)
                  .arg(sum.subjects)
                  .arg(sum.issued)
                  .arg(sum.renewed)
                  .arg(sum.expired)
                  .arg(sum.revoked)
                  .arg(sum.denied));
    std::fflush(stdout);
    return Success;
}

int whatIf(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace (anchors, rules, evidence)."));
    parser.addOption({QStringLiteral("policies"), QStringLiteral("The candidate policy set."),
                      QStringLiteral("B.json")});
    parser.addOption({QStringLiteral("anchors"),
                      QStringLiteral("The candidate trust anchors and reference values."),
                      QStringLiteral("B.json")});
    parser.addOption({QStringLiteral("base-version"),
                      QStringLiteral("Base: this version of the workspace's policies (default "
                                     "latest)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("base"),
                      QStringLiteral("Base: this policy set (with --policies) or anchors file "
                                     "(with --anchors); default: the workspace's."),
                      QStringLiteral("A.json")});
    parser.addOption({QStringLiteral("fail-on-change"),
                      QStringLiteral("Exit 1 when any subject's identities differ.")});
    addCommonOptions(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral(
                "Simulate the same evidence twice, under the base and the candidate policies "
                "(or anchors), and report per subject the identities gained and lost, the "
                "changed TTLs and granting rules, the credentials revoked in one run only, and "
                "the first instant and record where the runs part; then a summary line. Exit 0 "
                "once compared (1 with --fail-on-change when a subject differs), 2 on bad "
                "input."),
            args, 1, 1))
        return *stop;
    catchInterrupt();
    const bool byPolicies = parser.isSet(QStringLiteral("policies"));
    const bool byAnchors = parser.isSet(QStringLiteral("anchors"));
    if (byPolicies == byAnchors)
        return badInput(core::ec::CliConflictingOptions,
                        QStringLiteral("give one of --policies, --anchors"));
    if (parser.isSet(QStringLiteral("base")) && parser.isSet(QStringLiteral("base-version")))
        return badInput(core::ec::CliConflictingOptions,
                        QStringLiteral("give at most one of --base, --base-version"));
    if (byAnchors && parser.isSet(QStringLiteral("base-version")))
        return badInput(
            core::ec::CliConflictingOptions,
            QStringLiteral("--base-version compares policies; with --anchors give --base"));
    core::SimulationSettings settings;
    core::TimelineReplay::Options options;
    int threads = 0;
    if (auto stop = readCommon(parser, settings, options, threads))
        return *stop;
    int baseVersion = 0;
    if (auto stop = positive(parser, QStringLiteral("base-version"), baseVersion, 1 << 30))
        return *stop;

    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore store((*ws)->database());
    auto replay = core::TimelineReplay::fromWorkspace(**ws, options);
    if (!replay)
        return badInput(replay.error());
    if (parser.isSet(QStringLiteral("evidence")))
        replay->setEvidenceFile(parser.value(QStringLiteral("evidence")));
    replay->setThreads(threads);
    showProgress(*replay, parser.isSet(QStringLiteral("progress")));
    stopOnInterrupt(*replay);
    const auto stored = keepResults(parser, *replay, **ws);

    core::Result<core::WhatIf::Runs> runs = core::makeError(core::ec::WhatIfNone);
    if (byPolicies) {
        auto candidatePolicies = policiesFromFile(parser.value(QStringLiteral("policies")));
        if (!candidatePolicies)
            return badInput(candidatePolicies.error());
        auto candidate = core::RuleSet::fromPolicies(*candidatePolicies);
        if (!candidate)
            return badInput(candidate.error());
        core::Result<core::RuleSet> base = core::makeError(core::ec::WhatIfNone);
        if (parser.isSet(QStringLiteral("base"))) {
            auto basePolicies = policiesFromFile(parser.value(QStringLiteral("base")));
            if (!basePolicies)
                return badInput(basePolicies.error());
            base = core::RuleSet::fromPolicies(*basePolicies);
        } else {
            base = storedPolicies(store, baseVersion);
        }
        if (!base)
            return badInput(base.error());
        runs = core::WhatIf::runRules(*replay, *base, *candidate, settings);
    } else {
        auto candidateData = readJsonFile(parser.value(QStringLiteral("anchors")));
        if (!candidateData)
            return badInput(candidateData.error());
        auto candidateAnchors = core::AnchorSet::fromImportJson(*candidateData);
        if (!candidateAnchors)
            return badInput(candidateAnchors.error());
        core::TimelineReplay base = *replay;
        if (parser.isSet(QStringLiteral("base"))) {
            auto baseData = readJsonFile(parser.value(QStringLiteral("base")));
            if (!baseData)
                return badInput(baseData.error());
            auto baseAnchors = core::AnchorSet::fromImportJson(*baseData);
            if (!baseAnchors)
                return badInput(baseAnchors.error());
            base.setAnchors(std::move(*baseAnchors));
        }
        core::TimelineReplay candidate = *replay;
        candidate.setAnchors(std::move(*candidateAnchors));
        auto rules = storedPolicies(store, 0);
        if (!rules)
            return badInput(rules.error());
        runs = core::WhatIf::runAnchors(base, candidate, *rules, settings);
    }
    if (interrupted())
        return interruptedExit();
    if (!runs)
        return badInput(runs.error());
    tellWhereResultsCameFrom(*replay, stored);
    const core::WhatIfReport report = core::WhatIf::compare(runs->base, runs->candidate);
    // A Ctrl+C during the comparison prints no half-made answer.
    if (interrupted())
        return interruptedExit();
    const QJsonObject summary = report.summaryJson().value(QLatin1String("summary")).toObject();
    if (parser.isSet(QStringLiteral("json"))) {
        for (const core::SubjectDifference &d : report.subjects)
            printLine(d.toJson());
        printLine(report.summaryJson());
    } else {
        QString text;
        for (const core::SubjectDifference &d : report.subjects) {
            text +=
                QStringLiteral("%1: first differs at %2%3\n")
                    .arg(d.subject, core::EvidenceRecord::formatTime(d.divergedAt),
                         d.divergedRecord > 0 ? QStringLiteral(" (record %1)").arg(d.divergedRecord)
                                              : QString());
            for (const QString &id : d.gained)
                text += QStringLiteral("  + %1\n").arg(id);
            for (const QString &id : d.lost)
                text += QStringLiteral("  - %1\n").arg(id);
            for (const core::SubjectDifference::Change &c : d.changed)
                text += QStringLiteral("  ~ %1 (rules %2 -> %3)\n")
                            .arg(c.spiffeId, c.baseRules.join(QLatin1Char(',')),
                                 c.candidateRules.join(QLatin1Char(',')));
        }
        text += QStringLiteral("%1 subjects changed: %2 identities gained, %3 lost, %4 changed\n")
                    .arg(summary.value(QLatin1String("subjects_changed")).toInteger())
                    .arg(summary.value(QLatin1String("gained")).toInteger())
                    .arg(summary.value(QLatin1String("lost")).toInteger())
                    .arg(summary.value(QLatin1String("changed")).toInteger());
        print(text);
    }
    std::fflush(stdout);
    return parser.isSet(QStringLiteral("fail-on-change")) && report.changed() ? Refused : Success;
}

int simulationList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object a run.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser,
                              QStringLiteral("List the simulation runs saved in the workspace "
                                             "(simulate --save), newest first. A run whose "
                                             "inputs (evidence, anchors, rules) changed since is "
                                             "stale: kept, but no longer shown as the estate."),
                              args, 1, 1))
        return *stop;
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::SimulationRunStore store((*ws)->database());
    auto runs = store.list();
    if (!runs)
        return badInput(runs.error());
    if (parser.isSet(QStringLiteral("json"))) {
        for (const core::SavedSimulationRun &r : *runs)
            printLine(r.toJson());
    } else {
        QString text;
        for (const core::SavedSimulationRun &r : *runs)
            text += QStringLiteral("%1  %2  %3  %4 records, %5 issued, %6 revoked\n")
                        .arg(r.name, core::EvidenceRecord::formatTime(r.createdAt),
                             r.stale ? QStringLiteral("stale") : QStringLiteral("current"))
                        .arg(r.summary.records)
                        .arg(r.summary.issued)
                        .arg(r.summary.revoked);
        print(text);
    }
    std::fflush(stdout);
    return Success;
}

} // namespace ta::cli
