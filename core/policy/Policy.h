// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ta::core {

/// What a policy does when its condition holds: grant an identity, or deny; deny overrides.
enum class PolicyEffect { Grant, Deny };

/// "grant" or "deny".
QString policyEffectName(PolicyEffect effect);

/// One policy of a policy set document:
///
///     {"policies": [
///       {"name": "payments-api", "effect": "grant", "trust_domain": "prod.example",
///        "spiffe_id": "spiffe://prod.example/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
///        "condition": "verdict == 'affirming' && workload.k8s.ns == 'payments'",
///        "x509_svid_ttl": 3600, "jwt_svid_ttl": 300,
///        "federates_with": ["partner.example"], "dns_names": ["api.payments.svc"],
///        "description": "why the policy exists"}]}
///
/// name, effect, trust_domain and condition are required; spiffe_id is required for a grant
/// and optional for a deny (a deny without one denies every identity of its trust domain;
/// with one, only the identity it renders). TTLs are seconds, 0 (the default) meaning the
/// server's default. Unknown keys are refused, so a misspelt "conditon" cannot go unnoticed.
/// The template language is SpiffeIdTemplate's; the condition is CEL over PolicyEnv.
struct Policy
{
    QString name;
    PolicyEffect effect = PolicyEffect::Grant;
    QString trustDomain;
    QString spiffeIdTemplate;
    QString condition;
    qint32 x509SvidTtl = 0;
    qint32 jwtSvidTtl = 0;
    QStringList federatesWith;
    QStringList dnsNames;
    QString description;

    bool operator==(const Policy &) const = default;

    QJsonObject toJson() const;
    /// Reads and validates one policy (fields, trust domains, template syntax, and the
    /// condition parsed and type-checked over PolicyEnv). Error codes: policy.field,
    /// policy.template, policy.condition (detail "line:column: message").
    [[nodiscard]] static Result<Policy> fromJson(const QJsonObject &object);

    /// The document {"policies": [...]}, indented, keys in a stable order.
    static QByteArray listToJson(const QList<Policy> &policies);
    /// Reads that document. Every error names the policy: "policy 2 (payments-api): condition:
    /// 1:14: ..." (index from 0). Names must be unique (policy.duplicate_name); policy.json when
    /// the text is not such a document.
    [[nodiscard]] static Result<QList<Policy>> listFromJson(const QByteArray &json);
};

} // namespace ta::core
