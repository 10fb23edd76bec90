// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ta::core {

/// What a simulation run was computed from, as a fingerprint: a saved run whose inputs no longer
/// match the workspace's is stale.
struct SimulationRunInputs
{
    /// "policies:latest", "policies:v<N>", "entries:latest", "entries:v<N>" (the workspace's
    /// rules) or "file" (a policy file given on the command line).
    QString ruleIdentity;
    /// The rule version the identity resolved to (0 for a file).
    int ruleVersion = 0;
    /// SHA-256 (hex) of the rule document.
    QString ruleSha256;
    /// "workspace" (its evidence records) or "file:<sha256>" (a JSON Lines file).
    QString evidenceSource = QStringLiteral("workspace");
    /// The workspace's evidence: row count and highest row ID (0 for a file).
    qint64 evidenceCount = 0;
    qint64 evidenceLastId = 0;
    /// SHA-256 (hex) over every trust anchor and reference value.
    QString anchorsSha256;
    /// SimulationSettings::freshness, seconds.
    qint64 freshness = 0;
    /// SimulationSettings::until; invalid when the run ended at its last record.
    QDateTime until;

    /// {"rules": {"identity", "version", "sha256"}, "evidence": {"source", "count", "last_id"},
    /// "anchors_sha256", "freshness", "until"}
    QJsonObject toJson() const;
    bool operator==(const SimulationRunInputs &) const = default;
};

} // namespace ta::core
