// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/GcpIitAttestor.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/GcpRecordedInstance.h"
#include "core/attestation/JwtEvidence.h"
#include "core/crypto/Digest.h"

namespace ta::core {

AttestationResult GcpIitAttestor::verify(const EvidenceRecord &record,
                                         const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    // Google signs identity tokens with RS256 only.
    const auto verified =
        JwtEvidence::verifyToken(record, AnchorKind::GcpJwks, {JwsAlgorithm::RS256}, context, r);
    if (!verified)
        return r;
    const JwtEvidence::Parsed *jwt = &verified->jwt;
    const TrustAnchor *anchor = verified->anchor;
    const QJsonObject ce = jwt->claims.value(QLatin1String("google"))
                               .toObject()
                               .value(QLatin1String("compute_engine"))
                               .toObject();
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
    if (!checkAllowList(*anchor, QStringLiteral("projectid_allow_list"), project, r))
        return r;
    // The service account the token was minted for; SPIRE's documented gcp_iit:sa selector.
    const QString email = jwt->claims.value(QLatin1String("email")).toString();
    const auto recorded = GcpRecordedInstance::read(
        record.payload.object(), {project, zone, instanceId, instanceName, email}, *anchor, r);
    if (!r.accepted())
        return r;
    r.selectors = {QStringLiteral("gcp_iit:project-id:") + project,
                   QStringLiteral("gcp_iit:zone:") + zone,
                   QStringLiteral("gcp_iit:instance-name:") + instanceName};
    if (!email.isEmpty())
        r.selectors << QStringLiteral("gcp_iit:sa:") + email;
    r.selectors << recorded.selectors(*anchor);
    r.selectors.removeDuplicates();
    QJsonObject nodeClaims{{QStringLiteral("platform"), name()},
                           {QStringLiteral("project_id"), project},
                           {QStringLiteral("zone"), zone},
                           {QStringLiteral("instance_id"), instanceId},
                           {QStringLiteral("instance_name"), instanceName},
                           {QStringLiteral("service_account"), email}};
    recorded.addClaims(*anchor, nodeClaims);
    r.claims.insert(QStringLiteral("node"), nodeClaims);
    auto agent = AgentId::make(context.settings.trustDomain, name(), {project, instanceId});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"),
                 agent.error().code);
        return r;
    }
    r.agentId = *agent;
    // What Google signed (header and claims, so its iat): a new token is fresh, the same token
    // again is a replay however its signature is spelt.
    r.nonce = QString::fromLatin1(sha256Hex(jwt->jws.signingInput));
    return r;
}

} // namespace ta::core
