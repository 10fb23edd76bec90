// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/RegistrationEntry.h"
#include "core/spiffe/TrustDomain.h"

namespace ta::core {

/// Why one entry did or did not apply to a subject.
struct EntryVerdict
{
    enum class Outcome {
        Matched,
        /// The entry's parent is neither the agent, one of its node aliases, nor below them.
        ParentNotAuthorized,
        Expired,
        /// The entry's selectors are not all among the subject's; missing lists which.
        SelectorsMissing,
    };

    QString entryId;
    QString spiffeId;
    Outcome outcome = Outcome::SelectorsMissing;
    QList<Selector> missing;
};

/// The identities a subject gets from registration entries, and why, entry by entry.
struct EntryDecision
{
    /// As SPIRE's agent hands them out: ordered by entry ID.
    QList<RegistrationEntry> granted;
    /// One per entry, in the order the entries were given.
    QList<EntryVerdict> verdicts;
    /// The agent ID, its node aliases and every SPIFFE ID reached below them.
    QStringList authorizedParents;
};

/// SPIRE's registration semantics: an entry matches when its selectors are a subset of the
/// subject's; node entries hang off the server ID and alias the agent; workload entries must be
/// parented by the agent, an alias of it, or an entry below those.
class EntryMatcher
{
public:
    explicit EntryMatcher(QList<RegistrationEntry> entries) : m_entries(std::move(entries)) {}

    /// The node aliases an agent of @p trustDomain gets for its node selectors.
    EntryDecision matchNode(const TrustDomain &trustDomain, const QList<Selector> &nodeSelectors,
                            qint64 nowUnix) const;
    /// The identities a workload gets from agent @p agentId (whose node attested with
    /// @p nodeSelectors) for its @p workloadSelectors.
    EntryDecision matchWorkload(const QString &agentId, const QList<Selector> &nodeSelectors,
                                const QList<Selector> &workloadSelectors, qint64 nowUnix) const;

    /// "spiffe://<td>/spire/server": the parent of node entries.
    static QString serverId(const TrustDomain &trustDomain);

private:
    QList<RegistrationEntry> m_entries;
};

} // namespace ta::core
