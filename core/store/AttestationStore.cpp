// SPDX-License-Identifier: Apache-2.0
#include "core/store/AttestationStore.h"

#include "core/attestation/EvidenceReader.h"

#include <QJsonDocument>

namespace ta::core {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

Result<void> AttestationStore::saveAnchors(const AnchorSet &set, const QDateTime &now)
{
    const QString at = EvidenceRecord::formatTime(now);
    return m_db.transaction([&]() -> Result<void> {
        auto a = m_db.prepare(QStringLiteral(
            "INSERT INTO trust_anchors(anchor_id, kind, document, imported_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(anchor_id) DO UPDATE SET kind = excluded.kind, document = excluded.document, "
            "imported_at = excluded.imported_at"));
        if (!a)
            return a.error();
        for (const TrustAnchor &anchor : set.anchors()) {
            a->reset();
            a->bind(1, anchor.id).bind(2, anchorKindName(anchor.kind)).bind(3, compact(anchor.document)).bind(4, at);
            if (auto r = a->exec(); !r)
                return r;
        }
        auto v = m_db.prepare(QStringLiteral(
            "INSERT INTO reference_values(value_id, kind, document, imported_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(value_id) DO UPDATE SET kind = excluded.kind, document = excluded.document, "
            "imported_at = excluded.imported_at"));
        if (!v)
            return v.error();
        for (const ReferenceValue &ref : set.referenceValues()) {
            v->reset();
            v->bind(1, ref.id)
                .bind(2, ref.kind == ReferenceKind::Pcr ? QStringLiteral("pcr") : QStringLiteral("image_digest"))
                .bind(3, compact(ref.document))
                .bind(4, at);
            if (auto r = v->exec(); !r)
                return r;
        }
        return {};
    });
}

Result<AnchorSet> AttestationStore::anchors()
{
    AnchorSet set;
    auto a = m_db.prepare(QStringLiteral("SELECT document FROM trust_anchors ORDER BY id"));
    if (!a)
        return a.error();
    while (a->next()) {
        auto anchor = AnchorSet::anchorFromJson(QJsonDocument::fromJson(a->blob(0)).object());
        if (!anchor)
            return anchor.error();
        if (auto r = set.addAnchor(std::move(*anchor)); !r)
            return r.error();
    }
    if (a->error())
        return *a->error();
    auto v = m_db.prepare(QStringLiteral("SELECT document FROM reference_values ORDER BY id"));
    if (!v)
        return v.error();
    while (v->next()) {
        auto ref = AnchorSet::referenceValueFromJson(QJsonDocument::fromJson(v->blob(0)).object());
        if (!ref)
            return ref.error();
        if (auto r = set.addReferenceValue(std::move(*ref)); !r)
            return r.error();
    }
    if (v->error())
        return *v->error();
    return set;
}

Result<qint64> AttestationStore::importEvidence(QIODevice &device, const QString &source)
{
    qint64 count = 0;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral(
            "INSERT INTO evidence_records(time_ms, attestor, subject, record, source) VALUES (?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        auto n = EvidenceReader::forEach(device, [&](const EvidenceRecord &rec) -> Result<void> {
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
        return st->error() ? *st->error() : makeError(QStringLiteral("store.query_failed"));
    return st->int64(0);
}

Result<qint64> AttestationStore::forEachEvidence(const std::function<void(const EvidenceRecord &)> &fn)
{
    auto st = m_db.prepare(QStringLiteral("SELECT record FROM evidence_records ORDER BY time_ms, id"));
    if (!st)
        return st.error();
    qint64 n = 0;
    while (st->next()) {
        auto rec = EvidenceRecord::fromJsonLine(st->blob(0));
        if (!rec)
            return rec.error();
        fn(*rec);
        ++n;
    }
    if (st->error())
        return *st->error();
    return n;
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
        auto t = m_db.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO used_join_tokens(token_sha256, subject, used_at) VALUES (?, ?, ?)"));
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
    while (n->next())
        guard.remember(n->text(0), n->text(1), EvidenceRecord::parseTime(n->text(2)).value_or(QDateTime()));
    if (n->error())
        return *n->error();
    auto t = m_db.prepare(QStringLiteral("SELECT token_sha256, subject, used_at FROM used_join_tokens"));
    if (!t)
        return t.error();
    while (t->next())
        state.consumeToken(t->text(0).toLatin1(), t->text(1),
                           EvidenceRecord::parseTime(t->text(2)).value_or(QDateTime()));
    if (t->error())
        return *t->error();
    return {};
}

} // namespace ta::core
