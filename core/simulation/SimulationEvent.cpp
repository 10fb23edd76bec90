// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SimulationEvent.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {

QString simulationEventName(SimulationEvent::Kind kind)
{
    switch (kind) {
    case SimulationEvent::Kind::Issued:
        return QStringLiteral("issued");
    case SimulationEvent::Kind::Renewed:
        return QStringLiteral("renewed");
    case SimulationEvent::Kind::Expired:
        return QStringLiteral("expired");
    case SimulationEvent::Kind::Revoked:
        return QStringLiteral("revoked");
    case SimulationEvent::Kind::Denied:
        return QStringLiteral("denied");
    }
    return QStringLiteral("issued");
}

QJsonObject SimulationEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("at"), EvidenceRecord::formatTime(at)},
                  {QStringLiteral("event"), simulationEventName(kind)},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("spiffe_id"), spiffeId}};
    if (!credential.isEmpty())
        o.insert(QStringLiteral("credential"), credential);
    if (record > 0)
        o.insert(QStringLiteral("record"), record);
    if (!rule.isEmpty())
        o.insert(QStringLiteral("rule"), rule);
    if (notAfter.isValid())
        o.insert(QStringLiteral("not_after"), EvidenceRecord::formatTime(notAfter));
    if (!replaces.isEmpty())
        o.insert(QStringLiteral("replaces"), replaces);
    if (kind == Kind::Revoked)
        o.insert(QStringLiteral("reason"), QJsonArray::fromStringList(reason));
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    return o;
}

} // namespace ta::core
