// SPDX-License-Identifier: Apache-2.0
#pragma once

// Hand-built timelines for the simulation tests: the lab fixture's node and workload records,
// the policies they are decided by, and the expected event log written an event a line.
#include "LabReplay.h"

#include "core/simulation/Simulation.h"

#include <QTest>

namespace ta::core::test {

inline const QString kAgent =
    QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a");
inline const QString kNodeId = QStringLiteral("spiffe://lab.example/node/a");
inline const QString kApiId = QStringLiteral("spiffe://lab.example/ns/payments/sa/api");
inline const QString kImageA = QStringLiteral("registry.example/pay/api@sha256:aaaa");
inline const QString kImageB = QStringLiteral("registry.example/pay/api@sha256:bbbb");

/// The error text of a failed result, for QVERIFY2 (whose message is built even on success).
template <typename T>
inline QByteArray errorOf(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

inline QString at(qint64 secs)
{
    return EvidenceRecord::formatTime(t0().addSecs(secs));
}

inline QByteArray policiesJson(qint32 nodeTtl, qint32 apiTtl, bool denyApi = false)
{
    QJsonArray list{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("node-a")},
                    {QStringLiteral("effect"), QStringLiteral("grant")},
                    {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
                    {QStringLiteral("spiffe_id"), kNodeId},
                    {QStringLiteral("condition"), QStringLiteral("subject == 'node/a'")},
                    {QStringLiteral("x509_svid_ttl"), nodeTtl}},
        QJsonObject{
            {QStringLiteral("name"), QStringLiteral("api")},
            {QStringLiteral("effect"), QStringLiteral("grant")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), kApiId},
            {QStringLiteral("condition"),
             QStringLiteral("subject == 'workload/api' && workload.image == '%1'").arg(kImageA)},
            {QStringLiteral("x509_svid_ttl"), apiTtl}}};
    if (denyApi)
        list.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("no-api")},
            {QStringLiteral("effect"), QStringLiteral("deny")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), kApiId},
            {QStringLiteral("condition"), QStringLiteral("subject == 'workload/api'")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("policies"), list}}).toJson();
}

/// One grant per subject, named after it ("node/a" -> "node-a"): spiffe://lab.example/<subject>
/// when @p condition holds. (A template cannot render the subject itself: a placeholder never adds
/// a "/".)
inline QByteArray perSubjectPolicies(const QStringList &subjects, const QString &condition,
                                     qint32 ttl)
{
    QJsonArray list;
    for (const QString &s : subjects)
        list.append(QJsonObject{
            {QStringLiteral("name"), QString(s).replace(QLatin1Char('/'), QLatin1Char('-'))},
            {QStringLiteral("effect"), QStringLiteral("grant")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/") + s},
            {QStringLiteral("condition"),
             QStringLiteral("subject == '%1' && %2").arg(s, condition)},
            {QStringLiteral("x509_svid_ttl"), ttl}});
    return QJsonDocument(QJsonObject{{QStringLiteral("policies"), list}}).toJson();
}

inline RuleSet policies(qint32 nodeTtl, qint32 apiTtl, bool denyApi = false)
{
    auto list = Policy::listFromJson(policiesJson(nodeTtl, apiTtl, denyApi));
    if (!list)
        qFatal("policies: %s", qPrintable(list.error().toString()));
    return RuleSet::fromPolicies(*list).value();
}

inline QJsonObject issued(qint64 t, const QString &subject, const QString &id, const QString &cred,
                          qint64 record, const QString &rule, qint64 notAfter)
{
    QJsonObject o{{QStringLiteral("at"), at(t)},
                  {QStringLiteral("event"), QStringLiteral("issued")},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("spiffe_id"), id},
                  {QStringLiteral("credential"), cred},
                  {QStringLiteral("rule"), rule},
                  {QStringLiteral("not_after"), at(notAfter)}};
    if (record > 0)
        o.insert(QStringLiteral("record"), record);
    return o;
}

inline QJsonObject renewed(qint64 t, const QString &subject, const QString &id, const QString &cred,
                           const QString &replaces, const QString &rule, qint64 notAfter)
{
    QJsonObject o = issued(t, subject, id, cred, 0, rule, notAfter);
    o.insert(QStringLiteral("event"), QStringLiteral("renewed"));
    o.insert(QStringLiteral("replaces"), replaces);
    return o;
}

inline QJsonObject revoked(qint64 t, const QString &subject, const QString &id, const QString &cred,
                           qint64 record, const QString &rule, const QStringList &reason)
{
    QJsonObject o{{QStringLiteral("at"), at(t)},
                  {QStringLiteral("event"), QStringLiteral("revoked")},
                  {QStringLiteral("subject"), subject},
                  {QStringLiteral("spiffe_id"), id},
                  {QStringLiteral("credential"), cred},
                  {QStringLiteral("rule"), rule},
                  {QStringLiteral("reason"), QJsonArray::fromStringList(reason)}};
    if (record > 0)
        o.insert(QStringLiteral("record"), record);
    return o;
}

