// SPDX-License-Identifier: Apache-2.0
#include "core/store/AttestationStore.h"

#include "core/attestation/AttestationErrors.h"
#include "core/crypto/BackgroundSha256.h"
#include "core/crypto/Digest.h"
#include "core/store/StoreErrors.h"

#include "core/attestation/EvidenceReader.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ta::core {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString tableOf(AnchorList list)
{
    return list == AnchorList::Anchors ? QStringLiteral("trust_anchors")
                                       : QStringLiteral("reference_values");
}

QString idColumnOf(AnchorList list)
{
    return list == AnchorList::Anchors ? QStringLiteral("anchor_id") : QStringLiteral("value_id");
}

// A stored value the application would never have written: the file was made or edited by
// something else, and is refused rather than read as if the row were absent.
Error corruptValue(const QString &where, const QString &what)
{
    return makeError(ec::StoreCorruptValue, where + QStringLiteral(": ") + what);
}

Result<QJsonObject> storedDocument(const QByteArray &bytes, const QString &where)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return corruptValue(where, QStringLiteral("document is not a JSON object"));
    return doc.object();
}

Error unknownEntry(const AnchorEntryKey &key)
{
    return makeError(key.list == AnchorList::Anchors ? ec::StoreUnknownAnchor
                                                     : ec::StoreUnknownReferenceValue,
                     key.id);
}

} // namespace

Result<void> AttestationStore::saveAnchors(const AnchorSet &set, const QDateTime &now)
{
    const QString at = EvidenceRecord::formatTime(now);
    // The two lists differ only in table and ID column: one upsert, prepared once per list.
    auto upsertAll = [&](AnchorList list, const auto &entries, auto kindName) -> Result<void> {
        auto st = m_db.prepare(QStringLiteral("INSERT INTO %1(%2, kind, document, imported_at) "
                                              "VALUES (?, ?, ?, ?) ON CONFLICT(%2) DO UPDATE SET "
                                              "kind = excluded.kind, document = excluded.document, "
                                              "imported_at = excluded.imported_at")
                                   .arg(tableOf(list), idColumnOf(list)));
        if (!st)
            return st.error();
        for (const auto &entry : entries) {
            st->reset();
            st->bind(1, entry.id)
                .bind(2, kindName(entry.kind))
                .bind(3, compact(entry.document))
                .bind(4, at);
            if (auto r = st->exec(); !r)
                return r;
        }
        return {};
    };
    return m_db.transaction([&]() -> Result<void> {
        if (auto r = upsertAll(AnchorList::Anchors, set.anchors(), anchorKindName); !r)
            return r;
        return upsertAll(AnchorList::ReferenceValues, set.referenceValues(), referenceKindName);
    });
}

Result<AnchorSet> AttestationStore::anchors()
{
    AnchorSet set;
    auto a = m_db.prepare(QStringLiteral("SELECT id, document FROM trust_anchors ORDER BY id"));
    if (!a)
        return a.error();
    while (a->next()) {
        const QString where = QStringLiteral("trust_anchors row %1").arg(a->int64(0));
        auto document = storedDocument(a->blob(1), where);
        if (!document)
            return document.error();
        auto anchor = AnchorSet::anchorFromJson(*document);
        if (!anchor)
            return corruptValue(where, anchor.error().toString());
        if (auto r = set.addAnchor(std::move(*anchor)); !r)
            return corruptValue(where, r.error().toString());
    }
    if (a->error())
        return *a->error();
    auto v = m_db.prepare(QStringLiteral("SELECT id, document FROM reference_values ORDER BY id"));
    if (!v)
        return v.error();
    while (v->next()) {
        const QString where = QStringLiteral("reference_values row %1").arg(v->int64(0));
        auto document = storedDocument(v->blob(1), where);
        if (!document)
            return document.error();
        auto ref = AnchorSet::referenceValueFromJson(*document);
        if (!ref)
            return corruptValue(where, ref.error().toString());
        if (auto r = set.addReferenceValue(std::move(*ref)); !r)
            return corruptValue(where, r.error().toString());
    }
    if (v->error())
        return *v->error();
    return set;
}

Result<void> AttestationStore::addAnchor(const TrustAnchor &anchor, const QDateTime &now)
{
    return addEntry({AnchorList::Anchors, anchor.id}, anchorKindName(anchor.kind), anchor.document,
                    now);
}

