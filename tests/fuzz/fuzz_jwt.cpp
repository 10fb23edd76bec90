// SPDX-License-Identifier: Apache-2.0
// JWT-SVIDs validated against a fixed bundle (tests/data/fuzz/jwt-bundle.json, the bundle of
// the workspace that minted the seeds), for the audience and at an instant the seeds pass.
#include "FuzzSupport.h"

#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustBundleSet.h"
#include "core/spiffe/TrustDomain.h"

using namespace ta::core;

namespace {

struct Fixture
{
    TrustDomain td = TrustDomain::fromName(QStringLiteral("fuzz.example")).value();
    TrustBundle bundle = TrustBundle::fromJwks(td, ta::fuzz::fixture("jwt-bundle.json")).value();
    TrustBundleSet bundles;
    // A minute after the seeds were minted (iat 1796028052), well before they expire.
    QDateTime now = QDateTime::fromSecsSinceEpoch(1796028112, Qt::UTC);
    Fixture() { bundles.insert(bundle); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Fixture f;
    const QByteArray token = ta::fuzz::bytes(data, size);
    const QString audience = QStringLiteral("fuzz-audience");
    if (auto svid = JwtSvid::validate(token, f.bundle, audience, f.now))
        ta::fuzz::note(QStringLiteral("valid"));
    else
        ta::fuzz::note(svid.error().toString());
    (void)JwtSvid::validate(token, f.bundles, audience, f.now);
    return 0;
}
