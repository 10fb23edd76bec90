// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/Estate.h"
#include "core/graph/GraphAnalysis.h"
#include "core/policy/Policy.h"
#include "core/policy/RegistrationEntry.h"
#include "core/simulation/SimulationRun.h"
#include "core/simulation/WhatIfReport.h"
#include "core/store/RuleStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ta::models {

/// One federation relationship as the audit report lists it.
struct AuditFederationRow
{
    QString localTrustDomain;
    QString peerTrustDomain;
    /// "https_web" or "https_spiffe".
    QString profile;
    QString endpoint;
    /// Invalid when the peer's bundle was never fetched.
    QDateTime lastFetchedAt;
    /// The sequence of the held peer bundle; -1 when none is held.
    qint64 heldSequence = -1;
};

/// What one subject got in the simulation the report summarises.
struct AuditSubjectOutcome
{
    QString subject;
    qint64 issued = 0;
    qint64 renewed = 0;
    qint64 revoked = 0;
    qint64 denied = 0;
    /// The SPIFFE IDs it was issued at any time, sorted.
    QStringList identities;
    /// The SPIFFE IDs of its credentials still live where the run ended, sorted.
    QStringList liveAtEnd;
};

/// Everything the audit report shows, as plain data: read from a workspace by
/// AuditReportBuilder, turned into HTML by AuditReportHtml and into PDF by AuditReportPdf.
struct AuditReport
{
    /// The workspace file's name (no folder).
    QString workspaceName;
    QDateTime generatedAt;
    /// The instant the graph, its findings and the CA expiries are judged at.
    QDateTime at;
    QString toolVersion;

    QList<core::EstateTrustDomain> trustDomains;
    QList<AuditFederationRow> federation;
    QList<core::GraphFinding> findings;

    QList<core::Policy> policies;
    QList<core::RuleVersion> policyVersions;
    QList<core::RegistrationEntry> entries;
    QList<core::RuleVersion> entryVersions;

    /// Whether a simulation ran (the workspace has evidence and a trust domain).
    bool simulated = false;
    qint64 records = 0;
    core::SimulationRun::Summary summary;
    QList<AuditSubjectOutcome> outcomes;
    /// The newest saved run that is current, when there is one (its name; empty otherwise).
    QString savedRunName;

    /// The estate graph rendered by Graphviz (PNG); empty when it could not be rendered.
    QByteArray graphPng;
    /// Why there is no picture (an error code), when there is none.
    QString graphError;

    /// A what-if comparison to include, with what it compared.
    std::optional<core::WhatIfReport> whatIf;
    QString whatIfLabel;
};

} // namespace ta::models
