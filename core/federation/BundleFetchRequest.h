// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/Certificate.h"
#include "core/federation/BundleEndpointProfile.h"
#include "core/spiffe/SpiffeId.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustDomain.h"

#include <QList>
#include <QUrl>

namespace ta::core {

/// One fetch of a peer's bundle from its bundle endpoint.
struct BundleFetchRequest
{
    /// The trust domain the served bundle must be for.
    TrustDomain trustDomain;
    QUrl url;
    BundleEndpointProfile profile = BundleEndpointProfile::HttpsSpiffe;
    /// https_spiffe: the SPIFFE ID the endpoint's X509-SVID must carry exactly.
    SpiffeId endpointSpiffeId;
    /// https_spiffe: the bundle of the endpoint's trust domain to authenticate it with (the
    /// bootstrap bundle, or the latest one fetched).
    TrustBundle endpointBundle;
    /// https_web: the CA certificates the endpoint's certificate must chain to; empty means the
    /// system's web PKI roots.
    QList<Certificate> caCertificates;
    /// The most the response may hold, headers included; a larger one is refused (fed.too_large).
    qint64 maxResponseBytes = 1024 * 1024;
    /// The whole fetch (connect, handshake, response) must end within this time (fed.timeout).
    int timeoutMs = 10000;
};

} // namespace ta::core
