// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Checker.h"
#include "core/policy/cel/Env.h"
#include "core/policy/cel/Parser.h"

#include <QTest>

using namespace ta::core::cel;

class TestCelChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void wellTyped_data();
    void wellTyped();
    void diagnostics_data();
    void diagnostics();
    void containerResolution();

private:
    Env m_env;
};

void TestCelChecker::init()
{
    m_env = Env();
    m_env.declareVariable("name", Type(TypeKind::String));
    m_env.declareVariable("count", Type(TypeKind::Int));
    m_env.declareVariable("tags", Type::list(Type(TypeKind::String)));
    m_env.declareVariable("labels", Type::map(Type(TypeKind::String), Type(TypeKind::String)));
    m_env.declareVariable("claims");
}

void TestCelChecker::wellTyped_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::newRow("string-eq") << "name == 'x'"
                               << "bool";
    QTest::newRow("arith") << "count * 2 + 1"
                           << "int";
    QTest::newRow("list-index") << "tags[0]"
                                << "string";
    QTest::newRow("map-select") << "labels.team"
                                << "string";
    QTest::newRow("dyn-anything") << "claims.a.b[3] + 1"
                                  << "int";
    QTest::newRow("map-macro") << "tags.map(t, size(t))"
                               << "list(int)";
    QTest::newRow("filter") << "tags.filter(t, t.startsWith('a'))"
                            << "list(string)";
    QTest::newRow("mixed-list") << "[1, 'a']"
                                << "list(dyn)";
    QTest::newRow("ternary") << "count > 1 ? 'many' : 'one'"
                             << "string";
    QTest::newRow("time") << "timestamp('2024-01-01T00:00:00Z') - duration('1h')"
                          << "google.protobuf.Timestamp";
    QTest::newRow("bind") << "cel.bind(n, size(tags), n * n)"
                          << "int";
    QTest::newRow("type-ident") << "type(count) == int"
                                << "bool";
    QTest::newRow("format") << "'%d items'.format([count])"
                            << "string";
    QTest::newRow("math") << "math.greatest(1, 2, 3)"
                          << "int";
}

void TestCelChecker::wellTyped()
{
    QFETCH(QString, source);
    QFETCH(QString, type);
    const ParseResult parsed = Parser::parse(source);
    QVERIFY(parsed.ok());
    const CheckResult checked = Checker::check(*parsed.ast, m_env);
    QVERIFY2(checked.ok(),
             qPrintable(checked.ok() ? QString() : checked.diagnostics.front().toString()));
    QCOMPARE(QString::fromStdString(checked.resultType.toString()), type);
    QCOMPARE(QString::fromStdString(checked.typeOf(parsed.ast->root()).toString()), type);
}

void TestCelChecker::diagnostics_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("undeclared") << "nmae == 'x'" << 1 << "undeclared reference to 'nmae'";
    QTest::newRow("no-overload") << "name + 1" << 6 << "no matching overload for '_+_'";
    QTest::newRow("unknown-function")
        << "count > 1 && frobnicate(name)" << 14 << "undeclared reference to function 'frobnicate'";
    QTest::newRow("select-on-int") << "count.x" << 6 << "does not support field selection";
    QTest::newRow("bad-range") << "count.all(x, x > 0)" << 1 << "cannot be the range";
    QTest::newRow("predicate-not-bool") << "tags.exists(t, 1)" << 16 << "must be bool";
    QTest::newRow("logic-on-string") << "name && true" << 1 << "must be bool";
    QTest::newRow("string-to-int-eq") << "name == count" << 6 << "no matching overload for '_==_'";
    QTest::newRow("bad-map-key") << "{1.5: 'x'}" << 2 << "unsupported map key type";
    QTest::newRow("method-on-wrong-type") << "count.startsWith('a')" << 7 << "startsWith";
}

void TestCelChecker::diagnostics()
{
    QFETCH(QString, source);
    QFETCH(int, column);
    QFETCH(QString, fragment);
    const ParseResult parsed = Parser::parse(source);
    QVERIFY(parsed.ok());
    const CheckResult checked = Checker::check(*parsed.ast, m_env);
    QVERIFY(!checked.ok());
    const Diagnostic &d = checked.diagnostics.front();
    QVERIFY2(d.message.contains(fragment), qPrintable(d.message));
    QCOMPARE(d.line, 1);
    QCOMPARE(d.column, column);
}

void TestCelChecker::containerResolution()
{
    Env env;
    env.setContainer("ta.policy");
    env.declareVariable("ta.policy.limit", Type(TypeKind::Int));
    env.declareVariable("ta.global", Type(TypeKind::String));
    const ParseResult parsed = Parser::parse(QStringLiteral("limit > 1 && global == 'x'"));
    QVERIFY(parsed.ok());
    QVERIFY(Checker::check(*parsed.ast, env).ok());
    const ParseResult absolute = Parser::parse(QStringLiteral(".limit > 1"));
    QVERIFY(absolute.ok());
    QVERIFY(!Checker::check(*absolute.ast, env).ok());
}

QTEST_GUILESS_MAIN(TestCelChecker)
#include "tst_cel_checker.moc"
