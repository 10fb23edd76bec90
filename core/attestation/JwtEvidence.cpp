// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/JwtEvidence.h"

#include "core/attestation/Attestor.h"
#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {

QString JwtEvidence::numericDateExpected(const QString &claim)
{
    return QStringLiteral("%1: a NumericDate from 0 to %2")
        .arg(claim)
        .arg(qint64(Jose::MaxNumericDate));
}

QString JwtEvidence::valueText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(value.toString().left(64));
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1)
        .left(64);
}

std::optional<JwtEvidence::Verified> JwtEvidence::verifyToken(const EvidenceRecord &record,
                                                              AnchorKind kind,
                                                              const QList<JwsAlgorithm> &allowed,
                                                              const AttestationContext &context,
                                                              AttestationResult &result)
{
    Verified v;
    v.token = record.payload.latin1(QLatin1String("token"));
    if (v.token.isEmpty()) {
        result.refuse(QStringLiteral("malformed"), QStringLiteral("payload.token"),
                      QStringLiteral("(none)"));
        return std::nullopt;
    }
    auto jwt = parse(QByteArray(v.token), result);
    if (!jwt)
        return std::nullopt;
    v.jwt = std::move(*jwt);
    // The issuer picks the anchor; the claim is not trusted until the signature holds.
    const QString iss = v.jwt.claims.value(QLatin1String("iss")).toString();
    const QString kid = v.jwt.header.value(QLatin1String("kid")).toString();
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(kind)) {
        if (a->issuer == iss && (!v.anchor || a->jwks.contains(kid)))
            v.anchor = a;
    }
    if (!v.anchor) {
        result.refuse(QStringLiteral("issuer_unknown"),
                      QStringLiteral("a %1 anchor").arg(anchorKindName(kind)), iss);
        return std::nullopt;
    }
    if (!checkAnchorUsable(*v.anchor, record.time, context, result) ||
        !verifySignature(v.jwt, *v.anchor, allowed, context, result))
        return std::nullopt;
    (void)checkClaims(v.jwt, *v.anchor, record.time, context, result);
    return v;
}

std::optional<JwtEvidence::Parsed> JwtEvidence::parse(QByteArrayView token,
                                                      AttestationResult &result,
                                                      Jose::Header headerPart, Claims claimsPart)
{
    return parsed(Jose::splitCompact(token, headerPart), result, headerPart, claimsPart);
}

std::optional<JwtEvidence::Parsed> JwtEvidence::parse(QByteArray &&token, AttestationResult &result,
                                                      Jose::Header headerPart, Claims claimsPart)
{
    return parsed(Jose::splitCompact(std::move(token), headerPart), result, headerPart, claimsPart);
}

std::optional<JwtEvidence::Parsed> JwtEvidence::parsed(Result<Jose::CompactJws> jws,
                                                       AttestationResult &result,
                                                       Jose::Header headerPart, Claims claimsPart)
{
    if (!jws) {
        result.refuse(QStringLiteral("malformed"), QStringLiteral("compact JWS"), jws.error().code);
        return std::nullopt;
    }
    Parsed p;
    p.jws = std::move(*jws);
    const bool decodeHeader = headerPart == Jose::Header::Decode;
    const QJsonDocument header =
        decodeHeader ? QJsonDocument::fromJson(p.jws.header) : QJsonDocument(QJsonObject());
    if (claimsPart == Claims::PlainFirst)
        p.plainClaims = PlainJson::object(p.jws.payload);
    // Claims read plainly are an object; only the others are parsed, and checked.
    const QJsonDocument claims =
        p.plainClaims ? QJsonDocument() : QJsonDocument::fromJson(p.jws.payload);
    if (!header.isObject() || (!p.plainClaims && !claims.isObject())) {
        result.refuse(QStringLiteral("malformed"), QStringLiteral("JSON header and claims"),
                      QStringLiteral("not JSON objects"));
        return std::nullopt;
    }
    p.header = header.object();
    p.claims = claims.object();
    if (!decodeHeader)
        return p;
    // Nothing here understands any JOSE extension, so a token that names one as critical is
    // refused (RFC 7515 4.1.11) rather than read without it.
    if (auto crit = Jose::checkCritical(p.header); !crit) {
        result.refuse(QStringLiteral("crit_unknown"),
                      QStringLiteral("no critical header extension"),
                      crit.error().code + QStringLiteral(": ") + crit.error().detail);
        return std::nullopt;
    }
    return p;
}

