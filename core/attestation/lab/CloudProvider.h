// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ta::core {

/// Lab: a cloud provider (AWS-like) that signs EC2 instance identity documents: a self-signed
/// RSA-2048 provider certificate, and PKCS#7 SignedData over the document (content attached,
/// no certificates, a signingTime attribute) made by OpenSSL's CMS, as the metadata service
/// serves it.
class CloudProvider
{
public:
    struct Instance
    {
        QString accountId;
        QString region;
        QString availabilityZone;
        QString instanceId;
        QString imageId;
        QString instanceType;
    };

    [[nodiscard]] static Result<CloudProvider> create(const QDateTime &now);
    const Certificate &certificate() const { return m_cert; }
    QJsonObject anchorJson() const;
    /// The identity document's JSON text, pretty-printed as the metadata service writes it.
    static QByteArray document(const Instance &instance, const QDateTime &pendingTime);
    /// The instance as `aws ec2 describe-instances` lists it (one Reservations[].Instances[]
    /// element): @p tags (key -> value), @p securityGroups (ID -> name), the instance profile
    /// named @p profile (none if empty), one network interface owned by the account.
    static QJsonObject describeInstance(const Instance &instance,
                                        const QMap<QString, QString> &tags,
                                        const QMap<QString, QString> &securityGroups,
                                        const QString &profile);
    /// `aws iam get-instance-profile` for the profile named @p profile, holding @p roles.
    static QJsonObject instanceProfile(const Instance &instance, const QString &profile,
                                       const QStringList &roles);
    /// Base64 DER PKCS#7 over @p document, signed at @p signingTime.
    [[nodiscard]] Result<QByteArray> sign(const QByteArray &document,
                                          const QDateTime &signingTime) const;

private:
    Key m_key;
    Certificate m_cert;
};

} // namespace ta::core