inline QJsonObject expired(qint64 t, const QString &subject, const QString &id, const QString &cred,
                           const QString &rule)
{
    return {
        {QStringLiteral("at"), at(t)},        {QStringLiteral("event"), QStringLiteral("expired")},
        {QStringLiteral("subject"), subject}, {QStringLiteral("spiffe_id"), id},
        {QStringLiteral("credential"), cred}, {QStringLiteral("rule"), rule}};
}

/// The log as JSON, the revocation details (clause text) left out to be checked apart.
inline QList<QJsonObject> logOf(const SimulationRun &run)
{
    QList<QJsonObject> out;
    for (const SimulationEvent &e : run.events()) {
        QJsonObject o = e.toJson();
        o.remove(QStringLiteral("detail"));
        out << o;
    }
    return out;
}

/// A subject's history, an entry a line: seconds after t0, kind, record, [reasons], [grants].
inline QStringList historyOf(const SimulationRun &run, const QString &subject)
{
    QStringList out;
    for (const SubjectHistoryEntry &h : run.history(subject)) {
        out << QStringLiteral("%1 %2 %3 [%4] [%5]")
                   .arg(t0().secsTo(h.at))
                   .arg(subjectHistoryKindName(h.kind))
                   .arg(h.record)
                   .arg(h.reasons.join(u' '), h.granted.join(u' '));
    }
    return out;
}

inline void compareLogs(const QList<QJsonObject> &actual, const QList<QJsonObject> &expected)
{
    for (qsizetype i = 0; i < qMax(actual.size(), expected.size()); ++i) {
        const QByteArray a = i < actual.size()
                                 ? QJsonDocument(actual.at(i)).toJson(QJsonDocument::Compact)
                                 : "(none)";
        const QByteArray e = i < expected.size()
                                 ? QJsonDocument(expected.at(i)).toJson(QJsonDocument::Compact)
                                 : "(none)";
        QVERIFY2(a == e, qPrintable(QStringLiteral("event %1:\n  got  %2\n  want %3")
                                        .arg(i + 1)
                                        .arg(QString::fromUtf8(a), QString::fromUtf8(e))));
    }
}

/// A run of @p rules fed @p results as they are, without a replay (so they may be out of order
/// or altered).
inline SimulationRun feedAll(const RuleSet &rules, const SimulationSettings &settings,
                             const QList<AttestationResult> &results)
{
    Simulation sim(rules, settings);
    for (const AttestationResult &r : results)
        sim.feed(r);
    return sim.finish();
}

/// A node ("node/a", k8s_psat) and its workloads (signed by its agent), replayed under the lab
/// fixture and simulated.
class SimulationTimeline
{
public:
    SimulationTimeline() : m_agent(m_f.agent(kAgent)) {}

    TimelineReplay replay(const LabFixture &f, const QList<EvidenceRecord> &records,
                          int threads = 1) const
    {
        return labReplay(f, records, threads);
    }
    EvidenceRecord node(qint64 secs) const
    {
        return record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"),
                      m_f.psatPayload(t0().addSecs(secs - 5)), t0().addSecs(secs));
    }
    EvidenceRecord workload(qint64 secs, const QString &image = kImageA,
                            const QString &subject = QStringLiteral("workload/api"),
                            const AgentSigner *agent = nullptr,
                            const QString &attestor = QStringLiteral("k8s")) const
    {
        const QDateTime t = t0().addSecs(secs);
        const QStringList sel =
            attestor == QLatin1String("k8s")
                ? QStringList{QStringLiteral("k8s:ns:payments"), QStringLiteral("k8s:sa:api")}
                : QStringList{QStringLiteral("unix:uid:1000")};
        return record(attestor, subject,
                      (agent ? *agent : m_agent)
                          .sign(subject, sel, {{QStringLiteral("image"), image}}, t,
                                QStringLiteral("j%1-%2").arg(subject).arg(secs))
                          .value(),
                      t);
    }
    /// The verifier's results for @p records, in order, to feed a Simulation directly.
    QList<AttestationResult> resultsOf(const QList<EvidenceRecord> &records) const
    {
        QList<AttestationResult> results;
        if (!replay(m_f, records).replay([&](const AttestationResult &r) { results << r; }))
            qFatal("replay failed");
        return results;
    }
    SimulationRun run(const QList<EvidenceRecord> &records, const RuleSet &rules,
                      const SimulationSettings &settings = {}) const
    {
        auto r = replay(m_f, records).simulate(rules, settings);
        if (!r)
            qFatal("simulate: %s", qPrintable(r.error().toString()));
        return std::move(*r);
    }

protected:
    LabFixture m_f;
    AgentSigner m_agent;
};

} // namespace ta::core::test
