// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/TrustBundle.h"

#include "core/crypto/Jwk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace ta::core {
namespace {

const QString x509Use = QStringLiteral("x509-svid");
const QString jwtUse = QStringLiteral("jwt-svid");

Error entryError(const QString &code, qsizetype index, const QString &detail = {})
{
    return makeError(code, detail.isEmpty() ? QStringLiteral("keys[%1]").arg(index)
                                            : QStringLiteral("keys[%1]: %2").arg(index).arg(detail));
}

// spiffe_sequence and spiffe_refresh_hint are JSON integers; Qt keeps integers exactly up to
// 2^63-1 and turns larger ones into doubles, so that is the range we accept.
std::optional<qint64> nonNegativeInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const qint64 n = v.toInteger(-1);
    if (n < 0)
        return std::nullopt;
    return n;
}

// One x509-svid entry: exactly one x5c certificate whose key is the entry's key.
Result<Certificate> readX509Entry(const QJsonObject &entry, qsizetype index)
{
    const QJsonValue x5c = entry.value(QStringLiteral("x5c"));
    if (!x5c.isArray())
        return entryError(QStringLiteral("spiffe.bundle.x5c_missing"), index);
    const QJsonArray certs = x5c.toArray();
    if (certs.size() != 1)
        return entryError(QStringLiteral("spiffe.bundle.x5c_count"), index,
                          QString::number(certs.size()));
    const QJsonValue first = certs.first();
    // x5c holds standard base64 (RFC 7517 4.7), not base64url.
    auto decoded = QByteArray::fromBase64Encoding(first.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!first.isString() || !decoded || decoded.decoded.isEmpty())
        return entryError(QStringLiteral("spiffe.bundle.x5c_bad_base64"), index);
    auto cert = Certificate::fromDer(decoded.decoded);
    if (!cert)
        return entryError(QStringLiteral("spiffe.bundle.x5c_bad_certificate"), index,
                          cert.error().toString());
    auto key = Jwk::toKey(entry);
    if (!key)
        return entryError(QStringLiteral("spiffe.bundle.bad_key"), index, key.error().toString());
    if (!cert->publicKey().samePublicKey(*key))
        return entryError(QStringLiteral("spiffe.bundle.x5c_key_mismatch"), index);
    return cert;
}

} // namespace

TrustBundle::TrustBundle(TrustDomain td) : m_td(std::move(td)) {}

Result<TrustBundle> TrustBundle::fromJwks(const TrustDomain &td, const QByteArray &json)
{
    if (td.isNull())
        return makeError(QStringLiteral("spiffe.bundle.no_trust_domain"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("spiffe.bundle.not_json"), parseError.errorString());
    if (!doc.isObject())
        return makeError(QStringLiteral("spiffe.bundle.not_object"));
    const QJsonObject root = doc.object();

    TrustBundle bundle(td);
    if (const auto it = root.constFind(QStringLiteral("spiffe_sequence")); it != root.constEnd()) {
        const auto seq = nonNegativeInteger(*it);
        if (!seq)
            return makeError(QStringLiteral("spiffe.bundle.bad_sequence"));
        bundle.m_sequence = quint64(*seq);
    }
    if (const auto it = root.constFind(QStringLiteral("spiffe_refresh_hint"));
        it != root.constEnd()) {
        const auto hint = nonNegativeInteger(*it);
        if (!hint)
            return makeError(QStringLiteral("spiffe.bundle.bad_refresh_hint"));
        bundle.m_refreshHint = *hint;
    }
    const auto keysIt = root.constFind(QStringLiteral("keys"));
    if (keysIt == root.constEnd())
        return makeError(QStringLiteral("spiffe.bundle.keys_missing"));
    if (!keysIt->isArray())
        return makeError(QStringLiteral("spiffe.bundle.keys_not_array"),
                         QStringLiteral("\"keys\" must be an array"));
    const QJsonArray keys = keysIt->toArray();

    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (!keys.at(i).isObject())
            return entryError(QStringLiteral("spiffe.bundle.key_not_object"), i);
        const QJsonObject entry = keys.at(i).toObject();
        const QJsonValue use = entry.value(QStringLiteral("use"));
        if (use.isUndefined())
            return entryError(QStringLiteral("spiffe.bundle.use_missing"), i);
        if (!use.isString())
            return entryError(QStringLiteral("spiffe.bundle.use_invalid"), i);
        // Section 4.2.2: unknown uses (values are case sensitive) are ignored, entry and all.
        if (use.toString() != x509Use && use.toString() != jwtUse)
            continue;
        const QJsonValue kty = entry.value(QStringLiteral("kty"));
        if (!kty.isString())
            return entryError(QStringLiteral("spiffe.bundle.kty_missing"), i);
        // Section 4.2.1: unknown key types are ignored too.
        if (!Jwk::isSupportedKeyType(kty.toString()))
            continue;

        if (use.toString() == x509Use) {
            auto cert = readX509Entry(entry, i);
            if (!cert)
                return cert.error();
            if (!bundle.hasX509Authority(*cert))
                bundle.m_x509.append(*cert);
            continue;
        }
        // JWT-SVID.md 6.1: every jwt-svid entry carries its kid.
        const QJsonValue kid = entry.value(QStringLiteral("kid"));
        if (!kid.isString() || kid.toString().isEmpty())
            return entryError(QStringLiteral("spiffe.bundle.kid_missing"), i);
        auto key = Jwk::toKey(entry);
        if (!key)
            return entryError(QStringLiteral("spiffe.bundle.bad_key"), i, key.error().toString());
        if (bundle.m_jwt.contains(kid.toString()))
            return entryError(QStringLiteral("spiffe.bundle.duplicate_kid"), i, kid.toString());
        bundle.m_jwt.insert(kid.toString(), *key);
    }
    return bundle;
}