Result<void> AttestationStore::addReferenceValue(const ReferenceValue &value, const QDateTime &now)
{
    return addEntry({AnchorList::ReferenceValues, value.id}, referenceKindName(value.kind),
                    value.document, now);
}

Result<void> AttestationStore::replaceAnchor(const QString &oldId, const TrustAnchor &anchor,
                                             const QDateTime &now)
{
    return replaceEntry(oldId, {AnchorList::Anchors, anchor.id}, anchorKindName(anchor.kind),
                        anchor.document, now);
}

Result<void> AttestationStore::replaceReferenceValue(const QString &oldId,
                                                     const ReferenceValue &value,
                                                     const QDateTime &now)
{
    return replaceEntry(oldId, {AnchorList::ReferenceValues, value.id},
                        referenceKindName(value.kind), value.document, now);
}

Result<void> AttestationStore::removeAnchor(const QString &id)
{
    return removeEntry({AnchorList::Anchors, id});
}

Result<void> AttestationStore::removeReferenceValue(const QString &id)
{
    return removeEntry({AnchorList::ReferenceValues, id});
}

Result<bool> AttestationStore::contains(const AnchorEntryKey &key)
{
    auto st = m_db.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ?")
                               .arg(tableOf(key.list), idColumnOf(key.list)));
    if (!st)
        return st.error();
    st->bind(1, key.id);
    const bool found = st->next();
    if (st->error())
        return *st->error();
    return found;
}

Result<void> AttestationStore::addEntry(const AnchorEntryKey &key, const QString &kind,
                                        const QJsonObject &document, const QDateTime &now)
{
    return m_db.transaction([&]() -> Result<void> {
        auto exists = contains(key);
        if (!exists)
            return exists.error();
        if (*exists)
            return makeError(ec::AnchorsDuplicateId, key.id);
        auto st = m_db.prepare(
            QStringLiteral("INSERT INTO %1(%2, kind, document, imported_at) VALUES (?, ?, ?, ?)")
                .arg(tableOf(key.list), idColumnOf(key.list)));
        if (!st)
            return st.error();
        st->bind(1, key.id)
            .bind(2, kind)
            .bind(3, compact(document))
            .bind(4, EvidenceRecord::formatTime(now));
        return st->exec();
    });
}

Result<void> AttestationStore::replaceEntry(const QString &oldId, const AnchorEntryKey &key,
                                            const QString &kind, const QJsonObject &document,
                                            const QDateTime &now)
{
    return m_db.transaction([&]() -> Result<void> {
        const AnchorEntryKey oldKey{key.list, oldId};
        auto found = contains(oldKey);
        if (!found)
            return found.error();
        if (!*found)
            return unknownEntry(oldKey);
        if (key.id != oldId) {
            auto taken = contains(key);
            if (!taken)
                return taken.error();
            if (*taken)
                return makeError(ec::AnchorsDuplicateId, key.id);
        }
        // An UPDATE keeps the row ID, so the entry keeps its place among the others.
        auto st = m_db.prepare(QStringLiteral("UPDATE %1 SET %2 = ?, kind = ?, document = ?, "
                                              "imported_at = ? WHERE %2 = ?")
                                   .arg(tableOf(key.list), idColumnOf(key.list)));
        if (!st)
            return st.error();
        st->bind(1, key.id)
            .bind(2, kind)
            .bind(3, compact(document))
            .bind(4, EvidenceRecord::formatTime(now))
            .bind(5, oldId);
        return st->exec();
    });
}

Result<void> AttestationStore::removeEntry(const AnchorEntryKey &key)
{
    auto st = m_db.prepare(
        QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(tableOf(key.list), idColumnOf(key.list)));
    if (!st)
        return st.error();
    st->bind(1, key.id);
    if (auto r = st->exec(); !r)
        return r;
    if (m_db.changes() == 0)
        return unknownEntry(key);
    return {};
}

Result<QList<StoredAnchorEntry>> AttestationStore::storedEntries(const QList<AnchorEntryKey> &keys)
{
    QList<StoredAnchorEntry> out;
    for (AnchorList list : {AnchorList::Anchors, AnchorList::ReferenceValues}) {
        auto st = m_db.prepare(
            QStringLiteral("SELECT id, kind, document, imported_at FROM %1 WHERE %2 = ?")
                .arg(tableOf(list), idColumnOf(list)));
        if (!st)
            return st.error();
        for (const AnchorEntryKey &key : keys) {
            if (key.list != list)
                continue;
            st->reset();
            st->bind(1, key.id);
            if (st->next())
                out.append({key, st->int64(0), st->text(1), st->blob(2), st->text(3)});
            if (st->error())
                return *st->error();
        }
    }
    return out;
}

