// SPDX-License-Identifier: Apache-2.0
// Trust bundles as a peer or a file supplies them: the SPIFFE bundle format (JWKS) and PEM.
// Both readers see every input; what parses is written back out and read again.
#include "FuzzSupport.h"

#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustDomain.h"

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    static const TrustDomain td = TrustDomain::fromName(QStringLiteral("fuzz.example")).value();
    const QByteArray input = ta::fuzz::bytes(data, size);
    if (auto bundle = TrustBundle::fromJwks(td, input)) {
        (void)bundle->isEmpty();
        for (auto it = bundle->jwtAuthorities().cbegin(); it != bundle->jwtAuthorities().cend();
             ++it)
            (void)bundle->jwtAuthority(it.key());
        (void)TrustBundle::fromJwks(td, bundle->toJwks());
    }
    if (auto bundle = TrustBundle::fromPem(td, input))
        (void)bundle->x509Authorities().size();
    return 0;
}
