// SPDX-License-Identifier: Apache-2.0
#include "core/federation/BundleEndpointProfile.h"
#include "core/federation/FederationErrors.h"

namespace ta::core {

QString bundleEndpointProfileName(BundleEndpointProfile profile)
{
    return profile == BundleEndpointProfile::HttpsWeb ? QStringLiteral("https_web")
                                                      : QStringLiteral("https_spiffe");
}

Result<BundleEndpointProfile> bundleEndpointProfileFromName(QStringView name)
{
    if (name == u"https_web")
        return BundleEndpointProfile::HttpsWeb;
    if (name == u"https_spiffe")
        return BundleEndpointProfile::HttpsSpiffe;
    return makeError(ec::FedBadProfile, name.toString());
}

} // namespace ta::core
