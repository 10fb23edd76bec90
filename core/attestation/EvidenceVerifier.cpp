// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceVerifier.h"

#include "core/PopulatedArena.h"
#include "core/attestation/AwsIidAttestor.h"
#include "core/attestation/CosignAttestor.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/GcpIitAttestor.h"
#include "core/attestation/JoinTokenAttestor.h"
#include "core/attestation/K8sPsatAttestor.h"
#include "core/attestation/SignalAttestor.h"
#include "core/attestation/TpmAttestor.h"
#include "core/attestation/WorkloadAttestor.h"
#include "core/attestation/X509PopAttestor.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <optional>
#include <vector>

namespace ta::core {

namespace {

// Large enough that the pool's per-batch start-up is noise, small enough that the replay
// starts soon and a batch's memo stays small.
constexpr qsizetype BatchSize = 256;
// Batches whose pre-pass may run ahead of the replay. With one, the pool went idle each time it
// finished the batch ahead before this thread had replayed the current one and read the next;
// more keep it fed, at the price of a staler copy of the state (more records verified again).
constexpr size_t BatchesAhead = 3;

} // namespace

/// What the pre-pass concluded for one record, what it asked of the state to get there, and
/// the outcomes of the record's signature checks: when the replay's state answers otherwise,
/// the record is verified again without checking its signatures again. Per record, not per
/// batch: a batch-wide memo took a digest of every check's bytes and a lock shared by the
/// pool's threads, for the few records verified again.
struct EvidenceVerifier::Prepared
{
    const EvidenceRecord *record = nullptr;
    /// The record's attestor, looked up once for the pre-pass and the replay; null when none
    /// has its name.
    const Attestor *attestor = nullptr;
    /// The record's subject number (EvidenceVerifier::subjectNumber()).
    int subject = -1;
    std::optional<AttestationResult> result;
    StateReads reads;
    SignatureMemo signatures;
};

struct EvidenceVerifier::Batch
{
    QList<EvidenceRecord> records;
    /// Each record's subject number, given as it was queued (in record order).
    std::vector<int> subjects;
    /// The state as the replay had it when the pre-pass started (implicitly shared: a copy of
    /// the hashes' pointers until the replay writes to its own).
    AttestationState state;
    std::vector<Prepared> prepared;
    QFuture<void> prepass;
};

namespace {

std::vector<std::unique_ptr<Attestor>> builtinAttestors()
{
    std::vector<std::unique_ptr<Attestor>> out;
    out.push_back(std::make_unique<JoinTokenAttestor>());
    out.push_back(std::make_unique<X509PopAttestor>());
    out.push_back(std::make_unique<K8sPsatAttestor>());
    out.push_back(std::make_unique<AwsIidAttestor>());
    out.push_back(std::make_unique<GcpIitAttestor>());
    out.push_back(std::make_unique<CosignAttestor>());
    out.push_back(std::make_unique<SignalAttestor>());
    out.push_back(std::make_unique<TpmAttestor>());
    // The workload attestors check the same agents' SVIDs: one set of validated chains. They
    // keep what they built for each subject in one table, by the verifier's subject numbers.
    const auto chains = std::make_shared<WorkloadAttestor::ValidatedChains>();
    const auto built = std::make_shared<WorkloadAttestor::BuiltClaims>();
    for (const char *w : {"unix", "k8s", "docker", "systemd"})
        out.push_back(std::make_unique<WorkloadAttestor>(QString::fromLatin1(w), chains, built));
    return out;
}

} // namespace

EvidenceVerifier::EvidenceVerifier(AnchorSet anchors, TrustBundleSet bundles,
                                   AttestationSettings settings)
    : m_anchors(std::move(anchors)), m_bundles(std::move(bundles)), m_settings(std::move(settings))
{
    for (auto &attestor : builtinAttestors())
        addAttestor(std::move(attestor));
    setThreads(0);
}

QStringList EvidenceVerifier::builtinAttestorNames()
{
    QStringList names;
    for (const auto &attestor : builtinAttestors())
        names << attestor->name();
    names.sort();
    return names;
}

EvidenceVerifier::~EvidenceVerifier()
{
    // The pre-pass reads the attestors and anchors: it ends before they do.
    for (const auto &batch : m_checking)
        batch->prepass.waitForFinished();
    m_pool.waitForDone();
}

void EvidenceVerifier::addAttestor(std::unique_ptr<Attestor> attestor)
{
    const QString name = attestor->name();
    m_attestors.insert(name, std::shared_ptr<Attestor>(std::move(attestor)));
}

const Attestor *EvidenceVerifier::attestorFor(const QString &name) const
{
    const auto it = m_attestors.constFind(name);
    return it == m_attestors.cend() ? nullptr : it->get();
}

QStringList EvidenceVerifier::attestorNames() const
{
    QStringList names = m_attestors.keys();
    names.sort();
    return names;
}

AttestationResult EvidenceVerifier::verify(const EvidenceRecord &record)
{
    return verifyWith(record, nullptr, nullptr);
}

int EvidenceVerifier::numberOf(const QString &subject, QString *share)
{
    const qsizetype found = m_subjectIndex.findOrAdd(
        qHash(subject, QHashSeed::globalSeed()), qsizetype(m_subjectNames.size()),
        [&](qsizetype i) { return m_subjectNames[size_t(i)] == subject; });
    if (found >= 0) {
        if (share)
            *share = m_subjectNames[size_t(found)];
        return int(found);
    }
    m_subjectNames.push_back(subject);
    return int(m_subjectNames.size() - 1);
}

AttestationResult EvidenceVerifier::verifyWith(const EvidenceRecord &record,
                                               SignatureMemo *signatures, Prepared *prepared)
{
    m_subjectNumber = prepared ? prepared->subject : numberOf(record.subject);
    if (m_last.isValid() && record.time < m_last) {
        AttestationResult r = startResult(record);
        r.refuse(QStringLiteral("out_of_order"),
                 QStringLiteral("at or after ") + EvidenceRecord::formatTime(m_last),
                 EvidenceRecord::formatTime(record.time));
        return r;
    }
    m_last = record.time;
    const Attestor *found = prepared ? prepared->attestor : attestorFor(record.attestor);
    if (!found) {
        AttestationResult r = startResult(record);
        r.refuse(QStringLiteral("attestor_unknown"), attestorNames().join(QLatin1Char(',')),
                 record.attestor);
        return r;
    }
    const Attestor &attestor = *found;
    AttestationResult r;
    if (prepared && prepared->result && prepared->reads.holdIn(m_state)) {
        r = std::move(*prepared->result);
        ++m_prepassResultsKept;
    } else {
        AttestationContext context{m_anchors, m_state, m_bundles, m_settings, signatures};
        context.subjectNumber = m_subjectNumber;
        r = attestor.verify(record, context);
    }
    const bool node = attestor.attestsNodes();
    // What the replay guard keys on: for node evidence the agent ID the evidence proves, never
    // the subject label; other evidence (workloads, whose subject is signed, images, signals)
    // keeps its subject.
    const QString scope = node ? r.agentId : record.subject;
    if (r.accepted() && node)
        checkNodeEvidence(record, r);
    if (r.accepted() && !r.nonce.isEmpty()) {
        // A new nonce is remembered at once: nothing below refuses a record the guard passed.
        QDateTime first;
        if (node) {
            first = m_guard.firstSeen(scope, r.nonce);
            // Nonces an earlier version persisted under the label still refuse (never accept).
            if (!first.isValid())
                first = m_guard.firstSeen(record.subject, r.nonce);
            if (!first.isValid())
                m_guard.remember(scope, r.nonce, record.time);
        } else {
            first = m_guard.rememberFirst(scope, r.nonce, record.time);
        }
        if (first.isValid())
            r.refuse(QStringLiteral("replayed"), QStringLiteral("a nonce not seen from ") + scope,
                     QStringLiteral("first seen at ") + EvidenceRecord::formatTime(first));
    }
    if (!r.accepted()) {
        // Node evidence that fails counts against its subject, whatever the reason (a replay
        // included): the node bound to that label no longer vouches for its agent. Fail closed.
        if (node)
            m_state.dropNode(record.subject);
        r.selectors.clear();
        return r;
    }
    if (!r.consumedToken.isEmpty())
        m_state.consumeToken(r.consumedToken.toLatin1(), record.subject, record.time);
    if (attestor.attestsNodes() && !r.agentId.isEmpty()) {
        AttestedNode node;
        node.subject = record.subject;
        node.agentId = r.agentId;
        node.attestedAt = record.time;
        node.validUntil = record.time.addSecs(m_settings.nodeAttestationTtl);
        if (r.expiresAt.isValid() && r.expiresAt < node.validUntil)
            node.validUntil = r.expiresAt;
        node.anchorIds = r.anchorIds;
        node.keyFingerprints = r.keyFingerprints;
        m_state.attestNode(node);
    }
    if (record.attestor == QLatin1String("signal"))
        applySignal(r, record);
    return r;
}

void EvidenceVerifier::checkNodeEvidence(const EvidenceRecord &record, AttestationResult &r) const
{
    // Every node attestor must prove an agent and yield a nonce the guard can key on; one that
    // does not is refused here rather than trusted without a replay check.
    if (r.agentId.isEmpty()) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("an agent ID proved by the evidence"),
                 QStringLiteral("(none)"));
        return;
    }
    if (r.nonce.toUtf8().size() < MinNonceBytes) {
        r.refuse(QStringLiteral("nonce_missing"),
                 QStringLiteral("a nonce of at least %1 bytes").arg(MinNonceBytes),
                 r.nonce.isEmpty() ? QStringLiteral("(none)")
                                   : QStringLiteral("%1 bytes").arg(r.nonce.toUtf8().size()));
        return;
    }
    // The label may take trust away, never give it: it must name the agent it was first bound
    // to, and the agent must come under the label it was first seen with.
    const QString boundAgent = m_state.boundAgent(record.subject);
    if (!boundAgent.isEmpty() && boundAgent != r.agentId) {
        r.refuse(QStringLiteral("subject_mismatch"),
                 record.subject + QStringLiteral(": ") + boundAgent,
                 record.subject + QStringLiteral(": ") + r.agentId);
        return;
    }
    const QString boundSubject = m_state.boundSubject(r.agentId);
    if (!boundSubject.isEmpty() && boundSubject != record.subject)
        r.refuse(QStringLiteral("subject_mismatch"),
                 r.agentId + QStringLiteral(": ") + boundSubject,
                 r.agentId + QStringLiteral(": ") + record.subject);
}

