// SPDX-License-Identifier: Apache-2.0
#include "core/federation/FederationStore.h"
#include "core/federation/FederationErrors.h"
#include "core/store/StoreErrors.h"

namespace ta::core {
namespace {

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

const QString kSelectRelationships = QStringLiteral(
    "SELECT r.id, t.name, r.peer_trust_domain, r.bundle_endpoint_url, r.profile, "
    "r.endpoint_spiffe_id, r.bootstrap_bundle, r.pinned_ca_pem, r.created_at, r.last_fetched_at "
    "FROM federation_relationships r JOIN trust_domains t ON t.id = r.trust_domain_id ");

void bindOptionalBlob(Statement &st, int index, const QByteArray &value)
{
    if (value.isEmpty())
        st.bindNull(index);
    else
        st.bind(index, value);
}

} // namespace

Result<QList<FederationRelationship>> FederationStore::query(const QString &where,
                                                             const QStringList &args)
{
    auto st = m_workspace.database().prepare(
        kSelectRelationships + where + QStringLiteral(" ORDER BY t.name, r.peer_trust_domain"));
    if (!st)
        return st.error();
    for (qsizetype i = 0; i < args.size(); ++i)
        st->bind(int(i + 1), args.at(i));
    QList<FederationRelationship> out;
    while (st->next()) {
        FederationRelationship r;
        r.id = st->int64(0);
        auto local = TrustDomain::fromName(st->text(1));
        auto peer = TrustDomain::fromName(st->text(2));
        auto profile = bundleEndpointProfileFromName(st->text(4));
        if (!local || !peer || !profile)
            return makeError(ec::StoreCorruptValue,
                             QStringLiteral("federation_relationships row %1").arg(r.id));
        r.localTrustDomain = *local;
        r.peerTrustDomain = *peer;
        r.bundleEndpointUrl = QUrl(st->text(3), QUrl::StrictMode);
        r.profile = *profile;
        if (!st->isNull(5)) {
            auto id = SpiffeId::fromString(st->text(5));
            if (!id)
                return makeError(ec::StoreCorruptValue,
                                 QStringLiteral("federation_relationships row %1").arg(r.id));
            r.endpointSpiffeId = *id;
        }
        r.bootstrapBundle = st->blob(6);
        r.pinnedCaPem = st->blob(7);
        r.createdAt = parseTime(st->text(8));
        if (!st->isNull(9))
            r.lastFetchedAt = parseTime(st->text(9));
        out << r;
    }
    if (st->error())
        return *st->error();
    return out;
}

Result<QList<FederationRelationship>>
FederationStore::relationships(const QString &localTrustDomain)
{
    if (localTrustDomain.isEmpty())
        return query({}, {});
    return query(QStringLiteral("WHERE t.name = ?1"), {localTrustDomain});
}

Result<FederationRelationship> FederationStore::relationship(const QString &localTrustDomain,
                                                             const QString &peer)
{
    auto found = query(QStringLiteral("WHERE t.name = ?1 AND r.peer_trust_domain = ?2"),
                       {localTrustDomain, peer});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ec::FedUnknownRelationship,
                         QStringLiteral("%1 -> %2").arg(localTrustDomain, peer));
    return found->first();
}

Result<QList<FederationRelationship>> FederationStore::relationshipsWith(const QString &peer)
{
    return query(QStringLiteral("WHERE r.peer_trust_domain = ?1"), {peer});
}

Result<qint64> FederationStore::add(const FederationRelationship &r, const QDateTime &now)
{
    qint64 rowId = 0;
    auto done = m_workspace.database().transaction([&]() -> Result<void> {
        auto id = insertRelationship(r, now);
        if (!id)
            return id.error();
        rowId = *id;
        return {};
    });
    if (!done)
        return done.error();
    return rowId;
}

