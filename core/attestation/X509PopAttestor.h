// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

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
};

} // namespace ta::core
