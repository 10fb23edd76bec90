// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace ta::core {

/// How a bundle endpoint authenticates itself (SPIFFE Federation, section 5): with a web PKI
/// certificate for the URL's host, or with an X509-SVID carrying a configured SPIFFE ID.
enum class BundleEndpointProfile { HttpsWeb, HttpsSpiffe };

/// "https_web" or "https_spiffe", as SPIRE spells them.
QString bundleEndpointProfileName(BundleEndpointProfile profile);
/// The profile named @p name; fed.bad_profile for any other name.
[[nodiscard]] Result<BundleEndpointProfile> bundleEndpointProfileFromName(QStringView name);

} // namespace ta::core
