// SPDX-License-Identifier: Apache-2.0
#include "core/policy/EntryMatcher.h"

#include "core/spiffe/SpiffeId.h"

#include <QSet>

#include <algorithm>

namespace ta::core {
namespace {

QList<Selector> missingFrom(const QList<Selector> &wanted, const QSet<Selector> &have)
{
    QList<Selector> missing;
    for (const Selector &s : wanted) {
        if (!have.contains(s))
            missing.append(s);
    }
    return missing;
}

void sortById(QList<RegistrationEntry> &entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const RegistrationEntry &a, const RegistrationEntry &b) { return a.id < b.id; });
}

} // namespace

QString EntryMatcher::serverId(const TrustDomain &trustDomain)
{
    return trustDomain.idString() + QStringLiteral("/spire/server");
}

EntryDecision EntryMatcher::matchNode(const TrustDomain &trustDomain,
                                      const QList<Selector> &nodeSelectors, qint64 nowUnix) const
{
    const QString server = serverId(trustDomain);
    const QSet<Selector> have(nodeSelectors.cbegin(), nodeSelectors.cend());
    EntryDecision d;
    d.authorizedParents << server;
    for (const RegistrationEntry &e : m_entries) {
        EntryVerdict v{e.id, e.spiffeId, EntryVerdict::Outcome::Matched, {}};
        if (e.parentId != server)
            v.outcome = EntryVerdict::Outcome::ParentNotAuthorized;
        else if (e.expiredAt(nowUnix))
            v.outcome = EntryVerdict::Outcome::Expired;
        else if (auto missing = missingFrom(e.selectors, have); !missing.isEmpty()) {
            v.outcome = EntryVerdict::Outcome::SelectorsMissing;
            v.missing = missing;
        } else {
            d.granted.append(e);
        }
        d.verdicts.append(v);
    }
    sortById(d.granted);
    return d;
}

EntryDecision EntryMatcher::matchWorkload(const QString &agentId,
                                          const QList<Selector> &nodeSelectors,
                                          const QList<Selector> &workloadSelectors,
                                          qint64 nowUnix) const
{
    EntryDecision d;
    auto agent = SpiffeId::fromString(agentId);
    QSet<QString> authorized{agentId};
    if (agent) {
        // The agent's node aliases: node entries its node selectors satisfy.
        const EntryDecision aliases = matchNode(agent->trustDomain(), nodeSelectors, nowUnix);
        for (const RegistrationEntry &a : aliases.granted)
            authorized.insert(a.spiffeId);
    }
    // Crawl down: an entry parented by an authorized ID authorizes its own ID for entries below.
    QSet<QString> reachableEntries;
    for (bool grew = true; grew;) {
        grew = false;
        for (const RegistrationEntry &e : m_entries) {
            if (reachableEntries.contains(e.id) || !authorized.contains(e.parentId) ||
                e.expiredAt(nowUnix))
                continue;
            reachableEntries.insert(e.id);
            if (!authorized.contains(e.spiffeId)) {
                authorized.insert(e.spiffeId);
                grew = true;
            }
        }
    }
    d.authorizedParents = QStringList(authorized.cbegin(), authorized.cend());
    d.authorizedParents.sort();

    const QSet<Selector> have(workloadSelectors.cbegin(), workloadSelectors.cend());
    for (const RegistrationEntry &e : m_entries) {
        EntryVerdict v{e.id, e.spiffeId, EntryVerdict::Outcome::Matched, {}};
        if (e.expiredAt(nowUnix))
            v.outcome = EntryVerdict::Outcome::Expired;
        else if (!authorized.contains(e.parentId))
            v.outcome = EntryVerdict::Outcome::ParentNotAuthorized;
        else if (auto missing = missingFrom(e.selectors, have); !missing.isEmpty()) {
            v.outcome = EntryVerdict::Outcome::SelectorsMissing;
            v.missing = missing;
        } else {
            d.granted.append(e);
        }
        d.verdicts.append(v);
    }
    sortById(d.granted);
    return d;
}

} // namespace ta::core
