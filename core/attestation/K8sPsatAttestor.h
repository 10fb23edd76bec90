// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// k8s_psat: a projected service-account token (a JWT by the cluster's service-account issuer),
/// verified against a k8s_issuer anchor (issuer, audience, JWKS, RS256 or ES256), with the
/// kubernetes.io claim block, and the anchor's service_account_allow_list. Selectors as SPIRE's
/// k8s_psat names them: cluster, agent_ns, agent_sa, agent_pod_name, agent_pod_uid,
/// agent_node_name, agent_node_uid; with the recorded Pod and Node objects (see
/// K8sRecordedObjects) also agent_node_ip and agent_pod_label / agent_node_label for the keys the
/// anchor allows. Agent ID: spire/agent/k8s_psat/<cluster>/<node uid, else node name>.
class K8sPsatAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("k8s_psat"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;
};

} // namespace ta::core
