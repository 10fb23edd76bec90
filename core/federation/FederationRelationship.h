// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/BundleEndpointProfile.h"
#include "core/spiffe/SpiffeId.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustDomain.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace ta::core {

/// One federation relationship: trust domain @c localTrustDomain of the workspace trusts the
/// bundle of @c peerTrustDomain, fetched from the peer's bundle endpoint. A relationship is one
/// way; the peer trusting us back is a second relationship, in the peer's workspace.
struct FederationRelationship
{
    /// Row ID in the workspace; 0 before it is stored.
    qint64 id = 0;
    TrustDomain localTrustDomain;
    TrustDomain peerTrustDomain;
    QUrl bundleEndpointUrl;
    BundleEndpointProfile profile = BundleEndpointProfile::HttpsSpiffe;
    /// https_spiffe: the SPIFFE ID the endpoint's X509-SVID must carry exactly.
    SpiffeId endpointSpiffeId;
    /// https_spiffe: the SPIFFE bundle (JSON) of the endpoint's trust domain to trust on the
    /// first fetch, before any bundle was fetched; empty when none.
    QByteArray bootstrapBundle;
    /// https_web: the CA certificates (PEM) the endpoint's certificate must chain to; empty means
    /// the system's web PKI roots.
    QByteArray pinnedCaPem;
    QDateTime createdAt;
    /// The last successful fetch; invalid when there was none.
    QDateTime lastFetchedAt;

    /// Checks the fields together: an https URL with a host, a peer other than the local trust
    /// domain, an endpoint SPIFFE ID for https_spiffe, a bootstrap bundle that parses.
    [[nodiscard]] Result<void> validate() const;
    /// The bootstrap bundle, read as SPIFFE bundle JSON or as PEM, for the endpoint's trust domain.
    [[nodiscard]] Result<TrustBundle> bootstrap() const;
    /// For https_spiffe: spiffe://PEER/spire/server, SPIRE's own endpoint ID, when none is given.
    static SpiffeId defaultEndpointSpiffeId(const TrustDomain &peer);
};

} // namespace ta::core
