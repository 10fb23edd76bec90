// SPDX-License-Identifier: Apache-2.0
#include "core/federation/BundleRefresher.h"
#include "core/federation/FederationErrors.h"

namespace ta::core {

BundleRefresher::BundleRefresher(Workspace &workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_client(this),
      m_result(makeError(ec::FedConnection, QStringLiteral("not fetched")))
{
    connect(&m_client, &BundleEndpointClient::finished, this, &BundleRefresher::onFetched);
}

Result<BundleFetchRequest> BundleRefresher::requestFor(Workspace &workspace,
                                                       const FederationRelationship &r)
{
    BundleFetchRequest request;
    request.trustDomain = r.peerTrustDomain;
    request.url = r.bundleEndpointUrl;
    request.profile = r.profile;
    if (r.profile == BundleEndpointProfile::HttpsWeb) {
        if (!r.pinnedCaPem.isEmpty()) {
            auto cas = Certificate::listFromPem(r.pinnedCaPem);
            if (!cas)
                return cas.error();
            request.caCertificates = *cas;
        }
        return request;
    }
    request.endpointSpiffeId = r.endpointSpiffeId;
    const TrustDomain endpointTd = r.endpointSpiffeId.trustDomain();
    FederationStore store(workspace);
    // The latest bundle fetched for the endpoint's trust domain comes first: after the bootstrap,
    // the endpoint is authenticated by what it served itself.
    auto rels = store.relationships(r.localTrustDomain.name());
    if (!rels)
        return rels.error();
    for (const FederationRelationship &other : *rels) {
        if (other.peerTrustDomain != endpointTd)
            continue;
        auto latest = store.latestBundle(other.id);
        if (!latest)
            return latest.error();
        if (*latest) {
            auto b = TrustBundle::fromJwks(endpointTd, (*latest)->json);
            if (!b)
                return b.error();
            request.endpointBundle = *b;
            return request;
        }
    }
    if (!r.bootstrapBundle.isEmpty()) {
        auto b = r.bootstrap();
        if (!b)
            return b.error();
        request.endpointBundle = *b;
        return request;
    }
    if (workspace.trustDomainNames().contains(endpointTd.name())) {
        auto b = workspace.bundle(endpointTd.name());
        if (!b)
            return b.error();
        request.endpointBundle = *b;
        return request;
    }
    return makeError(ec::FedNoEndpointBundle, endpointTd.name());
}

void BundleRefresher::refresh(const FederationRelationship &relationship,
                              const BundleFetchRequest &request)
{
    m_relationship = relationship;
    m_client.fetch(request);
}

void BundleRefresher::onFetched()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto &fetched = m_client.result();
    qint64 wait = kDefaultRefreshSeconds;
    if (!fetched) {
        m_result = fetched.error();
    } else {
        if (fetched->bundle.refreshHint() && *fetched->bundle.refreshHint() > 0)
            wait = *fetched->bundle.refreshHint();
        FederationStore store(m_workspace);
        m_result = store.storeFetched(m_relationship.id, fetched->bundle, now);
    }
    m_nextRefresh = now.addSecs(wait);
    Q_EMIT finished();
}

} // namespace ta::core
