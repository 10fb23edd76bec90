// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Planner.h"

#include "core/policy/cel/Env.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/Interpreter.h"
#include "core/policy/cel/Program.h"

#include <re2/re2.h>

#include <array>

namespace ta::core::cel {

namespace {

struct OperatorName
{
    std::string_view name;
    Op op;
};

constexpr std::array<OperatorName, 18> kOperators = {{
    {"_+_", Op::Add},
    {"_-_", Op::Subtract},
    {"_*_", Op::Multiply},
    {"_/_", Op::Divide},
    {"_%_", Op::Modulo},
    {"-_", Op::Negate},
    {"!_", Op::Not},
    {"_==_", Op::Equal},
    {"_!=_", Op::NotEqual},
    {"_<_", Op::Less},
    {"_<=_", Op::LessEqual},
    {"_>_", Op::Greater},
    {"_>=_", Op::GreaterEqual},
    {"@in", Op::In},
    {"_&&_", Op::And},
    {"_||_", Op::Or},
    {"_?_:_", Op::Conditional},
    {"_[_]", Op::Index},
}};

constexpr std::array<std::string_view, 12> kTypeNames = {"int",
                                                         "uint",
                                                         "double",
                                                         "bool",
                                                         "string",
                                                         "bytes",
                                                         "list",
                                                         "map",
                                                         "null_type",
                                                         "type",
                                                         "google.protobuf.Timestamp",
                                                         "google.protobuf.Duration"};

Value unboundFunction(EvalContext &, const Value *, int)
{
    return Value::error("unbound function");
}

bool foldable(Op op)
{
    switch (op) {
    case Op::Const:
    case Op::Slot:
    case Op::Local:
    case Op::Comprehension:
    case Op::Bind:
        return false;
    default:
        return true;
    }
}

} // namespace

Planner::Planner(Program &program, const Env &env)
    : m_program(program), m_env(env), m_registry(FunctionRegistry::standard())
{}

std::int32_t Planner::add(PlanNode node, const std::vector<std::int32_t> &children)
{
    node.first = static_cast<std::int32_t>(m_program.m_edges.size());
    node.count = static_cast<std::int32_t>(children.size());
    m_program.m_edges.insert(m_program.m_edges.end(), children.begin(), children.end());
    m_program.m_nodes.push_back(node);
    return fold(static_cast<std::int32_t>(m_program.m_nodes.size() - 1));
}

std::int32_t Planner::constant(Value value)
{
    PlanNode node;
    node.op = Op::Const;
    node.value = value;
    node.first = static_cast<std::int32_t>(m_program.m_edges.size());
    m_program.m_nodes.push_back(node);
    return static_cast<std::int32_t>(m_program.m_nodes.size() - 1);
}

std::int32_t Planner::fold(std::int32_t index)
{
    const PlanNode &node = m_program.m_nodes[static_cast<std::size_t>(index)];
    if (!foldable(node.op))
        return index;
    for (std::int32_t i = 0; i < node.count; ++i) {
        const auto c = static_cast<std::size_t>(m_program.m_edges[node.first + i]);
        if (m_program.m_nodes[c].op != Op::Const)
            return index;
    }
    // Everything below is constant: evaluate now, into the program's own arena.
    EvalContext ctx(m_program.m_constants.get());
    Interpreter interpreter(m_program, nullptr, ctx);
    const Value value = interpreter.eval(index);
    PlanNode folded;
    folded.op = Op::Const;
    folded.value = value;
    m_program.m_nodes[static_cast<std::size_t>(index)] = folded;
    return index;
}

Value Planner::constantString(std::string_view text)
{
    return Value::string(m_program.m_constants->copy(text));
}

int Planner::localIndex(std::string_view name) const
{
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    return -1;
}

int Planner::pushLocal(const std::string &name)
{
    const int index = static_cast<int>(m_scope.size());
    m_scope.emplace_back(name, index);
    m_program.m_localCount = std::max(m_program.m_localCount, index + 1);
    return index;
}

std::optional<std::string> Planner::qualifiedName(const Expr &expr) const
{
    if (expr.kind == ExprKind::Ident)
        return expr.name;
    if (expr.kind == ExprKind::Select && !expr.testOnly) {
        auto base = qualifiedName(expr.child(0));
        if (base)
            return *base + "." + expr.name;
    }
    return std::nullopt;
}

bool Planner::namesVariable(const std::string &qualified) const
{
    const std::string first = qualified.substr(0, qualified.find('.'));
    if (localIndex(first) >= 0)
        return true;
    std::size_t dot = 0;
    for (;;) {
        dot = qualified.find('.', dot);
        for (const std::string &candidate : m_env.candidateNames(qualified.substr(0, dot))) {
            if (m_env.variable(candidate))
                return true;
        }
        if (dot == std::string::npos)
            break;
        ++dot;
    }
    return false;
}

std::int32_t Planner::resolve(const std::string &name)
{
    if (name.find('.') == std::string::npos) {
        const int local = localIndex(name);
        if (local >= 0) {
            PlanNode node;
            node.op = Op::Local;
            node.a = local;
            return add(node, {});
        }
    } else if (localIndex(name.substr(0, name.find('.'))) >= 0) {
        return -1;
    }
    for (const std::string &candidate : m_env.candidateNames(name)) {
        if (const VariableDecl *v = m_env.variable(candidate)) {
            PlanNode node;
            node.op = Op::Slot;
            node.a = v->slot;
            const std::string message =
                "no such attribute: variable '" + candidate + "' is not bound";
            node.failure = Value::error(m_program.m_constants->copy(message));
            return add(node, {});
        }
        for (std::string_view typeName : kTypeNames) {
            if (candidate == typeName)
                return constant(Value::type(typeName));
        }
    }
    return -1;
}

std::int32_t Planner::plan(const Expr &expr)
{
    switch (expr.kind) {
    case ExprKind::Literal: {
        Value v = expr.literal;
        if (v.kind() == ValueKind::String)
            v = Value::string(m_program.m_constants->copy(v.text()));
        else if (v.kind() == ValueKind::Bytes)
            v = Value::bytes(m_program.m_constants->copy(v.text()));
        return constant(v);
    }
    case ExprKind::Ident: {
        const std::int32_t index = resolve(expr.name);
        if (index >= 0)
            return index;
        const std::string message = "undeclared reference to '" + expr.name + "'";
        return constant(Value::error(m_program.m_constants->copy(message)));
    }
    case ExprKind::Select:
        return planSelect(expr);
    case ExprKind::Call:
        return planCall(expr);
    case ExprKind::CreateList:
    case ExprKind::CreateMap: {
        std::vector<std::int32_t> children;
        for (const auto &c : expr.children)
            children.push_back(plan(*c));
        PlanNode node;
        node.op = expr.kind == ExprKind::CreateList ? Op::CreateList : Op::CreateMap;
        return add(node, children);
    }
    case ExprKind::Comprehension:
        return planComprehension(expr);
    }
    return constant(Value::error("unsupported expression"));
}

std::int32_t Planner::planSelect(const Expr &expr)
{
    if (!expr.testOnly) {
        if (auto name = qualifiedName(expr)) {
            const std::int32_t index = resolve(*name);
            if (index >= 0)
                return index;
        }
    }
    const std::int32_t operand = plan(expr.child(0));
    PlanNode node;
    node.op = expr.testOnly ? Op::Has : Op::Select;
    node.value = constantString(expr.name);
    const std::string message = "no such key: " + expr.name;
    node.failure = Value::error(m_program.m_constants->copy(message));
    return add(node, {operand});
}

std::int32_t Planner::planCall(const Expr &expr)
{
    std::size_t argStart = 0;
    bool receiver = expr.hasTarget;
    std::string name = expr.name;
    if (receiver) {
        // math.greatest(...), strings.quote(...): a namespace, not a receiver.
        auto ns = qualifiedName(expr.child(0));
        if (ns && !namesVariable(*ns) && m_registry.knows(*ns + "." + expr.name)) {
            name = *ns + "." + expr.name;
            receiver = false;
            argStart = 1;
        }
    } else {
        if (!name.empty() && name.front() == '.')
            name.erase(0, 1);
        for (const OperatorName &o : kOperators) {
            if (o.name == name) {
                std::vector<std::int32_t> children;
                for (const auto &c : expr.children)
                    children.push_back(plan(*c));
                PlanNode node;
                node.op = o.op;
                return add(node, children);
            }
        }
        if (name == "dyn" && expr.children.size() == 1)
            return plan(expr.child(0));
    }
    std::vector<std::int32_t> children;
    for (std::size_t i = argStart; i < expr.children.size(); ++i)
        children.push_back(plan(*expr.children[i]));
    const int argc = static_cast<int>(children.size());

    if (name == "matches" && argc == 2) {
        const PlanNode &pattern = m_program.m_nodes[static_cast<std::size_t>(children[1])];
        if (pattern.op == Op::Const && pattern.value.kind() == ValueKind::String) {
            // RE2 guarantees linear-time matching, so no policy can stall the engine.
            re2::RE2::Options options;
            options.set_log_errors(false);
            const std::string_view text = pattern.value.text();
            auto re =
                std::make_unique<re2::RE2>(re2::StringPiece(text.data(), text.size()), options);
            PlanNode node;
            node.op = Op::MatchesConst;
            if (re->ok()) {
                node.a = static_cast<std::int32_t>(m_program.m_regexes.size());
                m_program.m_regexes.push_back(std::move(re));
            } else {
                node.a = -1;
                const std::string message = "invalid regular expression: " + re->error();
                node.failure = Value::error(m_program.m_constants->copy(message));
            }
            return add(node, {children[0]});
        }
    }
    PlanNode node;
    node.op = Op::Call;
    node.fn = m_registry.find(name, receiver, argc);
    if (!node.fn)
        node.fn = unboundFunction;
    return add(node, children);
}

std::int32_t Planner::planComprehension(const Expr &expr)
{
    const std::int32_t first = plan(expr.child(0));
    const std::size_t depth = m_scope.size();
    PlanNode node;
    node.macro = expr.macro;
    node.a = pushLocal(expr.iterVar);
    std::vector<std::int32_t> children{first};
    if (expr.macro == MacroKind::Bind) {
        node.op = Op::Bind;
    } else {
        node.op = Op::Comprehension;
        if (!expr.iterVar2.empty())
            node.b = pushLocal(expr.iterVar2);
    }
    for (std::size_t i = 1; i < expr.children.size(); ++i)
        children.push_back(plan(*expr.children[i]));
    m_scope.resize(depth);
    return add(node, children);
}

} // namespace ta::core::cel
