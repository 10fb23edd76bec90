// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/CertificateAuthority.h"
#include "core/crypto/CryptoErrors.h"

#include "core/crypto/CertificateBuilder.h"

#include <openssl/rand.h>

namespace ta::core {
namespace {

// SPIRE backdates SVIDs so that a peer whose clock runs a little behind accepts them at once.
constexpr qint64 kBackdateSeconds = 10;

QString randomKid()
{
    unsigned char bytes[24];
    RAND_bytes(bytes, sizeof bytes);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString skiHex(const Certificate &cert)
{
    const ASN1_OCTET_STRING *ski = X509_get0_subject_key_id(cert.get());
    if (!ski)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(ski)),
                   ASN1_STRING_length(ski))
            .toHex());
}

} // namespace

Result<CertificateAuthority> CertificateAuthority::create(const TrustDomain &trustDomain,
                                                          const CaSettings &settings,
                                                          const QDateTime &now)
{
    CertificateAuthority ca;
    ca.m_trustDomain = trustDomain;
    ca.m_settings = settings;
    if (settings.intermediate) {
        auto rootKey = Key::generate(settings.keyType);
        if (!rootKey)
            return rootKey.error();
        CertificateSpec spec;
        spec.role = CertificateSpec::Role::SigningCa;
        spec.uriSan = trustDomain.idString();
        spec.organization = trustDomain.name();
        spec.commonName = QStringLiteral("Trust Atlas root");
        spec.notBefore = now.addSecs(-kBackdateSeconds);
        spec.notAfter = now.addSecs(settings.rootTtl);
        auto root = CertificateBuilder::build(spec, *rootKey, *rootKey, nullptr);
        if (!root)
            return root.error();
        ca.m_rootKey = *rootKey;
        ca.m_root = *root;
    }
    for (AuthorityKind kind : {AuthorityKind::X509, AuthorityKind::Jwt}) {
        auto prepared = ca.prepare(kind, now);
        if (!prepared)
            return prepared.error();
        auto activated = ca.activate(kind);
        if (!activated)
            return activated.error();
    }
    return ca;
}

CertificateAuthority CertificateAuthority::restore(const TrustDomain &trustDomain,
                                                   const CaSettings &settings, const Key &rootKey,
                                                   const Certificate &root,
                                                   const QList<AuthoritySlot> &slots)
{
    CertificateAuthority ca;
    ca.m_trustDomain = trustDomain;
    ca.m_settings = settings;
    ca.m_rootKey = rootKey;
    ca.m_root = root;
    ca.m_slots = slots;
    return ca;
}

