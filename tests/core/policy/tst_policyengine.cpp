// SPDX-License-Identifier: Apache-2.0
// Decision tables for policy sets: grants, deny override, templates and their failures, missing
// claims, TTL/DNS carried, and the explanation of a condition that did not hold.
#include "core/attestation/AttestationResult.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/PolicySubject.h"
#include "core/policy/SubjectActivation.h"
#include "core/policy/cel/EvalContext.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ta::core;

class TestPolicyEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisions_data();
    void decisions();
    void reasons_data();
    void reasons();
    void ttlDnsAndFederationCarried();
    void denyNamesItsPolicyAndScope();
    void explanations_data();
    void explanations();
    void explanationOnlyWhenAsked();
    void nonBoolConditionIsAnError();
    void evaluateAllocatesNothingWhenWarm();
    void indexAgreesWithFullEvaluation_data() { decisions_data(); }
    void indexAgreesWithFullEvaluation();
    void compileErrorsNameThePolicy();
    void readsTime_data();
    void readsTime();
    void sameFactsIgnoresOnlyTime_data();
    void sameFactsIgnoresOnlyTime();
    void updateFromMakesWhatFromAttestationResultMakes_data();
    void updateFromMakesWhatFromAttestationResultMakes();
    void limitsRefuseAndBudgetStops();
};

namespace {

const char *const kPolicies = R"J({"policies": [
  {"name": "payments-api", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
   "condition": "verdict == 'affirming' && workload.k8s.ns == 'payments' && 'k8s:sa:api-server' in selectors",
   "x509_svid_ttl": 3600, "jwt_svid_ttl": 300, "dns_names": ["api.payments.svc"],
   "federates_with": ["partner.example"]},
  {"name": "tpm-nodes", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "spiffe://prod.example/node/{tpm.ak}",
   "condition": "attestor == 'tpm' && tpm.pcrs_ok"},
  {"name": "revoked-image", "effect": "deny", "trust_domain": "prod.example",
   "condition": "has(image.digest) && image.digest in ['sha256:bad']"},
  {"name": "quarantine", "effect": "deny", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
   "condition": "has(workload.labels) && has(workload.labels.quarantine) && workload.labels.quarantine == 'yes'"},
  {"name": "payments-api-short", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
   "condition": "workload.k8s.sa == 'api-server'", "x509_svid_ttl": 600,
   "dns_names": ["api.payments.svc", "api.internal"]},
  {"name": "by-replica", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/r/{workload.k8s.replica}", "condition": "workload.k8s.ns == 'batch'"}
]})J";

const char *const kSubject = R"J({"subject": "workload/pay-api", "attestor": "k8s",
  "verdict": "affirming", "time": "2026-04-07T10:00:00Z",
  "selectors": ["k8s:ns:payments", "k8s:sa:api-server"],
  "claims": {"workload": {"k8s": {"ns": "payments", "sa": "api-server"}, "labels": {}}},
  "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/n1"})J";

const char *const kTpmNode = R"J({"subject": "node/lab-a", "attestor": "tpm",
  "verdict": "affirming", "selectors": ["tpm:pub_hash:abc123"],
  "claims": {"tpm": {"ak": "abc123", "pcrs_ok": true}, "node": {"platform": "tpm"}}})J";

// Sets @p path ("claims.workload.k8s.ns", dot-separated) of @p o to @p value; Undefined removes.
void setPath(QJsonObject &o, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return;
    }
    QJsonObject inner = o.value(key).toObject();
    setPath(inner, path, value);
    o.insert(key, inner);
}

// The subject @p base with each "path=json" edit of @p edits applied ("path=" removes).
PolicySubject subject(const char *base, const QStringList &edits = {})
{
    QJsonObject o = QJsonDocument::fromJson(base).object();
    for (const QString &edit : edits) {
        const qsizetype eq = edit.indexOf(QLatin1Char('='));
        const QString json = edit.mid(eq + 1);
        const QJsonValue v = json.isEmpty()
                                 ? QJsonValue(QJsonValue::Undefined)
                                 : QJsonDocument::fromJson("[" + json.toUtf8() + "]").array().at(0);
        setPath(o, edit.left(eq).split(QLatin1Char('.')), v);
    }
    auto s = PolicySubject::fromJson(o);
    if (!s)
        qFatal("bad test subject: %s", qPrintable(s.error().toString()));
    return *s;
}

