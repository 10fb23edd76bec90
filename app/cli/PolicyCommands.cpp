// SPDX-License-Identifier: Apache-2.0
// Verbs over the workspace's policies: policy import/export/versions, decide, diff.
#include "app/cli/PolicyCommands.h"
#include "core/FrontEndErrors.h"
#include "core/policy/PolicyErrors.h"
#include "core/simulation/SimulationErrors.h"

#include "app/cli/CliSupport.h"
#include "core/JsonInput.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/policy/Decision.h"
#include "core/policy/PolicyDiff.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/PolicySubject.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::cli {
namespace {

const char *const kSubjectHelp =
    "SUBJECT is one attestation result as JSON, e.g. a line of 'evidence verify --json':\n"
    "  {\"subject\": \"workload/pay-api\", \"attestor\": \"k8s\", \"verdict\": \"affirming\",\n"
    "   \"time\": \"2026-04-07T10:00:00Z\", \"selectors\": [\"k8s:ns:payments\"],\n"
    "   \"claims\": {\"workload\": {\"k8s\": {\"ns\": \"payments\"}}},\n"
    "   \"agent_id\": \"spiffe://prod.example/spire/agent/k8s_psat/prod/n1\",\n"
    "   \"node_selectors\": [\"k8s_psat:cluster:prod\"]}\n"
    "subject and verdict are required. Policies see subject, attestor, verdict, agent_id,\n"
    "selectors, time, claims and the claims node, workload, image, tpm, signal as variables.\n"
    "agent_id (default claims.workload.agent_id) and node_selectors place a workload under its\n"
    "agent for registration entries; without workload claims the subject is a node.";

std::optional<int> versionOption(const QCommandLineParser &parser, int &version)
{
    version = 0;
    if (!parser.isSet(QStringLiteral("version")))
        return std::nullopt;
    bool ok = false;
    version = parser.value(QStringLiteral("version")).toInt(&ok);
    if (!ok || version <= 0)
        return badInput(core::ec::CliBadVersion,
                        QStringLiteral("--version takes a positive number"));
    return std::nullopt;
}

core::Result<QList<core::Policy>> storedPolicies(core::RuleStore &rules, int version)
{
    auto content = rules.load(core::RuleKind::Policies, version);
    if (!content)
        return content.error();
    if (content->isEmpty())
        return QList<core::Policy>();
    return core::Policy::listFromJson(*content);
}

// A policy set named on the command line: a file, or "version:N" of the workspace.
core::Result<QList<core::Policy>> policiesFrom(const QString &spec, core::RuleStore &rules)
{
    if (spec.startsWith(QLatin1String("version:"))) {
        bool ok = false;
        const int version = spec.mid(8).toInt(&ok);
        if (!ok || version <= 0)
            return core::makeError(core::ec::CliBadVersion, spec);
        return storedPolicies(rules, version);
    }
    auto data = readJsonFile(spec);
    if (!data)
        return data.error();
    auto policies = core::Policy::listFromJson(*data);
    if (!policies)
        return core::makeError(policies.error().code,
                               spec + QStringLiteral(": ") + policies.error().detail);
    return policies;
}

core::Result<core::PolicySubject> subjectFrom(const QByteArray &json, const QString &where)
{
    auto doc = core::JsonInput::parse(json);
    if (!doc || !doc->isObject())
        return core::makeError(
            core::ec::SubjectJson,
            where + QStringLiteral(": not a JSON object") +
                (doc ? QString() : QStringLiteral(" (%1)").arg(doc.error().toString())));
    auto s = core::PolicySubject::fromJson(doc->object());
    if (!s)
        return core::makeError(s.error().code, where + QStringLiteral(": ") + s.error().detail);
    return s;
}

// The workspace's evidence replayed through the attestors, as `evidence verify` does (trust
// domain of agent IDs: the first), keeping each subject's last result: what it holds at the
// end of the timeline.
core::Result<QList<core::PolicySubject>> replayedSubjects(core::Workspace &ws)
{
    core::TimelineReplay::Options options;
    options.loadConsumed = true;
    auto replay = core::TimelineReplay::fromWorkspace(ws, options);
    if (!replay) {
        if (replay.error().code == QString(core::ec::ReplayNoTrustDomain))
            return core::makeError(
                core::ec::CliNoTrustDomain,
                QStringLiteral("replaying evidence needs a trust domain; or give --subjects"));
        return replay.error();
    }
    QList<core::PolicySubject> subjects;
    QHash<QString, qsizetype> index;
    auto n = replay->replay([&](const core::AttestationResult &result) {
        auto it = index.find(result.subject);
        if (it == index.end()) {
            index.insert(result.subject, subjects.size());
            subjects << core::PolicySubject::fromAttestationResult(result);
        } else {
            subjects[*it] = core::PolicySubject::fromAttestationResult(result);
        }
    });
    if (!n)
        return n.error();
    return subjects;
}

} // namespace

int policyImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addPositionalArgument(QStringLiteral("POLICIES"),
                                 QStringLiteral("A policy set: {\"policies\": [...]}."));
    parser.addOption({QStringLiteral("comment"), QStringLiteral("Note kept with the new version."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    addPassphraseOption(parser);
    if (auto stop =
            parseArgs(parser,
                      QStringLiteral("Save a policy set as the next version of the workspace's "
                                     "policies; earlier versions stay. The set is validated "
                                     "first (conditions parsed and type-checked)."),
                      args, 2, 2))
        return *stop;
    const QString path = parser.positionalArguments().at(1);
    auto data = readJsonFile(path);
    if (!data)
        return badInput(data.error());
    auto policies = core::Policy::listFromJson(*data);
    if (!policies)
        return badInput(policies.error());
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    const QString comment = parser.isSet(QStringLiteral("comment"))
                                ? parser.value(QStringLiteral("comment"))
                                : QStringLiteral("import %1").arg(path);
    auto version = rules.save(core::RuleKind::Policies, core::Policy::listToJson(*policies),
                              comment, QDateTime::currentDateTimeUtc());
    if (!version)
        return badInput(version.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("version"), *version},
                   {QStringLiteral("policies"), int(policies->size())}});
    else
        print(QStringLiteral("Policies version %1: %2 policies\n")
                  .arg(*version)
                  .arg(policies->size()));
    return Success;
}

int policyExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("version"),
                      QStringLiteral("Export this version (default latest)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
                      QStringLiteral("FILE")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser, QStringLiteral("Export the workspace's policy set as {\"policies\": [...]}."),
            args, 1, 1))
        return *stop;
    int version = 0;
    if (auto stop = versionOption(parser, version))
        return *stop;
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    auto policies = storedPolicies(rules, version);
    if (!policies)
        return badInput(policies.error());
    const QByteArray json = core::Policy::listToJson(*policies);
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto w = writeFile(parser.value(QStringLiteral("out")), json, false); !w)
            return badInput(w.error());
    } else {
        print(QString::fromUtf8(json));
    }
    return Success;
}

int policyVersions(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the versions as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser, QStringLiteral("List the saved versions of the workspace's policies."), args, 1,
            1))
        return *stop;
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    auto versions = rules.versions(core::RuleKind::Policies);
    if (!versions)
        return badInput(versions.error());
    QJsonArray list;
    QString text;
    for (const core::RuleVersion &v : *versions) {
        const QString at = v.savedAt.toUTC().toString(Qt::ISODate);
        list.append(QJsonObject{{QStringLiteral("version"), v.version},
                                {QStringLiteral("saved_at"), at},
                                {QStringLiteral("comment"), v.comment}});
        text += QStringLiteral("%1\t%2\t%3\n").arg(v.version).arg(at, v.comment);
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("versions"), list}});
    else
        print(text);
    return Success;
}

