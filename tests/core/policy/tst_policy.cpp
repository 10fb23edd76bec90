// SPDX-License-Identifier: Apache-2.0
// Policy set documents: round trip, and every refusal naming the policy and the position.
#include "core/policy/Policy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ta::core;

class TestPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryField();
    void roundTrip();
    void invalidDocuments_data();
    void invalidDocuments();
};

namespace {

const char *const kDocument = R"J({"policies": [
  {"name": "payments-api", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "spiffe://prod.example/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
   "condition": "verdict == 'affirming' && workload.k8s.ns == 'payments'",
   "x509_svid_ttl": 3600, "jwt_svid_ttl": 300, "federates_with": ["partner.example"],
   "dns_names": ["api.payments.svc"], "description": "the payments API"},
  {"name": "no-revoked-images", "effect": "deny", "trust_domain": "prod.example",
   "condition": "has(image.digest) && image.digest in ['sha256:bad']"}
]})J";

// kDocument with policy 1's @p key set to @p value (raw JSON), or removed when value is empty.
QByteArray withField(const char *key, const QByteArray &value)
{
    QJsonObject doc = QJsonDocument::fromJson(kDocument).object();
    QJsonArray list = doc.value(QLatin1String("policies")).toArray();
    QJsonObject p = list[1].toObject();
    if (value.isEmpty())
        p.remove(QLatin1String(key));
    else
        p.insert(QLatin1String(key), QJsonDocument::fromJson("[" + value + "]").array().at(0));
    list[1] = p;
    doc.insert(QLatin1String("policies"), list);
    return QJsonDocument(doc).toJson();
}

} // namespace

void TestPolicy::readsEveryField()
{
    auto policies = Policy::listFromJson(kDocument);
    QVERIFY2(policies.ok(), qPrintable(policies.ok() ? QString() : policies.error().toString()));
    QCOMPARE(policies->size(), 2);
    const Policy &p = policies->at(0);
    QCOMPARE(p.name, QStringLiteral("payments-api"));
    QCOMPARE(p.effect, PolicyEffect::Grant);
    QCOMPARE(p.trustDomain, QStringLiteral("prod.example"));
    QCOMPARE(p.x509SvidTtl, 3600);
    QCOMPARE(p.jwtSvidTtl, 300);
    QCOMPARE(p.federatesWith, QStringList{QStringLiteral("partner.example")});
    QCOMPARE(p.dnsNames, QStringList{QStringLiteral("api.payments.svc")});
    QCOMPARE(p.description, QStringLiteral("the payments API"));
    QCOMPARE(policies->at(1).effect, PolicyEffect::Deny);
    QVERIFY(policies->at(1).spiffeIdTemplate.isEmpty());
}

void TestPolicy::roundTrip()
{
    auto policies = Policy::listFromJson(kDocument);
    QVERIFY(policies.ok());
    auto again = Policy::listFromJson(Policy::listToJson(*policies));
    QVERIFY(again.ok());
    QCOMPARE(*again, *policies);
}

