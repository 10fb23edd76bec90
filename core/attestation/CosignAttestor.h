// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// cosign: a simple-signing payload (critical.identity.docker-reference,
/// critical.image.docker-manifest-digest, critical.type) whose ECDSA signature (base64 DER,
/// SHA-256, as `cosign sign` stores it) verifies under a cosign_key anchor; the payload must
/// name the record's image and digest, and the digest must be an allowed image_digest
/// reference value. Selectors (ours; SPIRE has no cosign attestor): cosign:image:, cosign:digest:,
/// cosign:signer:.
class CosignAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("cosign"); }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;

    /// Splits "repo[:tag]@sha256:hex" into repository (no tag) and digest; empty when malformed.
    static std::pair<QString, QString> splitReference(const QString &reference);
    /// The simple-signing payload cosign writes for @p repository at @p digest.
    static QByteArray simpleSigningPayload(const QString &repository, const QString &digest);
    /// Verifies a base64-decoded cosign signature over @p payload.
    static bool verifySignature(const Key &key, const QByteArray &payload,
                                const QByteArray &signature);
};

} // namespace ta::core
