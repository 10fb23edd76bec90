// SPDX-License-Identifier: Apache-2.0
#include "core/policy/CompiledCondition.h"
#include "core/policy/PolicyErrors.h"

#include "core/policy/PolicyEnv.h"
#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Checker.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/JsonCodec.h"
#include "core/policy/cel/Parser.h"

#include <QJsonArray>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace ta::core {

using cel::Expr;
using cel::ExprKind;
using cel::Value;
using cel::ValueKind;

namespace {

void flattenConjunction(const Expr &expr, std::vector<const Expr *> &out)
{
    if (expr.kind == ExprKind::Call && expr.name == "_&&_" && !expr.hasTarget &&
        expr.children.size() == 2) {
        flattenConjunction(expr.child(0), out);
        flattenConjunction(expr.child(1), out);
        return;
    }
    out.push_back(&expr);
}

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The byte range of @p expr as written: has(x.y) expands to a presence test spanning only x.y,
// so the macro call around it is taken back in.
std::pair<int, int> writtenSpan(const cel::Ast &ast, const Expr &expr)
{
    auto [first, second] = ast.span(expr);
    if (expr.kind != ExprKind::Select || !expr.testOnly)
        return {first, second};
    const std::string &src = ast.source();
    auto skipBack = [&](int i) {
        while (i > 0 && std::isspace(static_cast<unsigned char>(src[std::size_t(i - 1)])))
            --i;
        return i;
    };
    auto skipForward = [&](int i) {
        while (i < int(src.size()) && std::isspace(static_cast<unsigned char>(src[std::size_t(i)])))
            ++i;
        return i;
    };
    const int open = skipBack(first);
    if (open < 1 || src[std::size_t(open - 1)] != '(')
        return {first, second};
    const int name = skipBack(open - 1);
    const int close = skipForward(second);
    if (name < 3 || src.compare(std::size_t(name - 3), 3, "has") != 0 || close >= int(src.size()) ||
        src[std::size_t(close)] != ')')
        return {first, second};
    return {name - 3, close + 1};
}

QJsonValue plainJsonOf(const Value &v);

// Values as people read JSON; kinds JSON has no word for keep the typed encoding of cel eval.
// A value too large to write out (a list may hold one long string many times) is named, not
// written.
QJsonValue plainJson(const Value &v)
{
    const std::size_t limit = cel::Limits().maxBytes;
    if (cel::footprint(v, limit) > limit)
        return QJsonObject{
            {QStringLiteral("error"),
             QStringLiteral("cel.budget_exceeded: value larger than %1 bytes").arg(limit)}};
    return plainJsonOf(v);
}

QJsonValue plainJsonOf(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::Null:
        return QJsonValue::Null;
    case ValueKind::Bool:
        return v.boolValue();
    case ValueKind::Int:
        return double(v.intValue());
    case ValueKind::Uint:
        return double(v.uintValue());
    case ValueKind::Double:
        return v.doubleValue();
    case ValueKind::String:
        return text(v.text());
    case ValueKind::Error:
        return QJsonObject{{QStringLiteral("error"), text(v.text())}};
    case ValueKind::List: {
        QJsonArray a;
        const cel::ListData &l = v.listValue();
        for (std::uint32_t i = 0; i < l.size; ++i)
            a.append(plainJsonOf(l.items[i]));
        return a;
    }
    case ValueKind::Map: {
        QJsonObject o;
        const cel::MapData &m = v.mapValue();
        for (std::uint32_t i = 0; i < m.size; ++i) {
            const Value &k = m.keys[i];
            const QString key =
                k.kind() == ValueKind::String ? text(k.text())
                : k.kind() == ValueKind::Bool
                    ? (k.boolValue() ? QStringLiteral("true") : QStringLiteral("false"))
                : k.kind() == ValueKind::Uint ? QString::number(k.uintValue())
                                              : QString::number(k.intValue());
            o.insert(key, plainJsonOf(m.values[i]));
        }
        return o;
    }
    case ValueKind::Bytes:
    case ValueKind::Timestamp:
    case ValueKind::Duration:
    case ValueKind::Type:
        break;
    }
    return cel::JsonCodec::encode(v);
}

// The variables and field paths an expression reads, outermost first: `workload.k8s.ns` once,
// not also `workload`; names bound by comprehensions are the macro's own and are left out.
class References
{
public:
    explicit References(const cel::Ast &ast) : m_ast(ast) {}

    void visit(const Expr &e)
    {
        switch (e.kind) {
        case ExprKind::Ident:
            if (!inScope(e.name))
                add(e);
            return;
        case ExprKind::Select:
            if (e.testOnly) {
                visit(e.child(0));
                return;
            }
            if (rootedInVariable(e)) {
                add(e);
                return;
            }
            visit(e.child(0));
            return;
        case ExprKind::Comprehension: {
            visit(e.child(0));
            m_scope.push_back(e.iterVar);
            if (!e.iterVar2.empty())
                m_scope.push_back(e.iterVar2);
            for (std::size_t i = 1; i < e.children.size(); ++i)
                visit(e.child(i));
            m_scope.resize(m_scope.size() - (e.iterVar2.empty() ? 1 : 2));
            return;
        }
        default:
            for (const auto &c : e.children)
                visit(*c);
        }
    }

