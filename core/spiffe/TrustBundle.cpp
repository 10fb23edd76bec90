// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/SpiffeErrors.h"

#include "core/crypto/Jwk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace ta::core {
namespace {

/// A JSON value as it was written, cut short: the data a refusal names.
QString jsonText(const QJsonValue &v)
{
    const QJsonArray wrapped{v};
    QString text = QString::fromUtf8(QJsonDocument(wrapped).toJson(QJsonDocument::Compact));
    text = text.mid(1, text.size() - 2);
    return text.size() > 64 ? text.left(61) + QStringLiteral("...") : text;
}

const QString x509Use = QStringLiteral("x509-svid");
const QString jwtUse = QStringLiteral("jwt-svid");

Error entryError(const QString &code, qsizetype index, const QString &detail = {})
{
    return makeError(code, detail.isEmpty()
                               ? QStringLiteral("keys[%1]").arg(index)
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
        return entryError(ec::SpiffeBundleX5cMissing, index);
    const QJsonArray certs = x5c.toArray();
    if (certs.size() != 1)
        return entryError(ec::SpiffeBundleX5cCount, index, QString::number(certs.size()));
    const QJsonValue first = certs.first();
    // x5c holds standard base64 (RFC 7517 4.7), not base64url.
    auto decoded = QByteArray::fromBase64Encoding(first.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!first.isString() || !decoded || decoded.decoded.isEmpty())
        return entryError(ec::SpiffeBundleX5cBadBase64, index);
    auto cert = Certificate::fromDer(decoded.decoded);
    if (!cert)
        return entryError(ec::SpiffeBundleX5cBadCertificate, index, cert.error().toString());
    auto key = Jwk::toKey(entry);
    if (!key)
        return entryError(ec::SpiffeBundleBadKey, index, key.error().toString());
    if (!cert->publicKey().samePublicKey(*key))
        return entryError(ec::SpiffeBundleX5cKeyMismatch, index);
    return cert;
}

} // namespace

TrustBundle::TrustBundle(TrustDomain td) : m_td(std::move(td)) {}

Result<TrustBundle> TrustBundle::fromJwks(const TrustDomain &td, const QByteArray &json)
{
    if (td.isNull())
        return makeError(ec::SpiffeBundleNoTrustDomain);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ec::SpiffeBundleNotJson, parseError.errorString());
    if (!doc.isObject())
        return makeError(ec::SpiffeBundleNotObject,
                         QStringLiteral("the top level is not an object"));
    const QJsonObject root = doc.object();

    TrustBundle bundle(td);
    if (const auto it = root.constFind(QStringLiteral("spiffe_sequence")); it != root.constEnd()) {
        const auto seq = nonNegativeInteger(*it);
        if (!seq)
            return makeError(ec::SpiffeBundleBadSequence,
                             QStringLiteral("spiffe_sequence: ") + jsonText(*it));
        bundle.m_sequence = quint64(*seq);
    }
    if (const auto it = root.constFind(QStringLiteral("spiffe_refresh_hint"));
        it != root.constEnd()) {
        const auto hint = nonNegativeInteger(*it);
        if (!hint)
            return makeError(ec::SpiffeBundleBadRefreshHint,
                             QStringLiteral("spiffe_refresh_hint: ") + jsonText(*it));
        bundle.m_refreshHint = *hint;
    }
    const auto keysIt = root.constFind(QStringLiteral("keys"));
    if (keysIt == root.constEnd())
        return makeError(ec::SpiffeBundleKeysMissing, QStringLiteral("keys"));
    if (!keysIt->isArray())
        return makeError(ec::SpiffeBundleKeysNotArray, QStringLiteral("\"keys\" must be an array"));
    const QJsonArray keys = keysIt->toArray();

    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (!keys.at(i).isObject())
            return entryError(ec::SpiffeBundleKeyNotObject, i);
        const QJsonObject entry = keys.at(i).toObject();
        const QJsonValue use = entry.value(QStringLiteral("use"));
        if (use.isUndefined())
            return entryError(ec::SpiffeBundleUseMissing, i);
        if (!use.isString())
            return entryError(ec::SpiffeBundleUseInvalid, i);
        // Section 4.2.2: unknown uses (values are case sensitive) are ignored, entry and all.
        if (use.toString() != x509Use && use.toString() != jwtUse)
            continue;
        const QJsonValue kty = entry.value(QStringLiteral("kty"));
        if (!kty.isString())
            return entryError(ec::SpiffeBundleKtyMissing, i);
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
            return entryError(ec::SpiffeBundleKidMissing, i);
        auto key = Jwk::toKey(entry);
        if (!key)
            return entryError(ec::SpiffeBundleBadKey, i, key.error().toString());
        if (bundle.m_jwt.contains(kid.toString()))
            return entryError(ec::SpiffeBundleDuplicateKid, i, kid.toString());
        bundle.m_jwt.insert(kid.toString(), *key);
    }
    return bundle;
}

Result<TrustBundle> TrustBundle::fromPem(const TrustDomain &td, const QByteArray &pem)
{
    if (td.isNull())
        return makeError(ec::SpiffeBundleNoTrustDomain);
    auto certs = Certificate::listFromPem(pem);
    if (!certs)
        return makeError(ec::SpiffeBundlePemNoCertificate, certs.error().toString());
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
        jwk->insert(QStringLiteral("x5c"),
                    QJsonArray{QString::fromLatin1(cert.toDer().toBase64())});
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
        return makeError(ec::SpiffeBundleNoCertificate);
    if (auto jwk = Jwk::fromKey(cert.publicKey()); !jwk)
        return makeError(ec::SpiffeBundleUnsupportedKey, jwk.error().toString());
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
        return makeError(ec::SpiffeBundleKidMissing);
    if (key.isNull())
        return makeError(ec::SpiffeBundleNoKey);
    if (auto jwk = Jwk::fromKey(key); !jwk)
        return makeError(ec::SpiffeBundleUnsupportedKey, jwk.error().toString());
    if (const Key *existing = jwtAuthority(kid)) {
        if (existing->samePublicKey(key))
            return {};
        return makeError(ec::SpiffeBundleDuplicateKid, kid);
    }
    // A bundle is published; only the public half may ever sit in it.
    const Key pub = key.publicKey();
    if (pub.isNull())
        return makeError(ec::SpiffeBundleUnsupportedKey, takeOpenSslErrors());
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
        return makeError(ec::SpiffeBundleSequenceBackwards,
                         QStringLiteral("%1 < %2").arg(sequence).arg(m_sequence));
    if (sequence > quint64(std::numeric_limits<qint64>::max()))
        return makeError(ec::SpiffeBundleBadSequence,
                         QStringLiteral("%1 is beyond the largest sequence number").arg(sequence));
    m_sequence = sequence;
    return {};
}

Result<void> TrustBundle::setRefreshHint(std::optional<qint64> seconds)
{
    if (seconds && *seconds < 0)
        return makeError(ec::SpiffeBundleBadRefreshHint, QString::number(*seconds));
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
    if (m_td != other.m_td || m_sequence != other.m_sequence ||
        m_refreshHint != other.m_refreshHint || m_x509 != other.m_x509 ||
        m_jwt.size() != other.m_jwt.size())
        return false;
    for (auto it = m_jwt.constBegin(); it != m_jwt.constEnd(); ++it) {
        const Key *theirs = other.jwtAuthority(it.key());
        if (!theirs || !theirs->samePublicKey(it.value()))
            return false;
    }
    return true;
}

} // namespace ta::core