Result<void> AttestationStore::restoreEntries(const QList<AnchorEntryKey> &keys,
                                              const QList<StoredAnchorEntry> &entries)
{
    return m_db.transaction([&]() -> Result<void> {
        for (AnchorList list : {AnchorList::Anchors, AnchorList::ReferenceValues}) {
            const QString table = tableOf(list);
            const QString idColumn = idColumnOf(list);
            auto del =
                m_db.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(table, idColumn));
            if (!del)
                return del.error();
            for (const AnchorEntryKey &key : keys) {
                if (key.list != list)
                    continue;
                del->reset();
                del->bind(1, key.id);
                if (auto r = del->exec(); !r)
                    return r;
            }
            // The old row ID keeps the entry's place in the list; a NULL one appends it when
            // another entry took that ID in the meantime.
            auto ins = m_db.prepare(
                QStringLiteral("INSERT INTO %1(id, %2, kind, document, imported_at) VALUES ("
                               "(SELECT CASE WHEN EXISTS (SELECT 1 FROM %1 WHERE id = ?1) "
                               "THEN NULL ELSE ?1 END), ?2, ?3, ?4, ?5)")
                    .arg(table, idColumn));
            if (!ins)
                return ins.error();
            for (const StoredAnchorEntry &e : entries) {
                if (e.key.list != list)
                    continue;
                ins->reset();
                ins->bind(1, e.rowId)
                    .bind(2, e.key.id)
                    .bind(3, e.kind)
                    .bind(4, e.document)
                    .bind(5, e.importedAt);
                if (auto r = ins->exec(); !r)
                    return r;
            }
        }
        return {};
    });
}

Result<qint64> AttestationStore::importEvidence(QIODevice &device, const QString &source,
                                                const std::function<bool()> &cancelled)
{
    qint64 count = 0;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral("INSERT INTO evidence_records(time_ms, attestor, "
                                              "subject, record, source) VALUES (?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        auto n = EvidenceReader::forEach(device, [&](const EvidenceRecord &rec) -> Result<void> {
            if (cancelled && cancelled())
                return makeError(ec::StoreCancelled);
            st->reset();
            st->bind(1, rec.time.toMSecsSinceEpoch())
                .bind(2, rec.attestor)
                .bind(3, rec.subject)
                .bind(4, rec.toJsonLine())
                .bind(5, source);
            return st->exec();
        });
        if (!n)
            return n.error();
        if (cancelled && cancelled())
            return makeError(ec::StoreCancelled);
        count = *n;
        return {};
    });
    if (!r)
        return r.error();
    return count;
}

Result<qint64> AttestationStore::evidenceCount()
{
    auto st = m_db.prepare(QStringLiteral("SELECT count(*) FROM evidence_records"));
    if (!st)
        return st.error();
    if (!st->next())
        return st->error() ? *st->error() : makeError(ec::StoreQueryFailed);
    return st->int64(0);
}

Result<qint64>
AttestationStore::forEachEvidence(const std::function<void(const EvidenceRecord &)> &fn)
{
    return forEachEvidenceWhile([&](const EvidenceRecord &r) {
        fn(r);
        return true;
    });
}

Result<qint64>
AttestationStore::forEachEvidenceWhile(const std::function<bool(const EvidenceRecord &)> &fn,
                                       Sha256Stream *rows)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT record, id FROM evidence_records ORDER BY time_ms, id"));
    if (!st)
        return st.error();
    qint64 n = 0;
    while (st->next()) {
        const QByteArray bytes = st->blob(0);
        if (rows)
            rows->addField(bytes);
        auto rec = EvidenceRecord::fromJsonLine(bytes);
        if (!rec)
            return corruptValue(QStringLiteral("evidence_records row %1").arg(st->int64(1)),
                                rec.error().toString());
        ++n;
        if (!fn(*rec))
            break;
    }
    if (st->error())
        return *st->error();
    return n;
}