PolicyEngine engine(const char *json = kPolicies)
{
    auto policies = Policy::listFromJson(json);
    if (!policies)
        qFatal("bad test policies: %s", qPrintable(policies.error().toString()));
    auto e = PolicyEngine::compile(*policies);
    if (!e)
        qFatal("policies do not compile: %s", qPrintable(e.error().toString()));
    return std::move(*e);
}

QStringList ids(const PolicyDecision &d)
{
    QStringList out;
    for (const PolicyIdentity &i : d.identities)
        out << i.spiffeId;
    return out;
}

QStringList outcomes(const PolicyDecision &d)
{
    QStringList out;
    for (const PolicyVerdict &v : d.verdicts)
        out << outcomeName(v.outcome);
    return out;
}

QString id(const char *path)
{
    return QStringLiteral("spiffe://prod.example") + QLatin1String(path);
}

} // namespace

void TestPolicyEngine::decisions_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<QStringList>("identities");
    QTest::addColumn<QStringList>("outcomes");
    const QByteArray w(kSubject);
    const QString nm = QStringLiteral("not_matched");
    QTest::newRow("grant: two policies give one identity")
        << w << QStringList{} << QStringList{id("/ns/payments/sa/api-server")}
        << QStringList{"granted", nm, nm, nm, "granted", nm};
    QTest::newRow("warning verdict: only the verdict-blind grant")
        << w << QStringList{"verdict=\"warning\""} << QStringList{id("/ns/payments/sa/api-server")}
        << QStringList{nm, nm, nm, nm, "granted", nm};
    QTest::newRow("deny by image overrides every grant of the trust domain")
        << w << QStringList{"claims.image={\"digest\":\"sha256:bad\"}"} << QStringList{}
        << QStringList{"overridden", nm, "deny_applied", nm, "overridden", nm};
    QTest::newRow("allowed image: deny does not apply")
        << w << QStringList{"claims.image={\"digest\":\"sha256:good\"}"}
        << QStringList{id("/ns/payments/sa/api-server")}
        << QStringList{"granted", nm, nm, nm, "granted", nm};
    QTest::newRow("deny by its rendered identity")
        << w << QStringList{"claims.workload.labels={\"quarantine\":\"yes\"}"} << QStringList{}
        << QStringList{"overridden", nm, nm, "deny_applied", "overridden", nm};
    QTest::newRow("deny that cannot be evaluated fails closed")
        << w << QStringList{"claims.image=\"not-a-map\""} << QStringList{}
        << QStringList{"overridden", nm, "deny_applied", nm, "overridden", nm};
    QTest::newRow("tpm node: missing workload claims")
        << QByteArray(kTpmNode) << QStringList{} << QStringList{id("/node/abc123")}
        << QStringList{nm, "granted", nm, nm, "condition_error", "condition_error"};
    QTest::newRow("tpm node with bad PCRs")
        << QByteArray(kTpmNode) << QStringList{"claims.tpm.pcrs_ok=false"} << QStringList{}
        << QStringList{nm, nm, nm, nm, "condition_error", "condition_error"};
    QTest::newRow("template field missing: no identity")
        << w
        << QStringList{"claims.workload.k8s.sa=",
                       "claims.workload.k8s.serviceaccount=\"api-server\""}
        << QStringList{} << QStringList{"field_missing", nm, nm, nm, "condition_error", nm};
    QTest::newRow("template value with a slash: an error, not an identity")
        << w
        << QStringList{"claims.workload.k8s.ns=\"batch\"", "claims.workload.k8s.replica=\"a/b\""}
        << QStringList{id("/ns/batch/sa/api-server")}
        << QStringList{nm, nm, nm, nm, "granted", "template_invalid"};
    QTest::newRow("integral claim renders")
        << w << QStringList{"claims.workload.k8s.ns=\"batch\"", "claims.workload.k8s.replica=3"}
        << QStringList{id("/ns/batch/sa/api-server"), id("/r/3")}
        << QStringList{nm, nm, nm, nm, "granted", "granted"};
    QTest::newRow("contraindicated verdict and foreign sa")
        << w << QStringList{"verdict=\"contraindicated\"", "claims.workload.k8s.sa=\"web\""}
        << QStringList{} << QStringList{nm, nm, nm, nm, nm, nm};
}