void EvidenceVerifier::applySignal(const AttestationResult &result, const EvidenceRecord &record)
{
    const QJsonObject signal = result.claims.value(QLatin1String("signal")).toObject();
    const QString kind = signal.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("revoke-key"))
        m_state.revokeKey(signal.value(QLatin1String("fingerprint")).toString().toLatin1(),
                          record.time);
    else if (kind == QLatin1String("revoke-anchor"))
        m_state.revokeAnchor(signal.value(QLatin1String("anchor")).toString(), record.time);
    else if (kind == QLatin1String("expire"))
        m_state.expireAnchor(signal.value(QLatin1String("anchor")).toString(), record.time);
}

void EvidenceVerifier::setThreads(int threads)
{
    m_threads = threads > 0 ? threads : QThread::idealThreadCount();
    m_pool.setMaxThreadCount(qMax(1, m_threads));
}

int EvidenceVerifier::threads() const
{
    return m_threads;
}

void EvidenceVerifier::submit(const EvidenceRecord &record, const ResultSink &sink)
{
    if (m_threads <= 1 && !m_filling && m_checking.empty()) {
        sink(verifyWith(record, nullptr, nullptr));
        return;
    }
    if (!m_filling)
        m_filling = std::make_unique<Batch>();
    m_filling->records.append(record);
    // Numbered as queued, in record order; the queued copy shares the subject's kept text.
    QString &subject = m_filling->records.last().subject;
    m_filling->subjects.push_back(numberOf(subject, &subject));
    if (m_filling->records.size() < BatchSize)
        return;
    advance(sink);
}

