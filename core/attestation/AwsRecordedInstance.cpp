// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AwsRecordedInstance.h"

#include "core/attestation/Attestor.h"

#include <QJsonArray>

namespace ta::core {
namespace {

/// The account of an ARN (arn:partition:service:region:account:resource), empty if none.
QString arnAccount(const QString &arn)
{
    return arn.startsWith(QLatin1String("arn:")) ? arn.section(QLatin1Char(':'), 4, 4) : QString();
}

QString text(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String(field)).toString();
}

} // namespace

AwsRecordedInstance AwsRecordedInstance::read(const QJsonObject &payload, const Document &document,
                                              AttestationResult &result)
{
    AwsRecordedInstance out;
    const QJsonValue instance = payload.value(QLatin1String("instance"));
    QJsonValue profile = payload.value(QLatin1String("instance_profile"));
    // get-instance-profile wraps the profile; the bare object is accepted too.
    if (profile.toObject().contains(QLatin1String("InstanceProfile")))
        profile = profile.toObject().value(QLatin1String("InstanceProfile"));
    if (!instance.isUndefined() && text(instance.toObject(), "InstanceId").isEmpty()) {
        result.refuse(QStringLiteral("malformed"),
                      QStringLiteral("payload.instance: an Instances[] element of "
                                     "describe-instances"),
                      QStringLiteral("no InstanceId"));
        return out;
    }
    if (!profile.isUndefined() &&
        (instance.isUndefined() || text(profile.toObject(), "Arn").isEmpty())) {
        result.refuse(QStringLiteral("malformed"),
                      QStringLiteral("payload.instance_profile: a get-instance-profile answer, "
                                     "beside payload.instance"),
                      instance.isUndefined() ? QStringLiteral("no payload.instance")
                                             : QStringLiteral("no Arn"));
        return out;
    }
    if (instance.isUndefined())
        return out;
    out.m_instance = instance.toObject();
    out.m_profile = profile.toObject();
    (void)checkRecordedField(QStringLiteral("instance.InstanceId"), document.instanceId,
                             text(out.m_instance, "InstanceId"), result);
    (void)checkRecordedField(QStringLiteral("instance.ImageId"), document.imageId,
                             text(out.m_instance, "ImageId"), result);
    (void)checkRecordedField(
        QStringLiteral("instance.Placement.AvailabilityZone"), document.availabilityZone,
        text(out.m_instance.value(QLatin1String("Placement")).toObject(), "AvailabilityZone"),
        result);
    // The account shows in the network interfaces' owner and in every IAM ARN.
    const QJsonArray interfaces =
        out.m_instance.value(QLatin1String("NetworkInterfaces")).toArray();
    for (qsizetype i = 0; i < interfaces.size(); ++i)
        (void)checkRecordedField(QStringLiteral("instance.NetworkInterfaces[%1].OwnerId").arg(i),
                                 document.accountId, text(interfaces.at(i).toObject(), "OwnerId"),
                                 result);
    const QString profileArn =
        text(out.m_instance.value(QLatin1String("IamInstanceProfile")).toObject(), "Arn");
    if (!profileArn.isEmpty())
        (void)checkRecordedField(QStringLiteral("instance.IamInstanceProfile.Arn (account)"),
                                 document.accountId, arnAccount(profileArn), result);
    if (!out.m_profile.isEmpty()) {
        (void)checkRecordedField(QStringLiteral("instance_profile.Arn"), profileArn,
                                 text(out.m_profile, "Arn"), result);
        const QStringList roles = out.roles();
        for (qsizetype i = 0; i < roles.size(); ++i)
            (void)checkRecordedField(
                QStringLiteral("instance_profile.Roles[%1].Arn (account)").arg(i),
                document.accountId, arnAccount(roles.at(i)), result);
    } else if (!profileArn.isEmpty()) {
        result.warn(QStringLiteral("claim_missing"), QStringLiteral("payload.instance_profile"),
                    QStringLiteral("no iamrole selectors for ") + profileArn);
    }
    return out;
}

QStringList AwsRecordedInstance::selectors() const
{
    QStringList out;
    for (const QJsonValue &tag : m_instance.value(QLatin1String("Tags")).toArray())
        out << QStringLiteral("aws_iid:tag:%1:%2")
                   .arg(text(tag.toObject(), "Key"), text(tag.toObject(), "Value"));
    for (const QJsonValue &sg : m_instance.value(QLatin1String("SecurityGroups")).toArray())
        out << QStringLiteral("aws_iid:sg:id:") + text(sg.toObject(), "GroupId")
            << QStringLiteral("aws_iid:sg:name:") + text(sg.toObject(), "GroupName");
    for (const QString &role : roles())
        out << QStringLiteral("aws_iid:iamrole:") + role;
    return out;
}

void AwsRecordedInstance::addClaims(QJsonObject &claims) const
{
    if (m_instance.isEmpty())
        return;
    QJsonObject node = claims.value(QLatin1String("node")).toObject();
    QJsonObject tags;
    for (const QJsonValue &tag : m_instance.value(QLatin1String("Tags")).toArray())
        tags.insert(text(tag.toObject(), "Key"), text(tag.toObject(), "Value"));
    QJsonArray groups;
    for (const QJsonValue &sg : m_instance.value(QLatin1String("SecurityGroups")).toArray())
        groups.append(QJsonObject{{QStringLiteral("id"), text(sg.toObject(), "GroupId")},
                                  {QStringLiteral("name"), text(sg.toObject(), "GroupName")}});
    node.insert(QStringLiteral("tags"), tags);
    node.insert(QStringLiteral("security_groups"), groups);
    node.insert(QStringLiteral("instance_profile"),
                text(m_instance.value(QLatin1String("IamInstanceProfile")).toObject(), "Arn"));
    node.insert(QStringLiteral("iam_roles"), QJsonArray::fromStringList(roles()));
    claims.insert(QStringLiteral("node"), node);
}

QStringList AwsRecordedInstance::roles() const
{
    QStringList out;
    for (const QJsonValue &role : m_profile.value(QLatin1String("Roles")).toArray())
        out << text(role.toObject(), "Arn");
    return out;
}

} // namespace ta::core