void TestPolicyEngine::decisions()
{
    QFETCH(QByteArray, base);
    QFETCH(QStringList, edits);
    QFETCH(QStringList, identities);
    QFETCH(QStringList, outcomes);
    const PolicyEngine e = engine();
    const PolicyDecision d = e.decide(subject(base.constData(), edits));
    QCOMPARE(ids(d), identities);
    QCOMPARE(::outcomes(d), outcomes);
}

void TestPolicyEngine::reasons_data()
{
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("detail");
    QTest::newRow("field missing names the field")
        << QStringList{"claims.workload.k8s.sa=", "selectors=[\"k8s:sa:api-server\"]"} << 0
        << "policy.template.field_missing"
        << "workload.k8s.sa";
    QTest::newRow("invalid value names field and value")
        << QStringList{"claims.workload.k8s.ns=\"batch\"", "claims.workload.k8s.replica=\"a/b\""}
        << 5 << "policy.template.invalid_value"
        << "workload.k8s.replica: \"a/b\"";
    QTest::newRow("object value") << QStringList{"claims.workload.k8s.ns=\"batch\"",
                                                 "claims.workload.k8s.replica={\"n\":1}"}
                                  << 5 << "policy.template.invalid_value"
                                  << "workload.k8s.replica: an object";
    QTest::newRow("dot-dot makes an invalid ID")
        << QStringList{"claims.workload.k8s.ns=\"batch\"", "claims.workload.k8s.replica=\"..\""}
        << 5 << "policy.template.invalid_id"
        << "spiffe.id.dot_segment";
    QTest::newRow("condition error carries CEL's message")
        << QStringList{"claims.workload.k8s.sa="} << 4 << "policy.condition.error"
        << "no such key: sa";
    QTest::newRow("deny failing closed says why")
        << QStringList{"claims.image=\"not-a-map\""} << 2 << "policy.condition.error"
        << "";
}

void TestPolicyEngine::reasons()
{
    QFETCH(QStringList, edits);
    QFETCH(int, policy);
    QFETCH(QString, reason);
    QFETCH(QString, detail);
    const PolicyDecision d = engine().decide(subject(kSubject, edits));
    const PolicyVerdict &v = d.verdicts.at(policy);
    QCOMPARE(v.reason, reason);
    QVERIFY2(v.detail.startsWith(detail), qPrintable(v.detail));
    QCOMPARE(d.errors.contains(policy), v.outcome == PolicyVerdict::Outcome::TemplateInvalid);
}

