// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/K8sRecordedObjects.h"

#include "core/attestation/Attestor.h"

#include <QJsonArray>

namespace ta::core {
namespace {

QString text(const QJsonObject &o, const char *object, const char *field)
{
    return o.value(QLatin1String(object)).toObject().value(QLatin1String(field)).toString();
}

QJsonObject labelsOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("labels"))
        .toObject();
}

/// payload.<field> when it is an object of @p kind; refuses @p result when it is anything else.
QJsonObject recorded(const QJsonObject &payload, const char *field, const char *kind,
                     AttestationResult &result)
{
    const QJsonValue v = payload.value(QLatin1String(field));
    if (v.isUndefined())
        return {};
    if (!v.isObject() || v.toObject().value(QLatin1String("kind")) != QLatin1String(kind)) {
        result.refuse(QStringLiteral("malformed"),
                      QStringLiteral("payload.%1: a v1 %2 object")
                          .arg(QLatin1String(field), QLatin1String(kind)),
                      v.isObject() ? v.toObject().value(QLatin1String("kind")).toString()
                                   : QStringLiteral("not an object"));
        return {};
    }
    return v.toObject();
}

} // namespace

K8sRecordedObjects K8sRecordedObjects::read(const QJsonObject &payload, const Token &token,
                                            AttestationResult &result)
{
    K8sRecordedObjects out;
    out.m_pod = recorded(payload, "pod", "Pod", result);
    out.m_node = recorded(payload, "node", "Node", result);
    if (!out.m_pod.isEmpty()) {
        const std::tuple<const char *, const char *, QString> fields[] = {
            {"metadata", "namespace", token.ns},
            {"metadata", "name", token.podName},
            {"metadata", "uid", token.podUid},
            {"spec", "serviceAccountName", token.serviceAccount},
            {"spec", "nodeName", token.nodeName},
        };
        for (const auto &[object, field, signedValue] : fields)
            (void)checkRecordedField(
                QStringLiteral("pod.%1.%2").arg(QLatin1String(object), QLatin1String(field)),
                signedValue, text(out.m_pod, object, field), result);
        out.m_nodeIp = text(out.m_pod, "status", "hostIP");
    }
    if (!out.m_node.isEmpty()) {
        (void)checkRecordedField(QStringLiteral("node.metadata.name"), token.nodeName,
                                 text(out.m_node, "metadata", "name"), result);
        if (!token.nodeUid.isEmpty())
            (void)checkRecordedField(QStringLiteral("node.metadata.uid"), token.nodeUid,
                                     text(out.m_node, "metadata", "uid"), result);
        QStringList addresses;
        QString internalIp;
        const QJsonArray list = out.m_node.value(QLatin1String("status"))
                                    .toObject()
                                    .value(QLatin1String("addresses"))
                                    .toArray();
        for (const QJsonValue &a : list) {
            const QString address = a.toObject().value(QLatin1String("address")).toString();
            addresses << address;
            if (internalIp.isEmpty() &&
                a.toObject().value(QLatin1String("type")) == QLatin1String("InternalIP"))
                internalIp = address;
        }
        // The pod runs on this node: the host IP it reports is one of the node's addresses.
        if (!out.m_nodeIp.isEmpty() && !addresses.contains(out.m_nodeIp))
            result.refuse(QStringLiteral("claim_mismatch"),
                          QStringLiteral("node.status.addresses: ") + out.m_nodeIp,
                          QStringLiteral("node.status.addresses: ") +
                              addresses.join(QStringLiteral(", ")));
        if (out.m_nodeIp.isEmpty())
            out.m_nodeIp = internalIp;
    }
    return out;
}

QStringList K8sRecordedObjects::labelSelectors(const TrustAnchor &anchor) const
{
    QStringList out;
    const std::tuple<const QJsonObject &, const QStringList &, QString> sets[] = {
        {m_node, anchor.allowedNodeLabelKeys, QStringLiteral("k8s_psat:agent_node_label:")},
        {m_pod, anchor.allowedLabelKeys, QStringLiteral("k8s_psat:agent_pod_label:")},
    };
    for (const auto &[object, keys, prefix] : sets) {
        const QJsonObject labels = allowedEntries(labelsOf(object), keys);
        for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
            out << prefix + it.key() + QLatin1Char(':') + it.value().toString();
    }
    return out;
}

void K8sRecordedObjects::addClaims(const TrustAnchor &anchor, QJsonObject &node) const
{
    if (!m_nodeIp.isEmpty())
        node.insert(QStringLiteral("node_ip"), m_nodeIp);
    if (!m_node.isEmpty())
        node.insert(QStringLiteral("labels"),
                    allowedEntries(labelsOf(m_node), anchor.allowedNodeLabelKeys));
    if (!m_pod.isEmpty())
        node.insert(QStringLiteral("pod_labels"),
                    allowedEntries(labelsOf(m_pod), anchor.allowedLabelKeys));
}

} // namespace ta::core
