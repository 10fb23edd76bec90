// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationState.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/ReplayGuard.h"
#include "core/store/Database.h"

#include <QIODevice>

#include <functional>

namespace ta::core {

/// The attestation tables of a workspace (schema step 2): trust anchors, reference values,
/// evidence records, and the nonces and join tokens already consumed. Every import runs in one
/// transaction, so a bad entry or line leaves the workspace as it was.
class AttestationStore
{
public:
    explicit AttestationStore(Database &db) : m_db(db) {}

    /// Stores @p set, replacing anchors and reference values of the same IDs.
    [[nodiscard]] Result<void> saveAnchors(const AnchorSet &set, const QDateTime &now);
    /// Every stored anchor and reference value.
    [[nodiscard]] Result<AnchorSet> anchors();

    /// Imports a JSON Lines recording: all of it, or nothing (EvidenceReader's errors, with the
    /// line). Returns the number of records imported.
    [[nodiscard]] Result<qint64> importEvidence(QIODevice &device, const QString &source);
    [[nodiscard]] Result<qint64> evidenceCount();
    /// Every stored record in time order (equal times in import order).
    [[nodiscard]] Result<qint64> forEachEvidence(const std::function<void(const EvidenceRecord &)> &fn);

    /// Persists the nonces and join tokens a run consumed, so a later run refuses them.
    [[nodiscard]] Result<void> saveConsumed(const ReplayGuard &guard, const AttestationState &state);
    /// Seeds a run with what earlier runs consumed.
    [[nodiscard]] Result<void> loadConsumed(ReplayGuard &guard, AttestationState &state);

private:
    Database &m_db;
};

} // namespace ta::core
