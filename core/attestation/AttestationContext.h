// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationState.h"
#include "core/attestation/SignatureMemo.h"
#include "core/spiffe/TrustBundleSet.h"
#include "core/spiffe/TrustDomain.h"

#include <chrono>
#include <vector>

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

/// How the node attestation of an agent stands at an instant, as a workload attestor reads it.
struct NodeStanding
{
    /// Why it does not vouch for its agent ("no node attestation", lapsed, anchor or key
    /// revoked); empty when it does.
    QString invalidReason;
    /// The node's subject, and the anchors and keys its attestation rested on.
    QString subject;
    QStringList anchorIds;
    QStringList keyFingerprints;

    bool operator==(const NodeStanding &) const = default;
};

/// Every question an attestor asked of the replay's state while verifying one record, with the
/// answer it got. An attestor is a function of the record, the anchors, bundles and settings,
/// and these answers; so when each question gets the same answer from another state, the
/// attestor would conclude the same there. This is what lets EvidenceVerifier attest records
/// on every core ahead of the replay, against a recent copy of the state, and keep a result
/// the replay's own state confirms (holdIn()) instead of verifying the record again.
class StateReads
{
public:
    enum class Kind : quint8 {
        AnchorRevoked,
        AnchorExpiredBySignal,
        AnyKeyRevoked,
        KeyRevoked,
        TokenUsedAt,
        NodeStanding,
    };
    /// A question (kind, id, key, at) and its answer (flag, usedAt, node).
    struct Read
    {
        Kind kind;
        QString id;        ///< anchor ID, agent ID
        QByteArray key;    ///< key fingerprint, token hash
        QDateTime at;      ///< the record's time (node question)
        bool flag = false; ///< revoked, expired (answer)
        QDateTime usedAt;  ///< the token's use (answer)
        NodeStanding node; ///< the node's standing (answer)

        bool operator==(const Read &) const = default;
    };

    /// A question not yet answered.
    static Read question(Kind kind, QString id = {}, QByteArray key = {}, QDateTime at = {})
    {
        Read r{};
        r.kind = kind;
        r.id = std::move(id);
        r.key = std::move(key);
        r.at = std::move(at);
        return r;
    }
    /// @p question with the answer @p state gives it.
    static Read answered(const AttestationState &state, Read question);
    void add(Read read)
    {
        // A workload's record asks two questions, a node's a few: room for them at once.
        if (m_reads.empty())
            m_reads.reserve(4);
        m_reads.push_back(std::move(read));
    }
    /// Whether @p state answers @p read's question as it was answered: answered() == @p read.
    static bool holds(const AttestationState &state, const Read &read);
    /// Whether @p state answers every recorded question as it was answered.
    bool holdIn(const AttestationState &state) const;
    qsizetype size() const { return qsizetype(m_reads.size()); }
    const std::vector<Read> &reads() const { return m_reads; }

private:
    std::vector<Read> m_reads;
};

/// Everything an attestor reads: anchors and reference values, the run's state, the workspace's
/// trust bundles (for agent SVIDs) and settings. Attestors never change it; the verifier applies
/// a result's effects after the replay guard has passed it. The state is read only through the
/// questions below, each noted in the context's StateReads when it has one.
class AttestationContext
{
public:
    AttestationContext(const AnchorSet &anchors, const AttestationState &state,
                       const TrustBundleSet &bundles, const AttestationSettings &settings,
                       SignatureMemo *signatures = nullptr, StateReads *reads = nullptr)
        : anchors(anchors), bundles(bundles), settings(settings), signatures(signatures),
          m_state(state), m_reads(reads)
    {}

    const AnchorSet &anchors;
    const TrustBundleSet &bundles;
    const AttestationSettings &settings;
    /// Signature outcomes already computed for this batch of records, when there is one
    /// (EvidenceVerifier's parallel pre-pass); attestors route their signature checks through
    /// checkSignature() with it.
    SignatureMemo *signatures = nullptr;
    /// The record's subject as a number (EvidenceVerifier::subjectNumber()): 0 for the first
    /// subject the verifier saw, 1 for the next, and so on; -1 outside a verifier. An attestor
    /// may keep what it remembers per subject at that index instead of under the subject's
    /// text, a look-up in a table of every subject. What it remembers there must still be
    /// checked against the record: the number is a place to look, not a proof.
    int subjectNumber = -1;

    bool anchorRevoked(const QString &anchorId) const;
    bool anchorExpiredBySignal(const QString &anchorId) const;
    /// Whether any key was revoked: lets an attestor skip computing a fingerprint.
    bool anyKeyRevoked() const;
    bool keyRevoked(const QByteArray &fingerprint) const;
    /// When join token @p tokenSha256 was used; invalid when it has not been.
    QDateTime tokenUsedAt(const QByteArray &tokenSha256) const;
    /// How the node attestation of @p agentId stands at @p time.
    NodeStanding nodeStanding(const QString &agentId, const QDateTime &time) const;

private:
    /// Asks @p question of the state and notes it, with its answer, when reads are kept;
    /// returns the answer's member @p answer. The noted read takes the answer by move and the
    /// caller a copy of that member only: copying the whole read, then the member out of it,
    /// took and dropped references to the node's shared lists several times a workload record,
    /// lists whose counts every pre-pass thread and the replay's thread touch.
    template <typename Answer>
    Answer ask(StateReads::Read question, Answer StateReads::Read::*answer) const;

    const AttestationState &m_state;
    StateReads *m_reads = nullptr;
};

} // namespace ta::core
