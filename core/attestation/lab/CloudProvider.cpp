// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/CloudProvider.h"
#include "core/attestation/AttestationErrors.h"

#include "core/crypto/CertificateBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/cms.h>

namespace ta::core {
namespace {

using CmsPtr = std::unique_ptr<CMS_ContentInfo, OsslDeleter<CMS_ContentInfo_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, OsslDeleter<ASN1_TIME_free>>;

} // namespace

Result<CloudProvider> CloudProvider::create(const QDateTime &now)
{
    CloudProvider p;
    auto key = Key::generate(KeyType::Rsa2048);
    if (!key)
        return key.error();
    CertificateSpec spec;
    spec.role = CertificateSpec::Role::SigningCa;
    spec.organization = QStringLiteral("Amazon Web Services LLC (lab)");
    spec.commonName = QStringLiteral("ec2.lab.amazonaws.example");
    spec.notBefore = now.addDays(-1);
    spec.notAfter = now.addYears(5);
    auto cert = CertificateBuilder::build(spec, *key, *key, nullptr);
    if (!cert)
        return cert.error();
    p.m_key = *key;
    p.m_cert = *cert;
    return p;
}

QJsonObject CloudProvider::anchorJson() const
{
    return {{QStringLiteral("kind"), QStringLiteral("aws_signing_cert")},
            {QStringLiteral("name"), QStringLiteral("aws-lab")},
            {QStringLiteral("pem"), QString::fromLatin1(m_cert.toPem())}};
}

QByteArray CloudProvider::document(const Instance &i, const QDateTime &pendingTime)
{
    const QJsonObject doc{
        {QStringLiteral("accountId"), i.accountId},
        {QStringLiteral("architecture"), QStringLiteral("x86_64")},
        {QStringLiteral("availabilityZone"), i.availabilityZone},
        {QStringLiteral("billingProducts"), QJsonValue::Null},
        {QStringLiteral("devpayProductCodes"), QJsonValue::Null},
        {QStringLiteral("marketplaceProductCodes"), QJsonValue::Null},
        {QStringLiteral("imageId"), i.imageId},
        {QStringLiteral("instanceId"), i.instanceId},
        {QStringLiteral("instanceType"), i.instanceType},
        {QStringLiteral("kernelId"), QJsonValue::Null},
        {QStringLiteral("pendingTime"), pendingTime.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("privateIp"), QStringLiteral("10.0.0.1")},
        {QStringLiteral("ramdiskId"), QJsonValue::Null},
        {QStringLiteral("region"), i.region},
        {QStringLiteral("version"), QStringLiteral("2017-09-30")}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

QJsonObject CloudProvider::describeInstance(const Instance &i, const QMap<QString, QString> &tags,
                                            const QMap<QString, QString> &securityGroups,
                                            const QString &profile)
{
    QJsonArray tagList;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        tagList.append(
            QJsonObject{{QStringLiteral("Key"), it.key()}, {QStringLiteral("Value"), *it}});
    QJsonArray groups;
    for (auto it = securityGroups.cbegin(); it != securityGroups.cend(); ++it)
        groups.append(
            QJsonObject{{QStringLiteral("GroupId"), it.key()}, {QStringLiteral("GroupName"), *it}});
    QJsonObject out{
        {QStringLiteral("InstanceId"), i.instanceId},
        {QStringLiteral("ImageId"), i.imageId},
        {QStringLiteral("InstanceType"), i.instanceType},
        {QStringLiteral("Placement"),
         QJsonObject{{QStringLiteral("AvailabilityZone"), i.availabilityZone},
                     {QStringLiteral("Tenancy"), QStringLiteral("default")}}},
        {QStringLiteral("PrivateIpAddress"), QStringLiteral("10.0.0.1")},
        {QStringLiteral("State"), QJsonObject{{QStringLiteral("Code"), 16},
                                              {QStringLiteral("Name"), QStringLiteral("running")}}},
        {QStringLiteral("NetworkInterfaces"),
         QJsonArray{QJsonObject{{QStringLiteral("OwnerId"), i.accountId},
                                {QStringLiteral("PrivateIpAddress"), QStringLiteral("10.0.0.1")},
                                {QStringLiteral("Groups"), groups}}}},
        {QStringLiteral("SecurityGroups"), groups},
        {QStringLiteral("Tags"), tagList}};
    if (!profile.isEmpty())
        out.insert(
            QStringLiteral("IamInstanceProfile"),
            QJsonObject{
                {QStringLiteral("Arn"),
                 QStringLiteral("arn:aws:iam::%1:instance-profile/%2").arg(i.accountId, profile)},
                {QStringLiteral("Id"), QStringLiteral("AIPAEXAMPLE") + profile.toUpper()}});
    return out;
}

QJsonObject CloudProvider::instanceProfile(const Instance &i, const QString &profile,
                                           const QStringList &roles)
{
    QJsonArray roleList;
    for (const QString &role : roles)
        roleList.append(
            QJsonObject{{QStringLiteral("Path"), QStringLiteral("/")},
                        {QStringLiteral("RoleName"), role},
                        {QStringLiteral("Arn"),
                         QStringLiteral("arn:aws:iam::%1:role/%2").arg(i.accountId, role)}});
    return {{QStringLiteral("InstanceProfile"),
             QJsonObject{
                 {QStringLiteral("Path"), QStringLiteral("/")},
                 {QStringLiteral("InstanceProfileName"), profile},
                 {QStringLiteral("Arn"),
                  QStringLiteral("arn:aws:iam::%1:instance-profile/%2").arg(i.accountId, profile)},
                 {QStringLiteral("Roles"), roleList}}}};
}

Result<QByteArray> CloudProvider::sign(const QByteArray &document,
                                       const QDateTime &signingTime) const
{
    BioPtr in = readBio(document);
    const unsigned flags = CMS_BINARY | CMS_NOCERTS | CMS_PARTIAL;
    CmsPtr cms(CMS_sign(m_cert.get(), m_key.get(), nullptr, in.get(), flags));
    if (!cms)
        return makeError(ec::LabCmsSign, takeOpenSslErrors());
    // The signing time makes each signature distinct, as each fetch from the service is.
    CMS_SignerInfo *si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
    Asn1TimePtr t(ASN1_TIME_set(nullptr, time_t(signingTime.toSecsSinceEpoch())));
    if (!si || !t ||
        CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, t->type, t.get(), -1) != 1)
        return makeError(ec::LabCmsSign, takeOpenSslErrors());
    BioPtr data = readBio(document);
    if (CMS_final(cms.get(), data.get(), nullptr, flags) != 1)
        return makeError(ec::LabCmsSign, takeOpenSslErrors());
    BioPtr out(BIO_new(BIO_s_mem()));
    if (i2d_CMS_bio(out.get(), cms.get()) != 1)
        return makeError(ec::LabCmsSign, takeOpenSslErrors());
    return bioBytes(out.get()).toBase64();
}

} // namespace ta::core
