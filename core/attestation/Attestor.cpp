// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/Attestor.h"

namespace ta::core {

AttestationResult startResult(const EvidenceRecord &record)
{
    AttestationResult r;
    r.time = record.time;
    r.attestor = record.attestor;
    r.subject = record.subject;
    r.line = record.line;
    return r;
}

bool checkAnchorUsable(const TrustAnchor &anchor, const QDateTime &time,
                       const AttestationContext &context, AttestationResult &result)
{
    if (context.anchorRevoked(anchor.id)) {
        result.refuse(QStringLiteral("anchor_revoked"), QStringLiteral("active"), anchor.id);
        return false;
    }
    if (context.anchorExpiredBySignal(anchor.id)) {
        result.refuse(QStringLiteral("anchor_expired"), QStringLiteral("active"), anchor.id);
        return false;
    }
    if (anchor.notAfter.isValid() && time > anchor.notAfter) {
        result.refuse(QStringLiteral("anchor_expired"),
                      QStringLiteral("until ") + EvidenceRecord::formatTime(anchor.notAfter),
                      EvidenceRecord::formatTime(time));
        return false;
    }
    if (anchor.notBefore.isValid() && time < anchor.notBefore) {
        result.refuse(QStringLiteral("not_yet_valid"),
                      QStringLiteral("from ") + EvidenceRecord::formatTime(anchor.notBefore),
                      EvidenceRecord::formatTime(time));
        return false;
    }
    result.anchorIds.append(anchor.id);
    return true;
}

bool checkAllowList(const TrustAnchor &anchor, const QString &field, const QString &value,
                    AttestationResult &result)
{
    if (!anchor.allowList) {
        result.warn(QStringLiteral("allow_list_missing"),
                    QStringLiteral("%1 on %2").arg(field, anchor.id), QStringLiteral("(none)"));
        return true;
    }
    if (anchor.allowList->contains(value))
        return true;
    result.refuse(QStringLiteral("not_allowed"),
                  QStringLiteral("%1 of %2: %3")
                      .arg(field, anchor.id, anchor.allowList->join(QStringLiteral(", "))),
                  value);
    return false;
}

bool checkRecordedField(const QString &field, const QString &signedValue,
                        const QString &recordedValue, AttestationResult &result)
{
    if (signedValue == recordedValue)
        return true;
    result.refuse(QStringLiteral("claim_mismatch"), field + QStringLiteral(": ") + signedValue,
                  field + QStringLiteral(": ") +
                      (recordedValue.isEmpty() ? QStringLiteral("(none)") : recordedValue));
    return false;
}

QJsonObject allowedEntries(const QJsonObject &map, const QStringList &allowedKeys)
{
    QJsonObject out;
    for (const QString &key : allowedKeys) {
        const QJsonValue v = map.value(key);
        if (!v.isUndefined())
            out.insert(key, v.isString() ? v.toString() : QString());
    }
    return out;
}

} // namespace ta::core