void TestPolicyEngine::ttlDnsAndFederationCarried()
{
    const PolicyDecision d = engine().decide(subject(kSubject));
    QCOMPARE(d.identities.size(), 1);
    const PolicyIdentity &i = d.identities.first();
    QCOMPARE(i.policies,
             (QStringList{QStringLiteral("payments-api"), QStringLiteral("payments-api-short")}));
    // The strictest non-zero TTL of the grants; 0 (server default) never wins over a bound.
    QCOMPARE(i.x509SvidTtl, 600);
    QCOMPARE(i.jwtSvidTtl, 300);
    QCOMPARE(i.dnsNames,
             (QStringList{QStringLiteral("api.payments.svc"), QStringLiteral("api.internal")}));
    QCOMPARE(i.federatesWith, QStringList{QStringLiteral("partner.example")});
    const QJsonObject json = d.toJson();
    QCOMPARE(json.value(QLatin1String("identities"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("x509_svid_ttl"))
                 .toInt(),
             600);
}

void TestPolicyEngine::denyNamesItsPolicyAndScope()
{
    const PolicyDecision byImage = engine().decide(
        subject(kSubject, {QStringLiteral("claims.image={\"digest\":\"sha256:bad\"}")}));
    QCOMPARE(byImage.verdicts[0].deniedBy, QStringList{QStringLiteral("revoked-image")});
    QVERIFY(byImage.verdicts[2].deniesTrustDomain);
    QCOMPARE(byImage.verdicts[2].spiffeId, QStringLiteral("spiffe://prod.example"));
    const PolicyDecision byId = engine().decide(
        subject(kSubject, {QStringLiteral("claims.workload.labels={\"quarantine\":\"yes\"}")}));
    QCOMPARE(byId.verdicts[4].deniedBy, QStringList{QStringLiteral("quarantine")});
    QVERIFY(!byId.verdicts[3].deniesTrustDomain);
    QCOMPARE(byId.verdicts[3].spiffeId, id("/ns/payments/sa/api-server"));
    // A deny by ID leaves other identities of the trust domain alone.
    const PolicyDecision other = engine().decide(
        subject(kSubject, {QStringLiteral("claims.workload.labels={\"quarantine\":\"yes\"}"),
                           QStringLiteral("claims.workload.k8s.ns=\"batch\""),
                           QStringLiteral("claims.workload.k8s.replica=2")}));
    QCOMPARE(ids(other), QStringList{id("/r/2")});
}

void TestPolicyEngine::explanations_data()
{
    QTest::addColumn<QByteArray>("base");
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("clause");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("seen");
    const QByteArray w(kSubject);
    QTest::newRow("first conjunct false: the verdict")
        << w << QStringList{"verdict=\"warning\""} << 0 << "verdict == 'affirming'" << 1 << "false"
        << "verdict=\"warning\"";
    QTest::newRow("second conjunct: the namespace it saw")
        << w << QStringList{"claims.workload.k8s.ns=\"dev\""} << 0
        << "workload.k8s.ns == 'payments'" << 27 << "false"
        << "workload.k8s.ns=\"dev\"";
    QTest::newRow("third conjunct: the selectors it saw")
        << w << QStringList{"selectors=[\"k8s:ns:payments\"]"} << 0
        << "'k8s:sa:api-server' in selectors" << 60 << "false"
        << "selectors=[\"k8s:ns:payments\"]";
    QTest::newRow("error clause: the absent field")
        << QByteArray(kTpmNode) << QStringList{} << 4 << "workload.k8s.sa == 'api-server'" << 1
        << "{\"error\":\"no such key: k8s\"}"
        << "workload.k8s.sa={\"error\":\"no such key: k8s\"}";
    QTest::newRow("false beats an earlier error")
        << QByteArray(kTpmNode) << QStringList{"attestor=\"join_token\""} << 0
        << "'k8s:sa:api-server' in selectors" << 60 << "false"
        << "selectors=[\"tpm:pub_hash:abc123\"]";
    QTest::newRow("has() quoted as written")
        << w << QStringList{} << 2 << "has(image.digest)" << 1 << "false"
        << "image={}";
    QTest::newRow("bool claim") << QByteArray(kTpmNode) << QStringList{"claims.tpm.pcrs_ok=false"}
                                << 1 << "tpm.pcrs_ok" << 22 << "false"
                                << "tpm.pcrs_ok=false";
}

void TestPolicyEngine::explanations()
{
    QFETCH(QByteArray, base);
    QFETCH(QStringList, edits);
    QFETCH(int, policy);
    QFETCH(QString, clause);
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(QString, seen);
    const PolicyDecision d =
        engine().decide(subject(base.constData(), edits), PolicyEngine::Detail::Explain);
    const PolicyVerdict &v = d.verdicts.at(policy);
    QVERIFY(v.explanation.has_value());
    const ClauseExplanation &e = *v.explanation;
    QCOMPARE(e.clause, clause);
    QCOMPARE(e.line, 1);
    QCOMPARE(e.column, column);
    const QJsonObject json = e.toJson();
    QCOMPARE(QString::fromUtf8(QJsonDocument(QJsonArray{json.value(QLatin1String("value"))})
                                   .toJson(QJsonDocument::Compact)),
             QLatin1Char('[') + value + QLatin1Char(']'));
    QStringList pairs;
    for (const auto &[path, v2] : e.values)
        pairs << path + QLatin1Char('=') +
                     QString::fromUtf8(QJsonDocument(QJsonArray{v2}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1);
    QCOMPARE(pairs.join(QLatin1Char(';')), seen);
    QVERIFY(e.toText().contains(clause));
}

void TestPolicyEngine::explanationOnlyWhenAsked()
{
    const PolicySubject s = subject(kSubject, {QStringLiteral("verdict=\"warning\"")});
    const PolicyDecision plain = engine().decide(s);
    QVERIFY(!plain.verdicts[0].explanation.has_value());
    // A comprehension's own variable is not a value the subject has: only selectors is shown.
    const PolicyEngine withMacro = engine(R"J({"policies": [{"name": "m", "effect": "grant",
        "trust_domain": "prod.example", "spiffe_id": "/x",
        "condition": "selectors.exists(s, s.startsWith('unix:')) && verdict == 'affirming'"}]})J");
    const PolicyDecision d = withMacro.decide(s, PolicyEngine::Detail::Explain);
    QVERIFY(d.verdicts[0].explanation.has_value());
    QCOMPARE(d.verdicts[0].explanation->clause,
             QStringLiteral("selectors.exists(s, s.startsWith('unix:'))"));
    QCOMPARE(d.verdicts[0].explanation->values.size(), 1);
    QCOMPARE(d.verdicts[0].explanation->values[0].first, QStringLiteral("selectors"));
    // Matched policies carry no explanation even when asked.
    const PolicyDecision granted =
        engine().decide(subject(kSubject), PolicyEngine::Detail::Explain);
    QVERIFY(!granted.verdicts[0].explanation.has_value());
    QVERIFY(granted.verdicts[1].explanation.has_value());
}