int decide(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace (policies, entries)."));
    parser.addOption({QStringLiteral("subject"),
                      QStringLiteral("The attestation result to decide for."),
                      QStringLiteral("SUBJECT.json")});
    parser.addOption({QStringLiteral("version"),
                      QStringLiteral("Use this version of the policies (default latest)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("policies"),
                      QStringLiteral("Use this policy set instead of the workspace's."),
                      QStringLiteral("POLICIES.json")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the decision as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral("Decide which identities a subject gets, from the workspace's "
                           "policies and SPIRE registration entries, and why: a verdict for "
                           "every rule, and for each condition that did not hold the clause "
                           "that failed and the values it saw. Exit 0 once decided.\n\n") +
                QLatin1String(kSubjectHelp),
            args, 1, 1))
        return *stop;
    if (!parser.isSet(QStringLiteral("subject")))
        return badInput(core::ec::CliMissingOption,
                        QStringLiteral("--subject is required; see --help"));
    int version = 0;
    if (auto stop = versionOption(parser, version))
        return *stop;
    const QString subjectPath = parser.value(QStringLiteral("subject"));
    auto subjectData = readFile(subjectPath);
    if (!subjectData)
        return badInput(subjectData.error());
    auto subject = subjectFrom(*subjectData, subjectPath);
    if (!subject)
        return badInput(subject.error());
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    auto policies = parser.isSet(QStringLiteral("policies"))
                        ? policiesFrom(parser.value(QStringLiteral("policies")), rules)
                        : storedPolicies(rules, version);
    if (!policies)
        return badInput(policies.error());
    auto engine = core::PolicyEngine::compile(*policies);
    if (!engine)
        return badInput(engine.error());
    auto entries = rules.entries();
    if (!entries)
        return badInput(entries.error());
    const core::EntryMatcher matcher(*entries);
    const core::Decision d =
        core::Decision::make(*engine, &matcher, *subject, core::PolicyEngine::Detail::Explain,
                             QDateTime::currentSecsSinceEpoch());
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(d.toJson());
        return Success;
    }
    QString text = QStringLiteral("Subject %1\nPolicy identities:\n").arg(d.subject);
    for (const core::PolicyIdentity &i : d.policies.identities)
        text += QStringLiteral("  %1 (from %2)\n")
                    .arg(i.spiffeId, i.policies.join(QStringLiteral(", ")));
    text += QStringLiteral("Policies:\n");
    for (const core::PolicyVerdict &v : d.policies.verdicts)
        text += policyVerdictText(v);
    if (d.entries) {
        text += QStringLiteral("Entry identities:\n");
        for (const core::RegistrationEntry &e : d.entries->granted)
            text += QStringLiteral("  %1 (entry %2)\n").arg(e.spiffeId, e.id);
        for (const core::EntryVerdict &v : d.entries->verdicts) {
            QStringList missing;
            for (const core::Selector &s : v.missing)
                missing << s.toString();
            text += QStringLiteral("  entry %1 %2: %3%4\n")
                        .arg(v.entryId, v.spiffeId, core::entryOutcomeName(v.outcome),
                             missing.isEmpty() ? QString()
                                               : QStringLiteral(" (missing %1)")
                                                     .arg(missing.join(QStringLiteral(", "))));
        }
    } else if (!d.entriesSkipped.isEmpty()) {
        text += QStringLiteral("Entries not matched: %1\n").arg(d.entriesSkipped);
    }
    print(text);
    return Success;
}

