// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/PolicyDecision.h"

#include <QJsonObject>
#include <QList>

namespace ta::core {

class PolicyEngine;
class PolicySubject;

/// An identity both policy sets give, with what differs.
struct IdentityChange
{
    PolicyIdentity before;
    PolicyIdentity after;
    /// The fields that differ: x509_svid_ttl, jwt_svid_ttl, dns_names, federates_with, policies.
    QStringList fields;
};

/// What changes for one subject between two policy sets.
struct SubjectDiff
{
    QString subject;
    /// Identities only the second set gives, only the first gives, and both give differently.
    QList<PolicyIdentity> gained;
    QList<PolicyIdentity> lost;
    QList<IdentityChange> changed;
    /// Template errors (policy names) under each set, so a diff never hides a broken policy.
    QStringList errorsBefore;
    QStringList errorsAfter;

    bool isEmpty() const { return gained.isEmpty() && lost.isEmpty() && changed.isEmpty(); }
    /// {"subject", "gained": [identity], "lost": [identity], "changed": [{"spiffe_id",
    /// "fields", "before", "after"}], "errors_before", "errors_after"}
    QJsonObject toJson() const;
};

/// What-if: compares the decisions of two compiled policy sets (two versions, or a saved set
/// and an edit) over the same subjects.
class PolicyDiff
{
public:
    PolicyDiff(const PolicyEngine &before, const PolicyEngine &after)
        : m_before(before), m_after(after)
    {}

    /// Decides @p subject under both sets and compares.
    SubjectDiff compare(const PolicySubject &subject) const;
    /// Compares two decisions already made.
    static SubjectDiff compare(const QString &subject, const PolicyDecision &before,
                               const PolicyDecision &after);

private:
    const PolicyEngine &m_before;
    const PolicyEngine &m_after;
};

} // namespace ta::core