void TestPolicyEngine::nonBoolConditionIsAnError()
{
    const PolicyEngine e = engine(R"J({"policies": [{"name": "dyn", "effect": "grant",
        "trust_domain": "prod.example", "spiffe_id": "/x", "condition": "workload.k8s.ns"}]})J");
    const PolicyDecision d = e.decide(subject(kSubject), PolicyEngine::Detail::Explain);
    QCOMPARE(d.verdicts[0].outcome, PolicyVerdict::Outcome::ConditionError);
    QCOMPARE(d.verdicts[0].detail, QStringLiteral("not a bool"));
    QVERIFY(d.identities.isEmpty());
    QCOMPARE(d.verdicts[0].explanation->value.toString(), QStringLiteral("payments"));
}

void TestPolicyEngine::evaluateAllocatesNothingWhenWarm()
{
    // Conditions are evaluated in place: the same outcomes come back for each rebinding, and
    // the evaluation's storage keeps its size (the bench counts the allocations).
    const PolicyEngine e = engine();
    SubjectActivation activation(e.env());
    cel::EvalContext ctx;
    PolicyEngine::Evaluation ev;
    activation.bind(subject(kSubject));
    e.evaluate(activation, ctx, ev);
    QCOMPARE(ev.trueCount, 2);
    activation.bind(subject(kTpmNode));
    e.evaluate(activation, ctx, ev);
    QCOMPARE(ev.trueCount, 1);
    QCOMPARE(ev.conditions[1], PolicyEngine::Evaluation::Condition::True);
    QCOMPARE(ev.conditions[4], PolicyEngine::Evaluation::Condition::Error);
}

