// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/RuleSet.h"

#include "core/policy/Decision.h"
#include "core/policy/PolicySubject.h"
#include "core/policy/SubjectActivation.h"

#include <algorithm>

namespace ta::core {

Result<RuleSet> RuleSet::fromPolicies(const QList<Policy> &policies)
{
    auto engine = PolicyEngine::compile(policies);
    if (!engine)
        return engine.error();
    RuleSet set;
    set.m_engine = std::make_shared<const PolicyEngine>(std::move(*engine));
    return set;
}

Result<RuleSet> RuleSet::fromEntries(const QList<RegistrationEntry> &entries)
{
    auto engine = PolicyEngine::compile({});
    if (!engine)
        return engine.error();
    RuleSet set;
    set.m_engine = std::make_shared<const PolicyEngine>(std::move(*engine));
    set.m_matcher.emplace(entries);
    set.m_entries = entries;
    return set;
}

RuleSet::Outcome RuleSet::decide(const PolicySubject &subject) const
{
    Outcome out;
    if (m_matcher) {
        const Decision d =
            Decision::make(*m_engine, &*m_matcher, subject, PolicyEngine::Detail::Verdicts, 0);
        if (!d.entries)
            return out;
        // Several entries may give one ID (SPIRE would serve each); the simulation keeps one
        // credential per ID, from the first entry by ID.
        QList<RegistrationEntry> granted = d.entries->granted;
        std::stable_sort(granted.begin(), granted.end(),
                         [](const RegistrationEntry &a, const RegistrationEntry &b) {
                             return a.spiffeId < b.spiffeId;
                         });
        for (const RegistrationEntry &e : granted) {
            if (!out.grants.isEmpty() && out.grants.constLast().spiffeId == e.spiffeId)
                continue;
            out.grants.append({e.spiffeId, e.id, e.x509SvidTtl});
        }
        return out;
    }
    const PolicyDecision d = m_engine->decide(subject, PolicyEngine::Detail::Matched);
    for (const PolicyIdentity &i : d.identities)
        out.grants.append({i.spiffeId, i.policies.value(0), i.x509SvidTtl});
    for (const PolicyVerdict &v : d.verdicts) {
        if (v.outcome == PolicyVerdict::Outcome::Overridden)
            out.denials.append({v.spiffeId, v.deniedBy.value(0)});
    }
    return out;
}

bool RuleSet::decidesOverTime() const
{
    if (m_matcher)
        return std::any_of(m_entries.begin(), m_entries.end(),
                           [](const RegistrationEntry &e) { return e.expiresAt != 0; });
    return m_engine->readsTime();
}

QString RuleSet::whyNot(const PolicySubject &subject, const QString &rule) const
{
    if (m_matcher) {
        const Decision d =
            Decision::make(*m_engine, &*m_matcher, subject, PolicyEngine::Detail::Verdicts, 0);
        if (!d.entries)
            return d.entriesSkipped;
        for (const EntryVerdict &v : d.entries->verdicts) {
            if (v.entryId != rule)
                continue;
            QString text = QStringLiteral("entry %1: %2").arg(rule, entryOutcomeName(v.outcome));
            QStringList missing;
            for (const Selector &s : v.missing)
                missing << s.toString();
            if (!missing.isEmpty())
                text += QStringLiteral(" (missing %1)").arg(missing.join(QStringLiteral(", ")));
            return text;
        }
        return {};
    }
    // Only the one policy is explained: a full explanation of a large set would cost every
    // revocation as much as thousands of decisions.
    const PolicyDecision d = m_engine->decide(subject, PolicyEngine::Detail::Matched);
    for (const PolicyVerdict &v : d.verdicts) {
        if (v.policy != rule)
            continue;
        if (v.outcome == PolicyVerdict::Outcome::ConditionError) {
            const PolicyDecision full = m_engine->decide(subject, PolicyEngine::Detail::Explain);
            for (const PolicyVerdict &e : full.verdicts) {
                if (e.policy == rule && e.explanation)
                    return QStringLiteral("%1: %2: %3")
                        .arg(rule, outcomeName(e.outcome), e.explanation->toText());
            }
        }
        QString text = QStringLiteral("%1: %2").arg(rule, outcomeName(v.outcome));
        if (!v.deniedBy.isEmpty())
            text += QStringLiteral(" (denied by %1)").arg(v.deniedBy.join(QStringLiteral(", ")));
        if (v.explanation)
            text += QStringLiteral(": ") + v.explanation->toText();
        else if (!v.reason.isEmpty())
            text += QStringLiteral(": %1 %2").arg(v.reason, v.detail);
        return text;
    }
    // Not among the matched: its condition was false; say which clause.
    const QList<Policy> &policies = m_engine->policies();
    for (qsizetype i = 0; i < policies.size(); ++i) {
        if (policies.at(i).name != rule)
            continue;
        SubjectActivation activation(m_engine->env());
        activation.bind(subject);
        return QStringLiteral("%1: %2: %3")
            .arg(rule, outcomeName(PolicyVerdict::Outcome::NotMatched),
                 m_engine->explain(int(i), activation).toText());
    }
    return {};
}

} // namespace ta::core