void EvidenceVerifier::advance(const ResultSink &sink)
{
    // The filled batch's pre-pass is queued behind those still running, then the oldest batch
    // is replayed once enough are ahead of it, so both cores stay busy: the pool checks while
    // this thread replays and reads.
    startPrepass(*m_filling);
    m_checking.push_back(std::move(m_filling));
    while (m_checking.size() > BatchesAhead)
        replayOldest(sink);
}

void EvidenceVerifier::finish(const ResultSink &sink)
{
    if (m_filling) {
        startPrepass(*m_filling);
        m_checking.push_back(std::move(m_filling));
    }
    while (!m_checking.empty())
        replayOldest(sink);
}

void EvidenceVerifier::startPrepass(Batch &batch)
{
    batch.state = m_state;
    // Made at their size: a memo (its lock) does not move.
    batch.prepared = std::vector<Prepared>(size_t(batch.records.size()));
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        Prepared &prepared = batch.prepared[size_t(i)];
        prepared.record = &batch.records.at(i);
        prepared.attestor = attestorFor(prepared.record->attestor);
        prepared.subject = batch.subjects[size_t(i)];
        prepared.signatures.setTimed(m_timeSignatures);
    }
    batch.prepass = QtConcurrent::map(&m_pool, batch.prepared, [this, &batch](Prepared &prepared) {
        if (!prepared.attestor)
            return;
        // The pool's threads are the verifier's own: their results are kept, from populated
        // pages.
        PopulatedArena::bindThisThread();
        AttestationContext context{m_anchors,  batch.state,          m_bundles,
                                   m_settings, &prepared.signatures, &prepared.reads};
        context.subjectNumber = prepared.subject;
        prepared.result = prepared.attestor->verify(*prepared.record, context);
    });
}

