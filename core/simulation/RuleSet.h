// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/EntryMatcher.h"
#include "core/policy/Policy.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/RegistrationEntry.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ta::core {

class PolicySubject;

/// The one rule set a simulation decides with: a policy set, or SPIRE registration entries.
/// Copies share the compiled engine.
class RuleSet
{
public:
    /// An identity the rules give.
    struct Grant
    {
        QString spiffeId;
        /// The policy name, or the entry ID.
        QString rule;
        qint32 x509SvidTtl = 0;
    };
    /// A grant a deny overrode.
    struct Denial
    {
        QString spiffeId;
        QString rule;
    };
    struct Outcome
    {
        /// Ordered by SPIFFE ID, one per ID.
        QList<Grant> grants;
        QList<Denial> denials;
    };

    /// Compiles @p policies (errors as PolicyEngine::compile).
    [[nodiscard]] static Result<RuleSet> fromPolicies(const QList<Policy> &policies);
    [[nodiscard]] static Result<RuleSet> fromEntries(const QList<RegistrationEntry> &entries);

    /// What @p subject gets; entries' expiry is judged at the subject's time.
    Outcome decide(const PolicySubject &subject) const;
    /// Why @p rule no longer gives @p spiffeId to @p subject: the failing clause of the policy,
    /// or the entry's outcome and missing selectors; empty when unknown.
    QString whyNot(const PolicySubject &subject, const QString &rule) const;

    bool usesEntries() const { return m_matcher.has_value(); }
    /// Whether a subject's decision may change with the instant alone: a condition reads
    /// `time`, or an entry has an expires_at. When not, a decision holds until the subject's
    /// next record.
    bool decidesOverTime() const;

private:
    RuleSet() = default;

    std::shared_ptr<const PolicyEngine> m_engine;
    std::optional<EntryMatcher> m_matcher;
    QList<RegistrationEntry> m_entries;
};

} // namespace ta::core
