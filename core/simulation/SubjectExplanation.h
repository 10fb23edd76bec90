// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/Decision.h"
#include "core/policy/PolicySubject.h"
#include "core/simulation/SubjectHistoryEntry.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace ta::core {

/// Why a subject holds, or lacks, identities at one instant: its last attestation result by
/// then, where the credential lifecycle left it (attested or not, the identities it holds, the
/// last change), and every rule's verdict on that result with the engine's explanations.
struct SubjectExplanation
{
    QString subject;
    /// The instant asked about.
    QDateTime at;
    /// Whether any record of the subject came at or before the instant.
    bool seen = false;
    /// The last result by then, as the rules saw it (a workload's with its node's selectors).
    PolicySubject decided;
    /// Its refusal codes, when it was refused.
    QStringList reasons;
    /// A workload's node subject (found by agent ID); empty for a node or when unknown.
    QString node;
    /// The lifecycle at the instant: attested, and the SPIFFE IDs of its live credentials.
    bool attested = false;
    QStringList held;
    /// The last change of its attestation at or before the instant.
    std::optional<SubjectHistoryEntry> lastChange;
    /// Every policy's and registration entry's verdict, with the failing clauses.
    Decision decision;

    /// {"subject", "at", "seen", "attested", "held", "node", "last_change": {"kind", "at",
    ///  "reasons"}, "evidence": <the subject as decided>, "reasons", "decision": Decision's}
    QJsonObject toJson() const;
};

} // namespace ta::core
