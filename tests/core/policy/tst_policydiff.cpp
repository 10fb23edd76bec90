// SPDX-License-Identifier: Apache-2.0
// Policy versions kept by the rule store, and what-if comparisons between them.
#include "core/policy/PolicyDiff.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/PolicySubject.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestPolicyDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gainedLostChanged_data();
    void gainedLostChanged();
    void versionsKeptAndCompared();
    void templateErrorsReported();

private:
    QTemporaryDir m_dir;
};

namespace {

const char *const kBefore = R"J({"policies": [
  {"name": "api", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.ns}/sa/{workload.sa}", "condition": "workload.ns == 'payments'",
   "x509_svid_ttl": 3600},
  {"name": "legacy", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/legacy/{workload.sa}", "condition": "workload.sa == 'batch'"}
]})J";

// api's TTL shortened and a DNS name added; legacy dropped; a new grant for web.
const char *const kAfter = R"J({"policies": [
  {"name": "api", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.ns}/sa/{workload.sa}", "condition": "workload.ns == 'payments'",
   "x509_svid_ttl": 600, "dns_names": ["api.svc"]},
  {"name": "web", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/web/{workload.sa}", "condition": "workload.sa.startsWith('web')"}
]})J";

PolicySubject subject(const char *name, const char *ns, const char *sa)
{
    PolicySubject s;
    s.setSubject(QString::fromLatin1(name));
    s.setVerdict(QStringLiteral("affirming"));
    s.setClaims({{QStringLiteral("workload"),
                  QJsonObject{{QStringLiteral("ns"), QString::fromLatin1(ns)},
                              {QStringLiteral("sa"), QString::fromLatin1(sa)}}}});
    return s;
}

PolicyEngine compile(const QByteArray &json)
{
    auto p = Policy::listFromJson(json);
    if (!p)
        qFatal("%s", qPrintable(p.error().toString()));
    auto e = PolicyEngine::compile(*p);
    if (!e)
        qFatal("%s", qPrintable(e.error().toString()));
    return std::move(*e);
}

QStringList ids(const QList<PolicyIdentity> &list)
{
    QStringList out;
    for (const PolicyIdentity &i : list)
        out << i.spiffeId;
    return out;
}

} // namespace

void TestPolicyDiff::gainedLostChanged_data()
{
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("sa");
    QTest::addColumn<QStringList>("gained");
    QTest::addColumn<QStringList>("lost");
    QTest::addColumn<QStringList>("changedFields");
    QTest::newRow("api: TTL and DNS changed")
        << "payments"
        << "api" << QStringList{} << QStringList{} << QStringList{"x509_svid_ttl", "dns_names"};
    QTest::newRow("batch: legacy lost")
        << "jobs"
        << "batch" << QStringList{} << QStringList{"spiffe://prod.example/legacy/batch"}
        << QStringList{};
    QTest::newRow("web: gained") << "front"
                                 << "web-1" << QStringList{"spiffe://prod.example/web/web-1"}
                                 << QStringList{} << QStringList{};
    QTest::newRow("payments web: changed and gained")
        << "payments"
        << "web-2" << QStringList{"spiffe://prod.example/web/web-2"} << QStringList{}
        << QStringList{"x509_svid_ttl", "dns_names"};
    QTest::newRow("untouched: nothing") << "other"
                                        << "db" << QStringList{} << QStringList{} << QStringList{};
}

void TestPolicyDiff::gainedLostChanged()
{
    QFETCH(QString, ns);
    QFETCH(QString, sa);
    QFETCH(QStringList, gained);
    QFETCH(QStringList, lost);
    QFETCH(QStringList, changedFields);
    const PolicyEngine before = compile(kBefore);
    const PolicyEngine after = compile(kAfter);
    const SubjectDiff d =
        PolicyDiff(before, after)
            .compare(subject("w", ns.toLatin1().constData(), sa.toLatin1().constData()));
    QCOMPARE(ids(d.gained), gained);
    QCOMPARE(ids(d.lost), lost);
    QCOMPARE(d.changed.isEmpty() ? QStringList{} : d.changed.first().fields, changedFields);
    QCOMPARE(d.isEmpty(), gained.isEmpty() && lost.isEmpty() && changedFields.isEmpty());
    if (!changedFields.isEmpty()) {
        QCOMPARE(d.changed.first().before.x509SvidTtl, 3600);
        QCOMPARE(d.changed.first().after.x509SvidTtl, 600);
    }
    // Swapping the sets swaps gained and lost.
    const SubjectDiff back =
        PolicyDiff(after, before)
            .compare(subject("w", ns.toLatin1().constData(), sa.toLatin1().constData()));
    QCOMPARE(ids(back.gained), lost);
    QCOMPARE(ids(back.lost), gained);
}

void TestPolicyDiff::versionsKeptAndCompared()
{
    auto ws = Workspace::create(m_dir.filePath(QStringLiteral("p.atlas")), std::nullopt);
    QVERIFY(ws.ok());
    RuleStore rules((*ws)->database());
    const QDateTime t = QDateTime::fromSecsSinceEpoch(1775556000, Qt::UTC);
    auto before = Policy::listFromJson(kBefore);
    auto after = Policy::listFromJson(kAfter);
    QVERIFY(before.ok() && after.ok());
    QCOMPARE(
        rules.save(RuleKind::Policies, Policy::listToJson(*before), QStringLiteral("initial"), t)
            .value(),
        1);
    QCOMPARE(rules
                 .save(RuleKind::Policies, Policy::listToJson(*after), QStringLiteral("tighten"),
                       t.addSecs(60))
                 .value(),
             2);
    // The earlier version is still there, word for word, after the later save.
    auto v1 = Policy::listFromJson(rules.load(RuleKind::Policies, 1).value());
    auto v2 = Policy::listFromJson(rules.load(RuleKind::Policies, 2).value());
    QVERIFY(v1.ok() && v2.ok());
    QCOMPARE(*v1, *before);
    QCOMPARE(*v2, *after);
    QCOMPARE(rules.versions(RuleKind::Policies)->at(0).comment, QStringLiteral("initial"));
    const PolicyEngine e1 = PolicyEngine::compile(*v1).value();
    const PolicyEngine e2 = PolicyEngine::compile(*v2).value();
    const PolicyDiff diff(e1, e2);
    const SubjectDiff batch = diff.compare(subject("workload/batch", "jobs", "batch"));
    QCOMPARE(ids(batch.lost), QStringList{QStringLiteral("spiffe://prod.example/legacy/batch")});
    const QJsonObject json = batch.toJson();
    QCOMPARE(json.value(QLatin1String("subject")).toString(), QStringLiteral("workload/batch"));
    QCOMPARE(json.value(QLatin1String("lost")).toArray().size(), 1);
    QCOMPARE(json.value(QLatin1String("gained")).toArray().size(), 0);
}

void TestPolicyDiff::templateErrorsReported()
{
    const PolicyEngine before = compile(kBefore);
    const PolicyEngine broken = compile(R"J({"policies": [{"name": "api", "effect": "grant",
        "trust_domain": "prod.example", "spiffe_id": "/ns/{workload.ns}",
        "condition": "workload.ns.startsWith('pay')"}]})J");
    const SubjectDiff d = PolicyDiff(before, broken).compare(subject("w", "pay/ments", "x"));
    QCOMPARE(d.errorsAfter, QStringList{QStringLiteral("api")});
    QVERIFY(d.errorsBefore.isEmpty());
    QVERIFY(d.gained.isEmpty());
}

QTEST_GUILESS_MAIN(TestPolicyDiff)
#include "tst_policydiff.moc"
