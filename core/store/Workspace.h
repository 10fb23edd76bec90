// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/KeyWrap.h"
#include "core/spiffe/CertificateAuthority.h"
#include "core/spiffe/TrustBundle.h"
#include "core/store/CredentialRecord.h"
#include "core/store/Database.h"

#include <QDateTime>
#include <QStringList>

#include <memory>
#include <optional>

namespace ta::core {

/// Summary of a trust domain that needs no private key.
struct TrustDomainInfo
{
    QString name;
    CaSettings settings;
    qint64 bundleSequence = 0;
    qint64 refreshHint = 0;
    QDateTime createdAt;

    bool operator==(const TrustDomainInfo &) const = default;
};

/// The workspace file (*.atlas): one SQLite database holding trust domains, their authorities
/// (private keys sealed with AES-256-GCM under a key derived from the workspace passphrase
/// with scrypt; PKCS#8 PBES2 with AES-256-CBC in files made before; in clear when the
/// workspace was made without a passphrase), and every credential issued.
class Workspace
{
public:
    /// Creates @p path; with no @p passphrase, keys are stored in clear and the file says so.
    [[nodiscard]] static Result<std::unique_ptr<Workspace>>
    create(const QString &path, const std::optional<QByteArray> &passphrase);
    /// Opens @p path; a protected workspace checks @p passphrase before anything else is read.
    [[nodiscard]] static Result<std::unique_ptr<Workspace>> open(const QString &path,
                                                                 const QByteArray &passphrase);
    /// Whether @p path is protected by a passphrase (so a caller knows to ask for one).
    [[nodiscard]] static Result<bool> needsPassphrase(const QString &path);

    QString path() const { return m_db.path(); }
    bool keysInClear() const { return !m_passphrase.has_value(); }
    /// How the file's keys are kept: "none", "scrypt-aes256gcm" or, in older files,
    /// "pkcs8-pbes2-scrypt-aes256cbc".
    QString keyProtection() const;
    /// Seals every private key under @p newPassphrase (AES-256-GCM, fresh scrypt salt) in one
    /// transaction; an older file moves to AES-256-GCM, a file with keys in clear becomes
    /// protected. Nothing changes when any key fails to unseal.
    [[nodiscard]] Result<void> changePassphrase(const QByteArray &newPassphrase);
    Database &database() { return m_db; }

    QStringList trustDomainNames() const;
    [[nodiscard]] Result<TrustDomainInfo> trustDomainInfo(const QString &name) const;
    /// Creates a trust domain with a fresh CA and stores it.
    [[nodiscard]] Result<CertificateAuthority> createTrustDomain(const TrustDomain &trustDomain,
                                                                 const CaSettings &settings,
                                                                 const QDateTime &now);
    /// Stores a trust domain whose CA @p ca was made beforehand (CertificateAuthority::create,
    /// which may run on a worker: key generation is the slow part) with @p settings.
    [[nodiscard]] Result<void> addTrustDomain(const CertificateAuthority &ca,
                                              const CaSettings &settings, const QDateTime &now);
    /// Removes a trust domain with its authorities and credentials.
    [[nodiscard]] Result<void> deleteTrustDomain(const QString &name);
    /// Loads a trust domain's CA; the keys of authorities that may still sign are decrypted.
    [[nodiscard]] Result<CertificateAuthority> authority(const QString &name) const;
    /// Stores slot changes (new, activated, tainted, revoked authorities) and settings; the
    /// bundle sequence increases when the set of published authorities changed.
    [[nodiscard]] Result<void> saveAuthority(const CertificateAuthority &ca);
    /// The trust domain's bundle: its published authorities, sequence and refresh hint. Built
    /// from public data alone, so it needs no passphrase.
    [[nodiscard]] Result<TrustBundle> bundle(const QString &name) const;
    /// Sets the bundle refresh hint, in seconds.
    [[nodiscard]] Result<void> setRefreshHint(const QString &name, qint64 seconds);

    [[nodiscard]] Result<qint64> recordCredential(const CredentialRecord &record);
    [[nodiscard]] Result<QList<CredentialRecord>>
    credentials(const QString &trustDomain = {}) const;
    /// The credential of row @p id, or nothing when no such row exists.
    [[nodiscard]] Result<std::optional<CredentialRecord>> credential(qint64 id) const;
    [[nodiscard]] Result<void> setCredentialStatus(qint64 id, CredentialRecord::Status status);
    [[nodiscard]] Result<void> deleteCredential(qint64 id);

private:
    /// The root above the slots in intermediate mode (null otherwise) and its sealed key.
    struct StoredRoot
    {
        Certificate certificate;
        QByteArray sealedKey;
    };

    explicit Workspace(Database db) : m_db(std::move(db)) {}
    [[nodiscard]] Result<StoredRoot> storedRoot(const QString &name) const;
    /// Runs @p st, which must change a row; @p ifUnchanged when it changed none.
    [[nodiscard]] Result<void> execChanging(Statement &st, const Error &ifUnchanged);
    /// @p context names where the sealed key is stored; AES-256-GCM binds the key to it.
    [[nodiscard]] Result<QByteArray> sealKey(const Key &key, const QByteArray &context) const;
    [[nodiscard]] Result<Key> unsealKey(const QByteArray &stored, const QByteArray &context) const;
    [[nodiscard]] Result<void> writeProtection(const KeyWrap &wrap);
    [[nodiscard]] Result<qint64> trustDomainId(const QString &name) const;
    [[nodiscard]] Result<void> writeSlots(qint64 tdId, const CertificateAuthority &ca);

    /// Mutable so that reads can prepare statements: a read changes nothing the file holds.
    mutable Database m_db;
    std::optional<QByteArray> m_passphrase;
    std::optional<KeyWrap> m_wrap;
};

} // namespace ta::core