void TestPolicyEngine::indexAgreesWithFullEvaluation()
{
    QFETCH(QByteArray, base);
    QFETCH(QStringList, edits);
    auto policies = Policy::listFromJson(kPolicies);
    QVERIFY(policies.ok());
    // Two more grants on the indexed path, so a group has literals that do and do not match.
    Policy extra = policies->at(0);
    for (const char *ns : {"batch", "dev"}) {
        extra.name = QStringLiteral("ns-") + QLatin1String(ns);
        extra.condition = QStringLiteral("workload.k8s.ns == '%1' && verdict == 'affirming'")
                              .arg(QLatin1String(ns));
        policies->append(extra);
    }
    const PolicyEngine indexed = PolicyEngine::compile(*policies).value();
    const PolicyEngine full =
        PolicyEngine::compile(*policies, PolicyEngine::Indexing::None).value();
    const PolicySubject s = subject(base.constData(), edits);
    SubjectActivation a(indexed.env());
    SubjectActivation b(full.env());
    a.bind(s);
    b.bind(s);
    cel::EvalContext ctx;
    PolicyEngine::Evaluation ea;
    PolicyEngine::Evaluation eb;
    indexed.evaluate(a, ctx, ea);
    full.evaluate(b, ctx, eb);
    // The index may only skip what would be false; errors and trues are the same.
    QCOMPARE(ea.trueCount, eb.trueCount);
    QCOMPARE(ea.conditions.size(), eb.conditions.size());
    for (std::size_t i = 0; i < ea.conditions.size(); ++i)
        QVERIFY2(ea.conditions[i] == eb.conditions[i], qPrintable(QString::number(i)));
    QCOMPARE(indexed.decide(s).toJson(), full.decide(s).toJson());
    // Detail::Matched leaves out exactly the verdicts of conditions that were false.
    PolicyDecision filtered = full.decide(s);
    filtered.verdicts.removeIf(
        [](const PolicyVerdict &v) { return v.outcome == PolicyVerdict::Outcome::NotMatched; });
    QCOMPARE(indexed.decide(s, PolicyEngine::Detail::Matched).toJson(), filtered.toJson());
}

void TestPolicyEngine::readsTime_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("readsTime");
    QTest::newRow("compares time") << "time < timestamp('2027-01-01T00:00:00Z')" << true;
    QTest::newRow("time in a macro")
        << "[1, 2].all(x, time > timestamp('2020-01-01T00:00:00Z'))" << true;
    QTest::newRow("claims only") << "workload.k8s.ns == 'payments'" << false;
    QTest::newRow("constant timestamps")
        << "timestamp('2026-01-01T00:00:00Z') < timestamp('2027-01-01T00:00:00Z')" << false;
}

void TestPolicyEngine::readsTime()
{
    // A simulation reuses a subject's decision at its renewals only when no condition reads
    // `time`: a wrong "false" here would keep renewing what a time condition stopped.
    QFETCH(QString, condition);
    QFETCH(bool, readsTime);
    Policy p;
    p.name = QStringLiteral("p");
    p.trustDomain = QStringLiteral("prod.example");
    p.spiffeIdTemplate = QStringLiteral("/x");
    p.condition = condition;
    Policy other = p;
    other.name = QStringLiteral("other");
    other.condition = QStringLiteral("verdict == 'affirming'");
    auto e = PolicyEngine::compile({other, p});
    QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
    QCOMPARE(e->readsTime(), readsTime);
}

void TestPolicyEngine::sameFactsIgnoresOnlyTime_data()
{
    QTest::addColumn<QStringList>("edits");
    QTest::addColumn<bool>("same");
    QTest::newRow("another instant")
        << QStringList{QStringLiteral("time=\"2026-04-08T10:00:00Z\"")} << true;
    QTest::newRow("claim") << QStringList{QStringLiteral("claims.workload.k8s.ns=\"dev\"")}
                           << false;
    QTest::newRow("claim added") << QStringList{QStringLiteral("claims.image.digest=\"sha256:1\"")}
                                 << false;
    QTest::newRow("selectors") << QStringList{QStringLiteral("selectors=[\"k8s:ns:payments\"]")}
                               << false;
    QTest::newRow("verdict") << QStringList{QStringLiteral("verdict=\"warning\"")} << false;
    QTest::newRow("subject") << QStringList{QStringLiteral("subject=\"workload/other\"")} << false;
    QTest::newRow("agent") << QStringList{QStringLiteral("agent_id=\"spiffe://prod.example/x\"")}
                           << false;
    QTest::newRow("attestor") << QStringList{QStringLiteral("attestor=\"docker\"")} << false;
}

