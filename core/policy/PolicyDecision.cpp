// SPDX-License-Identifier: Apache-2.0
#include "core/policy/PolicyDecision.h"

#include <QJsonArray>

namespace ta::core {

QJsonObject PolicyIdentity::toJson() const
{
    return {{QStringLiteral("spiffe_id"), spiffeId},
            {QStringLiteral("policies"), QJsonArray::fromStringList(policies)},
            {QStringLiteral("x509_svid_ttl"), x509SvidTtl},
            {QStringLiteral("jwt_svid_ttl"), jwtSvidTtl},
            {QStringLiteral("dns_names"), QJsonArray::fromStringList(dnsNames)},
            {QStringLiteral("federates_with"), QJsonArray::fromStringList(federatesWith)}};
}

QString outcomeName(PolicyVerdict::Outcome outcome)
{
    using O = PolicyVerdict::Outcome;
    switch (outcome) {
    case O::Granted:
        return QStringLiteral("granted");
    case O::Overridden:
        return QStringLiteral("overridden");
    case O::DenyApplied:
        return QStringLiteral("deny_applied");
    case O::NotMatched:
        return QStringLiteral("not_matched");
    case O::ConditionError:
        return QStringLiteral("condition_error");
    case O::FieldMissing:
        return QStringLiteral("field_missing");
    case O::TemplateInvalid:
        return QStringLiteral("template_invalid");
    }
    return QStringLiteral("not_matched");
}

QJsonObject PolicyVerdict::toJson() const
{
    QJsonObject o{{QStringLiteral("index"), index},
                  {QStringLiteral("policy"), policy},
                  {QStringLiteral("effect"), policyEffectName(effect)},
                  {QStringLiteral("outcome"), outcomeName(outcome)}};
    if (!spiffeId.isEmpty())
        o.insert(deniesTrustDomain ? QStringLiteral("denies_trust_domain")
                                   : QStringLiteral("spiffe_id"),
                 spiffeId);
    if (!deniedBy.isEmpty())
        o.insert(QStringLiteral("denied_by"), QJsonArray::fromStringList(deniedBy));
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"),
                 QJsonObject{{QStringLiteral("code"), reason}, {QStringLiteral("detail"), detail}});
    if (explanation)
        o.insert(QStringLiteral("failed_clause"), explanation->toJson());
    return o;
}

const PolicyIdentity *PolicyDecision::identity(const QString &spiffeId) const
{
    for (const PolicyIdentity &i : identities) {
        if (i.spiffeId == spiffeId)
            return &i;
    }
    return nullptr;
}

QJsonObject PolicyDecision::toJson() const
{
    QJsonArray ids;
    for (const PolicyIdentity &i : identities)
        ids.append(i.toJson());
    QJsonArray vs;
    for (const PolicyVerdict &v : verdicts)
        vs.append(v.toJson());
    QJsonArray errs;
    for (int i : errors)
        errs.append(verdicts.value(i).toJson());
    return {{QStringLiteral("identities"), ids},
            {QStringLiteral("verdicts"), vs},
            {QStringLiteral("errors"), errs}};
}

} // namespace ta::core
