// SPDX-License-Identifier: Apache-2.0
// The decision log's twin: why a subject did or did not get its identities at an instant.
#include "app/cli/ExplainCommands.h"

#include "app/cli/CliSupport.h"
#include "app/cli/KeptResults.h"
#include "app/cli/PolicyCommands.h"
#include "core/FrontEndErrors.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/simulation/DecisionExplainer.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/RuleStore.h"

namespace ta::cli {
namespace {

QString text(const core::SubjectExplanation &e)
{
    QString out =
        QStringLiteral("Subject %1 at %2\n").arg(e.subject, core::EvidenceRecord::formatTime(e.at));
    if (!e.seen)
        return out + QStringLiteral("No record at or before this instant.\n");
    out += QStringLiteral("Last record: %1 (%2): %3")
               .arg(core::EvidenceRecord::formatTime(e.decided.time()), e.decided.attestor(),
                    e.decided.verdict());
    if (!e.reasons.isEmpty())
        out += QStringLiteral(" [%1]").arg(e.reasons.join(QStringLiteral(", ")));
    out += QLatin1Char('\n');
    out += QStringLiteral("Attested: %1")
               .arg(e.attested ? QStringLiteral("yes") : QStringLiteral("no"));
    if (!e.attested && e.lastChange)
        out += QStringLiteral(" (%1 at %2)")
                   .arg(core::subjectHistoryKindName(e.lastChange->kind),
                        core::EvidenceRecord::formatTime(e.lastChange->at));
    out += QLatin1Char('\n');
    if (!e.node.isEmpty())
        out += QStringLiteral("Runs on: %1\n").arg(e.node);
    out += QStringLiteral("Holds: %1\n")
               .arg(e.held.isEmpty() ? QStringLiteral("none") : e.held.join(QStringLiteral(", ")));
    out += QStringLiteral("Policies:\n");
    for (const core::PolicyVerdict &v : e.decision.policies.verdicts)
        out += policyVerdictText(v);
    if (e.decision.entries) {
        out += QStringLiteral("Entries:\n");
        for (const core::EntryVerdict &v : e.decision.entries->verdicts) {
            QStringList missing;
            for (const core::Selector &s : v.missing)
                missing << s.toString();
            out += QStringLiteral("  entry %1 %2: %3")
                       .arg(v.entryId, v.spiffeId, core::entryOutcomeName(v.outcome));
            if (!missing.isEmpty())
                out += QStringLiteral(" (missing %1)").arg(missing.join(QStringLiteral(", ")));
            out += QLatin1Char('\n');
        }
    } else if (!e.decision.entriesSkipped.isEmpty()) {
        out += QStringLiteral("Entries not matched: %1\n").arg(e.decision.entriesSkipped);
    }
    return out;
}

} // namespace

int explain(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("subject"),
                      QStringLiteral("The subject, as its evidence names it (workload/pay-api)."),
                      QStringLiteral("SUBJECT")});
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("The instant (RFC 3339 or 'now'; default the end of the "
                                     "evidence timeline)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the explanation as JSON.")});
    addVerifyAllOption(parser);
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral(
                "Explain why a subject did or did not get its identities at an instant: the "
                "workspace's evidence is replayed up to it (the latest policies drive the "
                "credential lifecycle, or the registration entries when there are no policies), "
                "and the subject's last record by then is decided by every policy and entry. "
                "Prints whether it was attested, what it held, and each rule's verdict with the "
                "failing clause and the values it read, or the entry's missing selectors. Exit 0 "
                "once explained (also for a subject with no record by then), 2 on bad input."),
            args, 1, 1))
        return *stop;
    if (!parser.isSet(QStringLiteral("subject")))
        return badInput(core::ec::CliMissingOption,
                        QStringLiteral("--subject is required; see --help"));
    QDateTime at;
    if (parser.isSet(QStringLiteral("at"))) {
        const auto parsed = parseInstant(parser.value(QStringLiteral("at")));
        if (!parsed)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("at"))));
        at = *parsed;
    }
    catchInterrupt();
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    auto policyJson = rules.load(core::RuleKind::Policies);
    if (!policyJson)
        return badInput(policyJson.error());
    QList<core::Policy> policies;
    if (!policyJson->isEmpty()) {
        auto parsed = core::Policy::listFromJson(*policyJson);
        if (!parsed)
            return badInput(parsed.error());
        policies = *parsed;
    }
    auto entries = rules.entries();
    if (!entries)
        return badInput(entries.error());
    auto replay = core::TimelineReplay::fromWorkspace(**ws, core::TimelineReplay::Options());
    if (!replay) {
        if (replay.error().code == QString(core::ec::ReplayNoTrustDomain))
            return badInput(core::ec::CliNoTrustDomain,
                            QStringLiteral("replaying evidence needs a trust domain"));
        return badInput(replay.error());
    }
    replay->setCancelled([] { return interrupted(); });
    const auto stored = keepResults(parser, *replay, **ws);
    auto explainer = core::DecisionExplainer::run(*replay, policies, *entries, at);
    if (!explainer) {
        if (interrupted())
            return interruptedExit();
        return badInput(explainer.error());
    }
    tellWhereResultsCameFrom(*replay, stored);
    const core::SubjectExplanation e = explainer->explain(parser.value(QStringLiteral("subject")));
    if (parser.isSet(QStringLiteral("json")))
        printJson(e.toJson());
    else
        print(text(e));
    return Success;
}

} // namespace ta::cli
