// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Parser.h"

#include <QTest>

#include <deque>

using namespace ta::core::cel;

class TestCelParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntaxErrorPositions_data();
    void syntaxErrorPositions();
    void precedence_data();
    void precedence();
    void literals();
    void nodesCarryOffsets();
    void macrosExpand();
    void deepNestingIsRefused();
    void spansCoverSourceText();
};

void TestCelParser::syntaxErrorPositions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("dangling-operator") << "1 +" << 1 << 4 << "end of expression";
    QTest::newRow("unclosed-paren") << "(1 + 2" << 1 << 7 << "expected ')'";
    QTest::newRow("bad-character") << "a # b" << 1 << 3 << "unexpected character";
    QTest::newRow("second-line") << "a &&\n  b ||| c" << 2 << 7 << "unexpected";
    QTest::newRow("unterminated-string") << "x == 'abc" << 1 << 6 << "unterminated";
    QTest::newRow("newline-in-string") << "'ab\ncd'" << 1 << 4 << "newline";
    QTest::newRow("bad-escape") << R"('a\qb')" << 1 << 3 << "escape";
    QTest::newRow("reserved-word") << "if + 1" << 1 << 1 << "reserved";
    QTest::newRow("int-out-of-range") << "9223372036854775808" << 1 << 1 << "out of range";
    QTest::newRow("has-needs-select") << "has(x)" << 1 << 5 << "has()";
    QTest::newRow("macro-var-not-simple") << "[1].all(x.y, true)" << 1 << 10 << "simple name";
    QTest::newRow("unicode-columns") << "'ΩΩ' + )" << 1 << 8 << "unexpected";
    QTest::newRow("trailing-input") << "1 2" << 1 << 3 << "after the expression";
}

void TestCelParser::syntaxErrorPositions()
{
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);
    const ParseResult result = Parser::parse(source);
    QVERIFY(!result.ok());
    QCOMPARE(result.diagnostics.size(), std::size_t(1));
    const Diagnostic &d = result.diagnostics.front();
    QVERIFY2(d.message.contains(fragment), qPrintable(d.message));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

namespace {

// A fully parenthesised rendering of the tree, to compare shapes.
QString shape(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Literal:
        if (e.literal.kind() == ValueKind::Int)
            return QString::number(e.literal.intValue());
        if (e.literal.kind() == ValueKind::Bool)
            return e.literal.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
        return QStringLiteral("lit");
    case ExprKind::Ident:
        return QString::fromStdString(e.name);
    case ExprKind::Select:
        return shape(e.child(0)) + QLatin1Char('.') + QString::fromStdString(e.name);
    case ExprKind::Call: {
        QStringList args;
        for (const auto &c : e.children)
            args << shape(*c);
        return QString::fromStdString(e.name) + QLatin1Char('(') + args.join(QLatin1Char(',')) +
               QLatin1Char(')');
    }
    default:
        return QStringLiteral("?");
    }
}

} // namespace

void TestCelParser::precedence_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mul-over-add") << "1 + 2 * 3"
                                  << "_+_(1,_*_(2,3))";
    QTest::newRow("left-assoc-sub") << "1 - 2 - 3"
                                    << "_-_(_-_(1,2),3)";
    QTest::newRow("and-over-or") << "a || b && c"
                                 << "_||_(a,_&&_(b,c))";
    QTest::newRow("relation-over-and") << "a < 1 && b"
                                       << "_&&_(_<_(a,1),b)";
    QTest::newRow("in-is-relation") << "a in b == c"
                                    << "_==_(@in(a,b),c)";
    QTest::newRow("ternary-right-assoc") << "a ? b : c ? d : e"
                                         << "_?_:_(a,b,_?_:_(c,d,e))";
    QTest::newRow("unary-binds-tight") << "!a && -b < 1"
                                       << "_&&_(!_(a),_<_(-_(b),1))";
    QTest::newRow("member-over-unary") << "-a.b"
                                       << "-_(a.b)";
    QTest::newRow("negative-literal") << "-5 * 2"
                                      << "_*_(-5,2)";
    QTest::newRow("index-and-call") << "a[1].size()"
                                    << "size(_[_](a,1))";
}

void TestCelParser::precedence()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const ParseResult result = Parser::parse(source);
    QVERIFY(result.ok());
    QCOMPARE(shape(result.ast->root()), expected);
}

