// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/GcpIdentityProvider.h"

#include "core/crypto/Jose.h"
#include "core/crypto/Jwk.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {

Result<GcpIdentityProvider> GcpIdentityProvider::create()
{
    GcpIdentityProvider p;
    auto key = Key::generate(KeyType::Rsa2048);
    if (!key)
        return key.error();
    auto kid = Jwk::thumbprintKeyId(*key);
    if (!kid)
        return kid.error();
    p.m_key = *key;
    p.m_kid = *kid;
    return p;
}

QJsonObject GcpIdentityProvider::anchorJson(const QString &audience) const
{
    QJsonObject jwk = Jwk::fromKey(m_key).value();
    jwk.insert(QStringLiteral("kid"), m_kid);
    jwk.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
    jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return {{QStringLiteral("kind"), QStringLiteral("gcp_jwks")},
            {QStringLiteral("name"), QStringLiteral("google")},
            {QStringLiteral("issuer"), QStringLiteral("https://accounts.google.com")},
            {QStringLiteral("audience"), audience},
            {QStringLiteral("jwks"), QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}}}};
}

Result<QByteArray> GcpIdentityProvider::mintToken(const Instance &instance, const QString &audience,
                                                  const QDateTime &iat) const
{
    const qint64 t = iat.toSecsSinceEpoch();
    const QJsonObject ce{{QStringLiteral("instance_creation_timestamp"), t - 86400},
                         {QStringLiteral("instance_id"), instance.instanceId},
                         {QStringLiteral("instance_name"), instance.instanceName},
                         {QStringLiteral("project_id"), instance.projectId},
                         {QStringLiteral("project_number"), 424242},
                         {QStringLiteral("zone"), instance.zone}};
    const QJsonObject claims{
        {QStringLiteral("aud"), audience},
        {QStringLiteral("azp"), QStringLiteral("1234567890")},
        {QStringLiteral("email"), serviceAccount()},
        {QStringLiteral("email_verified"), true},
        {QStringLiteral("exp"), t + 3600},
        {QStringLiteral("iat"), t},
        {QStringLiteral("iss"), QStringLiteral("https://accounts.google.com")},
        {QStringLiteral("sub"), QStringLiteral("1234567890")},
        {QStringLiteral("google"), QJsonObject{{QStringLiteral("compute_engine"), ce}}}};
    return Jose::signCompact(
        QJsonObject{{QStringLiteral("kid"), m_kid}, {QStringLiteral("typ"), QStringLiteral("JWT")}},
        QJsonDocument(claims).toJson(QJsonDocument::Compact), m_key, JwsAlgorithm::RS256);
}

QString GcpIdentityProvider::serviceAccount()
{
    return QStringLiteral("1234567890-compute@developer.gserviceaccount.com");
}

QJsonObject GcpIdentityProvider::instanceObject(const Instance &instance, const QStringList &tags,
                                                const QJsonObject &labels,
                                                const QJsonObject &metadata)
{
    const QString zoneUrl =
        QStringLiteral("https://www.googleapis.com/compute/v1/projects/%1/zones/%2")
            .arg(instance.projectId, instance.zone);
    QJsonArray items;
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        QJsonObject item{{QStringLiteral("key"), it.key()}};
        if (!it.value().isNull())
            item.insert(QStringLiteral("value"), it.value());
        items.append(item);
    }
    return {
        {QStringLiteral("kind"), QStringLiteral("compute#instance")},
        {QStringLiteral("id"), instance.instanceId},
        {QStringLiteral("name"), instance.instanceName},
        {QStringLiteral("zone"), zoneUrl},
        {QStringLiteral("machineType"), zoneUrl + QStringLiteral("/machineTypes/e2-standard-4")},
        {QStringLiteral("status"), QStringLiteral("RUNNING")},
        {QStringLiteral("selfLink"),
         zoneUrl + QStringLiteral("/instances/") + instance.instanceName},
        {QStringLiteral("tags"),
         QJsonObject{{QStringLiteral("items"), QJsonArray::fromStringList(tags)},
                     {QStringLiteral("fingerprint"), QStringLiteral("42WmSpB8rSM=")}}},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("compute#metadata")},
                     {QStringLiteral("fingerprint"), QStringLiteral("3ZkTMO9M+tY=")},
                     {QStringLiteral("items"), items}}},
        {QStringLiteral("serviceAccounts"),
         QJsonArray{QJsonObject{
             {QStringLiteral("email"), serviceAccount()},
             {QStringLiteral("scopes"),
              QJsonArray{QStringLiteral("https://www.googleapis.com/auth/cloud-platform")}}}}}};
}

} // namespace ta::core
