// SPDX-License-Identifier: Apache-2.0
#include "core/store/EvidenceTimelineQuery.h"

#include "core/store/Database.h"
#include "core/store/StoreErrors.h"

#include <algorithm>
#include <variant>

namespace ta::core {
namespace {

Error queryError(const Statement &st)
{
    return st.error() ? *st.error() : makeError(ec::StoreQueryFailed);
}

/// The one count(*) that @p sql selects, with @p arg bound to its only parameter.
Result<qint64> countOf(Database &db, const QString &sql, const QString &arg)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st->bind(1, arg);
    if (!st->next())
        return queryError(*st);
    return st->int64(0);
}

/// Results that verified with anchor ? among their anchors (a contraindicated one verified none).
const QString kVerifiedBy = QStringLiteral(
    "instr(',' || r.anchors || ',', ',' || ? || ',') > 0 AND r.verdict <> 'contraindicated' ");

QStringList splitList(const QString &joined)
{
    return joined.isEmpty() ? QStringList() : joined.split(QLatin1Char(','));
}

/// A filter as SQL over evidence_records e, with the values to bind in order.
struct Where
{
    QString sql;
    QList<std::variant<qint64, QString>> values;

    void add(const QString &clause)
    {
        sql += (sql.isEmpty() ? QString() : QStringLiteral(" AND ")) + clause;
    }
    QString clause() const { return sql.isEmpty() ? QStringLiteral("1") : sql; }
    int bind(Statement &st, int first = 1) const
    {
        int i = first;
        for (const auto &v : values) {
            if (std::holds_alternative<qint64>(v))
                st.bind(i++, std::get<qint64>(v));
            else
                st.bind(i++, std::get<QString>(v));
        }
        return i;
    }
};

Where whereOf(const EvidenceTimelineFilter &f)
{
    Where w;
    if (!f.subject.isEmpty()) {
        w.add(QStringLiteral("instr(e.subject, ?) > 0"));
        w.values << f.subject;
    }
    if (!f.attestor.isEmpty()) {
        w.add(QStringLiteral("e.attestor = ?"));
        w.values << f.attestor;
    }
    if (f.from.isValid()) {
        w.add(QStringLiteral("e.time_ms >= ?"));
        w.values << f.from.toMSecsSinceEpoch();
    }
    if (f.to.isValid()) {
        w.add(QStringLiteral("e.time_ms <= ?"));
        w.values << f.to.toMSecsSinceEpoch();
    }
    // A correlated lookup by primary key rather than a join, so that the scan stays on the time
    // index and the pages come out in time order without a sort.
    auto verdictIs = [&](const char *name) {
        w.add(QStringLiteral(
            "(SELECT r.verdict FROM evidence_results r WHERE r.record_id = e.id) = ?"));
        w.values << QString::fromLatin1(name);
    };
    switch (f.verdict) {
    case EvidenceTimelineFilter::Verdict::Any:
        break;
    case EvidenceTimelineFilter::Verdict::Affirming:
        verdictIs("affirming");
        break;
    case EvidenceTimelineFilter::Verdict::Warning:
        verdictIs("warning");
        break;
    case EvidenceTimelineFilter::Verdict::Contraindicated:
        verdictIs("contraindicated");
        break;
    case EvidenceTimelineFilter::Verdict::Unverified:
        w.add(QStringLiteral(
            "NOT EXISTS (SELECT 1 FROM evidence_results r WHERE r.record_id = e.id)"));
        break;
    }
    return w;
}

const QString kColumns = QStringLiteral(
    "SELECT e.id, e.time_ms, e.subject, e.attestor, r.verdict, r.reasons, r.selectors, r.anchors "
    "FROM evidence_records e LEFT JOIN evidence_results r ON r.record_id = e.id ");

Result<QList<EvidenceTimelineRow>> readRows(Statement &st)
{
    QList<EvidenceTimelineRow> rows;
    while (st.next()) {
        EvidenceTimelineRow row;
        row.id = st.int64(0);
        row.time = QDateTime::fromMSecsSinceEpoch(st.int64(1), Qt::UTC);
        row.subject = st.text(2);
        row.attestor = st.text(3);
        if (!st.isNull(4)) {
            row.verdict = st.text(4);
            row.reasons = splitList(st.text(5));
            row.selectors = splitList(st.text(6));
            row.anchors = splitList(st.text(7));
        }
        rows.append(std::move(row));
    }
    if (st.error())
        return *st.error();
    return rows;
}

Result<QList<EvidenceTimelineRow>> pageFrom(Database &db, const EvidenceTimelineFilter &filter,
                                            const std::optional<EvidenceTimelineKey> &key,
                                            bool inclusive, int limit)
{
    Where w = whereOf(filter);
    if (key) {
        w.add(inclusive ? QStringLiteral("(e.time_ms, e.id) >= (?, ?)")
                        : QStringLiteral("(e.time_ms, e.id) > (?, ?)"));
        w.values << key->timeMs << key->id;
    }
    auto st = db.prepare(kColumns + QStringLiteral("WHERE ") + w.clause() +
                         QStringLiteral(" ORDER BY e.time_ms, e.id LIMIT ?"));
    if (!st)
        return st.error();
    const int next = w.bind(*st);
    st->bind(next, qint64(qMax(0, limit)));
    return readRows(*st);
}

} // namespace

