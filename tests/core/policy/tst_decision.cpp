// SPDX-License-Identifier: Apache-2.0
// A decision reports policy identities and SPIRE entry identities side by side.
#include "core/policy/Decision.h"
#include "core/policy/PolicySubject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ta::core;

class TestDecision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policiesAndEntriesSideBySide();
    void nodeSubjectMatchesNodeEntries();
    void withoutAgentEntriesAreSkipped();
};

namespace {

const QString kAgent = QStringLiteral("spiffe://prod.example/spire/agent/k8s_psat/prod/n1");

RegistrationEntry entry(const char *id, const char *spiffeId, const QString &parent,
                        QStringList selectors)
{
    RegistrationEntry e;
    e.id = QString::fromLatin1(id);
    e.spiffeId = QString::fromLatin1(spiffeId);
    e.parentId = parent;
    for (const QString &s : selectors)
        e.selectors << Selector::parse(s).value();
    return e;
}

PolicyEngine engine()
{
    auto p = Policy::listFromJson(R"J({"policies": [{"name": "api", "effect": "grant",
        "trust_domain": "prod.example", "spiffe_id": "/ns/{workload.k8s.ns}",
        "condition": "'k8s:ns:payments' in selectors"}]})J");
    return PolicyEngine::compile(p.value()).value();
}

PolicySubject workload()
{
    return PolicySubject::fromJson(QJsonDocument::fromJson(R"J({"subject": "workload/pay-api",
        "verdict": "affirming", "time": "2026-04-07T10:00:00Z",
        "selectors": ["k8s:ns:payments", "k8s:sa:api"],
        "node_selectors": ["k8s_psat:cluster:prod"],
        "claims": {"workload": {"k8s": {"ns": "payments"},
                   "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/n1"}}})J")
                                       .object())
        .value();
}

} // namespace

void TestDecision::policiesAndEntriesSideBySide()
{
    const EntryMatcher matcher(
        {entry("e1", "spiffe://prod.example/api", kAgent, {"k8s:ns:payments"}),
         entry("e2", "spiffe://prod.example/db", kAgent, {"k8s:ns:payments", "k8s:sa:db"}),
         entry("e3", "spiffe://prod.example/other",
               QStringLiteral("spiffe://prod.example/elsewhere"), {"k8s:ns:payments"})});
    const PolicyEngine e = engine();
    const Decision d = Decision::make(e, &matcher, workload(), PolicyEngine::Detail::Verdicts, 0);
    QCOMPARE(d.policies.identities.size(), 1);
    QCOMPARE(d.policies.identities[0].spiffeId,
             QStringLiteral("spiffe://prod.example/ns/payments"));
    QVERIFY(d.entries.has_value());
    QCOMPARE(d.entries->granted.size(), 1);
    QCOMPARE(d.entries->granted[0].id, QStringLiteral("e1"));
    const QJsonObject json = d.toJson();
    const QJsonArray verdicts =
        json.value(QLatin1String("entries")).toObject().value(QLatin1String("verdicts")).toArray();
    QCOMPARE(verdicts.size(), 3);
    QCOMPARE(verdicts[1].toObject().value(QLatin1String("outcome")).toString(),
             QStringLiteral("selectors_missing"));
    QCOMPARE(verdicts[1].toObject().value(QLatin1String("missing_selectors")).toArray(),
             QJsonArray{QStringLiteral("k8s:sa:db")});
    QCOMPARE(verdicts[2].toObject().value(QLatin1String("outcome")).toString(),
             QStringLiteral("parent_not_authorized"));
    QCOMPARE(json.value(QLatin1String("policies"))
                 .toObject()
                 .value(QLatin1String("identities"))
                 .toArray()
                 .size(),
             1);
}

void TestDecision::nodeSubjectMatchesNodeEntries()
{
    const QString server = QStringLiteral("spiffe://prod.example/spire/server");
    const EntryMatcher matcher(
        {entry("n1", "spiffe://prod.example/nodes/prod", server, {"k8s_psat:cluster:prod"})});
    auto node = PolicySubject::fromJson(QJsonDocument::fromJson(R"J({"subject": "node/n1",
        "verdict": "affirming", "selectors": ["k8s_psat:cluster:prod"], "claims": {"node": {}},
        "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/n1"})J")
                                            .object());
    QVERIFY(node.ok());
    const PolicyEngine e = engine();
    const Decision d = Decision::make(e, &matcher, *node, PolicyEngine::Detail::Verdicts, 0);
    QVERIFY(d.entries.has_value());
    QCOMPARE(d.entries->granted.size(), 1);
    QVERIFY(d.policies.identities.isEmpty());
}

void TestDecision::withoutAgentEntriesAreSkipped()
{
    const EntryMatcher matcher({});
    PolicySubject s = workload();
    s.setAgentId({});
    const PolicyEngine e = engine();
    const Decision d = Decision::make(e, &matcher, s, PolicyEngine::Detail::Verdicts, 0);
    QVERIFY(!d.entries.has_value());
    QCOMPARE(d.entriesSkipped, QStringLiteral("decision.no_agent_id"));
    QCOMPARE(d.toJson()
                 .value(QLatin1String("entries"))
                 .toObject()
                 .value(QLatin1String("skipped"))
                 .toString(),
             QStringLiteral("decision.no_agent_id"));
}

QTEST_GUILESS_MAIN(TestDecision)
#include "tst_decision.moc"
