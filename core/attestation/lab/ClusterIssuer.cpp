// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/ClusterIssuer.h"

#include "core/crypto/Jose.h"
#include "core/crypto/Jwk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace ta::core {

Result<ClusterIssuer> ClusterIssuer::create(const QString &cluster, const QString &issuer)
{
    ClusterIssuer c;
    c.m_cluster = cluster;
    c.m_issuer = issuer;
    for (int i = 0; i < 2; ++i) {
        auto key = Key::generate(KeyType::EcP256);
        if (!key)
            return key.error();
        auto kid = Jwk::thumbprintKeyId(*key);
        if (!kid)
            return kid.error();
        c.m_keys << *key;
        c.m_kids << *kid;
    }
    return c;
}

QJsonObject ClusterIssuer::anchorJson(const QString &audience) const
{
    QJsonArray keys;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        QJsonObject jwk = Jwk::fromKey(m_keys.at(i)).value();
        jwk.insert(QStringLiteral("kid"), m_kids.at(i));
        jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
        jwk.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
        keys.append(jwk);
    }
    return {{QStringLiteral("kind"), QStringLiteral("k8s_issuer")},
            {QStringLiteral("cluster"), m_cluster},
            {QStringLiteral("issuer"), m_issuer},
            {QStringLiteral("audience"), audience},
            {QStringLiteral("jwks"), QJsonObject{{QStringLiteral("keys"), keys}}}};
}

Result<QByteArray> ClusterIssuer::mintToken(const Pod &pod, const QString &audience,
                                            const QDateTime &iat, qint64 ttl) const
{
    const qint64 t = iat.toSecsSinceEpoch();
    QJsonObject node{{QStringLiteral("name"), pod.nodeName}};
    if (!pod.nodeUid.isEmpty())
        node.insert(QStringLiteral("uid"), pod.nodeUid);
    const QJsonObject k8s{
        {QStringLiteral("namespace"), pod.ns},
        {QStringLiteral("node"), node},
        {QStringLiteral("pod"), QJsonObject{{QStringLiteral("name"), pod.podName}, {QStringLiteral("uid"), pod.podUid}}},
        {QStringLiteral("serviceaccount"),
         QJsonObject{{QStringLiteral("name"), pod.serviceAccount},
                     {QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces)}}},
        {QStringLiteral("warnafter"), t + ttl / 2}};
    const QJsonObject claims{
        {QStringLiteral("aud"), QJsonArray{audience}},
        {QStringLiteral("exp"), t + ttl},
        {QStringLiteral("iat"), t},
        {QStringLiteral("nbf"), t},
        {QStringLiteral("iss"), m_issuer},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("kubernetes.io"), k8s},
        {QStringLiteral("sub"), QStringLiteral("system:serviceaccount:%1:%2").arg(pod.ns, pod.serviceAccount)}};
    return Jose::signCompact(QJsonObject{{QStringLiteral("kid"), m_kids.at(m_current)}},
                             QJsonDocument(claims).toJson(QJsonDocument::Compact),
                             m_keys.at(m_current), JwsAlgorithm::ES256);
}

QByteArray ClusterIssuer::rotate()
{
    const QByteArray old = m_keys.at(m_current).fingerprint();
    m_current = (m_current + 1) % m_keys.size();
    return old;
}

} // namespace ta::core
