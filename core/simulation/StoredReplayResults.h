// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AttestationResult.h"

#include <QByteArray>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace ta::core {

class Database;

/// The attestation results of a replay of a workspace's evidence, kept in the workspace
/// (replay_result_sets, replay_result_chunks) so that a later process, such as the next
/// `simulate` after a policy edit, verifies no signature. A set is named by a key that digests
/// everything its results depend on (TimelineReplay::storedKey()) and sealed with HMAC-SHA256
/// under this user's key (ResultSealKey): a set sealed by anyone else, or altered in the file,
/// is never used. A cache: losing it costs one verification.
class StoredReplayResults
{
public:
    /// Over @p db, which must outlive this.
    StoredReplayResults(Database &db, QByteArray sealKey);
    StoredReplayResults(std::unique_ptr<Database> own, QByteArray sealKey);
    /// Over a connection of its own to the workspace file @p path: for a replay on a worker
    /// thread while the workspace's own connection stays with the GUI thread.
    [[nodiscard]] static Result<std::shared_ptr<StoredReplayResults>> open(const QString &path,
                                                                           QByteArray sealKey);
    ~StoredReplayResults();

    using Cancelled = std::function<bool()>;
    /// The results saved under @p key, in replay order, when a set is saved under it and its
    /// seal verifies; nullopt when none is, or its seal fails (then rejectedSeals() counts it).
    /// Errors: the store's, and store.corrupt_value for a sealed set that does not decode.
    [[nodiscard]] Result<std::optional<std::vector<AttestationResult>>>
    load(const QByteArray &key, const Cancelled &cancelled = {});
    /// Saves @p results under @p key in one transaction, replacing a set of that key and
    /// dropping all but the newest kKeptSets sets. Cancelled: store.cancelled, nothing saved.
    [[nodiscard]] Result<void> save(const QByteArray &key,
                                    const std::vector<AttestationResult> &results,
                                    const Cancelled &cancelled = {});

    /// Why the last save() failed; none when it succeeded (or none was made).
    std::optional<Error> lastSaveError() const;
    /// Sets found under a key whose seal did not verify, since construction.
    int rejectedSeals() const { return m_rejected; }
    /// load() and save() may be called from several threads (copies of one replay): they run
    /// one at a time.
    /// Results per chunk that save() writes (kChunkResults; tests make sets of many chunks).
    void setChunkResults(int results) { m_chunkResults = qMax(1, results); }
    /// Threads that encode and compress a save's chunks: 0 (the default) for every core.
    void setSaveThreads(int threads) { m_saveThreads = qMax(0, threads); }

    /// Results per stored chunk: large enough that a subject of a timeline of 100,000 appears in
    /// one several times and its values are stored and decoded once (4,096 took twice as long
    /// to save and load at 250,000 records). And sets kept per workspace (a what-if over another
    /// anchor set has two keys).
    static constexpr int kChunkResults = 65536;
    /// Part of every set's key: raise it when a change to an attestor can give another result
    /// for the same record, anchors and settings, so that sets an older build kept are verified
    /// again instead of read.
    static constexpr int kAttestationRevision = 1;
    static constexpr int kKeptSets = 2;

    /// One chunk's bytes (before compression) and back; exposed for tests. decode fails with
    /// store.corrupt_value on anything that encode did not make.
    static QByteArray encode(const AttestationResult *first, size_t count);
    [[nodiscard]] static Result<void> decode(const QByteArray &data,
                                             std::vector<AttestationResult> &into);

private:
    [[nodiscard]] Result<void> write(const QByteArray &key,
                                     const std::vector<AttestationResult> &results,
                                     const Cancelled &cancelled);
    QByteArray seal(const QByteArray &key, qint64 results, const QList<QByteArray> &chunks) const;
    /// The @p results that @p chunks hold (sealed, checked), decoded on every core.
    [[nodiscard]] Result<std::vector<AttestationResult>>
    decodeAll(const QList<QByteArray> &chunks, qint64 results, const Cancelled &cancelled) const;
    /// The compressed chunks of @p results, on setSaveThreads() threads; store.cancelled.
    [[nodiscard]] Result<QList<QByteArray>> encodeAll(const std::vector<AttestationResult> &results,
                                                      const Cancelled &cancelled) const;

    std::unique_ptr<Database> m_own;
    Database &m_db;
    QByteArray m_sealKey;
    mutable std::mutex m_mutex;
    std::optional<Error> m_lastSaveError;
    std::atomic_int m_rejected = 0;
    int m_chunkResults = kChunkResults;
    int m_saveThreads = 0;
};

} // namespace ta::core
