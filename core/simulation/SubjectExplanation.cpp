// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SubjectExplanation.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {

QJsonObject SubjectExplanation::toJson() const
{
    QJsonObject o{{QStringLiteral("subject"), subject},
                  {QStringLiteral("at"), EvidenceRecord::formatTime(at)},
                  {QStringLiteral("seen"), seen},
                  {QStringLiteral("attested"), attested},
                  {QStringLiteral("held"), QJsonArray::fromStringList(held)}};
    if (!node.isEmpty())
        o.insert(QStringLiteral("node"), node);
    if (lastChange) {
        QJsonObject c{{QStringLiteral("kind"), subjectHistoryKindName(lastChange->kind)},
                      {QStringLiteral("at"), EvidenceRecord::formatTime(lastChange->at)}};
        if (!lastChange->reasons.isEmpty())
            c.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(lastChange->reasons));
        o.insert(QStringLiteral("last_change"), c);
    }
    if (!seen)
        return o;
    o.insert(QStringLiteral("evidence"), decided.toJson());
    if (!reasons.isEmpty())
        o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(reasons));
    o.insert(QStringLiteral("decision"), decision.toJson());
    return o;
}

} // namespace ta::core
