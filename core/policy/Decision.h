// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/EntryMatcher.h"
#include "core/policy/PolicyDecision.h"
#include "core/policy/PolicyEngine.h"

#include <QJsonObject>

#include <optional>

namespace ta::core {

class PolicySubject;

/// Everything a subject gets, side by side: the identities of the policies and those of the
/// SPIRE registration entries, each with its reasons.
struct Decision
{
    QString subject;
    PolicyDecision policies;
    /// Absent when no entries were given, or the subject names no agent to match them for.
    std::optional<EntryDecision> entries;
    /// Why entries is absent although entries were given (decision.no_agent_id).
    QString entriesSkipped;

    /// Decides for @p subject. Entries (when @p matcher is given) are matched as SPIRE does: a
    /// workload's (it has workload claims) under its agent_id with its node_selectors, a node's
    /// as node aliases in its agent_id's trust domain. Expiry is judged at the subject's time,
    /// else at @p nowUnix.
    static Decision make(const PolicyEngine &engine, const EntryMatcher *matcher,
                         const PolicySubject &subject, PolicyEngine::Detail detail, qint64 nowUnix);

    /// {"subject", "policies": {identities, verdicts, errors}, "entries": {identities, verdicts}}
    QJsonObject toJson() const;
};

/// "matched", "parent_not_authorized", "expired", "selectors_missing".
QString entryOutcomeName(EntryVerdict::Outcome outcome);

} // namespace ta::core