int policyDiff(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {QStringLiteral("policies"),
         QStringLiteral("A policy set: a file, or version:N of the workspace. Give it twice: "
                        "before, then after."),
         QStringLiteral("POLICIES")});
    parser.addOption(
        {QStringLiteral("subjects"),
         QStringLiteral("Attestation results to compare over, one JSON object a line (the output "
                        "of 'evidence verify --json' will do). Default: the workspace's evidence, "
                        "replayed through the attestors, each subject's last result."),
         QStringLiteral("SUBJECTS.jsonl")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("One JSON object per subject, a line each.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral("Compare two policy sets over the same subjects: for each, the "
                           "identities gained, lost and changed (TTLs, DNS names, "
                           "federates-with, granting policies), and the policies whose "
                           "template is an error for it. Exit 0 once compared.\n\n") +
                QLatin1String(kSubjectHelp),
            args, 1, 1))
        return *stop;
    const QStringList specs = parser.values(QStringLiteral("policies"));
    if (specs.size() != 2)
        return badInput(core::ec::CliMissingOption,
                        QStringLiteral("give --policies twice: before, then after"));
    QList<core::PolicySubject> subjects;
    if (parser.isSet(QStringLiteral("subjects"))) {
        const QString subjectsPath = parser.value(QStringLiteral("subjects"));
        auto subjectsData = readFile(subjectsPath);
        if (!subjectsData)
            return badInput(subjectsData.error());
        const QList<QByteArray> lines = subjectsData->split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].trimmed().isEmpty())
                continue;
            auto s =
                subjectFrom(lines[i], QStringLiteral("%1 line %2").arg(subjectsPath).arg(i + 1));
            if (!s)
                return badInput(s.error());
            subjects << *s;
        }
        if (subjects.isEmpty())
            return badInput(core::makeError(core::ec::SubjectEmpty,
                                            subjectsPath + QStringLiteral(": no subjects")));
    }
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    auto before = policiesFrom(specs[0], rules);
    if (!before)
        return badInput(before.error());
    auto after = policiesFrom(specs[1], rules);
    if (!after)
        return badInput(after.error());
    auto engineBefore = core::PolicyEngine::compile(*before);
    if (!engineBefore)
        return badInput(engineBefore.error());
    auto engineAfter = core::PolicyEngine::compile(*after);
    if (!engineAfter)
        return badInput(engineAfter.error());
    // Policies first: a bad set is reported before the replay's work.
    if (!parser.isSet(QStringLiteral("subjects"))) {
        auto replayed = replayedSubjects(**ws);
        if (!replayed)
            return badInput(replayed.error());
        subjects = *replayed;
    }
    const core::PolicyDiff diff(*engineBefore, *engineAfter);
    const bool json = parser.isSet(QStringLiteral("json"));
    int changedSubjects = 0;
    for (const core::PolicySubject &s : subjects) {
        const core::SubjectDiff d = diff.compare(s);
        changedSubjects += !d.isEmpty();
        if (json) {
            print(QString::fromUtf8(QJsonDocument(d.toJson()).toJson(QJsonDocument::Compact)) +
                  QLatin1Char('\n'));
            continue;
        }
        if (d.isEmpty() && d.errorsBefore.isEmpty() && d.errorsAfter.isEmpty())
            continue;
        QString text = QStringLiteral("%1\n").arg(d.subject);
        for (const core::PolicyIdentity &i : d.gained)
            text += QStringLiteral("  + %1\n").arg(i.spiffeId);
        for (const core::PolicyIdentity &i : d.lost)
            text += QStringLiteral("  - %1\n").arg(i.spiffeId);
        for (const core::IdentityChange &c : d.changed)
            text += QStringLiteral("  ~ %1 (%2)\n")
                        .arg(c.after.spiffeId, c.fields.join(QStringLiteral(", ")));
        if (!d.errorsAfter.isEmpty())
            text += QStringLiteral("  ! template errors after: %1\n")
                        .arg(d.errorsAfter.join(QStringLiteral(", ")));
        print(text);
    }
    if (!json)
        print(
            QStringLiteral("%1 of %2 subjects change\n").arg(changedSubjects).arg(subjects.size()));
    return Success;
}

QString policyVerdictText(const core::PolicyVerdict &v)
{
    QString line =
        QStringLiteral("  %1 %2: %3")
            .arg(core::policyEffectName(v.effect), v.policy, core::outcomeName(v.outcome));
    if (!v.spiffeId.isEmpty())
        line += QLatin1Char(' ') + v.spiffeId;
    if (!v.deniedBy.isEmpty())
        line += QStringLiteral(" (denied by %1)").arg(v.deniedBy.join(QStringLiteral(", ")));
    if (!v.reason.isEmpty())
        line += QStringLiteral(" [%1: %2]").arg(v.reason, v.detail);
    if (v.explanation)
        line += QStringLiteral("\n    ") + v.explanation->toText();
    return line + QLatin1Char('\n');
}

} // namespace ta::cli
