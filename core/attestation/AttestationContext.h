// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationState.h"
#include "core/attestation/SignatureMemo.h"
#include "core/spiffe/TrustBundleSet.h"
#include "core/spiffe/TrustDomain.h"

#include <chrono>

namespace ta::core {

/// Settings of a verification run.
struct AttestationSettings
{
    /// The trust domain agent IDs are minted in (spiffe://TD/spire/agent/...).
    TrustDomain trustDomain;
    /// Clock skew tolerated on exp, nbf, iat and certificate validity.
    std::chrono::seconds leeway{30};
    /// How long a node attestation vouches for its agent when its evidence sets no earlier end.
    qint64 nodeAttestationTtl = 3600;
    /// Oldest a workload claim's iat may be at the record's time.
    qint64 workloadClaimMaxAge = 300;
    /// aws_iid: how long before the record's time the PKCS#7 signing time may lie. A signature
    /// later than the record (beyond the leeway) is refused too.
    qint64 awsSigningTimeMaxAge = 86400;
};

/// Everything an attestor reads: anchors and reference values, the run's state, the workspace's
/// trust bundles (for agent SVIDs) and settings. Attestors never change it; the verifier applies
/// a result's effects after the replay guard has passed it.
struct AttestationContext
{
    const AnchorSet &anchors;
    const AttestationState &state;
    const TrustBundleSet &bundles;
    const AttestationSettings &settings;
    /// Signature outcomes already computed for this batch of records, when there is one
    /// (EvidenceVerifier's parallel pre-pass); attestors route their signature checks through
    /// checkSignature() with it.
    SignatureMemo *signatures = nullptr;
};

} // namespace ta::core
