// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/SpiffeErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ta::core {
namespace {

const QString algKey = QStringLiteral("alg");
const QString kidKey = QStringLiteral("kid");
const QString typKey = QStringLiteral("typ");
const QString subKey = QStringLiteral("sub");
const QString audKey = QStringLiteral("aud");
const QString expKey = QStringLiteral("exp");
const QString iatKey = QStringLiteral("iat");
const QString nbfKey = QStringLiteral("nbf");

Error refuse(const ErrorCode &code, const QString &detail = {})
{
    return makeError(code, detail);
}

// The distinct refusals of algorithms outside the nine keep the reason visible: "none" and HMAC
// are the classic JWT downgrade attacks, EdDSA is merely not allowed by JWT-SVID.
Result<JwsAlgorithm> checkAlgorithm(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return refuse(ec::JwtsvidAlgMissing);
    const QString name = value.toString();
    if (const auto alg = Jose::algorithmFromName(name))
        return *alg;
    if (name.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return refuse(ec::JwtsvidAlgNone, name);
    if (name.startsWith(QLatin1String("HS")))
        return refuse(ec::JwtsvidAlgHmac, name);
    if (name == QLatin1String("EdDSA") || name == QLatin1String("Ed25519") ||
        name == QLatin1String("Ed448"))
        return refuse(ec::JwtsvidAlgEddsa, name);
    return refuse(ec::JwtsvidAlgNotAllowed, name);
}

// A NumericDate (RFC 7519 2): seconds since the epoch, possibly fractional. Only 0 up to
// 9999-12-31T23:59:59Z is a date: a huge value (1e300) would overflow the milliseconds a
// QDateTime is built from, and a negative one is no token's lifetime.
std::optional<double> numericDate(const QJsonValue &value)
{
    constexpr double maxNumericDate = 253402300799.0;
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!(seconds >= 0 && seconds <= maxNumericDate))
        return std::nullopt;
    return seconds;
}

QDateTime fromNumericDate(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0), Qt::UTC);
}

Result<QStringList> audienceOf(const QJsonObject &claims)
{
    const auto it = claims.constFind(audKey);
    if (it == claims.constEnd())
        return refuse(ec::JwtsvidAudMissing);
    if (it->isString())
        return QStringList{it->toString()};
    if (!it->isArray())
        return refuse(ec::JwtsvidAudInvalid);
    const QJsonArray array = it->toArray();
    if (array.isEmpty())
        return refuse(ec::JwtsvidAudMissing);
    QStringList out;
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (!v.isString())
            return refuse(ec::JwtsvidAudInvalid);
        out.append(v.toString());
    }
    return out;
}

Result<void> verifyWith(const Key &key, JwsAlgorithm alg, const Jose::CompactJws &jws)
{
    // Jose::verify checks the key against the algorithm first; its refusals are told apart here
    // rather than by checking twice on the hot path.
    auto ok = Jose::verify(key, alg, jws.signingInput, jws.signature);
    if (ok)
        return {};
    const QString &code = ok.error().code;
    if (code == QLatin1String("jose.key_type_mismatch") ||
        code == QLatin1String("jose.curve_mismatch") ||
        code == QLatin1String("jose.rsa_key_too_small") || code == QLatin1String("jose.no_key"))
        return refuse(ec::JwtsvidKeyAlgMismatch, ok.error().toString());
    return refuse(ec::JwtsvidBadSignature, ok.error().toString());
}

} // namespace

