// SPDX-License-Identifier: Apache-2.0
// Issue 8, finding 6: no expression of any size may overflow the stack (parse limits refuse it,
// cleanly), a program whose estimated cost is over the limit is refused, and an evaluation that
// runs out of its step or byte budget is stopped with a typed error.
#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Env.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/Evaluate.h"
#include "core/policy/cel/Parser.h"
#include "core/policy/cel/Program.h"
#include "core/policy/cel/SlotActivation.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ta::core::cel;

class TestCelLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hugeInputsAreRefused_data();
    void hugeInputsAreRefused();
    void chainAtTheHeightLimitRuns();
    void deepTreeIsTakenApartWithoutRecursion();
    void costOverTheLimitIsRefused_data();
    void costOverTheLimitIsRefused();
    void typicalConditionsCostLittle();
    void nestedComprehensionsAreStopped();
    void budgetIsNotAbsorbedByOr();
    void stringDoublingIsStopped_data();
    void stringDoublingIsStopped();
    void constantFoldingStaysWithinBudget();
    void largeResultIsNotWrittenOut();
};

namespace {

constexpr int kTerms = 300000;

QString repeated(const QString &head, const QString &unit, int n, const QString &tail = {})
{
    QString s;
    s.reserve(head.size() + unit.size() * n + tail.size());
    s += head;
    for (int i = 0; i < n; ++i)
        s += unit;
    return s + tail;
}

// Limits that let a huge input through to the depth and node checks.
Limits roomy()
{
    Limits l;
    l.maxSourceCodePoints = 100000000;
    return l;
}

template <typename T>
QByteArray why(const ta::core::Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

QJsonObject intList(int n)
{
    QJsonArray items;
    for (int i = 0; i < n; ++i)
        items.append(QJsonObject{{QStringLiteral("int"), QString::number(i)}});
    return QJsonObject{{QStringLiteral("list"), items}};
}

} // namespace

void TestCelLimits::hugeInputsAreRefused_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("roomyCode");
    const QString n = QString::number(1);
    QTest::newRow("x.a.a...") << repeated(QStringLiteral("x"), QStringLiteral(".a"), kTerms)
                              << "cel.limit.depth";
    QTest::newRow("1+1+...") << repeated(QStringLiteral("1"), QStringLiteral("+1"), kTerms)
                             << "cel.limit.depth";
    QTest::newRow("x || x || ...")
        << repeated(QStringLiteral("x"), QStringLiteral("||x"), kTerms) << "cel.limit.depth";
    QTest::newRow("a[0][0]...") << repeated(QStringLiteral("a"), QStringLiteral("[0]"), kTerms)
                                << "cel.limit.depth";
    QTest::newRow("x.f().f()...") << repeated(QStringLiteral("x"), QStringLiteral(".f()"), kTerms)
                                  << "cel.limit.depth";
    QTest::newRow("((((...))))") << repeated(QString(kTerms, QLatin1Char('(')), {}, 0,
                                             QStringLiteral("1") +
                                                 QString(kTerms, QLatin1Char(')')))
                                 << "cel.limit.depth";
    QTest::newRow("[[[[...]]]]") << repeated(QString(kTerms, QLatin1Char('[')), {}, 0,
                                             QString(kTerms, QLatin1Char(']')))
                                 << "cel.limit.depth";
    QTest::newRow("{{...") << repeated({}, QStringLiteral("{1:"), kTerms, QStringLiteral("1"))
                           << "cel.limit.depth";
    QTest::newRow("!!!!...") << repeated(QString(kTerms, QLatin1Char('!')), {}, 0,
                                         QStringLiteral("true"))
                             << "cel.limit.depth";
    QTest::newRow("-(-(-...") << repeated({}, QStringLiteral("-("), kTerms,
                                          QStringLiteral("1") + QString(kTerms, QLatin1Char(')')))
                              << "cel.limit.depth";
    QTest::newRow("- - - ...") << repeated({}, QStringLiteral("- "), kTerms, QStringLiteral("x"))
                               << "cel.limit.depth";
    QTest::newRow("f(f(f(...") << repeated({}, QStringLiteral("f("), kTerms,
                                           QStringLiteral("1") + QString(kTerms, QLatin1Char(')')))
                               << "cel.limit.depth";
    QTest::newRow("a ? a : a ? ...")
        << repeated({}, QStringLiteral("a ? a : "), kTerms, QStringLiteral("a"))
        << "cel.limit.depth";
    QTest::newRow("a flat list of many elements")
        << repeated(QStringLiteral("["), QStringLiteral("1,"), kTerms, QStringLiteral("1]"))
        << "cel.limit.nodes";
}

