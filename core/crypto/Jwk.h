// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ta::core {

/// Public keys as JSON Web Keys (RFC 7517, parameters of RFC 7518 6): EC P-256, P-384 and P-521
/// ({kty, crv, x, y}, coordinates left-padded to the field size) and RSA ({kty, n, e}), built and
/// read through OpenSSL 3's EVP_PKEY_fromdata and EVP_PKEY_get_bn_param. Also RFC 7638 thumbprints.
class Jwk
{
public:
    Jwk() = delete;

    /// The public JWK members of @p key; any private half is never written.
    [[nodiscard]] static Result<QJsonObject> fromKey(const Key &key);
    /// The public key a JWK describes. Members other than the key parameters are left to the
    /// caller (use, kid, x5c, ...); private members ("d", "p", ...) are refused, as a published
    /// key set must never carry them.
    [[nodiscard]] static Result<Key> toKey(const QJsonObject &jwk);

    /// Whether @p kty is a key type we read ("EC", "RSA"); others are for callers to skip.
    static bool isSupportedKeyType(const QString &kty);
    /// The JWK "crv" of an EC key ("P-256", "P-384", "P-521"), empty for anything else.
    static QString curveName(const Key &key);

    /// RFC 7638 thumbprint (SHA-256 over the required members in canonical JSON) of @p key.
    [[nodiscard]] static Result<QByteArray> thumbprint(const Key &key);
    /// RFC 7638 thumbprint of a JWK, from its required members only.
    [[nodiscard]] static Result<QByteArray> thumbprint(const QJsonObject &jwk);
    /// base64url of the thumbprint: a key ID that any party can recompute from the key.
    [[nodiscard]] static Result<QString> thumbprintKeyId(const Key &key);
};

} // namespace ta::core