void EvidenceVerifier::replayOldest(const ResultSink &sink)
{
    const std::unique_ptr<Batch> batch = std::move(m_checking.front());
    m_checking.pop_front();
    batch->prepass.waitForFinished();
    // Far enough ahead that a prefetch lands before its record (a record takes some
    // microseconds here), near enough that what it brings stays.
    constexpr size_t kAhead = 4;
    const size_t count = batch->prepared.size();
    for (size_t i = 0; i < count; ++i) {
        if (m_lookahead && i + kAhead < count)
            m_lookahead(batch->prepared[i + kAhead].subject);
        Prepared &prepared = batch->prepared[i];
        SignatureMemo &memo = prepared.signatures;
        const qint64 misses = memo.misses();
        sink(verifyWith(*prepared.record, &memo, &prepared));
        m_signaturesReused += memo.hits();
        m_signaturesComputed += memo.misses() - misses;
        m_signaturesComputedAll += memo.misses();
        m_signaturesTimed += memo.timedChecks();
        m_signatureCpuNanos += memo.verifyCpuNanos();
        m_signatureCpuNanosSquared += memo.verifyCpuNanosSquared();
    }
}

Result<qint64> EvidenceVerifier::verifyStream(QIODevice &device, const ResultSink &sink)
{
    auto n = EvidenceReader::forEach(device, [&](const EvidenceRecord &record) -> Result<void> {
        submit(record, sink);
        return {};
    });
    finish(sink);
    return n;
}

} // namespace ta::core
