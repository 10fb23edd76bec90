// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"
#include "core/simulation/DenseIdSet.h"
#include "core/simulation/SimulatedCredential.h"
#include "core/simulation/SimulationEvent.h"
#include "core/simulation/SimulationSizes.h"
#include "core/simulation/SimulationState.h"
#include "core/simulation/SubjectHistoryEntry.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <vector>

namespace ta::core {

/// The outcome of one simulation: the event log, every credential's lifetime, each subject's
/// history, and the state of the estate at any instant. A finished run is read-only and may be
/// queried from several threads at once.
///
/// stateAt() does not replay the run: every state change is kept in time order with a
/// checkpoint of the whole state after SimulationSettings::checkpointInterval changes, or after
/// as many changes as the state then holds when that is more (so the checkpoints together hold
/// no more entries than there are changes). A query starts at the last checkpoint before the
/// instant and applies at most max(interval, that checkpoint's size) changes: the order of the
/// answer's own size.
class SimulationRun
{
public:
    /// The totals of the `simulate --json` summary line.
    struct Summary
    {
        qint64 records = 0;
        qint64 subjects = 0;
        qint64 issued = 0;
        qint64 renewed = 0;
        qint64 expired = 0;
        qint64 revoked = 0;
        qint64 denied = 0;

        /// {"summary": {"records", "subjects", "issued", "renewed", "expired", "revoked",
        /// "denied"}}
        QJsonObject toJson() const;
        bool operator==(const Summary &) const = default;
    };

    /// The event log, in time order (events of one instant in the order they happened).
    const QList<SimulationEvent> &events() const { return m_events; }
    /// Every credential issued, in issue order (c1 first).
    const QList<SimulatedCredential> &credentials() const { return m_credentials; }
    /// The credential @p id ("c7"), or nullptr.
    const SimulatedCredential *credential(const QString &id) const;
    /// The credentials of @p subject, in issue order.
    QList<SimulatedCredential> credentialsOf(const QString &subject) const;
    /// Every subject that presented evidence (signals aside), sorted.
    QStringList subjects() const;
    /// subjects().size(), without building and sorting the list.
    qsizetype subjectCount() const
    {
        return m_subjectNames.size() - qsizetype(m_signalSubjects.size());
    }
    /// What happened to @p subject's attestation, in time order.
    QList<SubjectHistoryEntry> history(const QString &subject) const;
    /// The attested subjects and valid credentials at @p at: every change at or before @p at
    /// applied (a credential revoked at @p at is no longer live then).
    SimulationState stateAt(const QDateTime &at) const;
    /// What stateAt() keeps: the state changes, and the entries (credential and subject IDs)
    /// its checkpoints hold together (for tests and benchmarks: memory stays linear).
    qsizetype stateChanges() const { return qsizetype(m_deltas.size()); }
    qsizetype checkpointEntries() const;
    /// One change of a subject's attestation: attested from here, or no longer (stale,
    /// refused, revoked, its node lapsed).
    struct AttestationChange
    {
        QDateTime at;
        QString subject;
        bool attested = false;
    };
    /// Every attestation change, in the order they happened (time order).
    QList<AttestationChange> attestationChanges() const;
    Summary summary() const { return m_summary; }
    /// How much the run holds (what a later run over the same evidence reserves).
    SimulationSizes sizes() const;
    /// What its tables had room for, at least sizes(): what a reserve, a first run's projection
    /// (Simulation::expectRecords) or growth made. For tests and the benchmark.
    SimulationSizes room() const;
    /// The first record's time, and where the run ended (the last record or `until`).
    QDateTime start() const { return m_start; }
    QDateTime end() const { return m_end; }

private:
    friend class Simulation;

    enum class Change : quint8 { CredentialOn, CredentialOff, SubjectOn, SubjectOff };
    struct Delta
    {
        qint64 atMs;
        Change change;
        int id;
    };
    struct Checkpoint
    {
        /// How many deltas the snapshot includes.
        qsizetype deltas = 0;
        std::vector<int> live;
        std::vector<int> attested;
    };

    /// One history entry, chained to its subject's previous one. Its list (a refusal's reasons,
    /// an attestation's grants) is an index into m_historyLists, so that an entry neither copies
    /// nor touches the list a kept decision logs again at each record.
    struct HistoryLink
    {
        qint64 atMs;
        qint64 record;
        /// The subject's previous entry, or -1.
        qsizetype previous;
        /// Its list in m_historyLists, or -1 for none.
        int list;
        SubjectHistoryEntry::Kind kind;
    };

    int subjectIndex(const QString &subject);
    void record(qint64 atMs, Change change, int id);
    /// Keeps @p list for history entries to name, and returns its index (-1 when empty).
    int addHistoryList(const QStringList &list);
    /// The list addHistoryList() gave @p index; empty for -1.
    QStringList historyList(int index) const
    {
        return index >= 0 ? m_historyLists[size_t(index)] : QStringList();
    }
    void addHistory(int subject, qint64 atMs, SubjectHistoryEntry::Kind kind, qint64 record,
                    int list = -1);
    /// Starts loading what addHistory() reads of @p subject (a hint, for a subject seen).
    void prefetchHistory(int subject) const
    {
        if (size_t(subject) < m_historyLast.size())
            __builtin_prefetch(&m_historyLast[size_t(subject)]);
    }

    QList<SimulationEvent> m_events;
    QList<SimulatedCredential> m_credentials;
    QStringList m_subjectNames;
    QHash<HashedString, int> m_subjectIndex;
    /// Every subject's history entries in the order they happened, one sequence for the run
    /// (appending to one of a hundred thousand lists was a cache miss per record), each entry
    /// chained to its subject's previous one.
    std::vector<HistoryLink> m_history;
    std::vector<QStringList> m_historyLists;
    /// Per subject, the index of its last entry, or -1.
    std::vector<qsizetype> m_historyLast;
    QSet<int> m_signalSubjects;
    std::vector<Delta> m_deltas;
    std::vector<Checkpoint> m_checkpoints;
    DenseIdSet m_liveNow;
    DenseIdSet m_attestedNow;
    int m_checkpointInterval = 4096;
    /// m_deltas.size() at the last checkpoint.
    size_t m_checkpointedDeltas = 0;
    Summary m_summary;
    QDateTime m_start;
    QDateTime m_end;
};

} // namespace ta::core
