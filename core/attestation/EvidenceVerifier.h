// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/HashIndex.h"
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
#include <QThreadPool>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace ta::core {

/// Replays evidence records in time order through the attestors. After an attestor accepts a
/// record, the replay guard refuses a nonce seen before, keyed on what the evidence proves:
/// the agent ID for node evidence, the (signed) subject for the rest. Node evidence must also
/// yield a nonce of at least MinNonceBytes and a subject label consistent with the agent ID it
/// was first bound to (subject_mismatch). Only then are the record's effects applied: the nonce
/// remembered, a join token consumed, a node attested and bound to its label, a signal's
/// revocation in force from that instant on. Refused node evidence drops the node its subject
/// is bound to, whatever the reason: the label may take trust away, never give it.
///
/// The replay is sequential, but its cost is in the attestors (parsing, signature checks), and
/// they read the replay's state only through a few questions (AttestationContext). submit()
/// therefore gathers records in batches and, while the previous batch is replayed, runs each
/// record of the next through its attestor on a thread pool, against a copy of the state as it
/// was when the pass started. Each record keeps its result, the questions its attestor asked
/// and their answers (StateReads), and every signature outcome (SignatureMemo). The replay
/// keeps a result when its own state gives the same answers, which is what the attestor would
/// have concluded there; otherwise it runs the attestor again, with the signatures remembered.
/// Either way the results are those of verify(), record for record.
class EvidenceVerifier
{
public:
    /// The shortest nonce a node attestor may yield (a TPM quote's qualifying data, a PoP
    /// challenge, a token ID); shorter or none is refused with nonce_missing.
    static constexpr int MinNonceBytes = 8;

    /// Receives each result, which is the sink's to keep (a sink taking a const reference
    /// works too): the replay that keeps every result moves it instead of copying it.
    using ResultSink = std::function<void(AttestationResult &&)>;

    /// A verifier with every built-in attestor.
    EvidenceVerifier(AnchorSet anchors, TrustBundleSet bundles, AttestationSettings settings);
    ~EvidenceVerifier();
    EvidenceVerifier(const EvidenceVerifier &) = delete;
    EvidenceVerifier &operator=(const EvidenceVerifier &) = delete;

    /// The names of the attestors every verifier has (what an evidence import may name).
    static QStringList builtinAttestorNames();

    /// Adds or replaces the attestor of its name.
    void addAttestor(std::unique_ptr<Attestor> attestor);
    QStringList attestorNames() const;

    /// Verifies the next record; a record earlier than the previous one is refused (out_of_order).
    /// Records still queued by submit() must be finished first.
    AttestationResult verify(const EvidenceRecord &record);

    /// Threads that check signatures ahead of the replay: 0 (the default) uses every core, 1
    /// makes submit() verify each record at once, on the calling thread.
    void setThreads(int threads);
    int threads() const;
    /// Queues the next record. Results reach @p sink in record order, a batch at a time, each
    /// during a later submit() or finish() call.
    void submit(const EvidenceRecord &record, const ResultSink &sink);
    /// Verifies and delivers every queued record.
    void finish(const ResultSink &sink);
    /// Called, while a batch is replayed, with the subject number (subjectNumber()) of the
    /// record a few places after the one about to be replayed: a sink that keeps tables per
    /// subject starts loading that subject's entries (a prefetch) before its result arrives.
    using Lookahead = std::function<void(int subjectNumber)>;
    void setLookahead(Lookahead lookahead) { m_lookahead = std::move(lookahead); }
    /// Signature checks the replay took from the pre-pass, and those it computed itself.
    qint64 signaturesReused() const { return m_signaturesReused; }
    qint64 signaturesComputedInReplay() const { return m_signaturesComputed; }
    /// Pre-pass results the replay kept as they were (the state answered their questions alike).
    qint64 prepassResultsKept() const { return m_prepassResultsKept; }
    /// Times each signature check (SignatureMemo::setTimed) from the next batch on; checks made
    /// one record at a time (threads 1) are not counted.
    void setTimeSignatures(bool timed) { m_timeSignatures = timed; }
    /// Signature checks computed, in the pre-pass and the replay; when timed, those of them
    /// timed (a random share, SignatureMemo::kTimedShare), their CPU time in nanoseconds and the
    /// sum of its squares.
    qint64 signaturesComputed() const { return m_signaturesComputedAll; }
    qint64 signaturesTimed() const { return m_signaturesTimed; }
    qint64 signatureCpuNanos() const { return m_signatureCpuNanos; }
    double signatureCpuNanosSquared() const { return m_signatureCpuNanosSquared; }

