// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AttestationResult.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Affirming:
        return QStringLiteral("affirming");
    case Verdict::Warning:
        return QStringLiteral("warning");
    case Verdict::Contraindicated:
        return QStringLiteral("contraindicated");
    }
    return QStringLiteral("contraindicated");
}

QJsonObject AttestationReason::toJson() const
{
    QJsonObject o{{QStringLiteral("code"), code}};
    if (!expected.isEmpty())
        o.insert(QStringLiteral("expected"), expected);
    if (!found.isEmpty())
        o.insert(QStringLiteral("found"), found);
    return o;
}

Verdict AttestationResult::verdict() const
{
    if (!reasons.isEmpty())
        return Verdict::Contraindicated;
    return warnings.isEmpty() ? Verdict::Affirming : Verdict::Warning;
}

bool AttestationResult::hasReason(const QString &code) const
{
    for (const AttestationReason &r : reasons) {
        if (r.code == code)
            return true;
    }
    return false;
}

QJsonObject AttestationResult::toJson() const
{
    QJsonArray reasonArray;
    for (const AttestationReason &r : reasons)
        reasonArray.append(r.toJson());
    QJsonArray warningArray;
    for (const AttestationReason &r : warnings)
        warningArray.append(r.toJson());
    QJsonObject freshness{{QStringLiteral("evidence_time"), EvidenceRecord::formatTime(time)}};
    if (expiresAt.isValid())
        freshness.insert(QStringLiteral("expires_at"), EvidenceRecord::formatTime(expiresAt));
    if (!nonce.isEmpty())
        freshness.insert(QStringLiteral("nonce"), nonce);
    QJsonObject o{
        {QStringLiteral("time"), EvidenceRecord::formatTime(time)},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("attestor"), attestor},
        {QStringLiteral("verdict"), verdictName(verdict())},
        {QStringLiteral("selectors"), QJsonArray::fromStringList(selectors)},
        {QStringLiteral("claims"), claims},
        {QStringLiteral("anchors"), QJsonArray::fromStringList(anchorIds)},
        {QStringLiteral("reference_values"), QJsonArray::fromStringList(referenceValueIds)},
        {QStringLiteral("freshness"), freshness},
        {QStringLiteral("reasons"), reasonArray},
        {QStringLiteral("warnings"), warningArray}};
    if (!agentId.isEmpty())
        o.insert(QStringLiteral("agent_id"), agentId);
    if (line > 0)
        o.insert(QStringLiteral("line"), line);
    return o;
}

} // namespace ta::core
