// SPDX-License-Identifier: Apache-2.0
#include "core/policy/PolicyDiff.h"

#include "core/policy/PolicyEngine.h"
#include "core/policy/PolicySubject.h"

#include <QJsonArray>

namespace ta::core {
namespace {

QStringList errorPolicies(const PolicyDecision &d)
{
    QStringList out;
    for (int i : d.errors)
        out << d.verdicts.value(i).policy;
    return out;
}

} // namespace

SubjectDiff PolicyDiff::compare(const PolicySubject &subject) const
{
    return compare(subject.subject(), m_before.decide(subject), m_after.decide(subject));
}

SubjectDiff PolicyDiff::compare(const QString &subject, const PolicyDecision &before,
                                const PolicyDecision &after)
{
    SubjectDiff diff;
    diff.subject = subject;
    for (const PolicyIdentity &b : before.identities) {
        const PolicyIdentity *a = after.identity(b.spiffeId);
        if (!a) {
            diff.lost << b;
            continue;
        }
        IdentityChange change{b, *a, {}};
        if (b.x509SvidTtl != a->x509SvidTtl)
            change.fields << QStringLiteral("x509_svid_ttl");
        if (b.jwtSvidTtl != a->jwtSvidTtl)
            change.fields << QStringLiteral("jwt_svid_ttl");
        if (b.dnsNames != a->dnsNames)
            change.fields << QStringLiteral("dns_names");
        if (b.federatesWith != a->federatesWith)
            change.fields << QStringLiteral("federates_with");
        if (b.policies != a->policies)
            change.fields << QStringLiteral("policies");
        if (!change.fields.isEmpty())
            diff.changed << change;
    }
    for (const PolicyIdentity &a : after.identities) {
        if (!before.identity(a.spiffeId))
            diff.gained << a;
    }
    diff.errorsBefore = errorPolicies(before);
    diff.errorsAfter = errorPolicies(after);
    return diff;
}

QJsonObject SubjectDiff::toJson() const
{
    QJsonArray g;
    for (const PolicyIdentity &i : gained)
        g.append(i.toJson());
    QJsonArray l;
    for (const PolicyIdentity &i : lost)
        l.append(i.toJson());
    QJsonArray c;
    for (const IdentityChange &ch : changed)
        c.append(QJsonObject{{QStringLiteral("spiffe_id"), ch.after.spiffeId},
                             {QStringLiteral("fields"), QJsonArray::fromStringList(ch.fields)},
                             {QStringLiteral("before"), ch.before.toJson()},
                             {QStringLiteral("after"), ch.after.toJson()}});
    return {{QStringLiteral("subject"), subject},
            {QStringLiteral("gained"), g},
            {QStringLiteral("lost"), l},
            {QStringLiteral("changed"), c},
            {QStringLiteral("errors_before"), QJsonArray::fromStringList(errorsBefore)},
            {QStringLiteral("errors_after"), QJsonArray::fromStringList(errorsAfter)}};
}

} // namespace ta::core
