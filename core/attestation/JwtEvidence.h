// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationContext.h"
#include "core/attestation/AttestationResult.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/PlainJson.h"
#include "core/crypto/Jose.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace ta::core {

/// The JWT checks shared by the token attestors (k8s_psat, gcp_iit): a compact JWS verified by
/// a key of a JWKS anchor, then iss, aud, exp and nbf. Each failure is its own reason. A token
/// with a "crit" header is refused (crit_unknown): no extension is understood.
class JwtEvidence
{
public:
    /// A token split and decoded; nothing in it is trusted yet.
    struct Parsed
    {
        Jose::CompactJws jws;
        QJsonObject header;
        /// Empty when plainClaims holds them.
        QJsonObject claims;
        /// With Claims::PlainFirst, the claims when PlainJson read them: views into
        /// jws.payload, valid while this Parsed (or a copy or move of it) lives unchanged.
        std::optional<PlainJson::Members> plainClaims;
    };

    /// How parse() reads the claims.
    enum class Claims {
        /// With Qt's parser, into Parsed::claims.
        Json,
        /// With PlainJson::object() when it reads them, into Parsed::plainClaims; else as Json.
        /// For a caller whose tokens are written plainly, and that reads a few claims only.
        PlainFirst,
    };

    /// A token whose signature verified under @p anchor; checkClaims has run too.
    struct Verified
    {
        Parsed jwt;
        const TrustAnchor *anchor = nullptr;
        QByteArray token;
    };

    /// The path every token attestor takes: payload.token parsed, the @p kind anchor picked by
    /// the iss claim (by the header's kid too when anchors share an issuer), the anchor usable
    /// at the record's time, the signature by one of @p allowed, then checkClaims. nullopt when
    /// refused before the claims; a claim that fails leaves its reason on @p result beside the
    /// value, so that every failing claim is reported.
    static std::optional<Verified> verifyToken(const EvidenceRecord &record, AnchorKind kind,
                                               const QList<JwsAlgorithm> &allowed,
                                               const AttestationContext &context,
                                               AttestationResult &result);
    /// Splits @p token; refuses @p result with "malformed" when it is not a JWS of JSON parts,
    /// and with "crit_unknown" when its header names a critical extension. With
    /// Jose::Header::Skip, the header is neither decoded nor checked and Parsed::header is left
    /// empty: for a caller that parsed this very header text before.
    static std::optional<Parsed> parse(QByteArrayView token, AttestationResult &result,
                                       Jose::Header header = Jose::Header::Decode,
                                       Claims claims = Claims::Json);
    /// The same from a token the caller gives up, which becomes jws.signingInput without a
    /// copy (Jose::splitCompact).
    static std::optional<Parsed> parse(QByteArray &&token, AttestationResult &result,
                                       Jose::Header header = Jose::Header::Decode,
                                       Claims claims = Claims::Json);
    /// Checks alg against @p allowed, finds the header's kid in @p anchor's JWKS, refuses a
    /// revoked key, and verifies the signature.
    static bool verifySignature(const Parsed &jwt, const TrustAnchor &anchor,
                                const QList<JwsAlgorithm> &allowed,
                                const AttestationContext &context, AttestationResult &result);
    /// iss must equal the anchor's issuer, aud must contain one of its audiences, exp and nbf
    /// hold at @p at within the leeway. Sets result.expiresAt from exp. exp, nbf and iat must be
    /// NumericDates Jose::numericDate accepts (claim_invalid otherwise: 1e300 never overflows).
    static bool checkClaims(const Parsed &jwt, const TrustAnchor &anchor, const QDateTime &at,
                            const AttestationContext &context, AttestationResult &result);
    /// "<claim>: a NumericDate from 0 to ...", the expected side of a claim_invalid reason.
    static QString numericDateExpected(const QString &claim);
    /// A claim's value as a reason's found side, cut to 64 characters.
    static QString valueText(const QJsonValue &value);

private:
    /// parse() after the split.
    static std::optional<Parsed> parsed(Result<Jose::CompactJws> jws, AttestationResult &result,
                                        Jose::Header header, Claims claims);
};

} // namespace ta::core
