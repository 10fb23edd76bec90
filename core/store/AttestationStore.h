// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationState.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/ReferenceValue.h"
#include "core/attestation/ReplayGuard.h"
#include "core/store/Database.h"

#include <QIODevice>

#include <functional>
#include <vector>

namespace ta::core {

class Sha256Stream;

/// Which list of the anchors file an entry belongs to.
enum class AnchorList { Anchors, ReferenceValues };

/// Names one stored trust anchor or reference value.
struct AnchorEntryKey
{
    AnchorList list = AnchorList::Anchors;
    QString id;

    bool operator==(const AnchorEntryKey &) const = default;
};

/// A trust anchor or reference value exactly as the file holds it: its row ID (which orders
/// anchors()), kind, normalized document and import time, so that an undo puts it back as it was.
struct StoredAnchorEntry
{
    AnchorEntryKey key;
    qint64 rowId = 0;
    QString kind;
    QByteArray document;
    QString importedAt;
};

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

    /// Adds one entry; an ID already stored is refused (anchors.duplicate_id), never replaced.
    [[nodiscard]] Result<void> addAnchor(const TrustAnchor &anchor, const QDateTime &now);
    [[nodiscard]] Result<void> addReferenceValue(const ReferenceValue &value, const QDateTime &now);
    /// Replaces the entry stored as @p oldId in place, under the new entry's ID and kind, so no
    /// row stays behind under the old ones. Errors: store.unknown_anchor (or
    /// store.unknown_reference_value), anchors.duplicate_id when the new ID names another entry.
    [[nodiscard]] Result<void> replaceAnchor(const QString &oldId, const TrustAnchor &anchor,
                                             const QDateTime &now);
    [[nodiscard]] Result<void>
    replaceReferenceValue(const QString &oldId, const ReferenceValue &value, const QDateTime &now);
    /// Removes one entry. Error: store.unknown_anchor (or store.unknown_reference_value).
    [[nodiscard]] Result<void> removeAnchor(const QString &id);
    [[nodiscard]] Result<void> removeReferenceValue(const QString &id);

    /// The stored rows of those of @p keys that exist.
    [[nodiscard]] Result<QList<StoredAnchorEntry>> storedEntries(const QList<AnchorEntryKey> &keys);
    /// Makes the entries named by @p keys exactly @p entries, in one transaction: each of @p keys
    /// is removed, then each of @p entries is written back as stored, at its old row ID when no
    /// other entry took it meanwhile.
    [[nodiscard]] Result<void> restoreEntries(const QList<AnchorEntryKey> &keys,
                                              const QList<StoredAnchorEntry> &entries);

    /// Imports a JSON Lines recording: all of it, or nothing (EvidenceReader's errors, with the
    /// line). Returns the number of records imported.
    /// When @p cancelled answers true (asked before each record), nothing is imported
    /// (store.cancelled).
    [[nodiscard]] Result<qint64> importEvidence(QIODevice &device, const QString &source,
                                                const std::function<bool()> &cancelled = {});
    [[nodiscard]] Result<qint64> evidenceCount();
    /// Every stored record in time order (equal times in import order).
    [[nodiscard]] Result<qint64>
    forEachEvidence(const std::function<void(const EvidenceRecord &)> &fn);
    /// The same, stopping early (with the count so far) once @p fn returns false. With
    /// @p rows, each record's stored bytes are added to it (Sha256Stream::addField) as they are
    /// read: the digest evidenceDigest() gives, of the very rows replayed.
    [[nodiscard]] Result<qint64>
    forEachEvidenceWhile(const std::function<bool(const EvidenceRecord &)> &fn,
                         Sha256Stream *rows = nullptr);
    /// Every stored record in time order and the digest of their stored bytes (evidenceDigest()'s),
    /// read in one pass: what a replay of the workspace's records held in memory needs
    /// (TimelineReplay::setRecords).
    struct StoredEvidence
    {
        QList<EvidenceRecord> records;
        QByteArray rowsDigest;
    };
    /// @p keepGoing, when given, is asked before each record with the number read so far; once
    /// it answers false, nothing is returned (store.cancelled).
    [[nodiscard]] Result<StoredEvidence>
    readEvidence(const std::function<bool(qsizetype read)> &keepGoing = {});
    /// SHA-256 over every stored record's bytes in time order, without parsing them: what a
    /// replay's results depend on (StoredReplayResults' key). With @p ids, the rows' IDs are
    /// appended to it in the same order, read in the same statement (which has ended when this
    /// returns): the rows a replay's results belong to, if the digest is the replay's.
    [[nodiscard]] Result<QByteArray> evidenceDigest(const std::function<bool()> &cancelled = {},
                                                    std::vector<qint64> *ids = nullptr);

    /// Persists the nonces and join tokens a run consumed, so a later run refuses them.
    [[nodiscard]] Result<void> saveConsumed(const ReplayGuard &guard,
                                            const AttestationState &state);
    /// Seeds a run with what earlier runs consumed.
    [[nodiscard]] Result<void> loadConsumed(ReplayGuard &guard, AttestationState &state);

private:
    [[nodiscard]] Result<void> addEntry(const AnchorEntryKey &key, const QString &kind,
                                        const QJsonObject &document, const QDateTime &now);
    [[nodiscard]] Result<void> replaceEntry(const QString &oldId, const AnchorEntryKey &key,
                                            const QString &kind, const QJsonObject &document,
                                            const QDateTime &now);
    [[nodiscard]] Result<void> removeEntry(const AnchorEntryKey &key);
    [[nodiscard]] Result<bool> contains(const AnchorEntryKey &key);

    Database &m_db;
};

} // namespace ta::core
