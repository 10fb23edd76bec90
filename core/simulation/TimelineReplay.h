// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationContext.h"
#include "core/attestation/AttestationState.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/attestation/ReplayGuard.h"
#include "core/simulation/ReplayResultCache.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/Simulation.h"
#include "core/simulation/SimulationRun.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/StoredReplayResults.h"
#include "core/spiffe/TrustBundleSet.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace ta::core {

class Sha256Stream;
class Workspace;

/// The replay set-up every timeline consumer shares (`evidence verify`, `decide`/`diff` over
/// replayed subjects, `simulate`, `what-if`, the graph): a workspace's anchors and reference
/// values, the bundles of every trust domain, agent IDs minted in one trust domain, and an
/// evidence source (the workspace's own records, a JSON Lines file, or records in memory).
class TimelineReplay
{
public:
    struct Options
    {
        /// The trust domain of agent IDs; empty: the one the workspace's meta table names (the
        /// design's agent trust domain), else that of the agent SVIDs in its evidence, else its
        /// first.
        QString trustDomain;
        /// How long a node attestation holds (seconds); 0: AttestationSettings' default.
        qint64 nodeAttestationTtl = 0;
        /// Seed the replay guard with the nonces and join tokens earlier committed runs consumed
        /// (`evidence verify`); a simulation replays history as it was and leaves this off.
        bool loadConsumed = false;
    };

    TimelineReplay(AnchorSet anchors, TrustBundleSet bundles, AttestationSettings settings);

    /// Reads the set-up from @p workspace, which must outlive the replay when its own records
    /// are replayed. Errors: the store's, cli-independent replay.no_trust_domain when the
    /// workspace has none, the trust domain name's.
    [[nodiscard]] static Result<TimelineReplay> fromWorkspace(Workspace &workspace,
                                                              const Options &options);

    const AnchorSet &anchors() const { return m_anchors; }
    /// Replaces the anchors and reference values (a what-if over another set).
    void setAnchors(AnchorSet anchors)
    {
        m_anchors = std::move(anchors);
        m_anchorsDigest = digestOf(m_anchors);
    }
    const AttestationSettings &settings() const { return m_settings; }
    /// Replays this JSON Lines file instead of the workspace's records.
    void setEvidenceFile(const QString &path) { m_file = path; }
    /// Replays these records instead (tests, the app's in-memory timelines).
    void setRecords(QList<EvidenceRecord> records)
    {
        m_records = std::move(records);
        m_recordsDigest = std::make_shared<RecordsDigest>();
        m_recordsStoredDigest.clear();
    }
    /// Replays these records, read from the workspace, whose stored bytes digest to
    /// @p storedDigest (AttestationStore::forEachEvidenceWhile's): results stored for the
    /// workspace's records apply to them (the app reads the records on its GUI thread).
    void setRecords(QList<EvidenceRecord> records, QByteArray storedDigest)
    {
        setRecords(std::move(records));
        m_recordsStoredDigest = std::move(storedDigest);
    }
    /// The digest of the stored rows the records were read from (setRecords); empty otherwise.
    const QByteArray &recordsStoredDigest() const { return m_recordsStoredDigest; }
    /// Threads checking signatures ahead of the replay (EvidenceVerifier::setThreads).
    void setThreads(int threads) { m_threads = threads; }
    /// Called with the records replayed so far and the total (0 when unknown), every
    /// @p every records and once at the end; for progress displays.
    using Progress = std::function<void(qint64 done, qint64 total)>;
    void setProgress(Progress progress, qint64 every = 1000)
    {
        m_progress = std::move(progress);
        m_progressEvery = qMax<qint64>(1, every);
    }

    /// Asked once a record; when it answers true the replay stops and fails with
    /// replay.cancelled (the CLI's Ctrl+C, the GUI's QPromise).
    using Cancelled = std::function<bool()>;
    void setCancelled(Cancelled cancelled) { m_cancelled = std::move(cancelled); }

