// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AttestationResult.h"
#include "core/policy/EntryMatcher.h"
#include "core/policy/Policy.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/RegistrationEntry.h"
#include "core/simulation/SimulationRun.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/SubjectExplanation.h"
#include "core/simulation/TimelineReplay.h"

#include <QHash>

#include <memory>
#include <optional>

namespace ta::core {

/// The decision log's engine: one replay of a timeline up to an instant, which keeps each
/// subject's last attestation result and plays the credential lifecycle beside it, and then
/// explains any subject at that instant with the policy engine and the entry matcher (every
/// rule's verdict, the failing clause and the values it read, the missing selectors).
///
/// The lifecycle follows the policies, or the registration entries when there are no policies
/// (a simulation decides with one rule set); the verdicts cover both. Read-only once run: it may
/// be asked from several threads.
class DecisionExplainer
{
public:
    DecisionExplainer(DecisionExplainer &&) noexcept;
    DecisionExplainer &operator=(DecisionExplainer &&) noexcept;
    ~DecisionExplainer();

    /// Replays @p replay (with its progress and cancel hooks) up to @p at (invalid: the end of
    /// the timeline). Errors: the policies' (as PolicyEngine::compile), the replay's
    /// (replay.cancelled when cancelled).
    [[nodiscard]] static Result<DecisionExplainer> run(const TimelineReplay &replay,
                                                       const QList<Policy> &policies,
                                                       const QList<RegistrationEntry> &entries,
                                                       const QDateTime &at,
                                                       const SimulationSettings &settings = {});

    /// The instant explained: the one asked for, else where the timeline ended.
    QDateTime at() const { return m_at; }
    /// Every subject with a record at or before the instant, sorted.
    QStringList subjects() const;
    /// Explains @p subject at the instant; seen is false when it had no record by then.
    SubjectExplanation explain(const QString &subject) const;
    /// The rules explained with.
    const QList<Policy> &policies() const { return m_engine->policies(); }
    const QList<RegistrationEntry> &entries() const { return m_entries; }

private:
    struct Seen
    {
        AttestationResult last;
        /// The node's selectors when the last result came (workloads).
        QStringList nodeSelectors;
        QString node;
    };

    DecisionExplainer() = default;

    std::unique_ptr<PolicyEngine> m_engine;
    std::optional<EntryMatcher> m_matcher;
    QList<RegistrationEntry> m_entries;
    QHash<QString, Seen> m_seen;
    SimulationRun m_run;
    QDateTime m_at;
};

} // namespace ta::core
