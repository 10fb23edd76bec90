// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/DecisionExplainer.h"

#include "core/simulation/RuleSet.h"
#include "core/simulation/Simulation.h"

#include <algorithm>

namespace ta::core {

DecisionExplainer::DecisionExplainer(DecisionExplainer &&) noexcept = default;
DecisionExplainer &DecisionExplainer::operator=(DecisionExplainer &&) noexcept = default;
DecisionExplainer::~DecisionExplainer() = default;

Result<DecisionExplainer> DecisionExplainer::run(const TimelineReplay &replay,
                                                 const QList<Policy> &policies,
                                                 const QList<RegistrationEntry> &entries,
                                                 const QDateTime &at,
                                                 const SimulationSettings &settings)
{
    auto engine = PolicyEngine::compile(policies);
    if (!engine)
        return engine.error();
    // The lifecycle needs one rule set; the policies lead when there are any.
    auto rules = policies.isEmpty() && !entries.isEmpty() ? RuleSet::fromEntries(entries)
                                                          : RuleSet::fromPolicies(policies);
    if (!rules)
        return rules.error();
    SimulationSettings simSettings = settings;
    simSettings.until = at;
    Simulation sim(*rules, simSettings);

    DecisionExplainer out;
    out.m_engine = std::make_unique<PolicyEngine>(std::move(*engine));
    if (!entries.isEmpty())
        out.m_matcher.emplace(entries);
    out.m_entries = entries;
    // Node selectors and subjects by agent ID, as of the record being read: a workload is decided
    // with the selectors its node attested with last before it, as the simulation does.
    QHash<QString, QStringList> nodeSelectors;
    QHash<QString, QString> nodeSubjects;
    auto n = replay.replay([&](const AttestationResult &result) {
        if (at.isValid() && result.time > at)
            return;
        sim.feed(result);
        // Signals (revoke a key, an anchor) are not subjects that get identities.
        if (result.attestor == QLatin1String("signal"))
            return;
        const QJsonObject workload = result.claims.value(QLatin1String("workload")).toObject();
        Seen seen;
        seen.last = result;
        if (!workload.isEmpty()) {
            const QString agent = workload.value(QLatin1String("agent_id")).toString();
            seen.nodeSelectors = nodeSelectors.value(agent);
            seen.node = nodeSubjects.value(agent);
        } else if (!result.agentId.isEmpty() && result.accepted()) {
            nodeSelectors.insert(result.agentId, result.selectors);
            nodeSubjects.insert(result.agentId, result.subject);
        }
        out.m_seen.insert(result.subject, std::move(seen));
    });
    if (!n)
        return n.error();
    out.m_run = sim.finish();
    out.m_at = at.isValid() ? at : out.m_run.end();
    return out;
}

QStringList DecisionExplainer::subjects() const
{
    QStringList out = m_seen.keys();
    std::sort(out.begin(), out.end());
    return out;
}

SubjectExplanation DecisionExplainer::explain(const QString &subject) const
{
    SubjectExplanation e;
    e.subject = subject;
    e.at = m_at;
    const SimulationState state = m_run.stateAt(m_at);
    e.attested = state.attested.contains(subject);
    for (const LiveCredential &c : state.live) {
        if (c.subject == subject)
            e.held << c.spiffeId;
    }
    for (const SubjectHistoryEntry &h : m_run.history(subject)) {
        if (h.at <= m_at)
            e.lastChange = h;
    }
    const auto it = m_seen.constFind(subject);
    if (it == m_seen.constEnd())
        return e;
    e.seen = true;
    e.node = it->node;
    e.decided = PolicySubject::fromAttestationResult(it->last, it->nodeSelectors);
    for (const AttestationReason &r : it->last.reasons)
        e.reasons << r.code;
    e.decision = Decision::make(*m_engine, m_matcher ? &*m_matcher : nullptr, e.decided,
                                PolicyEngine::Detail::Explain, m_at.toSecsSinceEpoch());
    return e;
}

} // namespace ta::core
