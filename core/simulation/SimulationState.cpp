// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SimulationState.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {

QJsonObject SimulationState::toJson() const
{
    QJsonArray creds;
    for (const LiveCredential &c : live)
        creds.append(
            QJsonObject{{QStringLiteral("credential"), c.credential},
                        {QStringLiteral("subject"), c.subject},
                        {QStringLiteral("spiffe_id"), c.spiffeId},
                        {QStringLiteral("not_after"), EvidenceRecord::formatTime(c.notAfter)}});
    return {{QStringLiteral("at"), EvidenceRecord::formatTime(at)},
            {QStringLiteral("attested"), QJsonArray::fromStringList(attested)},
            {QStringLiteral("live"), creds}};
}

} // namespace ta::core