void TestCelLimits::hugeInputsAreRefused()
{
    QFETCH(QString, source);
    QFETCH(QString, roomyCode);
    // With the defaults, the length alone refuses it, before any token is read.
    const ParseResult r = Parser::parse(source);
    QVERIFY(!r.ok());
    QCOMPARE(r.diagnostics.front().code, QStringLiteral("cel.limit.size"));
    QVERIFY2(r.diagnostics.front().message.contains(QLatin1String("exceeds the limit of 100000")),
             qPrintable(r.diagnostics.front().message));
    auto compiled = Program::compile(source, Env(), false);
    QVERIFY(!compiled);
    QCOMPARE(compiled.error().code, QStringLiteral("cel.limit.size"));
    // Let through, the depth or node limit refuses it while parsing: no tree deeper than the
    // limit is ever built, and the stack holds.
    const ParseResult deep = Parser::parse(source, roomy());
    QVERIFY(!deep.ok());
    QCOMPARE(deep.diagnostics.front().code, roomyCode);
    auto viaEval = evaluateJson(source, {}, {QString(), false, roomy()});
    QVERIFY(!viaEval);
    QCOMPARE(viaEval.error().code, roomyCode);
}

void TestCelLimits::chainAtTheHeightLimitRuns()
{
    // The longest chain accepted goes through the checker, the planner and the interpreter.
    const QString chain = repeated(QStringLiteral("x"), QStringLiteral(".a"), 998);
    Env env;
    env.declareVariable("x");
    auto program = Program::compile(chain, env);
    QVERIFY2(program, why(program).constData());
    SlotActivation activation;
    EvalContext ctx;
    const Value v = program->evaluate(activation, ctx);
    QVERIFY(v.isError());
    QVERIFY(!ctx.exceeded());
    const QString sum = repeated(QStringLiteral("1"), QStringLiteral("+1"), 998);
    auto total = evaluateJson(sum);
    QVERIFY2(total, why(total).constData());
    QCOMPARE(total->toObject().value(QStringLiteral("int")).toString(), QStringLiteral("999"));
    const ParseResult over =
        Parser::parse(repeated(QStringLiteral("x"), QStringLiteral(".a"), 1000));
    QVERIFY(!over.ok());
    QCOMPARE(over.diagnostics.front().code, QStringLiteral("cel.limit.depth"));
}

void TestCelLimits::deepTreeIsTakenApartWithoutRecursion()
{
    // A tree far deeper than the stack could unwind recursively, built by hand.
    auto root = std::make_unique<Expr>();
    Expr *tip = root.get();
    for (int i = 0; i < 2000000; ++i) {
        tip->kind = ExprKind::Select;
        tip->children.push_back(std::make_unique<Expr>());
        tip = tip->children.back().get();
    }
    root.reset();
    QVERIFY(!root);
}

void TestCelLimits::costOverTheLimitIsRefused_data()
{
    QTest::addColumn<QString>("source");
    const QString list100 = QStringLiteral("[") +
                            repeated(QStringLiteral("0"), QStringLiteral(",0"), 99) +
                            QStringLiteral("]");
    QTest::newRow("nested map over literal lists")
        << QStringLiteral("%1.map(x, %1.map(y, %1.map(z, x + y + z)))").arg(list100);
    QTest::newRow("nested exists over a variable")
        << QStringLiteral("xs.exists(x, xs.exists(y, xs.exists(z, x == y && y == z)))");
    QString entries;
    for (int i = 0; i < 8000; ++i)
        entries += QStringLiteral("%1%2:0").arg(i ? QStringLiteral(",") : QString()).arg(i);
    // Each key is checked against the ones before it: 32 million comparisons.
    QTest::newRow("map literal of 8,000 entries") << QStringLiteral("{%1}.size() > 0").arg(entries);
    QTest::newRow("doubling a string through cel.bind")
        << QStringLiteral("cel.bind(a, s + s, cel.bind(b, a + a, cel.bind(c, b + b, "
                          "cel.bind(d, c + c, cel.bind(e, d + d, cel.bind(f, e + e, "
                          "cel.bind(g, f + f, cel.bind(h, g + g, cel.bind(i, h + h, "
                          "cel.bind(j, i + i, cel.bind(k, j + j, cel.bind(l, k + k, "
                          "size(l + l)))))))))))))");
}

