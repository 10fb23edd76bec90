// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ta::core {

/// Lab: a Kubernetes cluster's service-account issuer with keys it owns, minting projected
/// service-account tokens (ES256) in the shape the kube-apiserver writes them, and publishing its
/// JWKS as a k8s_issuer anchor. It keeps a second key so that a key rotation can be played.
class ClusterIssuer
{
public:
    /// What a projected token says about the pod it was mounted in.
    struct Pod
    {
        QString ns;
        QString serviceAccount;
        QString podName;
        QString podUid;
        QString nodeName;
        QString nodeUid;
    };

    [[nodiscard]] static Result<ClusterIssuer> create(const QString &cluster,
                                                      const QString &issuer);

    QString cluster() const { return m_cluster; }
    QString issuer() const { return m_issuer; }
    /// The anchors-file entry: kind k8s_issuer, cluster, issuer, audience, jwks (both keys).
    QJsonObject anchorJson(const QString &audience) const;
    /// A token signed by the current key, valid from @p iat for @p ttl seconds.
    [[nodiscard]] Result<QByteArray> mintToken(const Pod &pod, const QString &audience,
                                               const QDateTime &iat, qint64 ttl) const;
    /// The v1 Pod of @p pod as `kubectl get pod -o json` prints it (an agent's DaemonSet pod),
    /// with @p labels, scheduled on a node whose address is @p hostIp.
    static QJsonObject podObject(const Pod &pod, const QJsonObject &labels, const QString &hostIp);
    /// The v1 Node @p pod runs on, as `kubectl get node -o json` prints it, with @p labels and
    /// @p internalIp.
    static QJsonObject nodeObject(const Pod &pod, const QJsonObject &labels,
                                  const QString &internalIp);
    /// Switches signing to the second key; returns the retired key's SPKI fingerprint.
    QByteArray rotate();
    const Key &currentKey() const { return m_keys.at(m_current); }
    QString currentKid() const { return m_kids.at(m_current); }

private:
    QString m_cluster;
    QString m_issuer;
    QList<Key> m_keys;
    QList<QString> m_kids;
    qsizetype m_current = 0;
};

} // namespace ta::core