Result<TrustBundle> TrustBundle::fromPem(const TrustDomain &td, const QByteArray &pem)
{
    if (td.isNull())
        return makeError(QStringLiteral("spiffe.bundle.no_trust_domain"));
    auto certs = Certificate::listFromPem(pem);
    if (!certs)
        return makeError(QStringLiteral("spiffe.bundle.pem_no_certificate"), certs.error().toString());
    TrustBundle bundle(td);
    for (const Certificate &cert : *certs) {
        if (auto ok = bundle.addX509Authority(cert); !ok)
            return ok.error();
    }
    return bundle;
}

QByteArray TrustBundle::toJwks() const
{
    QJsonArray keys;
    for (const Certificate &cert : m_x509) {
        // Every authority was checked to have a JWK form when it was added.
        auto jwk = Jwk::fromKey(cert.publicKey());
        if (!jwk)
            continue;
        jwk->insert(QStringLiteral("use"), x509Use);
        jwk->insert(QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(cert.toDer().toBase64())});
        keys.append(*jwk);
    }
    for (auto it = m_jwt.constBegin(); it != m_jwt.constEnd(); ++it) {
        auto jwk = Jwk::fromKey(it.value());
        if (!jwk)
            continue;
        jwk->insert(QStringLiteral("use"), jwtUse);
        jwk->insert(QStringLiteral("kid"), it.key());
        keys.append(*jwk);
    }
    QJsonObject root{{QStringLiteral("keys"), keys},
                     {QStringLiteral("spiffe_sequence"), qint64(m_sequence)}};
    if (m_refreshHint)
        root.insert(QStringLiteral("spiffe_refresh_hint"), *m_refreshHint);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray TrustBundle::toPem() const
{
    return Certificate::listToPem(m_x509);
}

const Key *TrustBundle::jwtAuthority(const QString &kid) const
{
    const auto it = m_jwt.constFind(kid);
    return it == m_jwt.constEnd() ? nullptr : &it.value();
}

bool TrustBundle::hasX509Authority(const Certificate &cert) const
{
    return m_x509.contains(cert);
}

Result<void> TrustBundle::addX509Authority(const Certificate &cert)
{
    if (cert.isNull())
        return makeError(QStringLiteral("spiffe.bundle.no_certificate"));
    if (auto jwk = Jwk::fromKey(cert.publicKey()); !jwk)
        return makeError(QStringLiteral("spiffe.bundle.unsupported_key"), jwk.error().toString());
    if (hasX509Authority(cert))
        return {};
    m_x509.append(cert);
    changed();
    return {};
}

bool TrustBundle::removeX509Authority(const Certificate &cert)
{
    if (!m_x509.removeOne(cert))
        return false;
    changed();
    return true;
}

Result<void> TrustBundle::addJwtAuthority(const QString &kid, const Key &key)
{
    if (kid.isEmpty())
        return makeError(QStringLiteral("spiffe.bundle.kid_missing"));
    if (key.isNull())
        return makeError(QStringLiteral("spiffe.bundle.no_key"));
    if (auto jwk = Jwk::fromKey(key); !jwk)
        return makeError(QStringLiteral("spiffe.bundle.unsupported_key"), jwk.error().toString());
    if (const Key *existing = jwtAuthority(kid)) {
        if (existing->samePublicKey(key))
            return {};
        return makeError(QStringLiteral("spiffe.bundle.duplicate_kid"), kid);
    }
    // A bundle is published; only the public half may ever sit in it.
    const Key pub = key.publicKey();
    if (pub.isNull())
        return makeError(QStringLiteral("spiffe.bundle.unsupported_key"), takeOpenSslErrors());
    m_jwt.insert(kid, pub);
    changed();
    return {};
}

bool TrustBundle::removeJwtAuthority(const QString &kid)
{
    if (m_jwt.remove(kid) == 0)
        return false;
    changed();
    return true;
}

Result<void> TrustBundle::setSequence(quint64 sequence)
{
    if (sequence < m_sequence)
        return makeError(QStringLiteral("spiffe.bundle.sequence_backwards"),
                         QStringLiteral("%1 < %2").arg(sequence).arg(m_sequence));
    if (sequence > quint64(std::numeric_limits<qint64>::max()))
        return makeError(QStringLiteral("spiffe.bundle.bad_sequence"));
    m_sequence = sequence;
    return {};
}

Result<void> TrustBundle::setRefreshHint(std::optional<qint64> seconds)
{
    if (seconds && *seconds < 0)
        return makeError(QStringLiteral("spiffe.bundle.bad_refresh_hint"));
    if (seconds == m_refreshHint)
        return {};
    m_refreshHint = seconds;
    changed();
    return {};
}

void TrustBundle::changed()
{
    ++m_sequence;
}

bool TrustBundle::operator==(const TrustBundle &other) const
{
    if (m_td != other.m_td || m_sequence != other.m_sequence || m_refreshHint != other.m_refreshHint
        || m_x509 != other.m_x509 || m_jwt.size() != other.m_jwt.size())
        return false;
    for (auto it = m_jwt.constBegin(); it != m_jwt.constEnd(); ++it) {
        const Key *theirs = other.jwtAuthority(it.key());
        if (!theirs || !theirs->samePublicKey(it.value()))
            return false;
    }
    return true;
}

} // namespace ta::core