void TestCelLimits::costOverTheLimitIsRefused()
{
    QFETCH(QString, source);
    Env env;
    env.declareVariable("xs", Type::list(Type(TypeKind::Int)));
    env.declareVariable("s", Type(TypeKind::String));
    auto program = Program::compile(source, env);
    QVERIFY(!program);
    QCOMPARE(program.error().code, QStringLiteral("cel.cost_exceeded"));
    QVERIFY2(program.error().detail.startsWith(QLatin1String("estimated cost ")) &&
                 program.error().detail.endsWith(QLatin1String(" exceeds the limit 1000000")),
             qPrintable(program.error().detail));
    // A caller with a larger budget may still compile it.
    Limits generous;
    generous.maxEstimatedCost = UINT64_MAX;
    QVERIFY(Program::compile(source, env, true, generous));
}

void TestCelLimits::typicalConditionsCostLittle()
{
    Env env;
    env.declareVariable("workload");
    env.declareVariable("allowed", Type::list(Type(TypeKind::String)));
    const char *const conditions[] = {
        R"(workload.k8s.ns == "payments" && workload.image.digest in allowed)",
        R"(workload.selectors.exists(s, s == "k8s:ns:payments"))",
        R"(workload.selectors.all(s, s.startsWith("k8s:") && s in allowed))",
        R"(workload.image.ref.matches("^registry\\.example/[a-z]+@sha256:[0-9a-f]{64}$"))",
    };
    for (const char *c : conditions) {
        auto program = Program::compile(QString::fromUtf8(c), env);
        QVERIFY2(program, c);
        QVERIFY2(program->estimatedCost() < 200000, c);
    }
}

void TestCelLimits::nestedComprehensionsAreStopped()
{
    // Past the estimate (a caller's choice), the runtime budget still stops it: 8 million
    // iterations would run for seconds.
    EvaluateOptions options;
    options.typeCheck = false;
    options.limits.maxEstimatedCost = UINT64_MAX;
    const QJsonObject bindings{{QStringLiteral("xs"), intList(200)}};
    QElapsedTimer timer;
    timer.start();
    auto r = evaluateJson(QStringLiteral("xs.map(x, xs.map(y, xs.map(z, x + y + z)))"), bindings,
                          options);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("cel.budget_exceeded"));
    QCOMPARE(r.error().detail, QStringLiteral("more than 1000000 evaluation steps"));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

    // The same through a Program and a context of one's own, with a smaller budget.
    Env env;
    const int slot = env.declareVariable("xs");
    Limits limits;
    limits.maxEstimatedCost = UINT64_MAX;
    auto program = Program::compile(QStringLiteral("xs.exists(x, xs.exists(y, x + y < 0))"), env,
                                    true, limits);
    QVERIFY(program);
    EvalContext ctx;
    std::vector<Value> items;
    for (int i = 0; i < 1000; ++i)
        items.push_back(Value::integer(i));
    SlotActivation activation;
    activation.bind(slot, ctx.list(items.data(), items.size()));
    ctx.setBudget(10000, 1 << 20);
    const Value v = program->evaluate(activation, ctx);
    QVERIFY(v.isError());
    QVERIFY(ctx.exceeded());
    QCOMPARE(ctx.exceededKind(), BudgetExceeded::Kind::Steps);
    QVERIFY(v.text().starts_with("cel.budget_exceeded"));
    // The next evaluation starts with a full budget again.
    ctx.setBudget(UINT64_MAX, SIZE_MAX);
    const Value full = program->evaluate(activation, ctx);
    QVERIFY(full.isBool() && !full.boolValue());
    QVERIFY(!ctx.exceeded());
}

void TestCelLimits::budgetIsNotAbsorbedByOr()
{
    // An ordinary error is absorbed by || true; running out of budget ends the evaluation.
    EvaluateOptions options;
    options.typeCheck = false;
    options.limits.maxEstimatedCost = UINT64_MAX;
    const QJsonObject bindings{{QStringLiteral("xs"), intList(300)}};
    auto r = evaluateJson(
        QStringLiteral("xs.exists(x, xs.exists(y, xs.exists(z, x + y + z < 0))) || true"), bindings,
        options);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("cel.budget_exceeded"));
}

