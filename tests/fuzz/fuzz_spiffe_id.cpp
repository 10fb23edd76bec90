// SPDX-License-Identifier: Apache-2.0
// SPIFFE IDs, trust-domain names and SPIFFE ID templates, as a file or a peer spells them.
#include "FuzzSubject.h"
#include "FuzzSupport.h"

#include "core/policy/PolicySubject.h"
#include "core/policy/SpiffeIdTemplate.h"
#include "core/spiffe/SpiffeId.h"
#include "core/spiffe/TrustDomain.h"

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(ta::fuzz::bytes(data, size));
    if (auto id = SpiffeId::fromString(text)) {
        // What parses must print back to something that parses to the same ID.
        const QString again = id->toString();
        auto reparsed = SpiffeId::fromString(again);
        if (!reparsed || reparsed->toString() != again)
            std::abort();
        (void)id->segments();
        (void)SpiffeId::fromSegments(id->trustDomain(), id->segments());
    }
    if (auto td = TrustDomain::fromName(text))
        (void)td->idString();
    (void)TrustDomain::fromIdString(text);
    (void)TrustDomain::validateName(text);
    (void)SpiffeId::validatePath(text);
    static const TrustDomain td = TrustDomain::fromName(QStringLiteral("prod.example")).value();
    (void)SpiffeId::fromPath(td, text);
    if (auto tmpl = SpiffeIdTemplate::parse(text, td)) {
        (void)tmpl->fields();
        (void)tmpl->render(ta::fuzz::sampleSubject());
    }
    return 0;
}