Result<void> FederationStore::addAll(const QList<QPair<FederationRelationship, TrustBundle>> &items,
                                     const QDateTime &now)
{
    return m_workspace.database().transaction([&]() -> Result<void> {
        for (const auto &[relationship, bundle] : items) {
            auto id = insertRelationship(relationship, now);
            if (!id)
                return id.error();
            if (!bundle.isNull()) {
                if (auto s = insertFetched(*id, bundle, now); !s)
                    return s.error();
            }
        }
        return {};
    });
}

Result<qint64> FederationStore::insertRelationship(const FederationRelationship &r,
                                                   const QDateTime &now)
{
    if (auto v = r.validate(); !v)
        return v.error();
    Database &db = m_workspace.database();
    auto td = db.prepare(QStringLiteral("SELECT id FROM trust_domains WHERE name = ?"));
    if (!td)
        return td.error();
    td->bind(1, r.localTrustDomain.name());
    if (!td->next())
        return makeError(ec::StoreUnknownTrustDomain, r.localTrustDomain.name());
    const qint64 tdId = td->int64(0);
    auto exists = db.prepare(QStringLiteral("SELECT 1 FROM federation_relationships "
                                            "WHERE trust_domain_id = ? AND peer_trust_domain = ?"));
    if (!exists)
        return exists.error();
    exists->bind(1, tdId).bind(2, r.peerTrustDomain.name());
    if (exists->next())
        return makeError(
            ec::FedRelationshipExists,
            QStringLiteral("%1 -> %2").arg(r.localTrustDomain.name(), r.peerTrustDomain.name()));
    auto st = db.prepare(QStringLiteral(
        "INSERT INTO federation_relationships(trust_domain_id, peer_trust_domain, "
        "bundle_endpoint_url, profile, endpoint_spiffe_id, bootstrap_bundle, pinned_ca_pem, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, tdId)
        .bind(2, r.peerTrustDomain.name())
        .bind(3, r.bundleEndpointUrl.toString(QUrl::FullyEncoded))
        .bind(4, bundleEndpointProfileName(r.profile));
    if (r.profile == BundleEndpointProfile::HttpsSpiffe)
        st->bind(5, r.endpointSpiffeId.toString());
    else
        st->bindNull(5);
    bindOptionalBlob(*st, 6, r.bootstrapBundle);
    bindOptionalBlob(*st, 7, r.pinnedCaPem);
    st->bind(8, isoTime(now));
    if (auto e = st->exec(); !e)
        return e.error();
    return db.lastInsertId();
}

Result<void> FederationStore::update(const FederationRelationship &r)
{
    if (auto v = r.validate(); !v)
        return v;
    auto held = relationship(r.localTrustDomain.name(), r.peerTrustDomain.name());
    if (!held)
        return held.error();
    Database &db = m_workspace.database();
    return db.transaction([&]() -> Result<void> {
        auto st = db.prepare(QStringLiteral(
            "UPDATE federation_relationships SET bundle_endpoint_url = ?, profile = ?, "
            "endpoint_spiffe_id = ?, bootstrap_bundle = ?, pinned_ca_pem = ? WHERE id = ?"));
        if (!st)
            return st.error();
        st->bind(1, r.bundleEndpointUrl.toString(QUrl::FullyEncoded))
            .bind(2, bundleEndpointProfileName(r.profile));
        if (r.profile == BundleEndpointProfile::HttpsSpiffe)
            st->bind(3, r.endpointSpiffeId.toString());
        else
            st->bindNull(3);
        bindOptionalBlob(*st, 4, r.bootstrapBundle);
        bindOptionalBlob(*st, 5, r.pinnedCaPem);
        st->bind(6, held->id);
        return st->exec();
    });
}

Result<void> FederationStore::remove(const QString &localTrustDomain, const QString &peer)
{
    auto held = relationship(localTrustDomain, peer);
    if (!held)
        return held.error();
    Database &db = m_workspace.database();
    return db.transaction([&]() -> Result<void> {
        auto st = db.prepare(QStringLiteral("DELETE FROM federation_relationships WHERE id = ?"));
        if (!st)
            return st.error();
        st->bind(1, held->id);
        return st->exec();
    });
}

Result<StoredRelationship> FederationStore::snapshot(const QString &localTrustDomain,
                                                     const QString &peer)
{
    auto held = relationship(localTrustDomain, peer);
    if (!held)
        return held.error();
    auto bundles = bundleHistory(held->id);
    if (!bundles)
        return bundles.error();
    return StoredRelationship{*held, *bundles};
}

Result<void> FederationStore::restore(const StoredRelationship &stored)
{
    const FederationRelationship &r = stored.relationship;
    if (auto v = r.validate(); !v)
        return v;
    Database &db = m_workspace.database();
    return db.transaction([&]() -> Result<void> {
        auto td = db.prepare(QStringLiteral("SELECT id FROM trust_domains WHERE name = ?"));
        if (!td)
            return td.error();
        td->bind(1, r.localTrustDomain.name());
        if (!td->next())
            return makeError(ec::StoreUnknownTrustDomain, r.localTrustDomain.name());
        const qint64 tdId = td->int64(0);
        auto exists = db.prepare(QStringLiteral(
            "SELECT 1 FROM federation_relationships WHERE id = ? OR (trust_domain_id = ? AND "
            "peer_trust_domain = ?)"));
        if (!exists)
            return exists.error();
        exists->bind(1, r.id).bind(2, tdId).bind(3, r.peerTrustDomain.name());
        if (exists->next())
            return makeError(ec::FedRelationshipExists,
                             QStringLiteral("%1 -> %2")
                                 .arg(r.localTrustDomain.name(), r.peerTrustDomain.name()));
        auto st = db.prepare(QStringLiteral(
            "INSERT INTO federation_relationships(id, trust_domain_id, peer_trust_domain, "
            "bundle_endpoint_url, profile, endpoint_spiffe_id, bootstrap_bundle, pinned_ca_pem, "
            "created_at, last_fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        st->bind(1, r.id)
            .bind(2, tdId)
            .bind(3, r.peerTrustDomain.name())
            .bind(4, r.bundleEndpointUrl.toString(QUrl::FullyEncoded))
            .bind(5, bundleEndpointProfileName(r.profile));
        if (r.profile == BundleEndpointProfile::HttpsSpiffe)
            st->bind(6, r.endpointSpiffeId.toString());
        else
            st->bindNull(6);
        bindOptionalBlob(*st, 7, r.bootstrapBundle);
        bindOptionalBlob(*st, 8, r.pinnedCaPem);
        st->bind(9, isoTime(r.createdAt));
        if (r.lastFetchedAt.isValid())
            st->bind(10, isoTime(r.lastFetchedAt));
        else
            st->bindNull(10);
        if (auto e = st->exec(); !e)
            return e;
        for (const FetchedBundle &b : stored.bundles) {
            auto ins = db.prepare(QStringLiteral(
                "INSERT INTO federated_bundles(id, relationship_id, sequence, refresh_hint, "
                "fetched_at, bundle) VALUES (?, ?, ?, ?, ?, ?)"));
            if (!ins)
                return ins.error();
            ins->bind(1, b.id).bind(2, r.id).bind(3, qint64(b.sequence));
            if (b.refreshHint)
                ins->bind(4, *b.refreshHint);
            else
                ins->bindNull(4);
            ins->bind(5, isoTime(b.fetchedAt)).bind(6, b.json);
            if (auto e = ins->exec(); !e)
                return e;
        }
        return {};
    });
}

Result<QList<FetchedBundle>> FederationStore::bundleHistory(qint64 relationshipId)
{
    auto st = m_workspace.database().prepare(
        QStringLiteral("SELECT id, relationship_id, sequence, refresh_hint, fetched_at, bundle "
                       "FROM federated_bundles WHERE relationship_id = ? ORDER BY id"));
    if (!st)
        return st.error();
    st->bind(1, relationshipId);
    QList<FetchedBundle> out;
    while (st->next()) {
        FetchedBundle b;
        b.id = st->int64(0);
        b.relationshipId = st->int64(1);
        b.sequence = quint64(st->int64(2));
        if (!st->isNull(3))
            b.refreshHint = st->int64(3);
        b.fetchedAt = parseTime(st->text(4));
        b.json = st->blob(5);
        out << b;
    }
    if (st->error())
        return *st->error();
    return out;
}

Result<std::optional<FetchedBundle>> FederationStore::latestBundle(qint64 relationshipId)
{
    auto history = bundleHistory(relationshipId);
    if (!history)
        return history.error();
    if (history->isEmpty())
        return std::optional<FetchedBundle>();
    return std::optional<FetchedBundle>(history->last());
}

Result<BundleUpdate> FederationStore::storeFetched(qint64 relationshipId, const TrustBundle &bundle,
                                                   const QDateTime &at)
{
    Result<BundleUpdate> outcome = makeError(ec::FedUnknownRelationship);
    auto done = m_workspace.database().transaction([&]() -> Result<void> {
        outcome = insertFetched(relationshipId, bundle, at);
        if (!outcome)
            return outcome.error();
        return {};
    });
    if (!done)
        return done.error();
    return outcome;
}

Result<BundleUpdate> FederationStore::insertFetched(qint64 relationshipId,
                                                    const TrustBundle &bundle, const QDateTime &at)
{
    auto rels = query(QStringLiteral("WHERE r.id = ?1"), {QString::number(relationshipId)});
    if (!rels)
        return rels.error();
    if (rels->isEmpty())
        return makeError(ec::FedUnknownRelationship, QString::number(relationshipId));
    const FederationRelationship &rel = rels->first();
    if (bundle.trustDomain() != rel.peerTrustDomain)
        return makeError(ec::FedWrongTrustDomain,
                         QStringLiteral("expected %1, got %2")
                             .arg(rel.peerTrustDomain.name(), bundle.trustDomain().name()));
    auto latest = latestBundle(relationshipId);
    if (!latest)
        return latest.error();
    BundleUpdate outcome = BundleUpdate::Stored;
    if (*latest) {
        const quint64 held = (*latest)->sequence;
        if (bundle.sequence() < held)
            return makeError(ec::FedSequenceBackwards,
                             QStringLiteral("kept sequence %1, the endpoint served %2")
                                 .arg(held)
                                 .arg(bundle.sequence()));
        if (bundle.sequence() == held) {
            auto old = TrustBundle::fromJwks(rel.peerTrustDomain, (*latest)->json);
            if (!old || *old != bundle)
                return makeError(ec::FedSequenceReused, QStringLiteral("sequence %1").arg(held));
            outcome = BundleUpdate::Unchanged;
        }
    }
    Database &db = m_workspace.database();
    auto done = [&]() -> Result<void> {
        if (outcome == BundleUpdate::Stored) {
            auto st = db.prepare(QStringLiteral(
                "INSERT INTO federated_bundles(relationship_id, sequence, refresh_hint, "
                "fetched_at, bundle) VALUES (?, ?, ?, ?, ?)"));
            if (!st)
                return st.error();
            st->bind(1, relationshipId).bind(2, qint64(bundle.sequence()));
            if (bundle.refreshHint())
                st->bind(3, *bundle.refreshHint());
            else
                st->bindNull(3);
            st->bind(4, isoTime(at)).bind(5, bundle.toJwks());
            if (auto e = st->exec(); !e)
                return e;
        }
        auto st = db.prepare(
            QStringLiteral("UPDATE federation_relationships SET last_fetched_at = ? WHERE id = ?"));
        if (!st)
            return st.error();
        st->bind(1, isoTime(at)).bind(2, relationshipId);
        return st->exec();
    }();
    if (!done)
        return done.error();
    return outcome;
}

} // namespace ta::core
