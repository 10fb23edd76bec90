// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/GcpIitAttestor.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/JwtEvidence.h"

#include <QCryptographicHash>

namespace ta::core {

AttestationResult GcpIitAttestor::verify(const EvidenceRecord &record,
                                         const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const QByteArray token = record.payload.value(QLatin1String("token")).toString().toLatin1();
    if (token.isEmpty()) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("payload.token"), QStringLiteral("(none)"));
        return r;
    }
    const auto jwt = JwtEvidence::parse(token, r);
    if (!jwt)
        return r;
    const QString iss = jwt->claims.value(QLatin1String("iss")).toString();
    const QString kid = jwt->header.value(QLatin1String("kid")).toString();
    const TrustAnchor *anchor = nullptr;
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(AnchorKind::GcpJwks)) {
        if (a->issuer == iss && (!anchor || a->jwks.contains(kid)))
            anchor = a;
    }
    if (!anchor) {
        r.refuse(QStringLiteral("issuer_unknown"), QStringLiteral("a gcp_jwks anchor"), iss);
        return r;
    }
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    // Google signs identity tokens with RS256 only.
    if (!JwtEvidence::verifySignature(*jwt, *anchor, {JwsAlgorithm::RS256}, context, r))
        return r;
    (void)JwtEvidence::checkClaims(*jwt, *anchor, record.time, context, r);

    const QJsonObject ce = jwt->claims.value(QLatin1String("google")).toObject()
                               .value(QLatin1String("compute_engine")).toObject();
    const QString project = ce.value(QLatin1String("project_id")).toString();
    const QString zone = ce.value(QLatin1String("zone")).toString();
    const QString instanceId = ce.value(QLatin1String("instance_id")).toString();
    const QString instanceName = ce.value(QLatin1String("instance_name")).toString();
    const std::pair<const char *, QString> required[] = {
        {"google.compute_engine.project_id", project},
        {"google.compute_engine.zone", zone},
        {"google.compute_engine.instance_id", instanceId},
        {"google.compute_engine.instance_name", instanceName},
    };
    for (const auto &[claim, value] : required) {
        if (value.isEmpty())
            r.refuse(QStringLiteral("claim_missing"), QString::fromLatin1(claim));
    }
    if (!r.accepted())
        return r;
    r.selectors = {QStringLiteral("gcp_iit:project-id:") + project,
                   QStringLiteral("gcp_iit:zone:") + zone,
                   QStringLiteral("gcp_iit:instance-name:") + instanceName};
    r.claims.insert(QStringLiteral("node"),
                    QJsonObject{{QStringLiteral("platform"), name()},
                                {QStringLiteral("project_id"), project},
                                {QStringLiteral("zone"), zone},
                                {QStringLiteral("instance_id"), instanceId},
                                {QStringLiteral("instance_name"), instanceName}});
    auto agent = AgentId::make(context.settings.trustDomain, name(), {project, instanceId});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"), agent.error().code);
        return r;
    }
    r.agentId = *agent;
    r.nonce = QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
    return r;
}

} // namespace ta::core