void TestPolicyEngine::sameFactsIgnoresOnlyTime()
{
    // A simulation decides a subject that re-attests with the same facts as before without
    // asking the rules again: anything but the instant must count as a change.
    QFETCH(QStringList, edits);
    QFETCH(bool, same);
    const PolicySubject a = subject(kSubject);
    const PolicySubject b = subject(kSubject, edits);
    QCOMPARE(a.sameFacts(b), same);
    QCOMPARE(b.sameFacts(a), same);
    QVERIFY(a.sameFacts(a));
}

void TestPolicyEngine::updateFromMakesWhatFromAttestationResultMakes_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<bool>("changed");
    for (const char *row : {"time", "equal copies"})
        QTest::newRow(row) << QString::fromLatin1(row) << false;
    for (const char *row : {"subject", "attestor", "verdict", "agent", "workload agent",
                            "selectors", "node selectors", "claims"})
        QTest::newRow(row) << QString::fromLatin1(row) << true;
}

void TestPolicyEngine::updateFromMakesWhatFromAttestationResultMakes()
{
    // The simulation updates a subject's last decision in place instead of building a new one
    // per record: it must end equal to the new one and report a change exactly when sameFacts
    // would.
    QFETCH(QString, edit);
    QFETCH(bool, changed);
    AttestationResult base;
    base.time = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
    base.attestor = QStringLiteral("k8s");
    base.subject = QStringLiteral("workload/pay");
    base.selectors = {QStringLiteral("k8s:ns:payments")};
    base.claims = QJsonObject{{QStringLiteral("workload"),
                               QJsonObject{{QStringLiteral("agent_id"), QStringLiteral("a")}}}};
    const QStringList nodeSelectors{QStringLiteral("k8s_psat:cluster:prod")};
    const QString workloadAgent = QStringLiteral("spiffe://prod.example/spire/agent/a");

    AttestationResult next = base;
    QStringList nextNodeSelectors = nodeSelectors;
    QString nextWorkloadAgent = workloadAgent;
    if (edit == QLatin1String("time")) {
        next.time = base.time.addSecs(3600);
    } else if (edit == QLatin1String("equal copies")) {
        // Equal values in storage of their own: no change, however they are held.
        next.subject = QString(base.subject.constData(), base.subject.size());
        next.selectors = QStringList{QStringLiteral("k8s:ns:") + QStringLiteral("payments")};
        next.claims = QJsonObject{{QStringLiteral("workload"),
                                   QJsonObject{{QStringLiteral("agent_id"), QStringLiteral("a")}}}};
        nextNodeSelectors =
            QStringList{QStringLiteral("k8s_psat:cluster:") + QStringLiteral("prod")};
        QVERIFY(!next.selectors.isSharedWith(base.selectors));
    } else if (edit == QLatin1String("subject")) {
        next.subject = QStringLiteral("workload/other");
    } else if (edit == QLatin1String("attestor")) {
        next.attestor = QStringLiteral("docker");
    } else if (edit == QLatin1String("verdict")) {
        next.warn(QStringLiteral("allow_list_missing"));
    } else if (edit == QLatin1String("agent")) {
        next.agentId = QStringLiteral("spiffe://prod.example/spire/agent/b");
    } else if (edit == QLatin1String("workload agent")) {
        nextWorkloadAgent = QStringLiteral("spiffe://prod.example/spire/agent/c");
    } else if (edit == QLatin1String("selectors")) {
        next.selectors << QStringLiteral("k8s:sa:api");
    } else if (edit == QLatin1String("node selectors")) {
        nextNodeSelectors.clear();
    } else if (edit == QLatin1String("claims")) {
        next.claims.insert(QStringLiteral("image"), QJsonObject());
    }
    PolicySubject s = PolicySubject::fromAttestationResult(base, nodeSelectors, workloadAgent);
    const PolicySubject expected =
        PolicySubject::fromAttestationResult(next, nextNodeSelectors, nextWorkloadAgent);
    QCOMPARE(s.sameFacts(expected), !changed);
    QCOMPARE(s.updateFrom(next, nextNodeSelectors, nextWorkloadAgent), changed);
    QCOMPARE(s.toJson(), expected.toJson());
    QVERIFY(s.sameFacts(expected));
    // Again with the same values: nothing changes.
    QVERIFY(!s.updateFrom(next, nextNodeSelectors, nextWorkloadAgent));
}

