// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/EvidenceAttestationPass.h"

#include "core/simulation/SimulationErrors.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/Database.h"
#include "core/store/EvidenceTimelineQuery.h"
#include "core/store/StoreErrors.h"

#include <QCryptographicHash>

#include <optional>
#include <vector>

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

Result<qint64> EvidenceAttestationPass::run(Database &db, TimelineReplay replay,
                                            const std::function<bool()> &cancelled,
                                            const Progress &progress)
{
    auto sha = anchorsSha256(db);
    if (!sha)
        return sha.error();
    // Each result goes to the row it is of: the rows' IDs in replay order, read with the digest
    // of their bytes, which must be the replay's records'. The statement ends before any write:
    // a read left open would pin this connection to its snapshot, and once another connection
    // committed (the results a replay keeps, an edit) the next batch's BEGIN IMMEDIATE would fail
    // at once with SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out.
    std::vector<qint64> ids;
    auto rows = AttestationStore(db).evidenceDigest(cancelled, &ids);
    if (!rows)
        return rows.error();
    if (replay.recordsStoredDigest().isEmpty() || *rows != replay.recordsStoredDigest())
        return makeError(ec::StoreStaleRecords);
    EvidenceTimelineQuery query(db);
    const qint64 total = qint64(ids.size());
    size_t next = 0;
    QList<EvidenceResultRow> batch;
    std::optional<Error> failed;
    auto flush = [&]() -> Result<void> {
        if (batch.isEmpty())
            return {};
        auto a = db.transaction([&] { return query.addResults(batch, *sha); });
        batch.clear();
        if (progress)
            progress(qint64(next), total);
        return a;
    };
    // Results are a cache: written a batch per transaction, so that the document's own edits
    // never wait on a pass over a million records for the write lock.
    auto sink = [&](const AttestationResult &result, int) {
        if (failed)
            return;
        if (next >= ids.size()) {
            failed = makeError(ec::StoreStaleRecords);
            return;
        }
        EvidenceResultRow row;
        row.recordId = ids[next++];
        row.verdict = verdictName(result.verdict());
        row.reasons = codes(result.reasons.isEmpty() ? result.warnings : result.reasons);
        row.selectors = result.selectors;
        row.anchors = result.anchorIds + result.referenceValueIds;
        // Only an accepted record consumed its token; a refused one left it as it was.
        if (result.accepted())
            row.tokenSha256 = result.consumedToken;
        batch.append(std::move(row));
        if (batch.size() >= 4096)
            if (auto f = flush(); !f)
                failed = f.error();
    };
    if (auto c = query.clearResults(); !c)
        return c.error();
    // A failed write stops the replay as a cancel does.
    replay.setCancelled([&] { return failed.has_value() || (cancelled && cancelled()); });
    auto played = replay.replay(TimelineReplay::NumberedSink(sink));
    if (failed)
        return *failed;
    if (!played && played.error().code == ec::ReplayCancelled)
        return makeError(ec::StoreCancelled);
    if (!played)
        return played.error();
    if (auto f = flush(); !f)
        return f.error();
    if (next != ids.size())
        return makeError(ec::StoreStaleRecords);
    if (cancelled && cancelled())
        return makeError(ec::StoreCancelled);
    return total;
}

} // namespace ta::core
