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
    if (context.state.anchorRevoked(anchor.id)) {
        result.refuse(QStringLiteral("anchor_revoked"), QStringLiteral("active"), anchor.id);
        return false;
    }
    if (context.state.anchorExpiredBySignal(anchor.id)) {
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

} // namespace ta::core