Result<qint64> EvidenceTimelineQuery::count(const EvidenceTimelineFilter &filter)
{
    // A verdict is counted from its index: the records of the other verdicts are never read.
    const bool byVerdict = filter.verdict != EvidenceTimelineFilter::Verdict::Any &&
                           filter.verdict != EvidenceTimelineFilter::Verdict::Unverified;
    Where w = whereOf(filter);
    if (byVerdict) {
        EvidenceTimelineFilter rest = filter;
        rest.verdict = EvidenceTimelineFilter::Verdict::Any;
        w = whereOf(rest);
        w.add(QStringLiteral("r.verdict = ?"));
        w.values << whereOf(filter).values.constLast();
    }
    // With nothing else asked, the verdict index alone answers (every result has its record).
    const bool verdictOnly = byVerdict && w.values.size() == 1;
    auto st = m_db.prepare((verdictOnly ? QStringLiteral("SELECT count(*) FROM evidence_results r "
                                                         "WHERE ")
                            : byVerdict ? QStringLiteral("SELECT count(*) FROM evidence_results r "
                                                         "JOIN evidence_records e ON e.id = "
                                                         "r.record_id WHERE ")
                                        : QStringLiteral("SELECT count(*) FROM evidence_records e "
                                                         "WHERE ")) +
                           w.clause());
    if (!st)
        return st.error();
    w.bind(*st);
    if (!st->next())
        return queryError(*st);
    return st->int64(0);
}

Result<QList<EvidenceTimelineRow>>
EvidenceTimelineQuery::pageAfter(const EvidenceTimelineFilter &filter,
                                 const std::optional<EvidenceTimelineKey> &after, int limit)
{
    return pageFrom(m_db, filter, after, false, limit);
}

Result<QList<EvidenceTimelineRow>>
EvidenceTimelineQuery::pageBefore(const EvidenceTimelineFilter &filter,
                                  const EvidenceTimelineKey &before, int limit)
{
    // The time index read backwards from the key, then put back in time order.
    Where w = whereOf(filter);
    w.add(QStringLiteral("(e.time_ms, e.id) < (?, ?)"));
    w.values << before.timeMs << before.id;
    auto st = m_db.prepare(kColumns + QStringLiteral("WHERE ") + w.clause() +
                           QStringLiteral(" ORDER BY e.time_ms DESC, e.id DESC LIMIT ?"));
    if (!st)
        return st.error();
    st->bind(w.bind(*st), qint64(qMax(0, limit)));
    auto rows = readRows(*st);
    if (rows)
        std::reverse(rows->begin(), rows->end());
    return rows;
}