Result<AttestationStore::StoredEvidence>
AttestationStore::readEvidence(const std::function<bool(qsizetype read)> &keepGoing)
{
    StoredEvidence out;
    Sha256Stream rows;
    bool stopped = false;
    auto n = forEachEvidenceWhile(
        [&](const EvidenceRecord &r) {
            if (keepGoing && !keepGoing(out.records.size())) {
                stopped = true;
                return false;
            }
            out.records.append(r);
            return true;
        },
        &rows);
    if (!n)
        return n.error();
    if (stopped)
        return makeError(ec::StoreCancelled);
    out.rowsDigest = rows.result();
    return out;
}

Result<QByteArray> AttestationStore::evidenceDigest(const std::function<bool()> &cancelled,
                                                    std::vector<qint64> *ids)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT record, id FROM evidence_records ORDER BY time_ms, id"));
    if (!st)
        return st.error();
    // Hashed on a thread of its own while SQLite reads the next rows (the same digest as a
    // Sha256Stream's, which forEachEvidenceWhile() gives).
    BackgroundSha256 rows;
    qint64 n = 0;
    while (st->next()) {
        if (cancelled && ++n % 4096 == 0 && cancelled())
            return makeError(ec::StoreCancelled);
        rows.addField(st->blobView(0));
        if (ids)
            ids->push_back(st->int64(1));
    }
    if (st->error())
        return *st->error();
    return rows.result();
}

Result<void> AttestationStore::saveConsumed(const ReplayGuard &guard, const AttestationState &state)
{
    return m_db.transaction([&]() -> Result<void> {
        auto n = m_db.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO used_nonces(subject, nonce, first_seen) VALUES (?, ?, ?)"));
        if (!n)
            return n.error();
        Result<void> failed;
        guard.forEach([&](const QString &subject, const QString &nonce, const QDateTime &at) {
            if (!failed)
                return;
            n->reset();
            n->bind(1, subject).bind(2, nonce).bind(3, EvidenceRecord::formatTime(at));
            failed = n->exec();
        });
        if (!failed)
            return failed;
        auto t = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO used_join_tokens(token_sha256, "
                                             "subject, used_at) VALUES (?, ?, ?)"));
        if (!t)
            return t.error();
        const auto &tokens = state.usedTokens();
        for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
            t->reset();
            t->bind(1, QString::fromLatin1(it.key()))
                .bind(2, it.value().first)
                .bind(3, EvidenceRecord::formatTime(it.value().second));
            if (auto r = t->exec(); !r)
                return r;
        }
        return {};
    });
}

Result<void> AttestationStore::loadConsumed(ReplayGuard &guard, AttestationState &state)
{
    auto n = m_db.prepare(QStringLiteral("SELECT subject, nonce, first_seen FROM used_nonces"));
    if (!n)
        return n.error();
    // The replay state decides what counts as unseen: a row that does not parse is refused,
    // never skipped or read as a time of its own.
    while (n->next()) {
        const auto seen = EvidenceRecord::parseTime(n->text(2));
        if (!n->isText(0) || !n->isText(1) || !n->isText(2) || n->text(0).isEmpty() ||
            n->text(1).isEmpty() || !seen)
            return corruptValue(
                QStringLiteral("used_nonces"),
                QStringLiteral("subject %1, nonce %2, first_seen %3")
                    .arg(n->text(0).left(100), n->text(1).left(100), n->text(2).left(40)));
        guard.remember(n->text(0), n->text(1), *seen);
    }
    if (n->error())
        return *n->error();
    auto t =
        m_db.prepare(QStringLiteral("SELECT token_sha256, subject, used_at FROM used_join_tokens"));
    if (!t)
        return t.error();
    static const QRegularExpression sha256Hex(QStringLiteral("^[0-9a-f]{64}$"));
    while (t->next()) {
        const auto used = EvidenceRecord::parseTime(t->text(2));
        if (!t->isText(0) || !t->isText(1) || !t->isText(2) ||
            !sha256Hex.match(t->text(0)).hasMatch() || t->text(1).isEmpty() || !used)
            return corruptValue(
                QStringLiteral("used_join_tokens"),
                QStringLiteral("token_sha256 %1, subject %2, used_at %3")
                    .arg(t->text(0).left(100), t->text(1).left(100), t->text(2).left(40)));
        state.consumeToken(t->text(0).toLatin1(), t->text(1), *used);
    }
    if (t->error())
        return *t->error();
    return {};
}

} // namespace ta::core
