// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace ta::core {

/// The JWS algorithms JWT-SVID allows (JWT-SVID.md 2.1: RFC 7518 3.3, 3.4, 3.5), and no other:
/// no "none", no HMAC, no EdDSA.
enum class JwsAlgorithm { ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512 };

/// JOSE building blocks over OpenSSL: base64url, JWS compact serialization, and signing and
/// verifying with the nine algorithms above. ECDSA signatures travel in the raw r||s form of
/// RFC 7518 3.4 and are converted to and from DER with OpenSSL's ECDSA_SIG.
class Jose
{
public:
    Jose() = delete;

    /// A JWS in compact serialization, split and decoded (nothing about it is trusted yet).
    struct CompactJws
    {
        QByteArray header;       ///< the decoded protected header (JSON text)
        QByteArray payload;      ///< the decoded payload
        QByteArray signature;    ///< the decoded signature
        QByteArray signingInput; ///< ASCII(BASE64URL(header) || '.' || BASE64URL(payload))
    };

    /// Base64url without padding (RFC 7515 2).
    static QByteArray base64UrlEncode(QByteArrayView data);
    /// Strict base64url: only [A-Za-z0-9_-], no padding, no whitespace, zero unused bits.
    [[nodiscard]] static Result<QByteArray> base64UrlDecode(QByteArrayView text);

    /// "ES256", "RS384", ...
    static QString algorithmName(JwsAlgorithm alg);
    /// The same name as text that lives as long as the program (no allocation).
    static const char *algorithmText(JwsAlgorithm alg);
    /// The algorithm named @p name, if it is one of the nine.
    static std::optional<JwsAlgorithm> algorithmFromName(QStringView name);
    /// The algorithm to sign with by default: ES256/ES384/ES512 by curve, RS256 for RSA.
    static std::optional<JwsAlgorithm> defaultAlgorithm(const Key &key);
    /// The size of one ECDSA coordinate (r or s) for an ES algorithm, 0 for RSA algorithms.
    static int ecCoordinateBytes(JwsAlgorithm alg);

    /// Whether @p key may be used with @p alg: the right curve for ES*, RSA of at least 2048 bits
    /// for RS* and PS*.
    [[nodiscard]] static Result<void> checkKeyFits(const Key &key, JwsAlgorithm alg);
    /// The JWS signature over @p input (raw r||s for ECDSA).
    [[nodiscard]] static Result<QByteArray> sign(const Key &key, JwsAlgorithm alg,
                                                 QByteArrayView input);
    /// Verifies a JWS signature (raw r||s for ECDSA) over @p input.
    [[nodiscard]] static Result<void> verify(const Key &key, JwsAlgorithm alg, QByteArrayView input,
                                             QByteArrayView signature);

    /// Signs @p payload; @p header gets its "alg" set from @p alg. Returns the compact JWS.
    [[nodiscard]] static Result<QByteArray> signCompact(QJsonObject header, QByteArrayView payload,
                                                        const Key &key, JwsAlgorithm alg);
    /// RFC 7515 4.1.11: a "crit" header names extensions the recipient must understand, or
    /// refuse the JWS. @p understood lists those the caller processes (none, for every caller
    /// today), so any "crit" is refused: jose.crit_invalid when it is not a non-empty array of
    /// distinct strings, jose.crit_unknown naming the first one not understood.
    [[nodiscard]] static Result<void> checkCritical(const QJsonObject &header,
                                                    const QStringList &understood = {});
    /// The largest NumericDate accepted: 9999-12-31T23:59:59Z, the end of what QDateTime and an
    /// RFC 3339 text can hold.
    static constexpr double MaxNumericDate = 253402300799.0;
    /// A NumericDate (RFC 7519 2: seconds since the epoch, possibly fractional) as an instant,
    /// whole seconds; nullopt unless it is a JSON number from 0 to MaxNumericDate, so a huge,
    /// negative or non-finite value is refused rather than overflowed.
    static std::optional<QDateTime> numericDate(const QJsonValue &value);

    /// Whether splitCompact decodes the protected header.
    enum class Header {
        Decode,
        /// Left empty, undecoded: for a caller that holds what this very header text gave
        /// before (its bytes are in signingInput).
        Skip,
    };
    /// Splits and decodes a compact JWS: exactly three strict base64url parts.
    [[nodiscard]] static Result<CompactJws> splitCompact(QByteArrayView token,
                                                         Header header = Header::Decode);
    /// The same from a token the caller gives up: signingInput shares its block, cut at the
    /// second dot, without copying the signed bytes even when the block is shared
    /// (sharedSlice: nothing after them is '\0').
    [[nodiscard]] static Result<CompactJws> splitCompact(QByteArray &&token,
                                                         Header header = Header::Decode);

    /// DER ECDSA-Sig-Value -> r||s, each left-padded to @p coordinateBytes.
    [[nodiscard]] static Result<QByteArray> ecdsaDerToRaw(QByteArrayView der, int coordinateBytes);
    /// r||s (two halves of equal size) -> DER ECDSA-Sig-Value.
    [[nodiscard]] static Result<QByteArray> ecdsaRawToDer(QByteArrayView raw);
};

} // namespace ta::core