Result<QList<EvidenceTimelineRow>>
EvidenceTimelineQuery::pageAt(const EvidenceTimelineFilter &filter, qint64 offset, int limit)
{
    if (offset <= 0)
        return pageFrom(m_db, filter, std::nullopt, false, limit);
    // Counting to the offset reads keys only (the time index covers them when no verdict is
    // asked for); the page itself is then read by key.
    const Where w = whereOf(filter);
    auto st =
        m_db.prepare(QStringLiteral("SELECT e.time_ms, e.id FROM evidence_records e WHERE ") +
                     w.clause() + QStringLiteral(" ORDER BY e.time_ms, e.id LIMIT 1 OFFSET ?"));
    if (!st)
        return st.error();
    st->bind(w.bind(*st), offset);
    if (!st->next()) {
        if (st->error())
            return *st->error();
        return QList<EvidenceTimelineRow>();
    }
    const EvidenceTimelineKey key{st->int64(0), st->int64(1)};
    return pageFrom(m_db, filter, key, true, limit);
}

Result<qint64> EvidenceTimelineQuery::positionOf(const EvidenceTimelineFilter &filter,
                                                 const QDateTime &at)
{
    Where w = whereOf(filter);
    w.add(QStringLiteral("e.time_ms < ?"));
    w.values << at.toMSecsSinceEpoch();
    auto st =
        m_db.prepare(QStringLiteral("SELECT count(*) FROM evidence_records e WHERE ") + w.clause());
    if (!st)
        return st.error();
    w.bind(*st);
    if (!st->next())
        return queryError(*st);
    return st->int64(0);
}

Result<QStringList> EvidenceTimelineQuery::attestors()
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT DISTINCT attestor FROM evidence_records ORDER BY attestor"));
    if (!st)
        return st.error();
    QStringList names;
    while (st->next())
        names << st->text(0);
    if (st->error())
        return *st->error();
    return names;
}

Result<qint64> EvidenceTimelineQuery::resultCount(const QString &anchorsSha256)
{
    return countOf(m_db,
                   QStringLiteral("SELECT count(*) FROM evidence_results WHERE anchors_sha256 = ?"),
                   anchorsSha256);
}

Result<void> EvidenceTimelineQuery::clearResults()
{
    return m_db.exec(QStringLiteral("DELETE FROM evidence_results"));
}

Result<void> EvidenceTimelineQuery::addResults(const QList<EvidenceResultRow> &results,
                                               const QString &anchorsSha256)
{
    auto st = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO evidence_results(record_id, verdict, reasons, selectors, anchors, "
        "token_sha256, anchors_sha256) VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), "
        "coalesce(?, ''), ?, ?)"));
    if (!st)
        return st.error();
    const QString comma = QStringLiteral(",");
    for (const EvidenceResultRow &r : results) {
        st->reset();
        st->bind(1, r.recordId)
            .bind(2, r.verdict)
            .bind(3, r.reasons.join(comma))
            .bind(4, r.selectors.join(comma))
            .bind(5, r.anchors.join(comma))
            .bind(7, anchorsSha256);
        if (r.tokenSha256.isEmpty())
            st->bindNull(6);
        else
            st->bind(6, r.tokenSha256);
        if (auto e = st->exec(); !e)
            return e;
    }
    return {};
}

Result<QList<EvidenceTimelineRow>> EvidenceTimelineQuery::verifiedBy(const QString &anchorId,
                                                                     int limit)
{
    auto st = m_db.prepare(kColumns + QStringLiteral("WHERE ") + kVerifiedBy +
                           QStringLiteral("ORDER BY e.time_ms, e.id LIMIT ?"));
    if (!st)
        return st.error();
    st->bind(1, anchorId).bind(2, qint64(qMax(0, limit)));
    return readRows(*st);
}

Result<qint64> EvidenceTimelineQuery::verifiedByCount(const QString &anchorId)
{
    return countOf(m_db,
                   QStringLiteral("SELECT count(*) FROM evidence_results r WHERE ") + kVerifiedBy,
                   anchorId);
}

Result<QStringList> EvidenceTimelineQuery::usedJoinTokens()
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT DISTINCT token_sha256 FROM evidence_results WHERE token_sha256 IS NOT NULL "
        "UNION SELECT token_sha256 FROM used_join_tokens"));
    if (!st)
        return st.error();
    QStringList tokens;
    while (st->next())
        tokens << st->text(0);
    if (st->error())
        return *st->error();
    return tokens;
}

} // namespace ta::core