void TestPolicyEngine::compileErrorsNameThePolicy()
{
    Policy p;
    p.name = QStringLiteral("broken");
    p.trustDomain = QStringLiteral("prod.example");
    p.spiffeIdTemplate = QStringLiteral("/x");
    p.condition = QStringLiteral("verdict == ");
    auto e = PolicyEngine::compile({p});
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, QStringLiteral("policy.condition"));
    QVERIFY2(e.error().detail.startsWith(QStringLiteral("policy 0 (broken): condition: 1:")),
             qPrintable(e.error().detail));
    p.condition = QStringLiteral("true");
    p.spiffeIdTemplate = QStringLiteral("spiffe://other.example/x");
    auto t = PolicyEngine::compile({p});
    QVERIFY(!t.ok());
    QCOMPARE(t.error().code, QStringLiteral("policy.template"));
}

void TestPolicyEngine::limitsRefuseAndBudgetStops()
{
    // Issue 8, finding 6: a set compiled without the import's validation (a stored workspace,
    // diff --policies) is refused the same way, and never overflows the stack.
    Policy p;
    p.name = QStringLiteral("deep");
    p.trustDomain = QStringLiteral("prod.example");
    p.spiffeIdTemplate = QStringLiteral("/x");
    p.condition = QStringLiteral("workload") + QString(QStringLiteral(".a")).repeated(300000) +
                  QStringLiteral(" == 'x'");
    auto e = PolicyEngine::compile({p});
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, QStringLiteral("cel.limit.size"));
    QVERIFY(e.error().detail.startsWith(QStringLiteral("policy 0 (deep): condition: ")));
    p.condition = QStringLiteral("1") + QString(QStringLiteral("+1")).repeated(20000) +
                  QStringLiteral(" > 0");
    e = PolicyEngine::compile({p});
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, QStringLiteral("cel.limit.depth"));
    p.condition = QStringLiteral("selectors.all(a, selectors.all(b, a != b))");
    e = PolicyEngine::compile({p});
    QVERIFY(!e.ok());
    QCOMPARE(e.error().code, QStringLiteral("cel.cost_exceeded"));

    // Within the estimate, but the subject's claims are far larger than estimated: the
    // evaluation stops, and a grant whose condition ran out of budget is a condition error.
    p.condition = QStringLiteral("workload.items.exists(a, a.contains('needle'))");
    auto engine = PolicyEngine::compile({p});
    QVERIFY(engine.ok());
    QJsonArray items;
    const QString hay(4096, QLatin1Char('x'));
    for (int i = 0; i < 20000; ++i)
        items.append(hay);
    QJsonObject o = QJsonDocument::fromJson(kSubject).object();
    QJsonObject claims = o.value(QStringLiteral("claims")).toObject();
    claims.insert(QStringLiteral("workload"), QJsonObject{{QStringLiteral("items"), items}});
    o.insert(QStringLiteral("claims"), claims);
    auto s = PolicySubject::fromJson(o);
    QVERIFY(s.ok());
    QElapsedTimer timer;
    timer.start();
    const PolicyDecision d = engine->decide(*s);
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(d.verdicts.size(), 1);
    QCOMPARE(d.verdicts[0].outcome, PolicyVerdict::Outcome::ConditionError);
    QVERIFY2(d.verdicts[0].detail.startsWith(QStringLiteral("cel.budget_exceeded")),
             qPrintable(d.verdicts[0].detail));
    QVERIFY(d.identities.isEmpty());
}

QTEST_GUILESS_MAIN(TestPolicyEngine)
#include "tst_policyengine.moc"
