// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationContext.h"
#include "core/attestation/AttestationResult.h"
#include "core/attestation/AttestationState.h"
#include "core/attestation/Attestor.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/ReplayGuard.h"
#include "core/spiffe/TrustBundleSet.h"

#include <QHash>
#include <QIODevice>

#include <functional>
#include <memory>

namespace ta::core {

/// Replays evidence records in time order through the attestors. After an attestor accepts a
/// record, the replay guard refuses a (subject, nonce) seen before; only then are the record's
/// effects applied: the nonce remembered, a join token consumed, a node attested (or, when a
/// node's new evidence is refused, its attestation dropped), a signal's revocation in force
/// from that instant on.
class EvidenceVerifier
{
public:
    /// A verifier with every built-in attestor.
    EvidenceVerifier(AnchorSet anchors, TrustBundleSet bundles, AttestationSettings settings);

    /// Adds or replaces the attestor of its name.
    void addAttestor(std::unique_ptr<Attestor> attestor);
    QStringList attestorNames() const;

    /// Verifies the next record; a record earlier than the previous one is refused (out_of_order).
    AttestationResult verify(const EvidenceRecord &record);
    /// Verifies each record of a JSON Lines stream, handing each result to @p sink. Returns the
    /// number of records, or the reader's error (bad line) — results before it were delivered.
    [[nodiscard]] Result<qint64> verifyStream(QIODevice &device,
                                              const std::function<void(const AttestationResult &)> &sink);

    const AttestationState &state() const { return m_state; }
    const ReplayGuard &replayGuard() const { return m_guard; }
    /// Seeds the guard (nonces persisted by an earlier run).
    ReplayGuard &replayGuard() { return m_guard; }
    AttestationState &state() { return m_state; }
    const AnchorSet &anchors() const { return m_anchors; }

private:
    void applySignal(const AttestationResult &result, const EvidenceRecord &record);

    AnchorSet m_anchors;
    TrustBundleSet m_bundles;
    AttestationSettings m_settings;
    AttestationState m_state;
    ReplayGuard m_guard;
    QHash<QString, std::shared_ptr<Attestor>> m_attestors;
    QDateTime m_last;
};

} // namespace ta::core
