// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/FederationRelationship.h"
#include "core/federation/FetchedBundle.h"
#include "core/federation/StoredRelationship.h"
#include "core/spiffe/TrustBundle.h"
#include "core/store/Workspace.h"

#include <QList>

namespace ta::core {

/// What storing a fetched bundle did.
enum class BundleUpdate {
    /// A bundle with a higher sequence (or the first one) was added to the history.
    Stored,
    /// The same bundle as the one held: only the relationship's last fetch time moved.
    Unchanged,
};

/// The federation relationships of a workspace's trust domains and the peer bundles fetched for
/// them (the tables of the `fed:` migration). Every write is one transaction.
class FederationStore
{
public:
    explicit FederationStore(Workspace &workspace) : m_workspace(workspace) {}

    /// Every relationship, by local then peer trust domain; only @p localTrustDomain's when set.
    [[nodiscard]] Result<QList<FederationRelationship>>
    relationships(const QString &localTrustDomain = {});
    /// The relationship of @p localTrustDomain with @p peer.
    [[nodiscard]] Result<FederationRelationship> relationship(const QString &localTrustDomain,
                                                              const QString &peer);
    /// The relationships with @p peer, of any local trust domain.
    [[nodiscard]] Result<QList<FederationRelationship>> relationshipsWith(const QString &peer);
    /// Stores a new relationship (validated first); returns its row ID.
    [[nodiscard]] Result<qint64> add(const FederationRelationship &relationship,
                                     const QDateTime &now);
    /// Stores relationships with the peer bundle each holds (null: none), all or none of them.
    [[nodiscard]] Result<void>
    addAll(const QList<QPair<FederationRelationship, TrustBundle>> &items, const QDateTime &now);
    /// Rewrites the endpoint, profile, endpoint ID, bootstrap bundle and pinned CA of the stored
    /// relationship of the same local and peer trust domains. Fetched bundles stay.
    [[nodiscard]] Result<void> update(const FederationRelationship &relationship);
    /// Removes a relationship with its fetched bundles.
    [[nodiscard]] Result<void> remove(const QString &localTrustDomain, const QString &peer);

    /// The relationship of @p localTrustDomain with @p peer with its fetched bundles, as stored.
    [[nodiscard]] Result<StoredRelationship> snapshot(const QString &localTrustDomain,
                                                      const QString &peer);
    /// Puts back a relationship taken by snapshot() and since removed, with its row IDs, times
    /// and fetched bundles (the undo of a removal). A relationship of the same two trust domains
    /// that is stored already is refused (fed.relationship_exists).
    [[nodiscard]] Result<void> restore(const StoredRelationship &stored);

    /// The latest fetched bundle of relationship @p relationshipId; nullopt when none was fetched.
    [[nodiscard]] Result<std::optional<FetchedBundle>> latestBundle(qint64 relationshipId);
    /// Every bundle fetched for @p relationshipId, oldest first.
    [[nodiscard]] Result<QList<FetchedBundle>> bundleHistory(qint64 relationshipId);
    /// Stores @p bundle fetched for @p relationshipId at @p at. A bundle of another trust domain
    /// than the peer's, a lower sequence than the one held, or a changed bundle under the same
    /// sequence is refused and the held bundle kept (fed.wrong_trust_domain,
    /// fed.sequence_backwards, fed.sequence_reused); nothing is written then.
    [[nodiscard]] Result<BundleUpdate> storeFetched(qint64 relationshipId,
                                                    const TrustBundle &bundle, const QDateTime &at);

private:
    // The bodies of add and storeFetched, inside a caller's transaction.
    [[nodiscard]] Result<qint64> insertRelationship(const FederationRelationship &relationship,
                                                    const QDateTime &now);
    [[nodiscard]] Result<BundleUpdate>
    insertFetched(qint64 relationshipId, const TrustBundle &bundle, const QDateTime &at);
    [[nodiscard]] Result<QList<FederationRelationship>> query(const QString &where,
                                                              const QStringList &args);

    Workspace &m_workspace;
};

} // namespace ta::core