bool JwtEvidence::verifySignature(const Parsed &jwt, const TrustAnchor &anchor,
                                  const QList<JwsAlgorithm> &allowed,
                                  const AttestationContext &context, AttestationResult &result)
{
    const QString algName = jwt.header.value(QLatin1String("alg")).toString();
    const auto alg = Jose::algorithmFromName(algName);
    if (!alg || !allowed.contains(*alg)) {
        QStringList names;
        for (JwsAlgorithm a : allowed)
            names << Jose::algorithmName(a);
        result.refuse(QStringLiteral("algorithm_not_allowed"), names.join(QLatin1Char(',')),
                      algName);
        return false;
    }
    const QString kid = jwt.header.value(QLatin1String("kid")).toString();
    const auto it = anchor.jwks.constFind(kid);
    if (it == anchor.jwks.cend()) {
        result.refuse(QStringLiteral("key_unknown"), QStringLiteral("a kid of ") + anchor.id,
                      kid.isEmpty() ? QStringLiteral("(none)") : kid);
        return false;
    }
    const QByteArray fingerprint = anchor.jwksFingerprints.value(kid);
    if (context.keyRevoked(fingerprint)) {
        result.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"), kid);
        return false;
    }
    const bool verified =
        Jose::checkKeyFits(*it, *alg) &&
        checkSignature(context.signatures, fingerprint,
                       {algName.toLatin1(), jwt.jws.signingInput, jwt.jws.signature}, [&] {
                           return Jose::verify(*it, *alg, jwt.jws.signingInput, jwt.jws.signature);
                       });
    if (!verified) {
        result.refuse(QStringLiteral("signature_invalid"), QStringLiteral("signed by ") + kid,
                      QStringLiteral("signature does not verify"));
        return false;
    }
    result.keyFingerprints << QString::fromLatin1(fingerprint);
    return true;
}

bool JwtEvidence::checkClaims(const Parsed &jwt, const TrustAnchor &anchor, const QDateTime &at,
                              const AttestationContext &context, AttestationResult &result)
{
    bool ok = true;
    const QString iss = jwt.claims.value(QLatin1String("iss")).toString();
    if (iss != anchor.issuer) {
        result.refuse(QStringLiteral("issuer_mismatch"), anchor.issuer, iss);
        ok = false;
    }
    QStringList aud;
    const QJsonValue audValue = jwt.claims.value(QLatin1String("aud"));
    if (audValue.isString())
        aud << audValue.toString();
    for (const QJsonValue &a : audValue.toArray())
        aud << a.toString();
    bool audOk = false;
    for (const QString &want : anchor.audiences)
        audOk = audOk || aud.contains(want);
    if (!audOk) {
        result.refuse(QStringLiteral("audience_mismatch"), anchor.audiences.join(QLatin1Char(',')),
                      aud.join(QLatin1Char(',')));
        ok = false;
    }
    const qint64 leeway = context.settings.leeway.count();
    const QJsonValue exp = jwt.claims.value(QLatin1String("exp"));
    const auto expiresAt = Jose::numericDate(exp);
    if (exp.isUndefined()) {
        result.refuse(QStringLiteral("claim_missing"), QStringLiteral("exp"));
        ok = false;
    } else if (!expiresAt) {
        result.refuse(QStringLiteral("claim_invalid"), numericDateExpected(QStringLiteral("exp")),
                      valueText(exp));
        ok = false;
    } else {
        result.expiresAt = *expiresAt;
        if (at.addSecs(-leeway) >= result.expiresAt) {
            result.refuse(QStringLiteral("expired"),
                          QStringLiteral("before ") + EvidenceRecord::formatTime(result.expiresAt),
                          EvidenceRecord::formatTime(at));
            ok = false;
        }
    }
    for (const char *field : {"nbf", "iat"}) {
        const QJsonValue v = jwt.claims.value(QLatin1String(field));
        if (v.isUndefined())
            continue;
        const auto from = Jose::numericDate(v);
        if (!from) {
            result.refuse(QStringLiteral("claim_invalid"),
                          numericDateExpected(QString::fromLatin1(field)), valueText(v));
            ok = false;
            break;
        }
        if (at.addSecs(leeway) < *from) {
            result.refuse(QStringLiteral("not_yet_valid"),
                          QStringLiteral("%1 from %2")
                              .arg(QLatin1String(field), EvidenceRecord::formatTime(*from)),
                          EvidenceRecord::formatTime(at));
            ok = false;
            break;
        }
    }
    return ok;
}

} // namespace ta::core
