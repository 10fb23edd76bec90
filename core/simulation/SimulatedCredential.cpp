// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SimulatedCredential.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {

QString credentialEndName(SimulatedCredential::End end)
{
    switch (end) {
    case SimulatedCredential::End::Live:
        return QStringLiteral("live");
    case SimulatedCredential::End::Renewed:
        return QStringLiteral("renewed");
    case SimulatedCredential::End::Expired:
        return QStringLiteral("expired");
    case SimulatedCredential::End::Revoked:
        return QStringLiteral("revoked");
    }
    return QStringLiteral("live");
}

QJsonObject SimulatedCredential::toJson() const
{
    QJsonArray rests;
    for (qint64 r : restsOn())
        rests.append(r);
    QJsonObject o{{QStringLiteral("credential"), id},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("spiffe_id"), spiffeId},
                  {QStringLiteral("rule"), rule},
                  {QStringLiteral("not_before"), EvidenceRecord::formatTime(notBefore)},
                  {QStringLiteral("not_after"), EvidenceRecord::formatTime(notAfter)},
                  {QStringLiteral("rests_on"), rests},
                  {QStringLiteral("end"), credentialEndName(end)}};
    if (!replaces.isEmpty())
        o.insert(QStringLiteral("replaces"), replaces);
    if (!replacedBy.isEmpty())
        o.insert(QStringLiteral("replaced_by"), replacedBy);
    if (endedAt.isValid())
        o.insert(QStringLiteral("ended_at"), EvidenceRecord::formatTime(endedAt));
    if (!revokeReason.isEmpty())
        o.insert(QStringLiteral("reason"), QJsonArray::fromStringList(revokeReason));
    return o;
}

} // namespace ta::core
