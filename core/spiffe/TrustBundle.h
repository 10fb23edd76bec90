// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"
#include "core/spiffe/TrustDomain.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace ta::core {

/// A trust domain's SPIFFE bundle (SPIFFE_Trust_Domain_and_Bundle.md): its X.509 authorities
/// (CA certificates), its JWT authorities (key ID -> public key), the sequence number and the
/// refresh hint. Every change raises the sequence by one. Read and written as the SPIFFE bundle
/// format (a JWK Set) or as PEM (X.509 authorities only).
class TrustBundle
{
public:
    TrustBundle() = default;
    /// An empty bundle for @p td (sequence 0, no refresh hint).
    explicit TrustBundle(TrustDomain td);

    /// Reads a SPIFFE bundle (JWKS). Entries of unknown `use` or `kty` are skipped as the spec
    /// requires; `keys` must be present but may be empty (a bundle that trusts nothing). An entry
    /// without `use` is refused (the spec says it MUST be set). x509-svid entries need exactly one
    /// x5c certificate whose key is the entry's key (as go-spiffe; X509-SVID.md 6.2 would skip
    /// such entries, but a malformed authority is better reported than silently dropped); a kid
    /// on them is tolerated. jwt-svid entries need a kid, unique in the bundle.
    [[nodiscard]] static Result<TrustBundle> fromJwks(const TrustDomain &td,
                                                      const QByteArray &json);
    /// Reads PEM CA certificates as X.509 authorities; there must be at least one.
    [[nodiscard]] static Result<TrustBundle> fromPem(const TrustDomain &td, const QByteArray &pem);

    /// The SPIFFE bundle format: x509-svid entries with one x5c certificate and no kid, jwt-svid
    /// entries with their kid, spiffe_sequence, and spiffe_refresh_hint when set.
    QByteArray toJwks() const;
    /// The X.509 authorities as concatenated PEM (JWT authorities have no PEM form here).
    QByteArray toPem() const;

    /// True for a default-constructed bundle, which belongs to no trust domain.
    bool isNull() const { return m_td.isNull(); }
    TrustDomain trustDomain() const { return m_td; }
    /// True when the bundle holds no authority of either kind.
    bool isEmpty() const { return m_x509.isEmpty() && m_jwt.isEmpty(); }

    const QList<Certificate> &x509Authorities() const { return m_x509; }
    const QMap<QString, Key> &jwtAuthorities() const { return m_jwt; }
    /// The JWT authority for @p kid, or nullptr. The pointer lives until the bundle changes.
    const Key *jwtAuthority(const QString &kid) const;
    bool hasX509Authority(const Certificate &cert) const;

    /// Adds a CA certificate; adding one already present changes nothing.
    [[nodiscard]] Result<void> addX509Authority(const Certificate &cert);
    /// Removes a CA certificate; false when it was not there.
    bool removeX509Authority(const Certificate &cert);
    /// Adds a JWT signing key under @p kid; a kid already taken by another key is refused.
    [[nodiscard]] Result<void> addJwtAuthority(const QString &kid, const Key &key);
    /// Removes the JWT authority @p kid; false when there was none.
    bool removeJwtAuthority(const QString &kid);

    /// spiffe_sequence: raised by one on every change.
    quint64 sequence() const { return m_sequence; }
    /// Restores a stored sequence; it may only move forward.
    [[nodiscard]] Result<void> setSequence(quint64 sequence);
    /// spiffe_refresh_hint in seconds, when set.
    std::optional<qint64> refreshHint() const { return m_refreshHint; }
    /// Sets or clears the refresh hint (seconds, not negative); a change raises the sequence.
    [[nodiscard]] Result<void> setRefreshHint(std::optional<qint64> seconds);

    /// Same trust domain, authorities, sequence and refresh hint.
    bool operator==(const TrustBundle &other) const;
    bool operator!=(const TrustBundle &other) const { return !(*this == other); }

private:
    void changed();

    TrustDomain m_td;
    QList<Certificate> m_x509;
    QMap<QString, Key> m_jwt;
    quint64 m_sequence = 0;
    std::optional<qint64> m_refreshHint;
};

} // namespace ta::core
