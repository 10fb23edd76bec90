// SPDX-License-Identifier: Apache-2.0
#include "models/CredentialDetails.h"

#include "core/crypto/Certificate.h"
#include "core/crypto/Jose.h"
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/SpiffeErrors.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/X509SvidValidator.h"
#include "models/Document.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/x509v3.h>

namespace ta::models {
namespace {

QString prettyJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson());
}

void setInvalid(CredentialDetails &d, core::Error error)
{
    d.verdict = CredentialDetails::Verdict::Invalid;
    d.error = std::move(error);
}

void inspectX509(CredentialDetails &d, const core::Result<core::TrustBundle> &bundle)
{
    auto chain = core::Certificate::listFromPem(d.record->material);
    if (!chain) {
        setInvalid(d, chain.error());
        return;
    }
    d.decoded = true;
    const core::Certificate &leaf = chain->first();
    d.spiffeId = leaf.uriSans().join(QLatin1Char('\n'));
    d.subject = leaf.subjectText();
    d.issuer = leaf.issuerText();
    d.serial = leaf.serialHex();
    d.notBefore = leaf.notBefore();
    d.notAfter = leaf.notAfter();
    const core::Key key = leaf.publicKey();
    d.keyType = key.isEc()    ? CredentialDetails::KeyType::Ec
                : key.isRsa() ? CredentialDetails::KeyType::Rsa
                              : CredentialDetails::KeyType::Other;
    d.keyBits = key.bits();
    d.signatureAlgorithm = leaf.signatureAlgorithm();
    const uint32_t ku = leaf.keyUsage();
    if (ku & KU_DIGITAL_SIGNATURE)
        d.keyUsage |= CredentialDetails::DigitalSignature;
    if (ku & KU_KEY_ENCIPHERMENT)
        d.keyUsage |= CredentialDetails::KeyEncipherment;
    if (ku & KU_KEY_AGREEMENT)
        d.keyUsage |= CredentialDetails::KeyAgreement;
    if (ku & KU_KEY_CERT_SIGN)
        d.keyUsage |= CredentialDetails::CertificateSigning;
    if (ku & KU_CRL_SIGN)
        d.keyUsage |= CredentialDetails::CrlSigning;
    const uint32_t xku = leaf.extendedKeyUsage();
    d.extendedKeyUsageRestricted = xku != UINT32_MAX;
    if (d.extendedKeyUsageRestricted) {
        if (xku & XKU_SSL_SERVER)
            d.extendedKeyUsage |= CredentialDetails::ServerAuthentication;
        if (xku & XKU_SSL_CLIENT)
            d.extendedKeyUsage |= CredentialDetails::ClientAuthentication;
    }
    d.dnsNames = leaf.dnsSans();
    d.isCa = leaf.isCa();
    d.fingerprint = QString::fromLatin1(leaf.fingerprint());
    for (const core::Certificate &c : std::as_const(*chain)) {
        d.chain.append(
            {c.subjectText().isEmpty() ? c.uriSans().join(QLatin1Char(' ')) : c.subjectText(),
             c.issuerText(), false});
    }
    if (!bundle) {
        setInvalid(d, bundle.error());
        return;
    }
    d.bundleTrustDomain = bundle->trustDomain().name();
    d.bundleSequence = bundle->sequence();
    auto verification = core::X509SvidValidator::validate(*chain, bundle->trustDomain(),
                                                          bundle->x509Authorities(), d.now);
    if (!verification) {
        setInvalid(d, verification.error());
        return;
    }
    for (qsizetype i = chain->size(); i < verification->path.size(); ++i) {
        const core::Certificate &c = verification->path.at(i);
        d.chain.append({c.subjectText(), c.issuerText(), true});
    }
    d.verdict = CredentialDetails::Verdict::Valid;
}

void inspectJwt(CredentialDetails &d, const core::Result<core::TrustBundle> &bundle)
{
    auto parts = core::Jose::splitCompact(d.record->material);
    if (!parts) {
        setInvalid(d, core::makeError(core::ec::JwtsvidMalformed));
        return;
    }
    d.decoded = true;
    const QJsonObject header = QJsonDocument::fromJson(parts->header).object();
    const QJsonObject claims = QJsonDocument::fromJson(parts->payload).object();
    d.spiffeId = claims.value(QStringLiteral("sub")).toString();
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    if (aud.isArray()) {
        for (const QJsonValue &v : aud.toArray())
            d.audience << v.toString();
    } else {
        d.audience << aud.toString();
    }
    d.notBefore = QDateTime::fromSecsSinceEpoch(
        qint64(claims.value(QStringLiteral("iat")).toDouble()), Qt::UTC);
    d.notAfter = QDateTime::fromSecsSinceEpoch(
        qint64(claims.value(QStringLiteral("exp")).toDouble()), Qt::UTC);
    d.algorithm = header.value(QStringLiteral("alg")).toString();
    d.keyId = header.value(QStringLiteral("kid")).toString();
    d.headerJson = prettyJson(parts->header);
    d.claimsJson = prettyJson(parts->payload);
    if (!bundle) {
        setInvalid(d, bundle.error());
        return;
    }
    d.bundleTrustDomain = bundle->trustDomain().name();
    d.bundleSequence = bundle->sequence();
    auto svid = core::JwtSvid::validate(
        d.record->material, *bundle, d.audience.isEmpty() ? QString() : d.audience.first(), d.now);
    if (!svid) {
        setInvalid(d, svid.error());
        return;
    }
    d.verifiedKeyId = svid->keyId();
    d.verdict = CredentialDetails::Verdict::Valid;
}

} // namespace

CredentialDetails CredentialDetails::inspect(const Document &document, qint64 id)
{
    if (id != 0) {
        if (auto stored = document.workspace().credential(id); stored && stored->has_value())
            return inspect(document, **stored);
    }
    CredentialDetails d;
    d.now = document.now();
    return d;
}

CredentialDetails CredentialDetails::inspect(const Document &document,
                                             const core::CredentialRecord &record)
{
    CredentialDetails d;
    d.record = record;
    d.now = document.now();
    const auto bundle = document.workspace().bundle(record.trustDomain);
    if (record.kind == core::AuthorityKind::X509)
        inspectX509(d, bundle);
    else
        inspectJwt(d, bundle);
    // A revoked credential still chains: the workspace's revocation is the verdict's last word.
    if (record.status == core::CredentialRecord::Status::Revoked && d.verdict == Verdict::Valid)
        d.verdict = Verdict::Revoked;
    return d;
}

} // namespace ta::models
