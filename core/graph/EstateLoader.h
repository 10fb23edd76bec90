// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/lab/LabTopology.h"
#include "core/graph/Estate.h"
#include "core/policy/Policy.h"
#include "core/policy/RegistrationEntry.h"
#include "core/simulation/TimelineReplay.h"

#include <QHash>

#include <functional>
#include <optional>

namespace ta::core {

class Workspace;
struct AttestationResult;
class PolicyEngine;
class EntryMatcher;

/// What EstateLoader reads and how.
struct EstateLoadOptions
{
    /// The trust domain of agent IDs; empty: TimelineReplay::fromWorkspace's choice (the
    /// design's agent trust domain, else that of the agent SVIDs in the evidence, else the
    /// workspace's first), as the simulation's.
    QString agentTrustDomain;
    /// How long an accepted attestation vouches, seconds.
    qint64 freshness = 3600;
    /// Policy version (0: latest).
    int policyVersion = 0;
    /// Threads checking signatures ahead of the replay (0: every core).
    int threads = 0;
    /// Called with (records done) now and then; returning false cancels (estate.cancelled).
    std::function<bool(qint64)> progress;
};

/// The rules an estate was decided by, as read from the workspace.
struct EstateRuleSource
{
    QList<Policy> policies;
    QList<RegistrationEntry> entries;
    bool operator==(const EstateRuleSource &) const = default;
};

/// What a replay of the evidence reads from the workspace, read beforehand so that the replay
/// can run away from it (on a worker thread).
struct EstateReplayInput
{
    /// The simulation engine's replay of the workspace's timeline (its anchors, the bundles of
    /// every trust domain, agent IDs minted in one of them, the records); none when the
    /// workspace has no trust domain, so nothing can be attested.
    std::optional<TimelineReplay> replay;
};

/// Reads a workspace into an Estate: trust domains and authority slots (no keys are unsealed),
/// anchors, the latest policies and registration entries, credentials, federation from the
/// rules' federates-with lists, and the stored evidence replayed through the simulation engine's
/// TimelineReplay (so the graph attests the timeline as `simulate` and the app's time bar do,
/// and reads the attestation results they keep), each accepted result decided by the rules so
/// that subjects carry the identities they were given; then the workspace's design
/// (TopologyLab::saveDesign), whose subjects without evidence are planned.
class EstateLoader
{
public:
    /// Called with the replay before it runs: it may hand it the records (the app's document
    /// reads them once for all its views), a result cache, the results kept in the workspace.
    using ReplaySetup = std::function<Result<void>(TimelineReplay &)>;

    /// The replay streams the workspace's records unless @p setup gives it others.
    [[nodiscard]] static Result<Estate> load(Workspace &workspace,
                                             const EstateLoadOptions &options = {},
                                             const ReplaySetup &setup = {});

    /// Everything load() reads from the workspace, read beforehand so that the rest (the
    /// replay, the design added) runs away from it, on any thread: prepare() on the
    /// workspace's thread, then complete() anywhere. The result equals load()'s.
    struct Prepared
    {
        Estate estate;
        EstateRuleSource rules;
        EstateReplayInput input;
        std::optional<LabTopology> design;
    };
    /// The records come from @p setup when given (it must give the replay its records), else
    /// from the workspace.
    [[nodiscard]] static Result<Prepared> prepare(Workspace &workspace,
                                                  const EstateLoadOptions &options = {},
                                                  const ReplaySetup &setup = {});
    [[nodiscard]] static Result<Estate> complete(Prepared prepared,
                                                 const EstateLoadOptions &options);

    // The parts of load(), in its order, for a loader that reads again only what changed
    // (IncrementalEstateLoader). Each replaces its part of @p estate.

    /// All of load() before the replay: trust domains, anchors, rules, federation, credentials.
    /// Returns what the rules were read from, which the replay decides by.
    [[nodiscard]] static Result<EstateRuleSource>
    readAllButEvidence(Workspace &workspace, Estate &estate, const EstateLoadOptions &options);
    /// The stored evidence replayed, decided by @p rules: the subjects, their grants, revoked
    /// anchors and the agent trust domain. Needs the trust domains and anchors read first.
    [[nodiscard]] static Result<void> replayEvidence(Workspace &workspace, Estate &estate,
                                                     const EstateRuleSource &rules,
                                                     const EstateLoadOptions &options,
                                                     const ReplaySetup &setup = {});
    /// What replayEvidence reads from @p workspace, for the replay below: the replay's set-up
    /// and the records, given them by @p setup when there is one, else read from the workspace
    /// here.
    [[nodiscard]] static Result<EstateReplayInput> readReplayInput(Workspace &workspace,
                                                                   const EstateLoadOptions &options,
                                                                   const ReplaySetup &setup = {});
    /// replayEvidence over @p input instead of the workspace: it touches no workspace, so it
    /// may run on any thread. The result is the same.
    [[nodiscard]] static Result<void> replayEvidence(const EstateReplayInput &input, Estate &estate,
                                                     const EstateRuleSource &rules,
                                                     const EstateLoadOptions &options);
    /// The workspace's design added (addDesign), when it holds one and the estate has an agent
    /// trust domain.
    static void applyDesign(Workspace &workspace, Estate &estate);

    /// Marks the subjects @p design names as planned and adds those no evidence showed, with
    /// no history (GraphBuilder draws them as planned). load() does this with the workspace's
    /// design, when it holds one.
    static void addDesign(Estate &estate, const LabTopology &design);

    /// Adds federation links from the rules' federates-with lists (deduplicated).
    static void deriveFederation(Estate &estate);

    /// A loader folding results into @p estate, deciding with @p engine and @p matcher (either
    /// may be null), so that a replay driven elsewhere can fill an estate as load() does.
    EstateLoader(Estate &estate, const PolicyEngine *engine, const EntryMatcher *matcher)
        : m_estate(estate), m_engine(engine), m_matcher(matcher)
    {}
    /// Folds one attestation result (in time order) into the estate.
    void addResult(const AttestationResult &result);

private:
    /// Trust domains and their authority slots.
    [[nodiscard]] static Result<void> readTrustDomains(Workspace &workspace, Estate &estate);
    [[nodiscard]] static Result<void> readAnchors(Workspace &workspace, Estate &estate);
    /// estate.rules, from the policies of @p policyVersion (0: the latest) and the entries;
    /// returns what they were read from, which the replay decides by.
    [[nodiscard]] static Result<EstateRuleSource> readRules(Workspace &workspace, Estate &estate,
                                                            int policyVersion);
    /// Federation: from the rules' federates-with lists, then the stored relationships.
    [[nodiscard]] static Result<void> readFederation(Workspace &workspace, Estate &estate);
    [[nodiscard]] static Result<void> readCredentials(Workspace &workspace, Estate &estate);
    /// The replay of @p workspace's timeline as @p options ask, set up by @p setup when given;
    /// none without a trust domain.
    [[nodiscard]] static Result<std::optional<TimelineReplay>>
    makeReplay(Workspace &workspace, const EstateLoadOptions &options, const ReplaySetup &setup);
    int internGrants(QList<EstateGrant> grants);

    Estate &m_estate;
    const PolicyEngine *m_engine;
    const EntryMatcher *m_matcher;
    QHash<QString, int> m_subjectIndex;
    QHash<QString, int> m_grantIndex;
    QHash<QString, QStringList> m_nodeSelectorsByAgent;
};

} // namespace ta::core
