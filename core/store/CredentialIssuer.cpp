// SPDX-License-Identifier: Apache-2.0
#include "core/store/CredentialIssuer.h"
#include "core/crypto/CryptoErrors.h"
#include "core/spiffe/SpiffeErrors.h"

#include <QCryptographicHash>

namespace ta::core {

Result<IssuedX509> CredentialIssuer::issueX509(const X509IssueRequest &request,
                                               const QDateTime &now)
{
    auto id = SpiffeId::fromString(request.spiffeId);
    if (!id)
        return id.error();
    auto ca = m_workspace.authority(request.trustDomain);
    if (!ca)
        return ca.error();
    IssuedX509 out;
    Key publicKey = request.publicKey;
    if (publicKey.isNull()) {
        auto generated = Key::generate(request.keyType);
        if (!generated)
            return generated.error();
        out.privateKey = *generated;
        publicKey = generated->publicKey();
    }
    auto minted = ca->mintX509Svid(*id, publicKey, request.dnsNames, request.ttl, now);
    if (!minted)
        return minted.error();
    out.chain = minted->chain;
    out.bundle = ca->x509Authorities();

    CredentialRecord &r = out.record;
    const Certificate &leaf = out.chain.first();
    r.trustDomain = request.trustDomain;
    r.kind = AuthorityKind::X509;
    r.serial = leaf.serialHex();
    r.spiffeId = id->toString();
    r.notBefore = leaf.notBefore();
    r.notAfter = leaf.notAfter();
    r.issuedAt = now;
    const auto type = publicKey.type();
    r.keyType = type ? keyTypeName(*type) : QStringLiteral("other");
    r.authorityId = minted->authorityId;
    r.dnsNames = request.dnsNames;
    r.material = Certificate::listToPem(out.chain);
    auto rowId = m_workspace.recordCredential(r);
    if (!rowId)
        return rowId.error();
    r.id = *rowId;
    return out;
}

Result<IssuedJwt> CredentialIssuer::issueJwt(const JwtIssueRequest &request, const QDateTime &now)
{
    auto id = SpiffeId::fromString(request.spiffeId);
    if (!id)
        return id.error();
    if (request.audience.isEmpty())
        return makeError(ec::JwtsvidAudienceMissing);
    auto ca = m_workspace.authority(request.trustDomain);
    if (!ca)
        return ca.error();
    if (!id->memberOf(ca->trustDomain()))
        return makeError(ec::CaForeignTrustDomain, id->toString());
    if (id->path().isEmpty())
        return makeError(ec::CaIdWithoutPath, id->toString());
    const AuthoritySlot *active = ca->activeSlot(AuthorityKind::Jwt);
    if (!active)
        return makeError(ec::CaNoActiveAuthority);
    const qint64 ttl = request.ttl > 0 ? request.ttl : ca->settings().jwtSvidTtl;
    QDateTime expiry = now.addSecs(ttl);
    if (expiry > active->notAfter)
        expiry = active->notAfter;
    if (expiry <= now)
        return makeError(ec::CaAuthorityExpired, active->id);
    auto svid = JwtSvid::mint(active->key, active->kid, *id, request.audience, now, expiry);
    if (!svid)
        return svid.error();

    IssuedJwt out;
    out.svid = *svid;
    CredentialRecord &r = out.record;
    r.trustDomain = request.trustDomain;
    r.kind = AuthorityKind::Jwt;
    // A JWT has no serial; its hash names it uniquely without storing a second copy of it.
    r.serial = QString::fromLatin1(
        QCryptographicHash::hash(svid->token(), QCryptographicHash::Sha256).toHex());
    r.spiffeId = id->toString();
    r.notBefore = now;
    r.notAfter = svid->expiry();
    r.issuedAt = now;
    const auto type = active->key.type();
    r.keyType = type ? keyTypeName(*type) : QStringLiteral("other");
    r.authorityId = active->id;
    r.audience = request.audience;
    r.material = svid->token();
    auto rowId = m_workspace.recordCredential(r);
    if (!rowId)
        return rowId.error();
    r.id = *rowId;
    return out;
}

} // namespace ta::core