Result<JwtSvid> JwtSvid::mint(const Key &signingKey, const QString &kid, const SpiffeId &subject,
                              const QStringList &audience, const QDateTime &issuedAt,
                              const QDateTime &expiry, std::optional<JwsAlgorithm> alg,
                              const QJsonObject &extraClaims)
{
    if (subject.isNull())
        return refuse(ec::JwtsvidMintNoSubject);
    if (audience.isEmpty() || audience.contains(QString()))
        return refuse(ec::JwtsvidMintNoAudience);
    if (kid.isEmpty())
        return refuse(ec::JwtsvidMintNoKid);
    if (!issuedAt.isValid() || !expiry.isValid() || expiry <= issuedAt)
        return refuse(ec::JwtsvidMintBadLifetime);
    if (!alg)
        alg = Jose::defaultAlgorithm(signingKey);
    if (!alg)
        return refuse(ec::JwtsvidMintUnsupportedKey);

    QJsonObject header{{kidKey, kid}, {typKey, QStringLiteral("JWT")}};
    QJsonObject claims = extraClaims;
    claims.insert(subKey, subject.toString());
    claims.insert(audKey, audience.size() == 1 ? QJsonValue(audience.first())
                                               : QJsonValue(QJsonArray::fromStringList(audience)));
    claims.insert(expKey, expiry.toSecsSinceEpoch());
    claims.insert(iatKey, issuedAt.toSecsSinceEpoch());
    auto token = Jose::signCompact(header, QJsonDocument(claims).toJson(QJsonDocument::Compact),
                                   signingKey, *alg);
    if (!token)
        return token.error();

    JwtSvid svid;
    svid.m_token = std::move(token).value();
    svid.m_subject = subject;
    svid.m_audience = audience;
    svid.m_expiry = QDateTime::fromSecsSinceEpoch(expiry.toSecsSinceEpoch(), Qt::UTC);
    svid.m_issuedAt = QDateTime::fromSecsSinceEpoch(issuedAt.toSecsSinceEpoch(), Qt::UTC);
    svid.m_kid = kid;
    svid.m_alg = *alg;
    svid.m_claims = claims;
    header.insert(algKey, Jose::algorithmName(*alg));
    svid.m_header = header;
    return svid;
}

Result<JwtSvid> JwtSvid::validate(QByteArrayView token, const TrustBundleSet &bundles,
                                  const QString &audience, const QDateTime &now,
                                  const ValidationOptions &options)
{
    return validateImpl(token, &bundles, nullptr, audience, now, options);
}

Result<JwtSvid> JwtSvid::validate(QByteArrayView token, const TrustBundleSet &bundles,
                                  const QString &audience, const QDateTime &now)
{
    return validateImpl(token, &bundles, nullptr, audience, now, ValidationOptions());
}

Result<JwtSvid> JwtSvid::validate(QByteArrayView token, const TrustBundle &bundle,
                                  const QString &audience, const QDateTime &now,
                                  const ValidationOptions &options)
{
    return validateImpl(token, nullptr, &bundle, audience, now, options);
}

Result<JwtSvid> JwtSvid::validate(QByteArrayView token, const TrustBundle &bundle,
                                  const QString &audience, const QDateTime &now)
{
    return validateImpl(token, nullptr, &bundle, audience, now, ValidationOptions());
}

