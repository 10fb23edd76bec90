// SPDX-License-Identifier: Apache-2.0
// The SPIFFE ID template language: what parses, what renders, and how each failure is told apart.
#include "core/policy/PolicySubject.h"
#include "core/policy/SpiffeIdTemplate.h"

#include <QJsonDocument>
#include <QTest>

using namespace ta::core;

Q_DECLARE_METATYPE(SpiffeIdTemplate::Status)

class TestSpiffeIdTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseErrors_data();
    void parseErrors();
    void render_data();
    void render();
    void fields();
};

namespace {

PolicySubject subject()
{
    auto s = PolicySubject::fromJson(QJsonDocument::fromJson(R"J({
        "subject": "workload/pay-api", "attestor": "k8s", "verdict": "affirming",
        "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/n1",
        "claims": {"workload": {"k8s": {"ns": "payments", "sa": "api-server", "replicas": 3,
                                        "ratio": 1.5, "empty": "", "slash": "a/b", "dots": "..",
                                        "space": "a b", "null": null, "flag": true,
                                        "list": ["a"]}},
                   "tpm": {"reset_count": 7}}})J")
                                         .object());
    PolicySubject out = s.value();
    QJsonObject claims = out.claims();
    claims.insert(QStringLiteral("long"),
                  QJsonObject{{QStringLiteral("id"), QString(2100, QLatin1Char('a'))}});
    out.setClaims(claims);
    return out;
}

} // namespace

void TestSpiffeIdTemplate::parseErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("detail");
    QTest::newRow("other trust domain") << "spiffe://other.example/a"
                                        << "column 10: trust domain 'other.example'";
    QTest::newRow("placeholder in trust domain") << "spiffe://{node.td}/a"
                                                 << "column 10: no placeholder";
    QTest::newRow("neither scheme nor slash") << "ns/{workload.k8s.ns}"
                                              << "column 1: starts with neither";
    QTest::newRow("stray close brace") << "/ns/a}"
                                       << "column 6: '}' outside";
    QTest::newRow("unclosed placeholder") << "/ns/{workload.k8s.ns"
                                          << "column 5: '{' without its '}'";
    QTest::newRow("empty placeholder") << "/ns/{}"
                                       << "column 5: empty placeholder";
    QTest::newRow("empty name in path") << "/ns/{workload..ns}"
                                        << "column 15: empty name";
    QTest::newRow("bad character in path") << "/ns/{workload.k8s ns}"
                                           << "column 18: ' ' in field path";
    QTest::newRow("nested brace") << "/ns/{{workload}}"
                                  << "column 6: '{' in field path";
    QTest::newRow("bad literal character") << "/ns/a%20b"
                                           << "path:";
    QTest::newRow("trailing slash") << "/ns/{workload.k8s.ns}/"
                                    << "path:";
    QTest::newRow("empty segment") << "/ns//{workload.k8s.ns}"
                                   << "path:";
    QTest::newRow("dot segment") << "/./{workload.k8s.ns}"
                                 << "path:";
}

void TestSpiffeIdTemplate::parseErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, detail);
    auto t = SpiffeIdTemplate::parse(text, TrustDomain::fromName(u"prod.example").value());
    QVERIFY(!t.ok());
    QCOMPARE(t.error().code, QStringLiteral("policy.template"));
    QVERIFY2(t.error().detail.startsWith(detail), qPrintable(t.error().detail));
}

void TestSpiffeIdTemplate::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SpiffeIdTemplate::Status>("status");
    QTest::addColumn<QString>("result");
    using S = SpiffeIdTemplate::Status;
    QTest::newRow("full form") << "spiffe://prod.example/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}"
                               << S::Ok << "spiffe://prod.example/ns/payments/sa/api-server";
    QTest::newRow("relative form")
        << "/ns/{workload.k8s.ns}" << S::Ok << "spiffe://prod.example/ns/payments";
    QTest::newRow("inside a segment") << "/{workload.k8s.ns}-{workload.k8s.sa}.v1" << S::Ok
                                      << "spiffe://prod.example/payments-api-server.v1";
    QTest::newRow("integer claim")
        << "/tpm/{tpm.reset_count}" << S::Ok << "spiffe://prod.example/tpm/7";
    QTest::newRow("explicit claims root")
        << "/c/{claims.workload.k8s.ns}" << S::Ok << "spiffe://prod.example/c/payments";
    QTest::newRow("top-level attestor")
        << "/by/{attestor}" << S::Ok << "spiffe://prod.example/by/k8s";
    QTest::newRow("no placeholder") << "/static" << S::Ok << "spiffe://prod.example/static";
    QTest::newRow("missing field")
        << "/ns/{workload.k8s.cluster}" << S::FieldMissing << "workload.k8s.cluster";
    QTest::newRow("missing claim") << "/img/{image.digest}" << S::FieldMissing << "image.digest";
    QTest::newRow("null field") << "/x/{workload.k8s.null}" << S::FieldMissing
                                << "workload.k8s.null";
    QTest::newRow("through a string")
        << "/x/{workload.k8s.ns.deeper}" << S::FieldMissing << "workload.k8s.ns.deeper";
    QTest::newRow("slash cannot add segments")
        << "/x/{workload.k8s.slash}" << S::InvalidValue << "workload.k8s.slash";
    QTest::newRow("empty string") << "/x/{workload.k8s.empty}" << S::InvalidValue
                                  << "workload.k8s.empty";
    QTest::newRow("space") << "/x/{workload.k8s.space}" << S::InvalidValue << "workload.k8s.space";
    QTest::newRow("non-integral number")
        << "/x/{workload.k8s.ratio}" << S::InvalidValue << "workload.k8s.ratio";
    QTest::newRow("bool") << "/x/{workload.k8s.flag}" << S::InvalidValue << "workload.k8s.flag";
    QTest::newRow("list") << "/x/{workload.k8s.list}" << S::InvalidValue << "workload.k8s.list";
    QTest::newRow("object") << "/x/{workload.k8s}" << S::InvalidValue << "workload.k8s";
    QTest::newRow("over 2048 bytes")
        << "/x/{long.id}" << S::InvalidId
        << "spiffe://prod.example/x/" + QString(2100, QLatin1Char('a'));
    QTest::newRow("dot-dot segment")
        << "/x/{workload.k8s.dots}" << S::InvalidId << "spiffe://prod.example/x/..";
}

void TestSpiffeIdTemplate::render()
{
    QFETCH(QString, text);
    QFETCH(SpiffeIdTemplate::Status, status);
    QFETCH(QString, result);
    auto t = SpiffeIdTemplate::parse(text, TrustDomain::fromName(u"prod.example").value());
    QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
    const SpiffeIdTemplate::Rendered r = t->render(subject());
    QCOMPARE(r.status, status);
    if (status == SpiffeIdTemplate::Status::Ok || status == SpiffeIdTemplate::Status::InvalidId)
        QCOMPARE(r.spiffeId, result);
    else
        QCOMPARE(r.field, result);
}

void TestSpiffeIdTemplate::fields()
{
    auto t = SpiffeIdTemplate::parse(QStringLiteral("/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}"),
                                     TrustDomain::fromName(u"prod.example").value());
    QVERIFY(t.ok());
    QCOMPARE(t->fields(),
             (QStringList{QStringLiteral("workload.k8s.ns"), QStringLiteral("workload.k8s.sa")}));
}

QTEST_GUILESS_MAIN(TestSpiffeIdTemplate)
#include "tst_spiffeidtemplate.moc"
