// SPDX-License-Identifier: Apache-2.0
// A bundle endpoint's answer as a peer sends it over the connection: status line, header, a body
// plain, chunked or cut at its Content-Length, then the SPIFFE bundle and its trust domain. What
// parses must hold a bundle of the expected trust domain whose body reads back alike.
#include "FuzzSupport.h"

#include "core/federation/BundleEndpointClient.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustDomain.h"

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    static const TrustDomain td = TrustDomain::fromName(QStringLiteral("lab.example")).value();
    const QByteArray input = ta::fuzz::bytes(data, size);
    if (const auto expected = BundleEndpointClient::expectedLength(input)) {
        // The announced size covers at least the header that announced it.
        if (*expected < input.indexOf("\r\n\r\n") + 4)
            std::abort();
    }
    auto parsed = BundleEndpointClient::parseResponse(input, td);
    if (ta::fuzz::verbose())
        ta::fuzz::note(parsed ? QStringLiteral("parsed")
                              : parsed.error().code + QLatin1Char(' ') + parsed.error().detail);
    if (!parsed)
        return 0;
    if (!parsed->serverChain.isEmpty() || !TrustBundle::fromJwks(td, parsed->body))
        std::abort();
    for (const Certificate &ca : parsed->bundle.x509Authorities()) {
        for (const QString &uri : ca.uriSans()) {
            if (auto other = TrustDomain::fromIdString(uri); other && *other != td)
                std::abort();
        }
    }
    return 0;
}
