// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"
#include "core/policy/PolicySubject.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/SimulationRun.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/TimerQueue.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <map>
#include <vector>

namespace ta::core {

/// The credential lifecycle of a timeline, played one attestation result at a time (the results
/// of EvidenceVerifier, in record order; TimelineReplay feeds them).
///
/// At each record it first fires the timers due at or before the record's time, then:
/// - an accepted record attests its subject (until `freshness` after it) and is decided by the
///   rule set: an identity granted and not held is issued (not-after from the rule's TTL); one
///   held and no longer granted is revoked at once (`no_longer_granted`); a grant a deny
///   overrode is logged as `denied`, once per onset. A workload is only granted while its node
///   (found by agent ID) is attested.
/// - a contraindicated record revokes every credential of its subject at once, with the
///   result's own reason codes; a node's refusal also revokes its workloads' (`node_revoked`).
/// - an accepted revoke-key, revoke-anchor or expire signal revokes every credential whose
///   subject's attestation rests on that key or anchor (`key_revoked`), and a node's workloads
///   with it (`node_revoked`).
/// Timers: a credential is renewed at half its TTL when its subject (and for a workload, its
/// node) is still attested and a fresh decision at that instant still grants it; otherwise it
/// expires at not-after (an entry past expires_at is not renewed, as SPIRE stops serving it). A
/// subject's attestation lapses `freshness` after its last accepted record: its credentials are
/// revoked (`evidence_stale`), and a node's workloads' too (`node_revoked`).
class Simulation
{
public:
    /// Called with each event as it is logged.
    using EventSink = std::function<void(const SimulationEvent &)>;

    Simulation(RuleSet rules, SimulationSettings settings);

    /// Also hands each event to @p sink as it happens (for streaming output).
    void setEventSink(EventSink sink) { m_sink = std::move(sink); }
    /// Plays the next record's attestation result; results after `until` are ignored.
    /// @p subjectNumber, when >= 0, numbers the result's subject in the order subjects first
    /// appear in the results fed (TimelineReplay::NumberedSink's): the subject is then found by
    /// number instead of by name.
    void feed(const AttestationResult &result, int subjectNumber = -1);
    /// Starts loading the state of the subject numbered @p subjectNumber (feed()'s numbers)
    /// into the cache, a few records before feed() gets its record: subjects recur far apart,
    /// so their state is otherwise a cache miss at each record. A hint; does nothing for a
    /// subject not seen yet.
    void prefetch(int subjectNumber) const;
    /// Ends the run: the timers up to `until` fire (none past the last record without it).
    SimulationRun finish();
    /// Makes room for a run of @p sizes before the first feed(), a hint (a run that needs more
    /// grows as it goes; what it does not use is address space, never touched).
    void reserve(const SimulationSizes &sizes);
    /// For a run with no last run to size it by: @p records is how many records it expects.
    /// When a sixteenth of them has been fed, and again at a quarter, the tables that grow with
    /// the records (events, credentials, state changes, history links) reserve what the records
    /// fed so far project for all of them, an eighth over, so a first run does not copy them
    /// each time they outgrow their room. A hint: a wrong one costs a copy, as growth does.
    void expectRecords(qint64 records);

private:
    enum class TimerKind : quint8 { Renew, Expire, Stale };
    struct Timer
    {
        qint64 atMs;
        quint64 seq;
        TimerKind kind;
        int id; // credential for Renew/Expire, subject for Stale
        quint64 generation;
        bool operator>(const Timer &o) const
        {
            return atMs != o.atMs ? atMs > o.atMs : seq > o.seq;
        }
    };
    struct Subject
    {
        bool attested = false;
        bool isNode = false;
        bool hasDecision = false;
        qint64 lastRecord = 0;
        /// A node's own agent ID, a workload's node's.
        QString agentId;
        QStringList selectors;
        QStringList keyFingerprints;
        QStringList anchorIds;
        PolicySubject decided;
        /// The rules' outcome for `decided`, while it holds at any instant (see m_reuseDecisions).
        RuleSet::Outcome outcome;
        bool outcomeKept = false;
        /// Live credentials by SPIFFE ID (credential index).
        std::map<QString, int> live;
        QSet<QString> denied;
        /// The node whose workload set holds this workload, or -1.
        int listedUnder = -1;
        /// What is read from the claims of the last accepted record (`decided`'s): whether
        /// they describe a workload, and its agent ID.
        bool workloadClaims = false;
        QString workloadAgentId;
        /// The list in the run's history of the SPIFFE IDs `outcome` grants, while it is kept
        /// (-1 when none).
        int grantedList = -1;
        /// Whether `live` holds a credential for each of those IDs and nothing else, as the
        /// last decision left it: cleared when a credential of the subject expires or is
        /// revoked (a renewal keeps its SPIFFE ID).
        bool liveAsGranted = false;
        /// nodeOf(agentId) as of m_nodeMapVersion `nodeVersion` (0: not looked up since
        /// agentId changed).
        mutable int node = -1;
        mutable quint64 nodeVersion = 0;
    };

