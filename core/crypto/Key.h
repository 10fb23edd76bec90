// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/KeyType.h"
#include "core/crypto/OsslPtr.h"

#include <QByteArray>

#include <atomic>
#include <memory>
#include <mutex>

#include <optional>

namespace ta::core {

/// An asymmetric key (private, or public only) over an OpenSSL EVP_PKEY. Copies share the
/// underlying key, which OpenSSL reference-counts and never mutates after creation.
class Key
{
public:
    Key() = default;
    /// Takes ownership of @p pkey.
    explicit Key(EvpPkeyPtr pkey);
    Key(const Key &other);
    Key &operator=(const Key &other);
    Key(Key &&) noexcept = default;
    Key &operator=(Key &&) noexcept = default;

    /// A fresh key of @p type from OpenSSL's default random generator.
    static Result<Key> generate(KeyType type);
    /// A private key (PKCS#8, traditional) or a public key (SubjectPublicKeyInfo), PEM or DER.
    static Result<Key> fromPem(const QByteArray &pem);
    static Result<Key> fromPublicDer(const QByteArray &der);
    /// An encrypted PKCS#8 key (PEM), decrypted with @p passphrase.
    static Result<Key> fromEncryptedPkcs8(const QByteArray &pem, const QByteArray &passphrase);

    bool isNull() const { return !m_pkey; }
    bool hasPrivate() const;
    /// The key type, when it is one of ours (EC P-256/P-384, RSA 2048/4096).
    std::optional<KeyType> type() const;
    bool isEc() const;
    bool isRsa() const;
    int bits() const;

    QByteArray publicPem() const;
    /// SubjectPublicKeyInfo DER; encoded once and shared by every copy, like fingerprint().
    QByteArray publicDer() const;
    /// Unencrypted PKCS#8 PEM; empty for a public key.
    QByteArray privatePkcs8Pem() const;
    /// PKCS#8 encrypted with PBES2: scrypt key derivation and AES-256-CBC.
    Result<QByteArray> encryptedPkcs8Pem(const QByteArray &passphrase) const;
    /// SHA-256 of the SubjectPublicKeyInfo DER, hex: a stable identity for the public half.
    /// Computed once and shared by every copy (OpenSSL 3's encoder makes each encoding cost as
    /// much as an RSA verify); safe to call from several threads.
    QByteArray fingerprint() const;

    /// The EC group's OpenSSL name ("prime256v1", "secp384r1"); empty for other keys. Read once
    /// and shared by every copy (a parameter lookup per JWS verify otherwise).
    QByteArray ecGroupName() const;

    /// The public half only.
    Key publicKey() const;
    bool samePublicKey(const Key &other) const;

    EVP_PKEY *get() const { return m_pkey.get(); }

private:
    /// What copies share besides the key: values derived from it once.
    struct Derived
    {
        /// Set once the values are in: every later read skips std::call_once, whose set-up
        /// (thread-local state, pthread_once) cost a record about as much as its other key
        /// questions together in the replay's pre-pass.
        std::atomic<bool> ready{false};
        std::once_flag once;
        QByteArray publicDer;
        QByteArray fingerprint;
        std::atomic<bool> groupReady{false};
        std::once_flag groupOnce;
        QByteArray ecGroup;
    };
    const Derived *derived() const;

    EvpPkeyPtr m_pkey;
    std::shared_ptr<Derived> m_derived;
};

} // namespace ta::core
