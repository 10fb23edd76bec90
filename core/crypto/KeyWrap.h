// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QByteArray>

namespace ta::core {

/// scrypt parameters of a key-encryption key. They come from a workspace file, which may be
/// hostile, so parse() accepts only a bounded range: a file cannot make opening it cost
/// gigabytes or minutes.
struct ScryptParams
{
    QByteArray salt;
    quint64 n = quint64(1) << 15;
    quint32 r = 8;
    quint32 p = 1;

    /// A fresh random 16-byte salt with the default cost (N=2^15, r=8, p=1: 32 MiB).
    static Result<ScryptParams> fresh();
    /// {"kdf":"scrypt","salt":base64,"n":..,"r":..,"p":..}
    QByteArray toJson() const;
    static Result<ScryptParams> parse(const QByteArray &json);
};

/// Seals private keys with AES-256-GCM under a key derived once from a passphrase with scrypt.
/// Each sealed key has its own random 96-bit nonce and is bound by the GCM tag to a context
/// (where it is stored), so a sealed key moved to another row, or altered by one bit, does not
/// unseal. The sealed form is "TAKW" 0x01, nonce (12), tag (16), ciphertext of the PKCS#8 DER.
class KeyWrap
{
public:
    /// Derives the key-encryption key; costs one scrypt run.
    static Result<KeyWrap> derive(const QByteArray &passphrase, const ScryptParams &params);
    /// Whether @p stored has this class's sealed form (and not, say, a PEM key).
    static bool isSealed(const QByteArray &stored);

    const ScryptParams &params() const { return m_params; }
    [[nodiscard]] Result<QByteArray> seal(const Key &key, const QByteArray &context) const;
    [[nodiscard]] Result<Key> unseal(const QByteArray &sealed, const QByteArray &context) const;

private:
    KeyWrap(QByteArray kek, ScryptParams params)
        : m_kek(std::move(kek)), m_params(std::move(params))
    {}

    QByteArray m_kek;
    ScryptParams m_params;
};

} // namespace ta::core