    std::vector<const Expr *> found;

private:
    bool inScope(const std::string &name) const
    {
        return std::find(m_scope.begin(), m_scope.end(), name) != m_scope.end();
    }
    bool rootedInVariable(const Expr &e) const
    {
        const Expr *x = &e;
        while (x->kind == ExprKind::Select && !x->testOnly)
            x = &x->child(0);
        return x->kind == ExprKind::Ident && !inScope(x->name);
    }
    void add(const Expr &e)
    {
        const QString source = m_ast.sourceText(e);
        if (m_seen.insert(source.toStdString()).second)
            found.push_back(&e);
    }

    const cel::Ast &m_ast;
    std::vector<std::string> m_scope;
    std::set<std::string> m_seen;
};

} // namespace

CompiledCondition::CompiledCondition() = default;
CompiledCondition::~CompiledCondition() = default;
CompiledCondition::CompiledCondition(CompiledCondition &&) noexcept = default;
CompiledCondition &CompiledCondition::operator=(CompiledCondition &&) noexcept = default;

Result<CompiledCondition> CompiledCondition::compile(const QString &source, const PolicyEnv &env)
{
    cel::ParseResult parsed = cel::Parser::parse(source);
    if (!parsed.ok()) {
        const cel::Diagnostic &d = parsed.diagnostics.front();
        return makeError(d.code.isEmpty() ? QString(ec::PolicyCondition) : d.code, d.toString());
    }
    const cel::CheckResult checked = cel::Checker::check(*parsed.ast, env.env());
    if (!checked.ok())
        return makeError(ec::PolicyCondition, checked.diagnostics.front().toString());
    CompiledCondition c;
    c.m_ast = std::move(parsed.ast);
    const cel::Limits limits;
    c.m_program = cel::Program::plan(*c.m_ast, env.env(), limits);
    if (auto cost = c.m_program.checkCost(limits); !cost)
        return cost.error();
    flattenConjunction(c.m_ast->root(), c.m_conjuncts);
    for (const Expr *conjunct : c.m_conjuncts) {
        if (conjunct->kind != ExprKind::Call || conjunct->name != "_==_" || conjunct->hasTarget ||
            conjunct->children.size() != 2)
            continue;
        const Expr *a = &conjunct->child(0);
        const Expr *b = &conjunct->child(1);
        if (a->kind == ExprKind::Literal)
            std::swap(a, b);
        if (b->kind != ExprKind::Literal || b->literal.kind() != ValueKind::String)
            continue;
        const Expr *root = a;
        while (root->kind == ExprKind::Select && !root->testOnly)
            root = &root->child(0);
        if (root->kind != ExprKind::Ident || !env.env().variable(root->name))
            continue;
        c.m_equalities.push_back({c.m_ast->sourceText(*a), std::string(b->literal.text()), a});
    }
    return c;
}

ClauseExplanation CompiledCondition::explainFailure(const cel::Activation &activation,
                                                    const PolicyEnv &env) const
{
    cel::EvalContext ctx;
    // The first false conjunct is what an author looks for; failing that, the first error
    // (CEL's && lets a false absorb an error, so a false is the real cause when both occur).
    const Expr *culprit = nullptr;
    int index = 0;
    QJsonValue culpritValue;
    for (std::size_t i = 0; i < m_conjuncts.size(); ++i) {
        const cel::Program clause = cel::Program::plan(*m_ast, *m_conjuncts[i], env.env());
        const Value v = clause.evaluate(activation, ctx);
        const bool isFalse = v.isBool() && !v.boolValue();
        if (isFalse || (!culprit && !(v.isBool() && v.boolValue()))) {
            culprit = m_conjuncts[i];
            index = int(i);
            // Now, while the clause's program (whose constants v may view) is alive.
            culpritValue = plainJson(v);
            if (isFalse)
                break;
        }
    }
    ClauseExplanation e;
    if (!culprit) {
        // Every conjunct held one by one, yet the whole did not (a non-bool dyn result).
        culprit = &m_ast->root();
        index = 0;
        culpritValue = plainJson(m_program.evaluate(activation, ctx));
    }
    const auto [first, second] = writtenSpan(*m_ast, *culprit);
    e.clause = QString::fromUtf8(m_ast->source().data() + first, second - first);
    e.conjunct = index;
    e.value = culpritValue;
    const cel::Diagnostic where = m_ast->diagnosticAt(first, {});
    e.line = where.line;
    e.column = where.column;
    References refs(*m_ast);
    refs.visit(*culprit);
    for (const Expr *r : refs.found) {
        const cel::Program read = cel::Program::plan(*m_ast, *r, env.env());
        e.values.append({m_ast->sourceText(*r), plainJson(read.evaluate(activation, ctx))});
    }
    return e;
}

cel::Program CompiledCondition::planPath(const Equality &equality, const PolicyEnv &env) const
{
    return cel::Program::plan(*m_ast, *equality.pathExpr, env.env());
}

QStringList CompiledCondition::conjuncts() const
{
    QStringList out;
    for (const Expr *c : m_conjuncts)
        out << m_ast->sourceText(*c);
    return out;
}

} // namespace ta::core
