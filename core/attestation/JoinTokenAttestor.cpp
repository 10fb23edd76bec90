// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/JoinTokenAttestor.h"

#include "core/attestation/AgentId.h"

#include <QCryptographicHash>

namespace ta::core {

AttestationResult JoinTokenAttestor::verify(const EvidenceRecord &record,
                                            const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const QString token = record.payload.value(QLatin1String("token")).toString();
    if (token.isEmpty()) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("payload.token"),
                 QStringLiteral("(none)"));
        return r;
    }
    const QByteArray hash =
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
    const TrustAnchor *anchor = nullptr;
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(AnchorKind::JoinToken)) {
        if (a->tokenSha256 == hash)
            anchor = a;
    }
    if (!anchor) {
        // Never echo a token that might be a near-miss of a real one.
        r.refuse(QStringLiteral("token_unknown"), QStringLiteral("a workspace join token"),
                 QStringLiteral("sha256:") + QString::fromLatin1(hash.left(16)));
        return r;
    }
    const QDateTime usedAt = context.tokenUsedAt(hash);
    if (usedAt.isValid()) {
        r.refuse(QStringLiteral("token_used"), QStringLiteral("unused"),
                 QStringLiteral("used at ") + EvidenceRecord::formatTime(usedAt));
        return r;
    }
    // A join token's TTL is its anchor window; report an out-of-window token as the token's
    // own expiry, which is what an operator looks for.
    if (anchor->notAfter.isValid() && record.time > anchor->notAfter) {
        r.refuse(QStringLiteral("expired"),
                 QStringLiteral("before ") + EvidenceRecord::formatTime(anchor->notAfter),
                 EvidenceRecord::formatTime(record.time));
        return r;
    }
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    auto agent = AgentId::make(context.settings.trustDomain, name(), {token});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"),
                 agent.error().code);
        return r;
    }
    r.agentId = *agent;
    r.consumedToken = QString::fromLatin1(hash);
    r.nonce = QString::fromLatin1(hash);
    r.selectors = {QStringLiteral("join_token:") + QString::fromLatin1(hash.left(16))};
    r.claims.insert(QStringLiteral("node"),
                    QJsonObject{{QStringLiteral("platform"), name()},
                                {QStringLiteral("token_anchor"), anchor->id},
                                {QStringLiteral("token_expires_at"),
                                 EvidenceRecord::formatTime(anchor->notAfter)}});
    return r;
}

} // namespace ta::core