void TestCelParser::literals()
{
    // Literal values view their Ast's storage, so the parse results stay alive here.
    std::deque<ParseResult> parsed;
    const auto literal = [&parsed](const char *source) {
        parsed.push_back(Parser::parse(QString::fromUtf8(source)));
        if (!parsed.back().ok())
            return Value::error("parse failed");
        return parsed.back().ast->root().literal;
    };
    QCOMPARE(literal("0x1F").intValue(), 31);
    QCOMPARE(literal("42u").uintValue(), 42u);
    QCOMPARE(literal("18446744073709551615u").uintValue(), 18446744073709551615u);
    QCOMPARE(literal("-9223372036854775808").intValue(), std::numeric_limits<qint64>::min());
    QCOMPARE(literal("1e3").doubleValue(), 1000.0);
    QCOMPARE(literal(".5").doubleValue(), 0.5);
    QCOMPARE(literal("2.5e-1").doubleValue(), 0.25);
    QCOMPARE(literal(R"('\x41\101\u00e9\U0001F600')").text(), std::string_view("AAé😀"));
    QCOMPARE(literal(R"(b'\xff\377')").text(), std::string_view("\xff\xff"));
    QCOMPARE(literal(R"(r'\n')").text(), std::string_view("\\n"));
    QCOMPARE(literal("'''a\nb'''").text(), std::string_view("a\nb"));
    QCOMPARE(literal(R"("""say "hi" """)").text(), std::string_view("say \"hi\" "));
    QCOMPARE(literal("b'abc'").kind(), ValueKind::Bytes);
}

void TestCelParser::nodesCarryOffsets()
{
    const ParseResult result = Parser::parse(QStringLiteral("alpha.beta == 'x'"));
    QVERIFY(result.ok());
    const Expr &eq = result.ast->root();
    QCOMPARE(eq.offset, 11);
    QCOMPARE(eq.child(0).offset, 5);
    QCOMPARE(eq.child(0).child(0).offset, 0);
    QCOMPARE(eq.child(1).offset, 14);
    const Diagnostic d = result.ast->diagnosticAt(eq.child(1).offset, QStringLiteral("m"));
    QCOMPARE(d.column, 15);
}

void TestCelParser::macrosExpand()
{
    ParseResult r =
        Parser::parse(QStringLiteral("has(a.b) && xs.exists(x, v, x > 0) && cel.bind(y, 1, y)"));
    QVERIFY(r.ok());
    const Expr &root = r.ast->root();
    const Expr &has = root.child(0).child(0);
    QCOMPARE(has.kind, ExprKind::Select);
    QVERIFY(has.testOnly);
    const Expr &exists = root.child(0).child(1);
    QCOMPARE(exists.kind, ExprKind::Comprehension);
    QCOMPARE(exists.macro, MacroKind::Exists);
    QCOMPARE(exists.iterVar, std::string("x"));
    QCOMPARE(exists.iterVar2, std::string("v"));
    const Expr &bind = root.child(1);
    QCOMPARE(bind.macro, MacroKind::Bind);
    // A method named like a macro with other arities stays a call.
    r = Parser::parse(QStringLiteral("a.map(1)"));
    QVERIFY(r.ok());
    QCOMPARE(r.ast->root().kind, ExprKind::Call);
}

void TestCelParser::deepNestingIsRefused()
{
    const QString deep =
        QString(5000, QLatin1Char('(')) + QLatin1Char('1') + QString(5000, QLatin1Char(')'));
    const ParseResult r = Parser::parse(deep);
    QVERIFY(!r.ok());
    QVERIFY(r.diagnostics.front().message.contains(QLatin1String("nests too deeply")));
    // A long flat chain parses without recursion but still builds a deep tree.
    QStringList terms(3000, QStringLiteral("x"));
    const ParseResult chain = Parser::parse(terms.join(QLatin1String(" || ")));
    QVERIFY(!chain.ok());
    QStringList few(200, QStringLiteral("x"));
    QVERIFY(Parser::parse(few.join(QLatin1String(" || "))).ok());
}

void TestCelParser::spansCoverSourceText()
{
    const QString source =
        QStringLiteral("a.b == 'x' && [c, d][0].exists(e, e > 1) && size({'k': [1]}) > 0");
    const ParseResult r = Parser::parse(source);
    QVERIFY(r.ok());
    const Expr &root = r.ast->root();
    QCOMPARE(r.ast->sourceText(root), source);
    const Expr &left = root.child(0);
    QCOMPARE(r.ast->sourceText(left.child(0)), QStringLiteral("a.b == 'x'"));
    QCOMPARE(r.ast->sourceText(left.child(1)), QStringLiteral("[c, d][0].exists(e, e > 1)"));
    QCOMPARE(r.ast->sourceText(root.child(1)), QStringLiteral("size({'k': [1]}) > 0"));
    QCOMPARE(r.ast->sourceText(root.child(1).child(0).child(0)), QStringLiteral("{'k': [1]}"));
}

QTEST_GUILESS_MAIN(TestCelParser)
#include "tst_cel_parser.moc"
