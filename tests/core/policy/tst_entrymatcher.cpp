// SPDX-License-Identifier: Apache-2.0
// SPIRE's registration semantics as a decision table: each row a subject, the identities it must
// get (in the order SPIRE hands them out) and why each other entry did not apply.
#include "core/policy/EntryMatcher.h"

#include <QTest>

using namespace ta::core;

namespace {

QList<Selector> sels(const QStringList &texts)
{
    QList<Selector> out;
    for (const QString &t : texts)
        out.append(Selector::parse(t).value());
    return out;
}

RegistrationEntry entry(const char *id, const char *spiffeId, const char *parent,
                        const QStringList &selectors, qint64 expiresAt = 0)
{
    RegistrationEntry e;
    e.id = QString::fromLatin1(id);
    e.spiffeId = QString::fromLatin1(spiffeId);
    e.parentId = QString::fromLatin1(parent);
    e.selectors = sels(selectors);
    e.expiresAt = expiresAt;
    return e;
}

const char *const kAgent = "spiffe://example.org/spire/agent/k8s_psat/prod/node-1";
const qint64 kNow = 1'800'000'000;

QList<RegistrationEntry> estate()
{
    return {
        // Node alias: every agent of cluster prod.
        entry("a-alias", "spiffe://example.org/cluster/prod", "spiffe://example.org/spire/server",
              {"k8s_psat:cluster:prod"}),
        entry("b-api", "spiffe://example.org/ns/pay/sa/api", "spiffe://example.org/cluster/prod",
              {"k8s:ns:pay", "k8s:sa:api"}),
        entry("c-api-canary", "spiffe://example.org/ns/pay/sa/api-canary",
              "spiffe://example.org/cluster/prod", {"k8s:ns:pay"}),
        entry("d-direct", "spiffe://example.org/host/cron", kAgent, {"unix:uid:0"}),
        entry("e-other-agent", "spiffe://example.org/other", "spiffe://example.org/spire/agent/x/y",
              {"unix:uid:0"}),
        entry("f-expired", "spiffe://example.org/old", kAgent, {"unix:uid:0"}, kNow - 1),
        // Nested below a workload: reached by the crawl from the alias.
        entry("g-nested", "spiffe://example.org/ns/pay/sa/api/sidecar",
              "spiffe://example.org/ns/pay/sa/api", {"unix:uid:1337"}),
    };
}

} // namespace

class TestEntryMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workload_data();
    void workload();
    void nodeAliases();
    void missingSelectorsExplained();
    void selectorParse();
};

void TestEntryMatcher::workload_data()
{
    QTest::addColumn<QStringList>("nodeSelectors");
    QTest::addColumn<QStringList>("workloadSelectors");
    QTest::addColumn<QStringList>("grantedIds");

    const QStringList prod{QStringLiteral("k8s_psat:cluster:prod")};
    QTest::newRow("subset match: both pay entries, ordered by entry ID")
        << prod << QStringList{"k8s:ns:pay", "k8s:sa:api", "k8s:pod-name:x"}
        << QStringList{"b-api", "c-api-canary"};
    QTest::newRow("fewer selectors: only the entry whose selectors are all present")
        << prod << QStringList{"k8s:ns:pay"} << QStringList{"c-api-canary"};
    QTest::newRow("no alias when the node is in another cluster")
        << QStringList{"k8s_psat:cluster:dev"} << QStringList{"k8s:ns:pay", "k8s:sa:api"}
        << QStringList{};
    QTest::newRow("entry parented to the agent itself")
        << QStringList{} << QStringList{"unix:uid:0"} << QStringList{"d-direct"};
    QTest::newRow("expired entry is never handed out")
        << QStringList{} << QStringList{"unix:uid:0", "unix:gid:0"} << QStringList{"d-direct"};
    QTest::newRow("nested entry below an authorized workload")
        << prod << QStringList{"unix:uid:1337"} << QStringList{"g-nested"};
    QTest::newRow("selector values are exact, not prefixes")
        << prod << QStringList{"k8s:ns:payments", "k8s:sa:api"} << QStringList{};
    QTest::newRow("no selectors, nothing") << prod << QStringList{} << QStringList{};
}

void TestEntryMatcher::workload()
{
    QFETCH(QStringList, nodeSelectors);
    QFETCH(QStringList, workloadSelectors);
    QFETCH(QStringList, grantedIds);
    const EntryMatcher m(estate());
    const EntryDecision d = m.matchWorkload(QString::fromLatin1(kAgent), sels(nodeSelectors),
                                            sels(workloadSelectors), kNow);
    QStringList got;
    for (const RegistrationEntry &e : d.granted)
        got << e.id;
    QCOMPARE(got, grantedIds);
    QCOMPARE(d.verdicts.size(), estate().size());
    // Every entry has a verdict, and other agents' entries are never authorized.
    QCOMPARE(d.verdicts[4].outcome, EntryVerdict::Outcome::ParentNotAuthorized);
    QCOMPARE(d.verdicts[5].outcome, EntryVerdict::Outcome::Expired);
}

void TestEntryMatcher::nodeAliases()
{
    const EntryMatcher m(estate());
    const auto td = TrustDomain::fromName(QStringLiteral("example.org")).value();
    auto d = m.matchNode(
        td,
        sels({QStringLiteral("k8s_psat:cluster:prod"), QStringLiteral("k8s_psat:agent_ns:spire")}),
        kNow);
    QCOMPARE(d.granted.size(), 1);
    QCOMPARE(d.granted.first().spiffeId, QStringLiteral("spiffe://example.org/cluster/prod"));
    QCOMPARE(EntryMatcher::serverId(td), QStringLiteral("spiffe://example.org/spire/server"));
    auto none = m.matchNode(td, sels({QStringLiteral("k8s_psat:cluster:dev")}), kNow);
    QVERIFY(none.granted.isEmpty());
    QCOMPARE(none.verdicts.first().missing, sels({QStringLiteral("k8s_psat:cluster:prod")}));
}

void TestEntryMatcher::missingSelectorsExplained()
{
    const EntryMatcher m(estate());
    const EntryDecision d = m.matchWorkload(QString::fromLatin1(kAgent),
                                            sels({QStringLiteral("k8s_psat:cluster:prod")}),
                                            sels({QStringLiteral("k8s:sa:api")}), kNow);
    // b-api needs k8s:ns:pay as well: the explanation names exactly that selector.
    QCOMPARE(d.verdicts[1].entryId, QStringLiteral("b-api"));
    QCOMPARE(d.verdicts[1].outcome, EntryVerdict::Outcome::SelectorsMissing);
    QCOMPARE(d.verdicts[1].missing, sels({QStringLiteral("k8s:ns:pay")}));
    QVERIFY(d.authorizedParents.contains(QStringLiteral("spiffe://example.org/cluster/prod")));
}

void TestEntryMatcher::selectorParse()
{
    QCOMPARE(Selector::parse(QStringLiteral("k8s:ns:pay"))->value, QStringLiteral("ns:pay"));
    QVERIFY(!Selector::parse(QStringLiteral("k8s")).ok());
    QVERIFY(!Selector::parse(QStringLiteral(":x")).ok());
    QVERIFY(!Selector::parse(QStringLiteral("x:")).ok());
}

QTEST_GUILESS_MAIN(TestEntryMatcher)
#include "tst_entrymatcher.moc"
