// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Jose.h"
#include "core/crypto/Key.h"
#include "core/spiffe/SpiffeId.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustBundleSet.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace ta::core {

/// A JWT-SVID (JWT-SVID.md): minted from a signing key, or validated against trust bundles.
/// An instance only ever holds a token that was minted here or passed every check.
class JwtSvid
{
public:
    /// How strict validation is beyond what the spec demands.
    struct ValidationOptions
    {
        /// The spec makes kid optional; go-spiffe and SPIRE require it, and so do we by default.
        /// With false, a token without kid is tried against every JWT authority of its trust
        /// domain (a kid that is present must still name a known key).
        bool requireKid = true;
        /// Clock skew tolerated on exp, nbf and iat. 30 s: enough for hosts kept in step by NTP,
        /// small beside the few minutes a JWT-SVID lives.
        std::chrono::seconds leeway{30};
    };

    JwtSvid() = default;

    /// Signs a JWT-SVID with header {alg, kid, typ: "JWT"} and claims {sub, aud, exp, iat} plus
    /// @p extraClaims (which cannot override those four). One audience is written as a string,
    /// several as an array. @p alg defaults to the key's natural algorithm (ES256/384/512, RS256).
    [[nodiscard]] static Result<JwtSvid> mint(const Key &signingKey, const QString &kid,
                                              const SpiffeId &subject, const QStringList &audience,
                                              const QDateTime &issuedAt, const QDateTime &expiry,
                                              std::optional<JwsAlgorithm> alg = std::nullopt,
                                              const QJsonObject &extraClaims = {});

    /// Validates @p token against the bundle of its subject's trust domain in @p bundles, for
    /// @p audience, at instant @p now.
    [[nodiscard]] static Result<JwtSvid> validate(QByteArrayView token,
                                                  const TrustBundleSet &bundles,
                                                  const QString &audience, const QDateTime &now,
                                                  const ValidationOptions &options);
    [[nodiscard]] static Result<JwtSvid> validate(QByteArrayView token,
                                                  const TrustBundleSet &bundles,
                                                  const QString &audience, const QDateTime &now);
    /// Validates against one bundle; a subject of any other trust domain is refused.
    [[nodiscard]] static Result<JwtSvid> validate(QByteArrayView token, const TrustBundle &bundle,
                                                  const QString &audience, const QDateTime &now,
                                                  const ValidationOptions &options);
    [[nodiscard]] static Result<JwtSvid> validate(QByteArrayView token, const TrustBundle &bundle,
                                                  const QString &audience, const QDateTime &now);

    /// True for a default-constructed instance (never for a minted or validated one).
    bool isNull() const { return m_token.isEmpty(); }
    /// The compact serialization.
    QByteArray token() const { return m_token; }
    /// The sub claim.
    SpiffeId subject() const { return m_subject; }
    /// The aud claim, always as a list.
    QStringList audience() const { return m_audience; }
    /// The exp claim (UTC).
    QDateTime expiry() const { return m_expiry; }
    /// The iat claim (UTC); invalid when the token has none.
    QDateTime issuedAt() const { return m_issuedAt; }
    /// The kid header; empty when the token has none.
    QString keyId() const { return m_kid; }
    JwsAlgorithm algorithm() const { return m_alg; }
    /// Every claim of the payload.
    QJsonObject claims() const { return m_claims; }
    /// The protected header.
    QJsonObject header() const { return m_header; }

private:
    static Result<JwtSvid> validateImpl(QByteArrayView token, const TrustBundleSet *bundles,
                                        const TrustBundle *bundle, const QString &audience,
                                        const QDateTime &now, const ValidationOptions &options);

    QByteArray m_token;
    SpiffeId m_subject;
    QStringList m_audience;
    QDateTime m_expiry;
    QDateTime m_issuedAt;
    QString m_kid;
    JwsAlgorithm m_alg = JwsAlgorithm::ES256;
    QJsonObject m_claims;
    QJsonObject m_header;
};

} // namespace ta::core