const AuthoritySlot *CertificateAuthority::slot(const QString &id) const
{
    for (const AuthoritySlot &s : m_slots) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const AuthoritySlot *CertificateAuthority::activeSlot(AuthorityKind kind) const
{
    for (const AuthoritySlot &s : m_slots) {
        if (s.kind == kind && s.status == SlotStatus::Active)
            return &s;
    }
    return nullptr;
}

Result<AuthoritySlot> CertificateAuthority::makeSlot(AuthorityKind kind, const QDateTime &now) const
{
    auto key = Key::generate(m_settings.keyType);
    if (!key)
        return key.error();
    AuthoritySlot s;
    s.kind = kind;
    s.status = SlotStatus::Prepared;
    s.key = *key;
    s.createdAt = now;
    s.notAfter = now.addSecs(m_settings.caTtl);
    if (!m_root.isNull() && s.notAfter > m_root.notAfter())
        s.notAfter = m_root.notAfter();
    if (kind == AuthorityKind::Jwt) {
        s.kid = randomKid();
        s.id = s.kid;
        return s;
    }
    CertificateSpec spec;
    spec.role = CertificateSpec::Role::SigningCa;
    spec.uriSan = m_trustDomain.idString();
    spec.organization = m_trustDomain.name();
    spec.commonName = m_root.isNull() ? QStringLiteral("Trust Atlas CA")
                                      : QStringLiteral("Trust Atlas intermediate CA");
    spec.notBefore = now.addSecs(-kBackdateSeconds);
    spec.notAfter = s.notAfter;
    auto cert = m_root.isNull() ? CertificateBuilder::build(spec, *key, *key, nullptr)
                                : CertificateBuilder::build(spec, *key, m_rootKey, &m_root);
    if (!cert)
        return cert.error();
    s.certificate = *cert;
    // SPIRE names an X.509 authority by its subject key identifier.
    s.id = skiHex(s.certificate);
    return s;
}

Result<QString> CertificateAuthority::prepare(AuthorityKind kind, const QDateTime &now)
{
    for (const AuthoritySlot &s : m_slots) {
        if (s.kind == kind && s.status == SlotStatus::Prepared)
            return makeError(ec::CaAlreadyPrepared, s.id);
    }
    auto s = makeSlot(kind, now);
    if (!s)
        return s.error();
    m_slots.append(*s);
    return s->id;
}

Result<void> CertificateAuthority::activate(AuthorityKind kind)
{
    AuthoritySlot *prepared = nullptr;
    for (AuthoritySlot &s : m_slots) {
        if (s.kind == kind && s.status == SlotStatus::Prepared)
            prepared = &s;
    }
    if (!prepared)
        return makeError(ec::CaNothingPrepared, authorityKindName(kind));
    for (AuthoritySlot &s : m_slots) {
        if (s.kind == kind && s.status == SlotStatus::Active)
            s.status = SlotStatus::Old;
    }
    prepared->status = SlotStatus::Active;
    return {};
}

Result<void> CertificateAuthority::taint(const QString &authorityId)
{
    for (AuthoritySlot &s : m_slots) {
        if (s.id != authorityId)
            continue;
        if (s.status != SlotStatus::Old)
            return makeError(ec::CaTaintNotOld, slotStatusName(s.status));
        if (s.tainted)
            return makeError(ec::CaAlreadyTainted, authorityId);
        s.tainted = true;
        return {};
    }
    return makeError(ec::CaUnknownAuthority, authorityId);
}

Result<void> CertificateAuthority::revoke(const QString &authorityId)
{
    for (AuthoritySlot &s : m_slots) {
        if (s.id != authorityId)
            continue;
        if (s.status == SlotStatus::Revoked)
            return makeError(ec::CaAlreadyRevoked, authorityId);
        if (!s.tainted)
            return makeError(ec::CaRevokeNotTainted, authorityId);
        s.status = SlotStatus::Revoked;
        return {};
    }
    return makeError(ec::CaUnknownAuthority, authorityId);
}

QList<Certificate> CertificateAuthority::x509Authorities() const
{
    if (!m_root.isNull())
        return {m_root};
    QList<Certificate> out;
    for (const AuthoritySlot &s : m_slots) {
        if (s.kind == AuthorityKind::X509 && s.published())
            out.append(s.certificate);
    }
    return out;
}

QList<QPair<QString, Key>> CertificateAuthority::jwtAuthorities() const
{
    QList<QPair<QString, Key>> out;
    for (const AuthoritySlot &s : m_slots) {
        if (s.kind == AuthorityKind::Jwt && s.published())
            out.append({s.kid, s.key.publicKey()});
    }
    return out;
}

Result<MintedX509Svid> CertificateAuthority::mintX509Svid(const SpiffeId &id, const Key &publicKey,
                                                          const QStringList &dnsNames, qint64 ttl,
                                                          const QDateTime &now) const
{
    if (!id.memberOf(m_trustDomain))
        return makeError(ec::CaForeignTrustDomain, id.toString());
    if (id.path().isEmpty())
        return makeError(ec::CaIdWithoutPath, id.toString());
    if (publicKey.isNull())
        return makeError(ec::CaNoPublicKey);
    const AuthoritySlot *active = activeSlot(AuthorityKind::X509);
    if (!active)
        return makeError(ec::CaNoActiveAuthority);
    if (active->certificate.notAfter() <= now)
        return makeError(ec::CaAuthorityExpired, active->id);

    CertificateSpec spec;
    spec.role = CertificateSpec::Role::Leaf;
    spec.uriSan = id.toString();
    spec.dnsSans = dnsNames;
    spec.notBefore = now.addSecs(-kBackdateSeconds);
    spec.notAfter = now.addSecs(ttl > 0 ? ttl : m_settings.x509SvidTtl);
    if (spec.notAfter > active->certificate.notAfter())
        spec.notAfter = active->certificate.notAfter();
    auto leaf = CertificateBuilder::build(spec, publicKey, active->key, &active->certificate);
    if (!leaf)
        return leaf.error();
    MintedX509Svid out;
    out.chain.append(*leaf);
    if (!m_root.isNull())
        out.chain.append(active->certificate);
    out.authorityId = active->id;
    return out;
}

} // namespace ta::core
