// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/WhatIf.h"

#include "core/simulation/Simulation.h"
#include "core/simulation/TimelineReplay.h"

#include <QHash>
#include <QSet>

#include <map>

namespace ta::core {
namespace {

// An event as two runs can share it: credential IDs are numbered per run, so they are left out.
bool sameEvent(const SimulationEvent &a, const SimulationEvent &b)
{
    return a.at == b.at && a.kind == b.kind && a.spiffeId == b.spiffeId && a.rule == b.rule &&
           a.notAfter == b.notAfter && a.reason == b.reason && a.record == b.record;
}

struct Held
{
    QStringList rules;
    QList<qint32> ttls;
};

std::map<QString, Held> heldBy(const QList<SimulatedCredential> &credentials)
{
    std::map<QString, Held> out;
    for (const SimulatedCredential &c : credentials) {
        Held &h = out[c.spiffeId];
        if (!h.rules.contains(c.rule))
            h.rules << c.rule;
        if (!h.ttls.contains(c.ttl))
            h.ttls << c.ttl;
    }
    for (auto &[id, h] : out) {
        h.rules.sort();
        std::sort(h.ttls.begin(), h.ttls.end());
    }
    return out;
}

QList<SubjectDifference::Revocation> revokedOnly(const QList<SimulatedCredential> &mine,
                                                 const QList<SimulatedCredential> &theirs)
{
    QSet<QPair<QString, qint64>> other;
    for (const SimulatedCredential &c : theirs) {
        if (c.end == SimulatedCredential::End::Revoked)
            other.insert({c.spiffeId, c.endedAt.toMSecsSinceEpoch()});
    }
    QList<SubjectDifference::Revocation> out;
    for (const SimulatedCredential &c : mine) {
        if (c.end == SimulatedCredential::End::Revoked &&
            !other.contains({c.spiffeId, c.endedAt.toMSecsSinceEpoch()}))
            out.append({c.spiffeId, c.id, c.endedAt, c.revokeReason});
    }
    return out;
}

QHash<QString, QList<SimulationEvent>> eventsBySubject(const SimulationRun &run)
{
    QHash<QString, QList<SimulationEvent>> out;
    for (const SimulationEvent &e : run.events())
        out[e.subject].append(e);
    return out;
}

} // namespace

Result<WhatIf::Runs> WhatIf::runRules(const TimelineReplay &replay, const RuleSet &base,
                                      const RuleSet &candidate, const SimulationSettings &settings)
{
    Simulation a(base, settings);
    Simulation b(candidate, settings);
    auto n = replay.replay([&](const AttestationResult &r) {
        a.feed(r);
        b.feed(r);
    });
    if (!n)
        return n.error();
    return Runs{a.finish(), b.finish()};
}

Result<WhatIf::Runs> WhatIf::runAnchors(const TimelineReplay &base, const TimelineReplay &candidate,
                                        const RuleSet &rules, const SimulationSettings &settings)
{
    auto a = base.simulate(rules, settings);
    if (!a)
        return a.error();
    auto b = candidate.simulate(rules, settings);
    if (!b)
        return b.error();
    return Runs{std::move(*a), std::move(*b)};
}

WhatIfReport WhatIf::compare(const SimulationRun &base, const SimulationRun &candidate)
{
    QStringList subjects = base.subjects();
    for (const QString &s : candidate.subjects()) {
        if (!subjects.contains(s))
            subjects << s;
    }
    subjects.sort();
    const auto baseEvents = eventsBySubject(base);
    const auto candidateEvents = eventsBySubject(candidate);
    WhatIfReport report;
    for (const QString &subject : subjects) {
        const QList<SimulationEvent> a = baseEvents.value(subject);
        const QList<SimulationEvent> b = candidateEvents.value(subject);
        qsizetype i = 0;
        while (i < a.size() && i < b.size() && sameEvent(a.at(i), b.at(i)))
            ++i;
        if (i == a.size() && i == b.size())
            continue;
        SubjectDifference d;
        d.subject = subject;
        const SimulationEvent *first = nullptr;
        if (i < a.size() && i < b.size())
            first = b.at(i).at < a.at(i).at ? &b.at(i) : &a.at(i);
        else
            first = i < a.size() ? &a.at(i) : &b.at(i);
        d.divergedAt = first->at;
        d.divergedRecord = first->record;
        const QList<SimulatedCredential> ca = base.credentialsOf(subject);
        const QList<SimulatedCredential> cb = candidate.credentialsOf(subject);
        const auto heldA = heldBy(ca);
        const auto heldB = heldBy(cb);
        for (const auto &[id, h] : heldB) {
            const auto it = heldA.find(id);
            if (it == heldA.end()) {
                d.gained << id;
            } else if (it->second.rules != h.rules || it->second.ttls != h.ttls) {
                d.changed.append({id, it->second.rules, h.rules, it->second.ttls, h.ttls});
            }
        }
        for (const auto &[id, h] : heldA) {
            if (heldB.find(id) == heldB.end())
                d.lost << id;
        }
        d.revokedInBaseOnly = revokedOnly(ca, cb);
        d.revokedInCandidateOnly = revokedOnly(cb, ca);
        report.subjects.append(std::move(d));
    }
    return report;
}

} // namespace ta::core
