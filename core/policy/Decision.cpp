// SPDX-License-Identifier: Apache-2.0
#include "core/policy/Decision.h"

#include "core/policy/PolicySubject.h"
#include "core/spiffe/SpiffeId.h"

#include <QJsonArray>

namespace ta::core {
namespace {

QList<Selector> parseSelectors(const QStringList &texts)
{
    QList<Selector> out;
    for (const QString &t : texts) {
        // A selector without a type cannot be in any entry's subset; leaving it out is exact.
        if (auto s = Selector::parse(t))
            out << *s;
    }
    return out;
}

} // namespace

QString entryOutcomeName(EntryVerdict::Outcome outcome)
{
    switch (outcome) {
    case EntryVerdict::Outcome::Matched:
        return QStringLiteral("matched");
    case EntryVerdict::Outcome::ParentNotAuthorized:
        return QStringLiteral("parent_not_authorized");
    case EntryVerdict::Outcome::Expired:
        return QStringLiteral("expired");
    case EntryVerdict::Outcome::SelectorsMissing:
        return QStringLiteral("selectors_missing");
    }
    return QStringLiteral("selectors_missing");
}

Decision Decision::make(const PolicyEngine &engine, const EntryMatcher *matcher,
                        const PolicySubject &subject, PolicyEngine::Detail detail, qint64 nowUnix)
{
    Decision d;
    d.subject = subject.subject();
    d.policies = engine.decide(subject, detail);
    if (!matcher)
        return d;
    const qint64 at = subject.time().isValid() ? subject.time().toSecsSinceEpoch() : nowUnix;
    if (subject.agentId().isEmpty()) {
        d.entriesSkipped = QStringLiteral("decision.no_agent_id");
        return d;
    }
    if (subject.isWorkload()) {
        d.entries =
            matcher->matchWorkload(subject.agentId(), parseSelectors(subject.nodeSelectors()),
                                   parseSelectors(subject.selectors()), at);
        return d;
    }
    auto agent = SpiffeId::fromString(subject.agentId());
    if (!agent) {
        d.entriesSkipped = QStringLiteral("decision.bad_agent_id");
        return d;
    }
    d.entries = matcher->matchNode(agent->trustDomain(), parseSelectors(subject.selectors()), at);
    return d;
}

QJsonObject Decision::toJson() const
{
    QJsonObject o{{QStringLiteral("subject"), subject},
                  {QStringLiteral("policies"), policies.toJson()}};
    if (entries) {
        QJsonArray ids;
        for (const RegistrationEntry &e : entries->granted)
            ids.append(QJsonObject{
                {QStringLiteral("entry_id"), e.id},
                {QStringLiteral("spiffe_id"), e.spiffeId},
                {QStringLiteral("x509_svid_ttl"), e.x509SvidTtl},
                {QStringLiteral("jwt_svid_ttl"), e.jwtSvidTtl},
                {QStringLiteral("dns_names"), QJsonArray::fromStringList(e.dnsNames)},
                {QStringLiteral("federates_with"), QJsonArray::fromStringList(e.federatesWith)}});
        QJsonArray verdicts;
        for (const EntryVerdict &v : entries->verdicts) {
            QStringList missing;
            for (const Selector &s : v.missing)
                missing << s.toString();
            QJsonObject vo{{QStringLiteral("entry_id"), v.entryId},
                           {QStringLiteral("spiffe_id"), v.spiffeId},
                           {QStringLiteral("outcome"), entryOutcomeName(v.outcome)}};
            if (!missing.isEmpty())
                vo.insert(QStringLiteral("missing_selectors"), QJsonArray::fromStringList(missing));
            verdicts.append(vo);
        }
        o.insert(QStringLiteral("entries"), QJsonObject{{QStringLiteral("identities"), ids},
                                                        {QStringLiteral("verdicts"), verdicts}});
    } else if (!entriesSkipped.isEmpty()) {
        o.insert(QStringLiteral("entries"),
                 QJsonObject{{QStringLiteral("skipped"), entriesSkipped}});
    }
    return o;
}

} // namespace ta::core
