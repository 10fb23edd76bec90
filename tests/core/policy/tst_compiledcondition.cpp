// SPDX-License-Identifier: Apache-2.0
#include "core/policy/CompiledCondition.h"
#include "core/policy/PolicyEnv.h"
#include "core/policy/PolicySubject.h"
#include "core/policy/SubjectActivation.h"
#include "core/policy/cel/EvalContext.h"

#include <QJsonDocument>
#include <QTest>

using namespace ta::core;

namespace {

PolicySubject subject(const char *json)
{
    return PolicySubject::fromJson(QJsonDocument::fromJson(json).object()).value();
}

const char *const kPayments =
    R"J({"subject": "workload/pay-api", "attestor": "k8s", "verdict": "affirming",
 "selectors": ["k8s:ns:payments", "k8s:sa:api"],
 "claims": {"workload": {"k8s": {"ns": "payments", "sa": "api"}}}})J";

// 1 true, 0 false, -1 anything else (an error, a non-bool).
int outcome(const CompiledCondition &c, const PolicyEnv &env, const PolicySubject &s)
{
    SubjectActivation activation(env);
    activation.bind(s);
    cel::EvalContext ctx;
    const cel::Value v = c.evaluate(activation, ctx);
    return v.isBool() ? int(v.boolValue()) : -1;
}

} // namespace

class TestCompiledCondition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data();
    void evaluates();
    void compileErrorsCarryPositions_data();
    void compileErrorsCarryPositions();
    void conjunctsAsWritten();
    void explainsFirstFalseClause();
    void equalitiesFoundEitherWayRound();
    void movedConditionStillEvaluates();

private:
    PolicyEnv m_env;
};

void TestCompiledCondition::evaluates_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("expected");
    QTest::newRow("claim equality") << "workload.k8s.ns == 'payments'" << 1;
    QTest::newRow("claim mismatch") << "workload.k8s.ns == 'dev'" << 0;
    QTest::newRow("selectors") << "'k8s:sa:api' in selectors" << 1;
    QTest::newRow("verdict and attestor") << "verdict == 'affirming' && attestor == 'k8s'" << 1;
    QTest::newRow("absent key is an error") << "workload.k8s.missing == 'x'" << -1;
    QTest::newRow("false absorbs error") << "false && workload.k8s.missing == 'x'" << 0;
    QTest::newRow("has()") << "has(workload.k8s.ns) && !has(image.digest)" << 1;
    QTest::newRow("non-bool") << "subject" << -1;
}

void TestCompiledCondition::evaluates()
{
    QFETCH(QString, source);
    QFETCH(int, expected);
    auto c = CompiledCondition::compile(source, m_env);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
    QCOMPARE(outcome(*c, m_env, subject(kPayments)), expected);
}

void TestCompiledCondition::compileErrorsCarryPositions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detailStart");
    QTest::newRow("syntax") << "verdict == "
                            << "policy.condition"
                            << "1:";
    QTest::newRow("unknown variable") << "verdict == 'x' && nosuch == 1"
                                      << "policy.condition"
                                      << "1:19";
    QTest::newRow("second line") << "verdict == 'x' &&\n  1 + 'a' == 2"
                                 << "policy.condition"
                                 << "2:";
    QTest::newRow("too deep") << QString(200, QLatin1Char('(')) + "true" +
                                     QString(200, QLatin1Char(')'))
                              << "cel.limit.depth"
                              << "";
}

void TestCompiledCondition::compileErrorsCarryPositions()
{
    QFETCH(QString, source);
    QFETCH(QString, code);
    QFETCH(QString, detailStart);
    auto c = CompiledCondition::compile(source, m_env);
    QVERIFY(!c.ok());
    QCOMPARE(QString(c.error().code), code);
    QVERIFY2(c.error().detail.startsWith(detailStart), qPrintable(c.error().detail));
}

void TestCompiledCondition::conjunctsAsWritten()
{
    auto c = CompiledCondition::compile(
        QStringLiteral("verdict == 'affirming' && (attestor == 'k8s' || attestor == 'tpm') && "
                       "'k8s:sa:api' in selectors"),
        m_env);
    QVERIFY(c.ok());
    QCOMPARE(c->conjuncts(),
             (QStringList{QStringLiteral("verdict == 'affirming'"),
                          // The clause itself, without the parentheses that group it.
                          QStringLiteral("attestor == 'k8s' || attestor == 'tpm'"),
                          QStringLiteral("'k8s:sa:api' in selectors")}));
}

void TestCompiledCondition::explainsFirstFalseClause()
{
    auto c = CompiledCondition::compile(
        QStringLiteral(
            "verdict == 'affirming' &&\n    workload.k8s.ns == 'dev' && attestor == 'x'"),
        m_env);
    QVERIFY(c.ok());
    SubjectActivation activation(m_env);
    activation.bind(subject(kPayments));
    const ClauseExplanation e = c->explainFailure(activation, m_env);
    QCOMPARE(e.clause, QStringLiteral("workload.k8s.ns == 'dev'"));
    QCOMPARE(e.conjunct, 1);
    QCOMPARE(e.line, 2);
    QCOMPARE(e.column, 5);
    QCOMPARE(e.value, QJsonValue(false));
    QCOMPARE(e.values.size(), 1);
    QCOMPARE(e.values.first().first, QStringLiteral("workload.k8s.ns"));
    QCOMPARE(e.values.first().second, QJsonValue(QStringLiteral("payments")));
}

void TestCompiledCondition::equalitiesFoundEitherWayRound()
{
    auto c = CompiledCondition::compile(
        QStringLiteral("workload.k8s.ns == 'payments' && 'k8s' == attestor && "
                       "verdict != 'refused' && subject.startsWith('w')"),
        m_env);
    QVERIFY(c.ok());
    QStringList paths;
    for (const auto &e : c->equalities())
        paths << e.path + QLatin1Char('=') + QString::fromStdString(e.literal);
    // Only `==` against a string literal: `!=` and calls say nothing an index could use.
    QCOMPARE(paths, (QStringList{QStringLiteral("workload.k8s.ns=payments"),
                                 QStringLiteral("attestor=k8s")}));
}

void TestCompiledCondition::movedConditionStillEvaluates()
{
    // The program refers into the parsed tree; a move must keep both together.
    auto c = CompiledCondition::compile(QStringLiteral("workload.k8s.sa == 'api'"), m_env);
    QVERIFY(c.ok());
    CompiledCondition moved = std::move(*c);
    CompiledCondition again;
    again = std::move(moved);
    QCOMPARE(outcome(again, m_env, subject(kPayments)), 1);
    QCOMPARE(again.equalities().size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestCompiledCondition)
#include "tst_compiledcondition.moc"
