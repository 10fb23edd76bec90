// SPDX-License-Identifier: Apache-2.0
// A policy file (`policy import`, `decide`, `simulate`): the CLI's JSON checks, the policy
// set parser (which parses and checks every condition), the export written back out (which
// must parse again), then the engine compiled and every policy decided and explained over a
// fixed subject, as `decide --explain` does.
#include "FuzzSubject.h"
#include "FuzzSupport.h"

#include "core/JsonInput.h"
#include "core/policy/Policy.h"
#include "core/policy/PolicyDecision.h"
#include "core/policy/PolicyEngine.h"
#include "core/simulation/RuleSet.h"

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    const QByteArray input = ta::fuzz::bytes(data, size);
    (void)JsonInput::check(input);
    auto policies = Policy::listFromJson(input);
    if (!policies) {
        ta::fuzz::note(policies.error().toString());
        return 0;
    }
    const QByteArray again = Policy::listToJson(*policies);
    if (!Policy::listFromJson(again)) {
        std::fprintf(stderr, "policies that parsed do not parse again:\n%s\n", again.constData());
        std::abort();
    }
    if (auto engine = PolicyEngine::compile(*policies))
        (void)engine->decide(ta::fuzz::sampleSubject(), PolicyEngine::Detail::Explain);
    if (auto engine = PolicyEngine::compile(*policies, PolicyEngine::Indexing::None))
        (void)engine->decide(ta::fuzz::sampleSubject(), PolicyEngine::Detail::Verdicts);
    if (auto rules = RuleSet::fromPolicies(*policies)) {
        (void)rules->decide(ta::fuzz::sampleSubject());
        for (const Policy &p : std::as_const(*policies))
            (void)rules->whyNot(ta::fuzz::sampleSubject(), p.name);
    }
    return 0;
}
