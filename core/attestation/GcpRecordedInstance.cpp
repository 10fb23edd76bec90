// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/GcpRecordedInstance.h"

#include "core/attestation/Attestor.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace ta::core {

GcpRecordedInstance GcpRecordedInstance::read(const QJsonObject &payload, const Token &token,
                                              const TrustAnchor &anchor, AttestationResult &result)
{
    GcpRecordedInstance out;
    const QJsonValue v = payload.value(QLatin1String("instance"));
    if (v.isUndefined())
        return out;
    if (v.toObject().value(QLatin1String("kind")) != QLatin1String("compute#instance")) {
        result.refuse(QStringLiteral("malformed"),
                      QStringLiteral("payload.instance: a compute#instance object"),
                      v.isObject() ? v.toObject().value(QLatin1String("kind")).toString()
                                   : QStringLiteral("not an object"));
        return out;
    }
    out.m_instance = v.toObject();
    // instances.get names the zone by URL: .../projects/<project>/zones/<zone>.
    const QString zoneUrl = out.m_instance.value(QLatin1String("zone")).toString();
    static const QRegularExpression projectIn(QStringLiteral("(?:^|/)projects/([^/]+)/"));
    const QString project = projectIn.match(zoneUrl).captured(1);
    (void)checkRecordedField(QStringLiteral("instance.id"), token.instanceId,
                             out.m_instance.value(QLatin1String("id")).toString(), result);
    (void)checkRecordedField(QStringLiteral("instance.name"), token.instanceName,
                             out.m_instance.value(QLatin1String("name")).toString(), result);
    (void)checkRecordedField(QStringLiteral("instance.zone"), token.zone,
                             zoneUrl.section(QLatin1Char('/'), -1), result);
    (void)checkRecordedField(QStringLiteral("instance.zone (project)"), token.projectId, project,
                             result);
    const QStringList accounts = out.serviceAccounts();
    if (!token.serviceAccount.isEmpty() && !accounts.contains(token.serviceAccount))
        result.refuse(QStringLiteral("claim_mismatch"),
                      QStringLiteral("instance.serviceAccounts: ") + token.serviceAccount,
                      QStringLiteral("instance.serviceAccounts: ") +
                          accounts.join(QStringLiteral(", ")));
    const QJsonObject allowed = out.metadata(anchor);
    for (auto it = allowed.constBegin(); it != allowed.constEnd(); ++it) {
        const qsizetype size = it.value().toString().toUtf8().size();
        if (size > anchor.maxMetadataValueSize)
            result.refuse(QStringLiteral("value_too_large"),
                          QStringLiteral("metadata %1: at most %2 bytes")
                              .arg(it.key())
                              .arg(anchor.maxMetadataValueSize),
                          QStringLiteral("%1 bytes").arg(size));
    }
    return out;
}

QStringList GcpRecordedInstance::selectors(const TrustAnchor &anchor) const
{
    QStringList out;
    if (!isRecorded())
        return out;
    for (const QString &tag : tags())
        out << QStringLiteral("gcp_iit:tag:") + tag;
    for (const QString &email : serviceAccounts())
        out << QStringLiteral("gcp_iit:sa:") + email;
    const std::pair<QString, QJsonObject> maps[] = {
        {QStringLiteral("gcp_iit:label:"), labels(anchor)},
        {QStringLiteral("gcp_iit:metadata:"), metadata(anchor)},
    };
    for (const auto &[prefix, map] : maps) {
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            out << prefix + it.key() + QLatin1Char(':') + it.value().toString();
    }
    return out;
}

void GcpRecordedInstance::addClaims(const TrustAnchor &anchor, QJsonObject &node) const
{
    if (!isRecorded())
        return;
    node.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags()));
    node.insert(QStringLiteral("service_accounts"), QJsonArray::fromStringList(serviceAccounts()));
    node.insert(QStringLiteral("labels"), labels(anchor));
    node.insert(QStringLiteral("metadata"), metadata(anchor));
}

QJsonObject GcpRecordedInstance::labels(const TrustAnchor &anchor) const
{
    return allowedEntries(m_instance.value(QLatin1String("labels")).toObject(),
                          anchor.allowedLabelKeys);
}

QJsonObject GcpRecordedInstance::metadata(const TrustAnchor &anchor) const
{
    QJsonObject items;
    const QJsonArray list = m_instance.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("items"))
                                .toArray();
    // An item may have no value; it still selects, with a trailing colon.
    for (const QJsonValue &item : list) {
        const QJsonValue value = item.toObject().value(QLatin1String("value"));
        items.insert(item.toObject().value(QLatin1String("key")).toString(),
                     value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
    }
    return allowedEntries(items, anchor.allowedMetadataKeys);
}

QStringList GcpRecordedInstance::tags() const
{
    QStringList out;
    const QJsonArray items =
        m_instance.value(QLatin1String("tags")).toObject().value(QLatin1String("items")).toArray();
    for (const QJsonValue &tag : items)
        out << tag.toString();
    return out;
}

QStringList GcpRecordedInstance::serviceAccounts() const
{
    QStringList out;
    for (const QJsonValue &sa : m_instance.value(QLatin1String("serviceAccounts")).toArray())
        out << sa.toObject().value(QLatin1String("email")).toString();
    return out;
}

} // namespace ta::core