    /// Verifies each record of a JSON Lines stream through submit(), handing each result to
    /// @p sink. Returns the number of records, or the reader's error (bad line); results before
    /// it were delivered.
    [[nodiscard]] Result<qint64> verifyStream(QIODevice &device, const ResultSink &sink);

    /// The number of the subject of the record being verified, or whose result a sink is being
    /// given: 0 for the first subject this verifier saw, 1 for the next new one, and so on
    /// (subjects are told apart by their text); -1 before any record. A sink may key what it
    /// keeps per subject by it rather than by the subject's text.
    int subjectNumber() const { return m_subjectNumber; }

    const AttestationState &state() const { return m_state; }
    const ReplayGuard &replayGuard() const { return m_guard; }
    /// Seeds the guard (nonces persisted by an earlier run).
    ReplayGuard &replayGuard() { return m_guard; }
    AttestationState &state() { return m_state; }
    const AnchorSet &anchors() const { return m_anchors; }

private:
    struct Prepared;
    struct Batch;

    /// verify() with the batch's remembered signatures and the record's pre-pass result.
    AttestationResult verifyWith(const EvidenceRecord &record, SignatureMemo *signatures,
                                 Prepared *prepared);
    /// The checks every accepted node result passes before the replay guard: an agent ID, a
    /// nonce of at least MinNonceBytes, a subject label consistent with its bindings.
    void checkNodeEvidence(const EvidenceRecord &record, AttestationResult &result) const;
    void applySignal(const AttestationResult &result, const EvidenceRecord &record);
    /// The number of @p subject (see subjectNumber()), a new one when it was not seen before.
    /// With @p share (the record's own subject), that string is made to share the text kept
    /// for the subject, so that every queued record of a subject, and the results made from
    /// them, hold one copy of it and compare as one.
    int numberOf(const QString &subject, QString *share = nullptr);
    void startPrepass(Batch &batch);
    /// The attestor named @p name, or null.
    const Attestor *attestorFor(const QString &name) const;
    /// Starts the filled batch's pre-pass, then replays batches while too many are ahead.
    void advance(const ResultSink &sink);
    /// Waits for the oldest batch's pre-pass and replays it.
    void replayOldest(const ResultSink &sink);

    AnchorSet m_anchors;
    TrustBundleSet m_bundles;
    AttestationSettings m_settings;
    AttestationState m_state;
    ReplayGuard m_guard;
    QHash<QString, std::shared_ptr<Attestor>> m_attestors;
    QDateTime m_last;
    /// Every subject seen, in the order first seen: the index is its number (subjectNumber()),
    /// found by the text's hash.
    std::vector<QString> m_subjectNames;
    HashIndex m_subjectIndex;
    int m_subjectNumber = -1;

    QThreadPool m_pool;
    int m_threads = 0;
    /// Records being gathered, and the batches whose pre-pass runs (or ran) while they are, in
    /// record order.
    std::unique_ptr<Batch> m_filling;
    std::deque<std::unique_ptr<Batch>> m_checking;
    qint64 m_signaturesReused = 0;
    qint64 m_signaturesComputed = 0;
    qint64 m_prepassResultsKept = 0;
    bool m_timeSignatures = false;
    Lookahead m_lookahead;
    qint64 m_signaturesComputedAll = 0;
    qint64 m_signaturesTimed = 0;
    qint64 m_signatureCpuNanos = 0;
    double m_signatureCpuNanosSquared = 0;
};

} // namespace ta::core