void TestCelLimits::stringDoublingIsStopped_data()
{
    QTest::addColumn<QString>("source");
    QString binds = QStringLiteral("size(v40)");
    for (int i = 40; i > 0; --i)
        binds = QStringLiteral("cel.bind(v%1, v%2 + v%2, %3)").arg(i).arg(i - 1).arg(binds);
    QTest::newRow("cel.bind doubling") << QStringLiteral("cel.bind(v0, s, %1)").arg(binds);
    QTest::newRow("repeated + over a comprehension")
        << QStringLiteral("[s].map(t, t + t + t + t + t + t + t + t + t + t + t + t + t + t + t + "
                          "t).map(t, t + t + t + t + t + t + t + t + t + t + t + t + t + t + t + "
                          "t).map(t, t + t + t + t + t + t + t + t + t + t + t + t + t + t + t + "
                          "t).map(t, t + t + t + t + t + t + t + t + t + t + t + t + t + t + t + "
                          "t).map(t, t + t + t + t + t + t + t + t + t + t + t + t + t + t + t + "
                          "t).map(t, size(t))");
    QTest::newRow("replace growing the string")
        << QStringLiteral("s.replace('x', s).replace('x', s).replace('x', s).size()");
    QTest::newRow("join of one long string many times")
        << QStringLiteral("cel.bind(b, s.replace('x', s).replace('x', s), "
                          "[1,2,3,4,5,6,7,8,9,10].map(i, b).map(l, l).join('').size())");
    QTest::newRow("format of a list holding a long string")
        << QStringLiteral("cel.bind(b, s.replace('x', s).replace('x', s), "
                          "'%s'.format([[b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, "
                          "b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b]]))"
                          ".size()");
}

void TestCelLimits::stringDoublingIsStopped()
{
    QFETCH(QString, source);
    EvaluateOptions options;
    options.typeCheck = false;
    options.limits.maxEstimatedCost = UINT64_MAX;
    options.limits.maxSteps = UINT64_MAX;
    // 1000 x: s.replace('x', s) is 1 MB, once more 1 GB.
    const QJsonObject bindings{
        {QStringLiteral("s"), QJsonObject{{QStringLiteral("string"), QString(1000, 'x')}}}};
    QElapsedTimer timer;
    timer.start();
    auto r = evaluateJson(source, bindings, options);
    QVERIFY2(!r, r ? QJsonDocument(r->toObject()).toJson().constData() : "");
    QCOMPARE(r.error().code, QStringLiteral("cel.budget_exceeded"));
    QCOMPARE(r.error().detail, QStringLiteral("more than 16777216 bytes allocated"));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestCelLimits::constantFoldingStaysWithinBudget()
{
    // All constant: planning folds it, within the runtime budget; over it the node is left for
    // the evaluation (which fails the same way) and the program keeps nothing of the attempt.
    QString binds = QStringLiteral("size(v30)");
    for (int i = 30; i > 0; --i)
        binds = QStringLiteral("cel.bind(v%1, v%2 + v%2, %3)").arg(i).arg(i - 1).arg(binds);
    const QString source = QStringLiteral("cel.bind(v0, 'xxxxxxxxxxxxxxxx', %1)").arg(binds);
    auto refused = Program::compile(source, Env());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("cel.cost_exceeded"));
    Limits limits;
    limits.maxEstimatedCost = UINT64_MAX;
    auto program = Program::compile(QStringLiteral("'%1'.replace('x', '%1').replace('x', '%1')"
                                                   ".replace('x', '%1').size()")
                                        .arg(QString(200, 'x')),
                                    Env(), true, limits);
    QVERIFY(program);
    QVERIFY(!program->isConstant());
    EvalContext ctx;
    SlotActivation activation;
    const Value v = program->evaluate(activation, ctx);
    QVERIFY(ctx.exceeded());
    QCOMPARE(ctx.exceededKind(), BudgetExceeded::Kind::Bytes);
    QVERIFY(v.isError());
    QVERIFY(ctx.arena().capacity() < (std::size_t(40) << 20));
}

void TestCelLimits::largeResultIsNotWrittenOut()
{
    // 100 references to one 100 KB string: 1.6 KB of list, 10 MB written out; 1000 of them
    // would be 100 MB.
    EvaluateOptions options;
    options.typeCheck = false;
    const QJsonObject bindings{
        {QStringLiteral("s"), QJsonObject{{QStringLiteral("string"), QString(100000, 'x')}}}};
    auto r = evaluateJson(QStringLiteral("[1,2,3,4,5,6,7,8,9,10].map(i, [1,2,3,4,5,6,7,8,9,10]"
                                         ".map(j, [s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, "
                                         "s, s, s, s, s]))"),
                          bindings, options);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("cel.budget_exceeded"));
    QVERIFY(r.error().detail.contains(QLatin1String("result is larger than")));
}

QTEST_GUILESS_MAIN(TestCelLimits)
#include "tst_cel_limits.moc"
