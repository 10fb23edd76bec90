// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/graph/Estate.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphStateInput.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/TimelineReplay.h"
#include "models/report/AuditReport.h"

#include <functional>
#include <optional>

namespace ta::core {
class Workspace;
}

namespace ta::models {

/// What AuditReportBuilder reads and how.
struct AuditReportOptions
{
    /// The instant of the graph, its findings and the CA expiries; invalid: now.
    QDateTime at;
    /// Shown in the header; invalid: now.
    QDateTime generatedAt;
    /// Empty: the project's version.
    QString toolVersion;
    /// How long an accepted attestation holds, seconds (the simulation's and the graph's).
    qint64 freshness = 3600;
    /// A candidate policy set to compare with the workspace's latest policies (what-if), run
    /// over the same evidence.
    std::optional<QList<core::Policy>> whatIfPolicies;
    /// A what-if result computed elsewhere (the policy studio's) and its label; used when
    /// whatIfPolicies is not given.
    std::optional<core::WhatIfReport> whatIf;
    QString whatIfLabel;
    /// Sets up both replays the report runs (the graph's and the simulation's), on the
    /// workspace's thread: it must give each its records (the app's document hands over its
    /// records, its result cache and the results kept in the workspace). Without it the records
    /// are read from the workspace once and the two replays share one result cache, so each
    /// signature is verified once.
    core::EstateLoader::ReplaySetup replaySetup;
    /// Without replaySetup: the results kept in the workspace, read and kept through this
    /// (`report` in the CLI); its own connection, as build() may run on any thread.
    std::shared_ptr<core::StoredReplayResults> keptResults;
    /// With keptResults: counts the replays served from them and saved to them.
    std::shared_ptr<core::TimelineReplay::StoredWork> keptWork;
};

/// Gathers the audit report of a workspace in two steps, so that the application keeps its
/// database on the GUI thread and the long work off it: prepare() reads everything from the
/// workspace (on the thread that owns it) and verifies nothing, build() replays the evidence
/// (for the graph and the simulation), builds the graph and its findings and renders the
/// picture, touching no database but the kept results' own connection (on any thread).
///
/// The graph and its findings are those of `graph analyze --findings` at the same instant: the
/// newest current saved simulation run spanning the instant decides the statuses when there is
/// one, else the evidence itself. The decision summary is a simulation of the latest policies
/// (or, with no policy, the registration entries) over the workspace's evidence.
class AuditReportBuilder
{
public:
    [[nodiscard]] static core::Result<AuditReportBuilder>
    prepare(core::Workspace &workspace, const AuditReportOptions &options);

    /// Asked now and then, also between the graph layout's stages (Graphviz's own step cannot
    /// be interrupted); when it answers true, build() stops with replay.cancelled.
    using Cancelled = std::function<bool()>;
    /// The long steps of build(), told as each starts: the replays (the graph's and the
    /// simulation's), then the layout and picture of the graph, when it has nodes.
    enum class Step { Replaying, LayingOut };
    using StepStarted = std::function<void(Step)>;
    [[nodiscard]] core::Result<AuditReport> build(const Cancelled &cancelled = {},
                                                  const StepStarted &stepStarted = {}) const;

private:
    AuditReportBuilder() = default;

    AuditReport m_report;
    core::EstateLoader::Prepared m_estate;
    std::optional<core::GraphStateInput> m_state;
    std::optional<core::TimelineReplay> m_replay;
    std::optional<core::RuleSet> m_rules;
    std::optional<core::RuleSet> m_candidate;
    core::SimulationSettings m_settings;
};

} // namespace ta::models
