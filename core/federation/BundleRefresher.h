// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/BundleEndpointClient.h"
#include "core/federation/FederationRelationship.h"
#include "core/federation/FederationStore.h"
#include "core/store/Workspace.h"

#include <QDateTime>
#include <QObject>

namespace ta::core {

/// Refreshes one relationship's peer bundle: builds the fetch from the stored relationship,
/// fetches, and stores the bundle when it is newer. Nothing is stored when the fetch fails or
/// the bundle is refused; the held bundle stays.
class BundleRefresher : public QObject
{
    Q_OBJECT

public:
    /// When the peer's bundle gives no refresh hint (SPIRE's default bundle refresh, 5 minutes).
    static constexpr qint64 kDefaultRefreshSeconds = 300;

    explicit BundleRefresher(Workspace &workspace, QObject *parent = nullptr);

    /// The fetch a relationship asks for. https_spiffe authenticates the endpoint with the latest
    /// bundle fetched for the endpoint's trust domain, else the bootstrap bundle, else (for an
    /// endpoint of a trust domain of this workspace) that trust domain's own bundle.
    [[nodiscard]] static Result<BundleFetchRequest>
    requestFor(Workspace &workspace, const FederationRelationship &relationship);

    /// Starts refreshing @p relationship with @p request (from requestFor, possibly adjusted).
    void refresh(const FederationRelationship &relationship, const BundleFetchRequest &request);
    /// The outcome of the last refresh: what storing did, or why nothing was stored.
    const Result<BundleUpdate> &result() const { return m_result; }
    /// The fetched bundle of the last refresh (also when storing refused it).
    const Result<BundleFetchResult> &fetched() const { return m_client.result(); }
    /// When to refresh next: the refresh hint after the last fetch, or the default.
    QDateTime nextRefresh() const { return m_nextRefresh; }
    BundleEndpointClient &client() { return m_client; }

Q_SIGNALS:
    void finished();

private:
    void onFetched();

    Workspace &m_workspace;
    BundleEndpointClient m_client;
    FederationRelationship m_relationship;
    Result<BundleUpdate> m_result;
    QDateTime m_nextRefresh;
};

} // namespace ta::core