    /// Keeps each replay's attestation results in @p cache and serves a later replay over the
    /// same evidence, anchors and settings from it, verifying nothing (replay(sink), simulate(),
    /// what-if). Not used with loadConsumed (the consumed nonces are state of the workspace).
    void setResultCache(std::shared_ptr<ReplayResultCache> cache) { m_cache = std::move(cache); }
    const std::shared_ptr<ReplayResultCache> &resultCache() const { return m_cache; }
    /// Keeps the results of a replay of the workspace's own records in the workspace as well,
    /// sealed under the user's key, and serves a later replay (another process: the next
    /// `simulate`) over the same records, anchors and settings from them. Used only for the
    /// workspace's records, without loadConsumed, and on the thread that owns the workspace.
    /// A result set that cannot be read or saved costs a verification, never the replay.
    /// What the replays through stored results did, added up (also across threads).
    struct StoredWork
    {
        /// Replays served from the workspace, and those whose results were saved there.
        std::atomic_int loaded = 0;
        std::atomic_int saved = 0;
        /// Saves that failed (a read-only file, a full disk, a busy workspace).
        std::atomic_int saveFailures = 0;
    };
    /// With @p work, its counts are added up there (the app's document counts its replays').
    void setStoredResults(std::shared_ptr<StoredReplayResults> stored,
                          std::shared_ptr<StoredWork> work = {})
    {
        m_stored = std::move(stored);
        if (work)
            m_storedWork = std::move(work);
    }
    const StoredWork &storedWork() const { return *m_storedWork; }
    /// The signature checks a replay computed, and the CPU time of those timed (a random share
    /// of them, SignatureMemo::kTimedShare), added up across replays (bench_simulation's raw
    /// verify rate of the records' own signatures, estimated from the timed checks).
    struct SignatureWork
    {
        std::atomic<qint64> checks{0};
        std::atomic<qint64> timedChecks{0};
        std::atomic<qint64> cpuNanos{0};
        std::atomic<double> cpuNanosSquared{0};
        /// Records attested, and those whose pre-pass result the replay kept as it was
        /// (EvidenceVerifier::prepassResultsKept); the rest were verified again in order.
        std::atomic<qint64> records{0};
        std::atomic<qint64> prepassResultsKept{0};
    };
    /// Times every signature check of the following replays into @p work; none by default.
    void setSignatureWork(std::shared_ptr<SignatureWork> work)
    {
        m_signatureWork = std::move(work);
    }
    /// What identifies this replay's results: evidence source, anchors and attestation settings;
    /// empty when they cannot be told apart cheaply (then nothing is cached).
    QByteArray cacheKey() const;
    static QByteArray digestOf(const AnchorSet &anchors);

    /// A verifier over the set-up, seeded with consumed nonces when asked for.
    std::unique_ptr<EvidenceVerifier> makeVerifier() const;
    /// Replays the evidence through @p verifier, handing each result to @p sink in record
    /// order. A file is read through once first, so a bad line fails before any result.
    [[nodiscard]] Result<qint64> replay(EvidenceVerifier &verifier,
                                        const EvidenceVerifier::ResultSink &sink) const;
    /// Called with each result, which stays the replay's (it may be a kept one).
    using ResultReader = std::function<void(const AttestationResult &)>;
    /// The same through a fresh verifier.
    [[nodiscard]] Result<qint64> replay(const ResultReader &sink) const;
    /// Called with each result and its subject's number in this replay (0 for the first
    /// subject, 1 for the next new one, ...), or -1 when the replay does not number them (no
    /// cache): Simulation::feed finds its subject by number instead of by name.
    using NumberedSink = std::function<void(const AttestationResult &, int subject)>;
    /// The same with subject numbers.
    [[nodiscard]] Result<qint64> replay(const NumberedSink &sink) const;

