// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/K8sPsatAttestor.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/JwtEvidence.h"
#include "core/attestation/K8sRecordedObjects.h"
#include "core/crypto/Digest.h"

namespace ta::core {

AttestationResult K8sPsatAttestor::verify(const EvidenceRecord &record,
                                          const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const auto verified = JwtEvidence::verifyToken(
        record, AnchorKind::K8sIssuer, {JwsAlgorithm::RS256, JwsAlgorithm::ES256}, context, r);
    if (!verified)
        return r;
    const JwtEvidence::Parsed *jwt = &verified->jwt;
    const TrustAnchor *anchor = verified->anchor;
    const QJsonObject k8s = jwt->claims.value(QLatin1String("kubernetes.io")).toObject();
    const QString ns = k8s.value(QLatin1String("namespace")).toString();
    const QJsonObject sa = k8s.value(QLatin1String("serviceaccount")).toObject();
    const QJsonObject pod = k8s.value(QLatin1String("pod")).toObject();
    const QJsonObject node = k8s.value(QLatin1String("node")).toObject();
    const QString saName = sa.value(QLatin1String("name")).toString();
    const QString podName = pod.value(QLatin1String("name")).toString();
    const QString podUid = pod.value(QLatin1String("uid")).toString();
    const QString nodeName = node.value(QLatin1String("name")).toString();
    const QString nodeUid = node.value(QLatin1String("uid")).toString();
    const std::pair<const char *, QString> required[] = {
        {"kubernetes.io.namespace", ns},       {"kubernetes.io.serviceaccount.name", saName},
        {"kubernetes.io.pod.name", podName},   {"kubernetes.io.pod.uid", podUid},
        {"kubernetes.io.node.name", nodeName},
    };
    for (const auto &[claim, value] : required) {
        if (value.isEmpty())
            r.refuse(QStringLiteral("claim_missing"), QString::fromLatin1(claim));
    }
    // A projected token's subject names the same service account as its claim block.
    const QString sub = jwt->claims.value(QLatin1String("sub")).toString();
    const QString wantSub = QStringLiteral("system:serviceaccount:%1:%2").arg(ns, saName);
    if (!ns.isEmpty() && !saName.isEmpty() && sub != wantSub)
        r.refuse(QStringLiteral("claim_mismatch"), wantSub, sub);
    if (!r.accepted())
        return r;
    if (!checkAllowList(*anchor, QStringLiteral("service_account_allow_list"),
                        ns + QLatin1Char(':') + saName, r))
        return r;
    const auto recorded = K8sRecordedObjects::read(
        record.payload.object(), {ns, saName, podName, podUid, nodeName, nodeUid}, r);
    if (!r.accepted())
        return r;

    // SPIRE's order: the node IP (from the API server, here the recorded objects) comes between
    // the pod's selectors and the node's, the labels last.
    r.selectors = {QStringLiteral("k8s_psat:cluster:") + anchor->name,
                   QStringLiteral("k8s_psat:agent_ns:") + ns,
                   QStringLiteral("k8s_psat:agent_sa:") + saName,
                   QStringLiteral("k8s_psat:agent_pod_name:") + podName,
                   QStringLiteral("k8s_psat:agent_pod_uid:") + podUid};
    if (!recorded.nodeIp().isEmpty())
        r.selectors << QStringLiteral("k8s_psat:agent_node_ip:") + recorded.nodeIp();
    r.selectors << QStringLiteral("k8s_psat:agent_node_name:") + nodeName;
    if (!nodeUid.isEmpty())
        r.selectors << QStringLiteral("k8s_psat:agent_node_uid:") + nodeUid;
    else
        r.warn(QStringLiteral("claim_missing"), QStringLiteral("kubernetes.io.node.uid"),
               QStringLiteral("agent ID uses the node name"));
    r.selectors << recorded.labelSelectors(*anchor);
    QJsonObject nodeClaims{
        {QStringLiteral("platform"), name()},    {QStringLiteral("cluster"), anchor->name},
        {QStringLiteral("namespace"), ns},       {QStringLiteral("service_account"), saName},
        {QStringLiteral("pod_name"), podName},   {QStringLiteral("pod_uid"), podUid},
        {QStringLiteral("node_name"), nodeName}, {QStringLiteral("node_uid"), nodeUid}};
    recorded.addClaims(*anchor, nodeClaims);
    r.claims.insert(QStringLiteral("node"), nodeClaims);
    auto agent = AgentId::make(context.settings.trustDomain, name(),
                               {anchor->name, nodeUid.isEmpty() ? nodeName : nodeUid});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"),
                 agent.error().code);
        return r;
    }
    r.agentId = *agent;
    // The token's own ID when it has one long enough to be a nonce; otherwise the hash of what
    // the issuer signed (header and claims), so that a second valid signature over the same
    // claims (ECDSA's (r, n-s)) is still the same evidence.
    const QString jti = jwt->claims.value(QLatin1String("jti")).toString();
    r.nonce =
        jti.toUtf8().size() >= 8 ? jti : QString::fromLatin1(sha256Hex(jwt->jws.signingInput));
    return r;
}

} // namespace ta::core