Result<JwtSvid> JwtSvid::validateImpl(QByteArrayView token, const TrustBundleSet *bundles,
                                      const TrustBundle *bundle, const QString &audience,
                                      const QDateTime &now, const ValidationOptions &options)
{
    if (audience.isEmpty())
        return refuse(ec::JwtsvidNoExpectedAudience);
    if (!now.isValid())
        return refuse(ec::JwtsvidNoTime);

    // Structure: JWS compact serialization only (JWT-SVID.md 5.1).
    auto split = Jose::splitCompact(token);
    if (!split) {
        if (split.error().code == QLatin1String("jose.bad_base64url"))
            return refuse(ec::JwtsvidBadBase64url, split.error().detail);
        return refuse(ec::JwtsvidMalformed, split.error().detail);
    }
    const Jose::CompactJws &jws = *split;
    QJsonParseError parseError;
    const QJsonDocument headerDoc = QJsonDocument::fromJson(jws.header, &parseError);
    if (parseError.error != QJsonParseError::NoError || !headerDoc.isObject())
        return refuse(ec::JwtsvidHeaderNotObject);
    const QJsonObject header = headerDoc.object();

    // Header (JWT-SVID.md 2): alg first, so a "none" token is named as such whatever else it has.
    auto alg = checkAlgorithm(header.value(algKey));
    if (!alg)
        return alg.error();
    if (header.contains(QStringLiteral("crit")))
        return refuse(ec::JwtsvidCritNotSupported);
    for (auto it = header.constBegin(); it != header.constEnd(); ++it) {
        if (it.key() != algKey && it.key() != kidKey && it.key() != typKey)
            return refuse(ec::JwtsvidHeaderNotAllowed, it.key());
    }
    if (const auto typ = header.constFind(typKey); typ != header.constEnd()) {
        if (!typ->isString() ||
            (typ->toString() != QLatin1String("JWT") && typ->toString() != QLatin1String("JOSE")))
            return refuse(ec::JwtsvidTypNotAllowed, typ->toVariant().toString());
    }
    QString kid;
    if (const auto it = header.constFind(kidKey); it != header.constEnd()) {
        if (!it->isString() || it->toString().isEmpty())
            return refuse(ec::JwtsvidKidInvalid);
        kid = it->toString();
    } else if (options.requireKid) {
        return refuse(ec::JwtsvidKidMissing);
    }

    // Claims: the subject names the trust domain, whose bundle alone may vouch for the token.
    const QJsonDocument claimsDoc = QJsonDocument::fromJson(jws.payload, &parseError);
    if (parseError.error != QJsonParseError::NoError || !claimsDoc.isObject())
        return refuse(ec::JwtsvidClaimsNotObject);
    const QJsonObject claims = claimsDoc.object();
    const QJsonValue subValue = claims.value(subKey);
    if (!subValue.isString())
        return refuse(ec::JwtsvidSubMissing);
    auto subject = SpiffeId::fromString(subValue.toString());
    if (!subject)
        return refuse(ec::JwtsvidSubInvalid, subject.error().toString());
    const TrustBundle *trusted =
        bundles ? bundles->bundleFor(subject->trustDomain())
                : (bundle && bundle->trustDomain() == subject->trustDomain() ? bundle : nullptr);
    if (!trusted)
        return refuse(ec::JwtsvidUnknownTrustDomain, subject->trustDomain().name());

    // Signature (RFC 7515 5.2), before any claim is believed.
    if (!kid.isEmpty()) {
        const Key *key = trusted->jwtAuthority(kid);
        if (!key)
            return refuse(ec::JwtsvidUnknownKid, kid);
        if (auto ok = verifyWith(*key, *alg, jws); !ok)
            return ok.error();
    } else {
        const QMap<QString, Key> &authorities = trusted->jwtAuthorities();
        if (authorities.isEmpty())
            return refuse(ec::JwtsvidNoJwtAuthority, subject->trustDomain().name());
        bool anyFits = false;
        bool verified = false;
        for (const Key &key : authorities) {
            if (!Jose::checkKeyFits(key, *alg))
                continue;
            anyFits = true;
            if (Jose::verify(key, *alg, jws.signingInput, jws.signature)) {
                verified = true;
                break;
            }
        }
        if (!anyFits)
            return refuse(ec::JwtsvidKeyAlgMismatch, Jose::algorithmName(*alg));
        if (!verified)
            return refuse(ec::JwtsvidBadSignature);
    }

    // Time (RFC 7519 4.1.4, 4.1.5, 4.1.6), with the leeway on each side.
    const double nowSeconds = double(now.toMSecsSinceEpoch()) / 1000.0;
    const double leeway = double(options.leeway.count());
    const auto expIt = claims.constFind(expKey);
    if (expIt == claims.constEnd())
        return refuse(ec::JwtsvidExpMissing);
    const auto exp = numericDate(*expIt);
    if (!exp)
        return refuse(ec::JwtsvidExpInvalid);
    if (nowSeconds >= *exp + leeway)
        return refuse(ec::JwtsvidExpired, fromNumericDate(*exp).toString(Qt::ISODate));
    if (const auto it = claims.constFind(nbfKey); it != claims.constEnd()) {
        const auto nbf = numericDate(*it);
        if (!nbf)
            return refuse(ec::JwtsvidNbfInvalid);
        if (nowSeconds + leeway < *nbf)
            return refuse(ec::JwtsvidNotYetValid, fromNumericDate(*nbf).toString(Qt::ISODate));
    }
    std::optional<double> iat;
    if (const auto it = claims.constFind(iatKey); it != claims.constEnd()) {
        iat = numericDate(*it);
        if (!iat)
            return refuse(ec::JwtsvidIatInvalid);
        if (*iat > nowSeconds + leeway)
            return refuse(ec::JwtsvidIssuedInFuture, fromNumericDate(*iat).toString(Qt::ISODate));
    }

    // Audience (JWT-SVID.md 3.2): present, and naming us.
    auto aud = audienceOf(claims);
    if (!aud)
        return aud.error();
    if (!aud->contains(audience))
        return refuse(ec::JwtsvidAudienceMismatch, audience);

    JwtSvid svid;
    svid.m_token = token.toByteArray();
    svid.m_subject = std::move(subject).value();
    svid.m_audience = std::move(aud).value();
    svid.m_expiry = fromNumericDate(*exp);
    if (iat)
        svid.m_issuedAt = fromNumericDate(*iat);
    svid.m_kid = kid;
    svid.m_alg = *alg;
    svid.m_claims = claims;
    svid.m_header = header;
    return svid;
}

} // namespace ta::core
