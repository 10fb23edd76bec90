// SPDX-License-Identifier: Apache-2.0
// SPIRE registration entries JSON (`import spire-entries`): the CLI's JSON checks, the entries
// parser, the export written back out (which must parse again), and SPIRE's matching of the
// entries against a fixed node and workload.
#include "FuzzSubject.h"
#include "FuzzSupport.h"

#include "core/JsonInput.h"
#include "core/policy/EntryMatcher.h"
#include "core/policy/RegistrationEntry.h"
#include "core/simulation/RuleSet.h"
#include "core/spiffe/TrustDomain.h"

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    const QByteArray input = ta::fuzz::bytes(data, size);
    (void)JsonInput::check(input);
    auto entries = RegistrationEntry::listFromJson(input);
    if (!entries) {
        ta::fuzz::note(entries.error().toString());
        return 0;
    }
    const QByteArray again = RegistrationEntry::listToJson(*entries);
    if (!RegistrationEntry::listFromJson(again)) {
        std::fprintf(stderr, "entries that parsed do not parse again:\n%s\n", again.constData());
        std::abort();
    }

    static const TrustDomain td = TrustDomain::fromName(QStringLiteral("prod.example")).value();
    static const QList<Selector> nodeSelectors = {
        Selector::parse(QStringLiteral("k8s_psat:cluster:prod")).value(),
        Selector::parse(QStringLiteral("k8s_psat:agent_ns:spire")).value()};
    static const QList<Selector> workloadSelectors = {
        Selector::parse(QStringLiteral("k8s:ns:payments")).value(),
        Selector::parse(QStringLiteral("k8s:sa:api")).value()};
    const EntryMatcher matcher(*entries);
    const qint64 now = 1775556000; // 2026-04-07T10:00:00Z
    (void)matcher.matchNode(td, nodeSelectors, now);
    (void)matcher.matchWorkload(
        QStringLiteral("spiffe://prod.example/spire/agent/k8s_psat/prod/node-1"), nodeSelectors,
        workloadSelectors, now);

    if (auto rules = RuleSet::fromEntries(*entries)) {
        const auto outcome = rules->decide(ta::fuzz::sampleSubject());
        for (const auto &grant : outcome.grants)
            (void)rules->whyNot(ta::fuzz::sampleSubject(), grant.rule);
        for (const RegistrationEntry &e : std::as_const(*entries))
            (void)rules->whyNot(ta::fuzz::sampleSubject(), e.id);
    }
    return 0;
}