    /// Starts loading subject @p si's state, its generation and its last history entry.
    void prefetchSubject(int si) const;
    void fireTimersUpTo(qint64 ms);
    void onTimer(const Timer &t);
    void reserveGrowing(const SimulationSizes &sizes);
    void project();
    void onSignal(const AttestationResult &result, qint64 record);
    void onRefused(int subject, const AttestationResult &result, qint64 record);
    void onAccepted(int subject, const AttestationResult &result, qint64 record);
    /// The node subject whose agent is @p agentId, or -1.
    int nodeOf(const QString &agentId) const;
    /// The node subject of @p s's agent ID, or -1 (looked up again only when the agent ID or
    /// the node map changed).
    int nodeOf(const Subject &s) const;

    /// Whether @p s may hold credentials: attested and, for a workload, its node attested.
    bool holds(const Subject &s) const;
    /// Issues @p grant; with @p replaces >= 0, as the renewal of that credential.
    void issue(int subject, const RuleSet::Grant &grant, const QDateTime &at, qint64 record,
               int replaces);
    void revokeAll(int subject, const QDateTime &at, qint64 record, const QStringList &reason);
    void revoke(int credential, const QDateTime &at, qint64 record, const QStringList &reason,
                const QString &detail = {});
    /// Drops the attestation of a node's workloads and revokes their credentials.
    void lapseWorkloads(int node, const QDateTime &at, qint64 record);
    void setAttested(int subject, bool attested, qint64 ms);
    /// Queues a timer of @p kind for credential @p id, in the lane of its kind and @p ttl.
    void schedule(qint64 atMs, quint64 seq, TimerKind kind, int id, qint32 ttl);
    void log(SimulationEvent event);
    qint32 ttlOf(const RuleSet::Grant &grant) const;
    Subject &subject(int i) { return m_subjects[size_t(i)]; }
    /// Queues the freshness deadline of subject @p si's record at @p ms.
    void scheduleStale(int si, qint64 ms);
    /// A freshness deadline that fell due: the subject lapses, unless a later record of it
    /// moved the deadline or its attestation already ended (its generation is no longer
    /// @p generation).
    void onStale(int si, qint64 atMs, quint64 generation);

    RuleSet m_rules;
    /// The rules do not decide over time: a renewal reuses the subject's last decision instead
    /// of deciding again (renewals outnumber records several times over).
    bool m_reuseDecisions = false;
    SimulationSettings m_settings;
    EventSink m_sink;
    SimulationRun m_run;
    std::vector<Subject> m_subjects;
    QHash<QString, int> m_nodeByAgent;
    /// Subject indexes by the numbers feed() was given, -1 where not seen yet.
    std::vector<int> m_subjectByNumber;
    /// Changes each time m_nodeByAgent does.
    quint64 m_nodeMapVersion = 1;

    QHash<int, QSet<int>> m_workloadsOfNode;
    /// Renewals and expiries in a lane per TTL, freshness deadlines in their own (one per
    /// accepted record; the freshness is one span and accepted records come in time order, as
    /// the verifier refuses one out of order).
    TimerQueue<Timer> m_timers;
    /// The freshness deadlines' lane in m_timers, and how far ahead in it a firing deadline
    /// loads a subject's state.
    qint64 m_staleLane = 0;
    static constexpr std::size_t kStaleAhead = 8;
    /// Per subject, a count that each accepted record, refusal and lapse moves on: a freshness
    /// deadline queued under another count is passed over. Apart from the subjects' state,
    /// which is large and far apart in memory, so that passing over a deadline a later record
    /// moved (most of them) touches eight bytes instead.
    std::vector<quint64> m_generations;
    quint64 m_seq = 0;
    /// Per credential, the order its Expire timer was given at issue. The timer is queued only
    /// when its Renew timer fires without a renewal (most credentials are renewed or revoked
    /// first), under that order, so timers fire as if it had been queued at issue.
    std::vector<quint64> m_expireSeq;
    /// Per credential, its subject's index.
    std::vector<int> m_credentialSubject;
    qint64 m_records = 0;
    /// expectRecords()'s records, and the record at which feed() next projects (0: never).
    qint64 m_expectedRecords = 0;
    qint64 m_projectAt = 0;
    qint64 m_lastMs = 0;
    bool m_stopped = false;
};

} // namespace ta::core