    /// Plays the timeline through @p rules: one verification, one Simulation.
    [[nodiscard]] Result<SimulationRun> simulate(const RuleSet &rules,
                                                 const SimulationSettings &settings,
                                                 const Simulation::EventSink &sink = {}) const;

private:
    /// replay(sink) under @p key, cacheKey() or empty when neither the cache nor stored results
    /// apply (computed once by the caller: for a workspace it counts the evidence rows).
    /// @p expected is expectedRecords(key) when the caller has it; else it is asked for only
    /// when the records are verified (for a workspace, a count of its rows).
    /// @p ahead, when set, is given each result's subject a few records before @p sink is, for
    /// Simulation::prefetch: with the kept result, when results are served; with an empty
    /// result while the records are verified (the subject's number is known, the result not).
    [[nodiscard]] Result<qint64> replayKeyed(const NumberedSink &sink, const QByteArray &key,
                                             std::optional<qint64> expected = {},
                                             const NumberedSink &ahead = {}) const;
    /// The key replay(NumberedSink) serves and keeps its results under, or empty.
    QByteArray resultsKey() const;
    /// How many records a replay under @p key hands on, for making room: exact for records in
    /// memory, kept results and a workspace's rows; for a file, estimated from its first bytes
    /// (EvidenceReader::estimateRecordLines); 0 when not known.
    qint64 expectedRecords(const QByteArray &key) const;
    /// Hands @p kept to @p sink, with progress and cancellation as a verifying replay.
    [[nodiscard]] Result<qint64> serve(const ReplayResultCache::Kept &kept,
                                       const NumberedSink &sink,
                                       const NumberedSink &ahead = {}) const;
    /// replay(verifier, sink), adding the workspace rows it reads to @p rows. @p rowCount is
    /// the workspace's evidence rows when the caller counted them already (progress needs
    /// the count), negative when not.
    [[nodiscard]] Result<qint64> replay(EvidenceVerifier &verifier,
                                        const EvidenceVerifier::ResultSink &sink,
                                        Sha256Stream *rows, qint64 rowCount = -1) const;
    /// Whether stored results apply: the workspace's own records, no consumed nonces.
    bool usesStoredResults() const;
    /// The key results of the workspace's records with digest @p evidence are stored under.
    QByteArray storedKey(const QByteArray &evidence) const;
    /// The stored results of the workspace's current records, numbered; null when none apply.
    [[nodiscard]] Result<std::shared_ptr<ReplayResultCache::Kept>>
    loadStored(const QByteArray &cacheKey) const;

    AnchorSet m_anchors;
    /// SHA-256 of the anchors' JSON, for cacheKey(): taken when they are set, not per run.
    QByteArray m_anchorsDigest;
    TrustBundleSet m_bundles;
    AttestationSettings m_settings;
    std::optional<ReplayGuard> m_consumedGuard;
    std::optional<AttestationState> m_consumedState;
    Workspace *m_workspace = nullptr;
    QString m_file;
    std::optional<QList<EvidenceRecord>> m_records;
    /// SHA-256 of m_records for cacheKey(), taken on first use and shared by every copy of this
    /// replay: the decision log and the policy studio copy one replay into each run (a time-bar
    /// move, a keystroke), and hashing every record each time cost as much as the run.
    struct RecordsDigest
    {
        std::once_flag once;
        QByteArray sha256;
    };
    std::shared_ptr<RecordsDigest> m_recordsDigest;
    /// The digest of m_records' stored bytes when they were read from the workspace; then
    /// cacheKey() uses it instead of m_recordsDigest.
    QByteArray m_recordsStoredDigest;
    int m_threads = 0;
    /// Reports @p done when it completes a step of m_progressEvery records.
    void reportStep(qint64 done, qint64 total) const
    {
        if (m_progress && done % m_progressEvery == 0)
            m_progress(done, total);
    }
    /// Reports the last count, once: unless the last step did already (none did when nothing
    /// was replayed).
    void reportEnd(qint64 done, qint64 total) const
    {
        if (m_progress && (done == 0 || done % m_progressEvery != 0))
            m_progress(done, total);
    }
    Progress m_progress;
    qint64 m_progressEvery = 1000;
    Cancelled m_cancelled;
    std::shared_ptr<ReplayResultCache> m_cache;
    std::shared_ptr<StoredReplayResults> m_stored;
    std::shared_ptr<StoredWork> m_storedWork = std::make_shared<StoredWork>();
    std::shared_ptr<SignatureWork> m_signatureWork;
};

} // namespace ta::core
