// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ta::core {

class Database;

/// What the evidence timeline shows of its records: all conditions must hold.
struct EvidenceTimelineFilter
{
    enum class Verdict { Any, Affirming, Warning, Contraindicated, Unverified };

    /// Part of the subject (case-sensitive); empty: any.
    QString subject;
    /// The attestor's exact name; empty: any.
    QString attestor;
    Verdict verdict = Verdict::Any;
    /// from <= time <= to; an invalid end is open.
    QDateTime from;
    QDateTime to;

    bool operator==(const EvidenceTimelineFilter &) const = default;
};

/// Where a record stands in time order: time, then import order.
struct EvidenceTimelineKey
{
    qint64 timeMs = 0;
    qint64 id = 0;
};

/// One evidence record with its attestation result, as the timeline lists it.
struct EvidenceTimelineRow
{
    qint64 id = 0;
    QDateTime time;
    QString subject;
    QString attestor;
    /// "affirming", "warning", "contraindicated"; empty when no attestation pass covered it.
    QString verdict;
    QStringList reasons;
    QStringList selectors;
    QStringList anchors;

    EvidenceTimelineKey key() const { return {time.toMSecsSinceEpoch(), id}; }
};

/// One record's attestation result as the evidence_results table keeps it.
struct EvidenceResultRow
{
    qint64 recordId = 0;
    QString verdict;
    QStringList reasons;
    QStringList selectors;
    QStringList anchors;
    /// SHA-256 (hex) of the join token the record consumed; empty when none.
    QString tokenSha256;
};

/// The read side of the evidence timeline over a workspace's evidence_records and
/// evidence_results: counts and fixed-size pages in time order under a filter, every condition
/// evaluated by SQLite, so that a view over a million records never holds more than the pages it
/// shows. Pages are read by key (after the last row of the page before), and only a jump to a
/// far row counts its way there, on the time index alone.
class EvidenceTimelineQuery
{
public:
    explicit EvidenceTimelineQuery(Database &db) : m_db(db) {}

    /// How many records pass @p filter.
    [[nodiscard]] Result<qint64> count(const EvidenceTimelineFilter &filter);
    /// Up to @p limit records passing @p filter that come after @p after (none: from the first).
    [[nodiscard]] Result<QList<EvidenceTimelineRow>>
    pageAfter(const EvidenceTimelineFilter &filter, const std::optional<EvidenceTimelineKey> &after,
              int limit);
    /// The @p limit records passing @p filter just before @p before, in time order (fewer at
    /// the start).
    [[nodiscard]] Result<QList<EvidenceTimelineRow>>
    pageBefore(const EvidenceTimelineFilter &filter, const EvidenceTimelineKey &before, int limit);
    /// Up to @p limit records passing @p filter from the @p offset-th (0-based) on.
    [[nodiscard]] Result<QList<EvidenceTimelineRow>> pageAt(const EvidenceTimelineFilter &filter,
                                                            qint64 offset, int limit);
    /// The 0-based position of the first record passing @p filter at or after @p at, in the
    /// filtered order; count() when there is none.
    [[nodiscard]] Result<qint64> positionOf(const EvidenceTimelineFilter &filter,
                                            const QDateTime &at);
    /// The attestors the records name, sorted.
    [[nodiscard]] Result<QStringList> attestors();

    /// How many records have a result computed under anchors @p anchorsSha256.
    [[nodiscard]] Result<qint64> resultCount(const QString &anchorsSha256);
    /// Replaces every stored result with @p results (none: clears them); the caller runs it in
    /// a transaction when it writes in several calls.
    [[nodiscard]] Result<void> clearResults();
    [[nodiscard]] Result<void> addResults(const QList<EvidenceResultRow> &results,
                                          const QString &anchorsSha256);
    /// The records the anchor or reference value @p anchorId verified (a result resting on it,
    /// not refused), in time order, at most @p limit of them.
    [[nodiscard]] Result<QList<EvidenceTimelineRow>> verifiedBy(const QString &anchorId, int limit);
    /// How many records @p anchorId verified.
    [[nodiscard]] Result<qint64> verifiedByCount(const QString &anchorId);
    /// SHA-256 (hex) of every join token a record consumed or an earlier committed run used.
    [[nodiscard]] Result<QStringList> usedJoinTokens();

private:
    Database &m_db;
};

} // namespace ta::core