void TestPolicy::invalidDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detail");
    QTest::newRow("not JSON") << QByteArray("{\"policies\": [") << "policy.json"
                              << "offset";
    QTest::newRow("no policies list") << QByteArray("{\"rules\": []}") << "policy.json"
                                      << "not a";
    QTest::newRow("syntax error, line and column")
        << withField("condition", "\"has(image.digest) &&\\n  image.digest in ['a'\"")
        << "policy.condition"
        << "policy 1 (no-revoked-images): condition: 2:23: ";
    QTest::newRow("check error names the position")
        << withField("condition", "\"verdict == 'affirming' && nodes.platform == 'tpm'\"")
        << "policy.condition"
        << "policy 1 (no-revoked-images): condition: 1:27: ";
    QTest::newRow("condition not bool")
        << withField("condition", "\"size(selectors)\"") << "policy.condition"
        << "policy 1 (no-revoked-images): condition: 1:1: of type int";
    QTest::newRow("missing condition") << withField("condition", {}) << "policy.field"
                                       << "policy 1 (no-revoked-images): condition: missing";
    QTest::newRow("unknown key") << withField("conditon", "\"true\"") << "policy.field"
                                 << "policy 1 (no-revoked-images): conditon: unknown key";
    QTest::newRow("bad effect") << withField("effect", "\"allow\"") << "policy.field"
                                << "policy 1 (no-revoked-images): effect: 'allow'";
    QTest::newRow("bad trust domain")
        << withField("trust_domain", "\"Prod.Example\"") << "policy.field"
        << "policy 1 (no-revoked-images): trust_domain: ";
    QTest::newRow("bad template") << withField("spiffe_id", "\"/ns/{image.digest\"")
                                  << "policy.template"
                                  << "policy 1 (no-revoked-images): spiffe_id: column 5: ";
    QTest::newRow("negative TTL") << withField("x509_svid_ttl", "-1") << "policy.field"
                                  << "policy 1 (no-revoked-images): x509_svid_ttl: ";
    QTest::newRow("bad federates_with")
        << withField("federates_with", "[\"ok.example\", \"Bad\"]") << "policy.field"
        << "policy 1 (no-revoked-images): federates_with[1]: ";
    QTest::newRow("duplicate name")
        << withField("name", "\"payments-api\"") << "policy.duplicate_name"
        << "policy 1 (payments-api): name used before";
    QTest::newRow("unnamed policy by index") << withField("name", {}) << "policy.field"
                                             << "policy 1: name: missing";
    // Issue 8, finding 6: conditions that once overflowed the stack, or could stall a decision.
    auto quoted = [](const QString &condition) {
        return QJsonDocument(QJsonArray{condition})
            .toJson(QJsonDocument::Compact)
            .mid(1)
            .chopped(1);
    };
    auto times = [](const char *unit, int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QLatin1String(unit);
        return s;
    };
    QTest::newRow("300,000 selections")
        << withField("condition", quoted("workload" + times(".a", 300000) + " == 'x'"))
        << "cel.limit.size"
        << "policy 1 (no-revoked-images): condition: 1:100001: expression of 600015 code points";
    QTest::newRow("300,000 additions")
        << withField("condition", quoted("1" + times("+1", 300000) + " == 2")) << "cel.limit.size"
        << "policy 1 (no-revoked-images): condition: 1:100001: ";
    QTest::newRow("a chain under the size limit, too deep")
        << withField("condition", quoted("workload" + times(".a", 20000) + " == 'x'"))
        << "cel.limit.depth"
        << "policy 1 (no-revoked-images): condition: 1:";
    QTest::newRow("nested parentheses")
        << withField("condition", quoted(times("(", 30000) + "true" + times(")", 30000)))
        << "cel.limit.depth"
        << "policy 1 (no-revoked-images): condition: 1:";
    QTest::newRow("nested lists") << withField("condition", quoted("size(" + times("[", 30000) +
                                                                   times("]", 30000) + ") > 0"))
                                  << "cel.limit.depth"
                                  << "policy 1 (no-revoked-images): condition: 1:";
    QTest::newRow("negations") << withField("condition", quoted(times("!", 30000) + "true"))
                               << "cel.limit.depth"
                               << "policy 1 (no-revoked-images): condition: 1:";
    QTest::newRow("minus signs") << withField("condition", quoted("0 == " + times("-(", 30000) +
                                                                  "1" + times(")", 30000)))
                                 << "cel.limit.depth"
                                 << "policy 1 (no-revoked-images): condition: 1:";
    QTest::newRow("nested comprehensions over the selectors")
        << withField("condition", quoted("selectors.all(a, selectors.all(b, selectors.all(c, "
                                         "a != b || b != c)))"))
        << "cel.cost_exceeded"
        << "policy 1 (no-revoked-images): condition: estimated cost ";
    QByteArray grantWithoutId(kDocument);
    grantWithoutId.replace(
        "\"spiffe_id\": \"spiffe://prod.example/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}\",", "");
    QTest::newRow("grant without spiffe_id") << grantWithoutId << "policy.field"
                                             << "policy 0 (payments-api): spiffe_id: missing";
}

void TestPolicy::invalidDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(QString, detail);
    auto r = Policy::listFromJson(json);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().detail.startsWith(detail), qPrintable(r.error().detail));
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
