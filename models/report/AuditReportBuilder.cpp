// SPDX-License-Identifier: Apache-2.0
#include "models/report/AuditReportBuilder.h"

#include "core/federation/BundleEndpointProfile.h"
#include "core/federation/FederationStore.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphErrors.h"
#include "core/graph/GraphExport.h"
#include "core/simulation/ReplayResultCache.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/SimulationRunStore.h"
#include "core/simulation/WhatIf.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace ta::models {
namespace {

// Per subject: what the run's log did to it, and what it still held where the run ended.
QList<AuditSubjectOutcome> outcomesOf(const core::SimulationRun &run)
{
    QMap<QString, AuditSubjectOutcome> bySubject;
    QMap<QString, QSet<QString>> identities;
    for (const QString &s : run.subjects())
        bySubject[s].subject = s;
    for (const core::SimulationEvent &e : run.events()) {
        AuditSubjectOutcome &o = bySubject[e.subject];
        o.subject = e.subject;
        switch (e.kind) {
        case core::SimulationEvent::Kind::Issued:
            ++o.issued;
            identities[e.subject].insert(e.spiffeId);
            break;
        case core::SimulationEvent::Kind::Renewed:
            ++o.renewed;
            break;
        case core::SimulationEvent::Kind::Revoked:
            ++o.revoked;
            break;
        case core::SimulationEvent::Kind::Denied:
            ++o.denied;
            break;
        case core::SimulationEvent::Kind::Expired:
            break;
        }
    }
    const core::SimulationState end = run.stateAt(run.end());
    QMap<QString, QSet<QString>> live;
    for (const core::LiveCredential &c : end.live)
        live[c.subject].insert(c.spiffeId);
    QList<AuditSubjectOutcome> out;
    for (auto it = bySubject.begin(); it != bySubject.end(); ++it) {
        AuditSubjectOutcome o = it.value();
        o.identities =
            QStringList(identities.value(o.subject).cbegin(), identities.value(o.subject).cend());
        o.identities.sort();
        o.liveAtEnd = QStringList(live.value(o.subject).cbegin(), live.value(o.subject).cend());
        o.liveAtEnd.sort();
        out.append(o);
    }
    return out;
}

core::Result<QList<core::Policy>> latestPolicies(core::RuleStore &rules)
{
    auto content = rules.load(core::RuleKind::Policies);
    if (!content)
        return content.error();
    if (content->isEmpty())
        return QList<core::Policy>();
    return core::Policy::listFromJson(*content);
}

} // namespace

core::Result<AuditReportBuilder> AuditReportBuilder::prepare(core::Workspace &workspace,
                                                             const AuditReportOptions &options)
{
    AuditReportBuilder b;
    AuditReport &r = b.m_report;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    r.workspaceName = QFileInfo(workspace.path()).fileName();
    r.generatedAt = options.generatedAt.isValid() ? options.generatedAt.toUTC() : now;
    r.at = options.at.isValid() ? options.at.toUTC() : now;
    r.toolVersion =
        options.toolVersion.isEmpty() ? QStringLiteral(TA_PROJECT_VERSION) : options.toolVersion;
    b.m_settings.freshness = options.freshness;

    // Both replays read the records and the results from one place, so that every signature
    // is verified once, and not here but in build().
    core::EstateLoader::ReplaySetup setup = options.replaySetup;
    if (!setup && !workspace.trustDomainNames().isEmpty()) {
        auto read = core::AttestationStore(workspace.database()).readEvidence();
        if (!read)
            return read.error();
        setup = [evidence = std::move(*read), cache = std::make_shared<core::ReplayResultCache>(),
                 stored = options.keptResults,
                 work = options.keptWork](core::TimelineReplay &replay) {
            replay.setRecords(evidence.records, evidence.rowsDigest);
            replay.setResultCache(cache);
            if (stored)
                replay.setStoredResults(stored, work);
            return core::Result<void>();
        };
    }
    core::EstateLoadOptions load;
    load.freshness = options.freshness;
    auto estate = core::EstateLoader::prepare(workspace, load, setup);
    if (!estate)
        return estate.error();
    b.m_estate = std::move(*estate);
    r.trustDomains = b.m_estate.estate.trustDomains;

    core::FederationStore federation(workspace);
    auto relationships = federation.relationships();
    if (!relationships)
        return relationships.error();
    for (const core::FederationRelationship &rel : std::as_const(*relationships)) {
        AuditFederationRow row;
        row.localTrustDomain = rel.localTrustDomain.name();
        row.peerTrustDomain = rel.peerTrustDomain.name();
        row.profile = core::bundleEndpointProfileName(rel.profile);
        row.endpoint = rel.bundleEndpointUrl.toString();
        row.lastFetchedAt = rel.lastFetchedAt;
        auto held = federation.latestBundle(rel.id);
        if (!held)
            return held.error();
        if (*held)
            row.heldSequence = qint64((*held)->sequence);
        r.federation.append(row);
    }

    core::RuleStore rules(workspace.database());
    auto policies = latestPolicies(rules);
    if (!policies)
        return policies.error();
    r.policies = *policies;
    auto policyVersions = rules.versions(core::RuleKind::Policies);
    if (!policyVersions)
        return policyVersions.error();
    r.policyVersions = *policyVersions;
    auto entries = rules.entries();
    if (!entries)
        return entries.error();
    r.entries = *entries;
    auto entryVersions = rules.versions(core::RuleKind::Entries);
    if (!entryVersions)
        return entryVersions.error();
    r.entryVersions = *entryVersions;

    // The graph's statuses as `graph analyze` reads them at the same instant.
    core::SimulationRunStore runs(workspace.database());
    auto saved = runs.newestValid(r.at);
    if (!saved)
        return saved.error();
    if (*saved) {
        auto state = runs.stateAt((*saved)->id, r.at);
        if (!state)
            return state.error();
        core::GraphStateInput input;
        input.at = state->at;
        input.attested = state->attested;
        for (const core::LiveCredential &c : state->live)
            input.live.append({c.credential, c.subject, c.spiffeId, c.notAfter, {}, {}});
        b.m_state = std::move(input);
        r.savedRunName = (*saved)->name;
    }

    // The simulation's inputs, read into memory so that build() never touches the database.
    if (!workspace.trustDomainNames().isEmpty()) {
        // Set up as the graph's (EstateLoader): a node vouches for as long as an attestation
        // holds, so both replays read the same results.
        core::TimelineReplay::Options replayOptions;
        replayOptions.nodeAttestationTtl = options.freshness;
        auto replay = core::TimelineReplay::fromWorkspace(workspace, replayOptions);
        if (!replay)
            return replay.error();
        if (auto set = setup(*replay); !set)
            return set.error();
        auto count = core::AttestationStore(workspace.database()).evidenceCount();
        if (!count)
            return count.error();
        r.records = *count;
        b.m_replay = std::move(*replay);
        auto set = r.policies.isEmpty() && !r.entries.isEmpty()
                       ? core::RuleSet::fromEntries(r.entries)
                       : core::RuleSet::fromPolicies(r.policies);
        if (!set)
            return set.error();
        b.m_rules = std::move(*set);
        if (options.whatIfPolicies) {
            auto candidate = core::RuleSet::fromPolicies(*options.whatIfPolicies);
            if (!candidate)
                return candidate.error();
            b.m_candidate = std::move(*candidate);
            r.whatIfLabel = options.whatIfLabel;
        }
    }
    if (!options.whatIfPolicies && options.whatIf) {
        r.whatIf = options.whatIf;
        r.whatIfLabel = options.whatIfLabel;
    }
    return b;
}

