// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <optional>

namespace ta::core {

/// x509pop: a certificate chain (leaf first) that OpenSSL's X509_verify_cert chains to an
/// x509pop_ca anchor at the record's time, and proof of possession: the leaf key's signature
/// over the challenge (ECDSA with SHA-256, or RSA-PSS with SHA-256 as SPIRE's agent signs).
/// Selectors as SPIRE's x509pop: subject:cn, ca:fingerprint (SHA-1, each certificate of the
/// verified path above the leaf), serialnumber (lowercase hex), san:<key>:<value> (each leaf URI
/// SAN x509pop://<trust domain>/<key>:<value>, trust domain the settings'). Agent ID:
/// spire/agent/x509pop/<leaf SHA-1 fingerprint>.
class X509PopAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("x509pop"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;

    /// The proof-of-possession signature over @p challenge with @p key (for the lab and tests).
    static QByteArray signChallenge(const Key &key, const QByteArray &challenge);
    /// Verifies a proof-of-possession signature.
    static bool verifyChallenge(const Key &key, const QByteArray &challenge,
                                const QByteArray &signature);

private:
    /// A chain X509_verify_cert accepted, and what the result reads of its path.
    struct VerifiedPath
    {
        Certificate leaf;
        Key leafKey;
        Key rootKey;
        /// The anchor whose certificate the path ends in; nullptr when none (issuer_unknown).
        const TrustAnchor *anchor = nullptr;
        QString rootSubject;
        QStringList caFingerprints; ///< SHA-1 of each certificate above the leaf
        QString leafSha1;
        QString commonName;
        QString serial;
        QDateTime notBefore; ///< latest notBefore on the path
        QDateTime notAfter;  ///< earliest notAfter on the path
    };

    /// A node presents the same chain at every attestation, and parsing it and validating the
    /// path cost several times the proof of possession. The outcome depends only on the chain,
    /// the anchors and the instant, and holds again at any instant strictly inside the path's
    /// window. Keyed by the anchor set's address and the chain's text; failures are not kept.
    /// Guarded by m_pathsMutex: EvidenceVerifier's pre-pass calls verify() from several threads.
    mutable QMutex m_pathsMutex;
    mutable QHash<QByteArray, VerifiedPath> m_paths;

    /// Validates @p chain (leaf first) against the x509pop_ca anchors at the record's time;
    /// refuses @p r and returns nothing when it does not chain.
    static std::optional<VerifiedPath> verifyPath(const QList<Certificate> &chain,
                                                  const EvidenceRecord &record,
                                                  const AttestationContext &context,
                                                  AttestationResult &r);
};

} // namespace ta::core
