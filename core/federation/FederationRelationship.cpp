// SPDX-License-Identifier: Apache-2.0
#include "core/federation/FederationRelationship.h"
#include "core/federation/FederationErrors.h"
#include "core/spiffe/SpiffeErrors.h"

namespace ta::core {

Result<void> FederationRelationship::validate() const
{
    if (localTrustDomain.isNull() || peerTrustDomain.isNull())
        return makeError(ec::SpiffeTdEmpty);
    if (localTrustDomain == peerTrustDomain)
        return makeError(ec::FedSelfFederation, peerTrustDomain.name());
    if (!bundleEndpointUrl.isValid() || bundleEndpointUrl.scheme() != QLatin1String("https") ||
        bundleEndpointUrl.host().isEmpty() || !bundleEndpointUrl.userInfo().isEmpty())
        return makeError(ec::FedBadUrl, bundleEndpointUrl.toString());
    if (profile == BundleEndpointProfile::HttpsSpiffe) {
        if (endpointSpiffeId.isNull())
            return makeError(ec::FedEndpointIdRequired, peerTrustDomain.name());
        if (!bootstrapBundle.isEmpty()) {
            if (auto b = bootstrap(); !b)
                return b.error();
        }
    }
    return {};
}

Result<TrustBundle> FederationRelationship::bootstrap() const
{
    const TrustDomain td =
        endpointSpiffeId.isNull() ? peerTrustDomain : endpointSpiffeId.trustDomain();
    if (bootstrapBundle.trimmed().startsWith("-----BEGIN"))
        return TrustBundle::fromPem(td, bootstrapBundle);
    return TrustBundle::fromJwks(td, bootstrapBundle);
}

SpiffeId FederationRelationship::defaultEndpointSpiffeId(const TrustDomain &peer)
{
    auto id = SpiffeId::fromPath(peer, u"/spire/server");
    return id ? *id : SpiffeId();
}

} // namespace ta::core
