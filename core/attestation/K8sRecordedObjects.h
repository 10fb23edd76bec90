// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"
#include "core/attestation/TrustAnchor.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ta::core {

/// The Kubernetes API objects a k8s_psat record may carry beside its token: `pod` (a v1 Pod) and
/// `node` (a v1 Node), each as `kubectl get -o json` prints it. SPIRE's server reads them from
/// the API server; a recording keeps them. Nothing signs them, so each must name what the
/// signed token names, field by field.
class K8sRecordedObjects
{
public:
    /// What the verified token says about the agent's pod.
    struct Token
    {
        QString ns;
        QString serviceAccount;
        QString podName;
        QString podUid;
        QString nodeName;
        QString nodeUid; ///< empty before Kubernetes 1.30: not cross-checked then
    };

    /// Reads payload.pod and payload.node (each optional) and cross-checks them with @p token:
    /// malformed when one is not an object of its kind, claim_mismatch (signed value beside
    /// recorded value) for each field that disagrees, the node's addresses included.
    static K8sRecordedObjects read(const QJsonObject &payload, const Token &token,
                                   AttestationResult &result);

    /// The node's IP as SPIRE takes it (the pod's status.hostIP, else the node's InternalIP);
    /// empty when neither object was recorded.
    QString nodeIp() const { return m_nodeIp; }
    /// agent_node_label:key:value, then agent_pod_label:key:value, for the keys @p anchor
    /// allows (allowed_node_label_keys, allowed_pod_label_keys).
    QStringList labelSelectors(const TrustAnchor &anchor) const;
    /// Adds node_ip, labels (the node's) and pod_labels, each only when recorded, to @p node.
    void addClaims(const TrustAnchor &anchor, QJsonObject &node) const;

private:
    QJsonObject m_pod;
    QJsonObject m_node;
    QString m_nodeIp;
};

} // namespace ta::core
