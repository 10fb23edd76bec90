// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/ClauseExplanation.h"
#include "core/policy/Policy.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace ta::core {

/// An identity the policies give a subject, with what comes with it. When several grants give
/// the same ID, TTLs are the smallest non-zero of theirs (the strictest wins) and DNS names and
/// federates-with are the union, in policy order.
struct PolicyIdentity
{
    QString spiffeId;
    /// The grants that give it, in policy order.
    QStringList policies;
    qint32 x509SvidTtl = 0;
    qint32 jwtSvidTtl = 0;
    QStringList dnsNames;
    QStringList federatesWith;

    bool operator==(const PolicyIdentity &) const = default;
    QJsonObject toJson() const;
};

/// What one policy did for the subject.
struct PolicyVerdict
{
    enum class Outcome {
        /// A grant whose condition held: its identity is given.
        Granted,
        /// A grant whose condition held, its identity removed by a deny (deniedBy).
        Overridden,
        /// A deny that applies: its condition held, or could not be evaluated (fail closed).
        DenyApplied,
        /// The condition was false; explanation says which clause.
        NotMatched,
        /// A grant whose condition was an error (no identity); explanation says which clause.
        ConditionError,
        /// A grant whose condition held but whose template read an absent field: no identity.
        FieldMissing,
        /// A grant whose template yields no valid SPIFFE ID for this subject: an error.
        TemplateInvalid,
    };

    int index = 0;
    QString policy;
    PolicyEffect effect = PolicyEffect::Grant;
    Outcome outcome = Outcome::NotMatched;
    /// The identity a grant renders (Granted, Overridden; the bad ID for TemplateInvalid), or
    /// what a deny removes: one ID, or "spiffe://td" with deniesTrustDomain.
    QString spiffeId;
    bool deniesTrustDomain = false;
    /// The denies that removed a grant's identity.
    QStringList deniedBy;
    /// A stable code for anything but Granted/NotMatched/Overridden (policy.condition.error,
    /// policy.template.field_missing, policy.template.invalid_value, policy.template.invalid_id)
    /// and its detail (the CEL error, the field and the value).
    QString reason;
    QString detail;
    /// For NotMatched and ConditionError, when explanations were asked for.
    std::optional<ClauseExplanation> explanation;

    QJsonObject toJson() const;
};

/// "granted", "overridden", "deny_applied", "not_matched", "condition_error", "field_missing",
/// "template_invalid".
QString outcomeName(PolicyVerdict::Outcome outcome);

/// The identities a subject gets from a policy set, and a verdict for every policy.
struct PolicyDecision
{
    /// After deny, ordered by SPIFFE ID.
    QList<PolicyIdentity> identities;
    /// One per policy, in document order.
    QList<PolicyVerdict> verdicts;
    /// Verdicts that are errors in the policy set for this subject (TemplateInvalid), by index.
    QList<int> errors;

    /// The identity @p spiffeId, or nullptr.
    const PolicyIdentity *identity(const QString &spiffeId) const;
    QJsonObject toJson() const;
};

} // namespace ta::core
