// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// signal: operator events in the timeline. payload.kind is "revoke-key" (payload.fingerprint:
/// the SPKI SHA-256 of a key held by some anchor), "revoke-anchor" or "expire" (payload.anchor:
/// an anchor ID). Verified here (the target must exist); applied by EvidenceVerifier from that
/// record's instant on.
class SignalAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("signal"); }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;
};

} // namespace ta::core
