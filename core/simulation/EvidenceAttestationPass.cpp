// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/EvidenceAttestationPass.h"

#include "core/attestation/EvidenceVerifier.h"
#include "core/store/Database.h"
#include "core/store/EvidenceTimelineQuery.h"
#include "core/store/StoreErrors.h"

#include <QCryptographicHash>

#include <deque>
#include <limits>

namespace ta::core {
namespace {

Result<void> hashRows(Database &db, const QString &sql, QCryptographicHash &hash)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    while (st->next()) {
        for (int i = 0; i < 3; ++i) {
            const QByteArray field = st->blob(i);
            hash.addData(QByteArray::number(field.size()) + ':');
            hash.addData(field);
        }
    }
    if (st->error())
        return *st->error();
    return {};
}

QStringList codes(const QList<AttestationReason> &reasons)
{
    QStringList out;
    for (const AttestationReason &r : reasons)
        out << r.code;
    return out;
}

} // namespace

Result<QString> EvidenceAttestationPass::anchorsSha256(Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (auto r = hashRows(db,
                          QStringLiteral("SELECT 'anchor', anchor_id, document FROM trust_anchors "
                                         "ORDER BY anchor_id"),
                          hash);
        !r)
        return r.error();
    if (auto r = hashRows(db,
                          QStringLiteral("SELECT 'reference', value_id, document FROM "
                                         "reference_values ORDER BY value_id"),
                          hash);
        !r)
        return r.error();
    return QString::fromLatin1(hash.result().toHex());
}

Result<bool> EvidenceAttestationPass::isCurrent(Database &db)
{
    auto sha = anchorsSha256(db);
    if (!sha)
        return sha.error();
    EvidenceTimelineQuery query(db);
    auto results = query.resultCount(*sha);
    if (!results)
        return results.error();
    auto records = query.count({});
    if (!records)
        return records.error();
    return *results == *records;
}

Result<qint64> EvidenceAttestationPass::run(Database &db, EvidenceVerifier &verifier,
                                            const std::function<bool()> &cancelled,
                                            const Progress &progress)
{
    auto sha = anchorsSha256(db);
    if (!sha)
        return sha.error();
    EvidenceTimelineQuery query(db);
    auto total = query.count({});
    if (!total)
        return total.error();
    qint64 done = 0;
    // Results are a cache: written a batch per transaction, so that the document's own edits
    // never wait on a pass over a million records for the write lock.
    auto r = [&]() -> Result<void> {
        if (auto c = query.clearResults(); !c)
            return c;
        // Read a page at a time, in the order of the (time_ms, id) index, and written between
        // pages: no statement stays open across a write. A read left open would pin this
        // connection to its snapshot, and once another connection committed (the results a
        // replay keeps, an edit) the next batch's BEGIN IMMEDIATE would fail at once with
        // SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out: the pass then ended part-way.
        constexpr int kPage = 4096;
        qint64 lastTime = std::numeric_limits<qint64>::min();
        qint64 lastId = std::numeric_limits<qint64>::min();
        // Results come back in record order, a batch at a time: the IDs wait in a queue.
        std::deque<qint64> ids;
        QList<EvidenceResultRow> batch;
        auto sink = [&](const AttestationResult &result) {
            EvidenceResultRow row;
            row.recordId = ids.front();
            ids.pop_front();
            row.verdict = verdictName(result.verdict());
            row.reasons = codes(result.reasons.isEmpty() ? result.warnings : result.reasons);
            row.selectors = result.selectors;
            row.anchors = result.anchorIds + result.referenceValueIds;
            // Only an accepted record consumed its token; a refused one left it as it was.
            if (result.accepted())
                row.tokenSha256 = result.consumedToken;
            batch.append(std::move(row));
            ++done;
        };
        auto flush = [&]() -> Result<void> {
            if (batch.isEmpty())
                return {};
            auto a = db.transaction([&] { return query.addResults(batch, *sha); });
            batch.clear();
            if (progress)
                progress(done, *total);
            return a;
        };
        for (;;) {
            QList<QPair<qint64, QByteArray>> page;
            {
                auto st = db.prepare(QStringLiteral(
                    "SELECT id, record, time_ms FROM evidence_records WHERE (time_ms, id) > (?, ?) "
                    "ORDER BY time_ms, id LIMIT ?"));
                if (!st)
                    return st.error();
                st->bind(1, lastTime).bind(2, lastId).bind(3, kPage);
                while (st->next()) {
                    page.append({st->int64(0), st->blob(1)});
                    lastTime = st->int64(2);
                    lastId = st->int64(0);
                }
                if (st->error())
                    return *st->error();
            }
            if (page.isEmpty())
                break;
            for (const auto &[id, bytes] : std::as_const(page)) {
                if (cancelled && cancelled())
                    return makeError(ec::StoreCancelled);
                auto rec = EvidenceRecord::fromJsonLine(bytes);
                if (!rec)
                    return makeError(ec::StoreCorruptValue,
                                     QStringLiteral("evidence_records row %1: %2")
                                         .arg(id)
                                         .arg(rec.error().toString()));
                ids.push_back(id);
                verifier.submit(*rec, sink);
                if (batch.size() >= 4096)
                    if (auto f = flush(); !f)
                        return f;
            }
        }
        verifier.finish(sink);
        if (auto f = flush(); !f)
            return f;
        if (cancelled && cancelled())
            return makeError(ec::StoreCancelled);
        return {};
    }();
    if (!r)
        return r.error();
    return done;
}

} // namespace ta::core
