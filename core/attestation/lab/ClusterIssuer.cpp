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
        {QStringLiteral("pod"),
         QJsonObject{{QStringLiteral("name"), pod.podName}, {QStringLiteral("uid"), pod.podUid}}},
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
        {QStringLiteral("sub"),
         QStringLiteral("system:serviceaccount:%1:%2").arg(pod.ns, pod.serviceAccount)}};
    return Jose::signCompact(QJsonObject{{QStringLiteral("kid"), m_kids.at(m_current)}},
                             QJsonDocument(claims).toJson(QJsonDocument::Compact),
                             m_keys.at(m_current), JwsAlgorithm::ES256);
}

QJsonObject ClusterIssuer::podObject(const Pod &pod, const QJsonObject &labels,
                                     const QString &hostIp)
{
    const QString podIp = QStringLiteral("10.244.0.17");
    return {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("generateName"), pod.serviceAccount + QLatin1Char('-')},
             {QStringLiteral("labels"), labels},
             {QStringLiteral("name"), pod.podName},
             {QStringLiteral("namespace"), pod.ns},
             {QStringLiteral("ownerReferences"),
              QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                                     {QStringLiteral("controller"), true},
                                     {QStringLiteral("kind"), QStringLiteral("DaemonSet")},
                                     {QStringLiteral("name"), pod.serviceAccount}}}},
             {QStringLiteral("uid"), pod.podUid}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("containers"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("image"), QStringLiteral("ghcr.io/spiffe/spire-agent:1.9.6")},
                  {QStringLiteral("name"), QStringLiteral("spire-agent")}}}},
             {QStringLiteral("nodeName"), pod.nodeName},
             {QStringLiteral("serviceAccount"), pod.serviceAccount},
             {QStringLiteral("serviceAccountName"), pod.serviceAccount}}},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("hostIP"), hostIp},
             {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}}},
             {QStringLiteral("phase"), QStringLiteral("Running")},
             {QStringLiteral("podIP"), podIp},
             {QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), podIp}}}}}}};
}

QJsonObject ClusterIssuer::nodeObject(const Pod &pod, const QJsonObject &labels,
                                      const QString &internalIp)
{
    QJsonObject allLabels = labels;
    allLabels.insert(QStringLiteral("kubernetes.io/hostname"), pod.nodeName);
    allLabels.insert(QStringLiteral("kubernetes.io/os"), QStringLiteral("linux"));
    return {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Node")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("labels"), allLabels},
                                                     {QStringLiteral("name"), pod.nodeName},
                                                     {QStringLiteral("uid"), pod.nodeUid}}},
            {QStringLiteral("status"),
             QJsonObject{
                 {QStringLiteral("addresses"),
                  QJsonArray{QJsonObject{{QStringLiteral("address"), internalIp},
                                         {QStringLiteral("type"), QStringLiteral("InternalIP")}},
                             QJsonObject{{QStringLiteral("address"), pod.nodeName},
                                         {QStringLiteral("type"), QStringLiteral("Hostname")}}}},
                 {QStringLiteral("nodeInfo"),
                  QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.30.2")},
                              {QStringLiteral("operatingSystem"), QStringLiteral("linux")}}}}}};
}

QByteArray ClusterIssuer::rotate()
{
    const QByteArray old = m_keys.at(m_current).fingerprint();
    m_current = (m_current + 1) % m_keys.size();
    return old;
}

} // namespace ta::core