core::Result<AuditReport> AuditReportBuilder::build(const Cancelled &cancelled,
                                                    const StepStarted &stepStarted) const
{
    if (stepStarted)
        stepStarted(Step::Replaying);
    AuditReport r = m_report;
    if (m_replay && m_rules) {
        core::TimelineReplay replay = *m_replay;
        if (cancelled)
            replay.setCancelled(cancelled);
        std::optional<core::SimulationRun> run;
        if (m_candidate) {
            auto runs = core::WhatIf::runRules(replay, *m_rules, *m_candidate, m_settings);
            if (!runs)
                return runs.error();
            r.whatIf = core::WhatIf::compare(runs->base, runs->candidate);
            run = std::move(runs->base);
        } else {
            auto one = replay.simulate(*m_rules, m_settings);
            if (!one)
                return one.error();
            run = std::move(*one);
        }
        r.simulated = true;
        r.summary = run->summary();
        r.outcomes = outcomesOf(*run);
    }
    if (cancelled && cancelled())
        return core::makeError(core::ec::ReplayCancelled);
    // The graph's replay, after the simulation's: its results come from the same place.
    core::EstateLoadOptions load;
    load.freshness = m_settings.freshness;
    if (cancelled)
        load.progress = [&cancelled](qint64) { return !cancelled(); };
    auto estate = core::EstateLoader::complete(m_estate, load);
    if (!estate && estate.error().code == core::ec::EstateCancelled)
        return core::makeError(core::ec::ReplayCancelled);
    if (!estate)
        return estate.error();

    core::GraphBuildOptions options;
    options.at = r.at;
    const core::TopologyGraph graph =
        core::GraphBuilder::build(*estate, options, m_state ? &*m_state : nullptr);
    r.findings = core::GraphAnalysis::findings(graph);
    if (cancelled && cancelled())
        return core::makeError(core::ec::ReplayCancelled);
    if (!graph.nodes().isEmpty()) {
        if (stepStarted)
            stepStarted(Step::LayingOut);
        core::LayoutOptions layout;
        layout.engine = core::LayoutEngine::Sfdp;
        // A large estate's layout takes seconds: a cancel is taken between its stages.
        if (cancelled)
            layout.progress = [&cancelled](int) { return !cancelled(); };
        auto png = core::GraphExport::write(graph, core::ExportFormat::Png, layout);
        if (!png && png.error().code == QString(core::ec::LayoutCancelled))
            return core::makeError(core::ec::ReplayCancelled);
        if (png)
            r.graphPng = *png;
        else
            r.graphError = png.error().code;
    }
    return r;
}

} // namespace ta::models
