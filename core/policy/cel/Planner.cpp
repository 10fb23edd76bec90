// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Planner.h"

#include "core/policy/cel/Ast.h"
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

Planner::Planner(Program &program, const Env &env, const Limits &limits)
    : m_program(program), m_env(env), m_registry(FunctionRegistry::standard()), m_limits(limits)
{}

std::int32_t Planner::add(PlanNode node, const std::vector<std::int32_t> &children)
{
    node.first = static_cast<std::int32_t>(m_program.m_edges.size());
    node.count = static_cast<std::int32_t>(children.size());
    m_program.m_edges.insert(m_program.m_edges.end(), children.begin(), children.end());
    m_program.m_nodes.push_back(node);
    const auto index = static_cast<std::int32_t>(m_program.m_nodes.size() - 1);
    m_estimates.push_back(estimateNode(index));
    return fold(index);
}

std::int32_t Planner::constant(Value value)
{
    PlanNode node;
    node.op = Op::Const;
    node.value = value;
    node.first = static_cast<std::int32_t>(m_program.m_edges.size());
    m_program.m_nodes.push_back(node);
    m_estimates.push_back(estimateValue(value));
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
    // Everything below is constant: evaluate now, into the program's own arena, within the
    // runtime budget. Over it, the node stays as it is, and evaluating it will fail the same
    // way; what the attempt allocated is given back.
    EvalContext ctx(m_program.m_constants.get());
    ctx.setBudget(m_limits.maxSteps, m_limits.maxBytes);
    const Arena::Mark mark = m_program.m_constants->mark();
    ctx.beginEvaluation();
    Value value;
    try {
        Interpreter interpreter(m_program, nullptr, ctx);
        value = interpreter.eval(index);
    } catch (const BudgetExceeded &) {
        ctx.endEvaluation();
        m_program.m_constants->rewind(mark);
        return index;
    }
    ctx.endEvaluation();
    PlanNode folded;
    folded.op = Op::Const;
    folded.value = value;
    m_program.m_nodes[static_cast<std::size_t>(index)] = folded;
    m_estimates[static_cast<std::size_t>(index)] = estimateValue(value);
    return index;
}

Planner::Estimate Planner::estimateValue(const Value &value)
{
    Estimate e;
    switch (value.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes:
        e.size = double(value.text().size());
        break;
    case ValueKind::List:
    case ValueKind::Map: {
        const bool list = value.kind() == ValueKind::List;
        const std::uint32_t n = list ? value.listValue().size : value.mapValue().size;
        const Value *items = list ? value.listValue().items : value.mapValue().values;
        e.size = double(n);
        e.elem = 0;
        for (std::uint32_t i = 0; i < n; ++i) {
            const Value &item = items[i];
            double size = 0;
            if (item.kind() == ValueKind::String || item.kind() == ValueKind::Bytes)
                size = double(item.text().size());
            else if (item.kind() == ValueKind::List)
                size = double(item.listValue().size);
            else if (item.kind() == ValueKind::Map)
                size = double(item.mapValue().size);
            e.elem = std::max(e.elem, size);
        }
        break;
    }
    default:
        break;
    }
    return e;
}

Planner::Estimate Planner::estimateNode(std::int32_t index) const
{
    const PlanNode &n = m_program.m_nodes[static_cast<std::size_t>(index)];
    auto child = [&](std::int32_t i) -> const Estimate & {
        return m_estimates[static_cast<std::size_t>(m_program.m_edges[n.first + i])];
    };
    // What an operation pays to scan a value of this size (see the class comment).
    auto scan = [](const Estimate &e) { return e.size / 16; };
    Estimate e;
    double children = 0;
    for (std::int32_t i = 0; i < n.count; ++i)
        children += child(i).cost;
    e.cost = 1 + children;
    switch (n.op) {
    case Op::Const:
        return estimateValue(n.value);
    case Op::Slot: {
        const auto &vars = m_env.variables();
        const auto slot = static_cast<std::size_t>(n.a);
        switch (slot < vars.size() ? vars[slot].type.kind() : TypeKind::Dyn) {
        case TypeKind::Bool:
        case TypeKind::Int:
        case TypeKind::Uint:
        case TypeKind::Double:
        case TypeKind::Timestamp:
        case TypeKind::Duration:
        case TypeKind::Null:
        case TypeKind::Type:
            break;
        default:
            e.size = Limits::kUnknownSize;
        }
        return e;
    }
    case Op::Local: {
        const auto local = static_cast<std::size_t>(n.a);
        if (local < m_scope.size())
            return {1, m_scope[local].estimate.size, m_scope[local].estimate.elem};
        e.size = Limits::kUnknownSize;
        return e;
    }
    case Op::Select:
    case Op::Has:
    case Op::Index:
    case Op::In: {
        const Estimate &container = child(n.op == Op::Select || n.op == Op::Has ? 0 : n.count - 1);
        e.cost += scan(container);
        if (n.op == Op::Select || n.op == Op::Index)
            e.size = container.elem;
        return e;
    }
    case Op::Conditional:
        e.cost = 1 + child(0).cost + std::max(child(1).cost, child(2).cost);
        e.size = std::max(child(1).size, child(2).size);
        e.elem = std::max(child(1).elem, child(2).elem);
        return e;
    case Op::Add:
        e.cost += scan(child(0)) + scan(child(1));
        e.size = child(0).size + child(1).size;
        e.elem = std::max(child(0).elem, child(1).elem);
        return e;
    case Op::Subtract:
    case Op::Multiply:
    case Op::Divide:
    case Op::Modulo:
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual:
        e.cost += scan(child(0)) + scan(child(1));
        return e;
    case Op::Call:
    case Op::MatchesConst:
        for (std::int32_t i = 0; i < n.count; ++i)
            e.cost += scan(child(i));
        e.size = n.op == Op::Call ? Limits::kUnknownSize : 0;
        return e;
    case Op::CreateList:
    case Op::CreateMap: {
        const bool list = n.op == Op::CreateList;
        e.size = list ? n.count : n.count / 2;
        // A map literal checks each key against the ones before it (see Interpreter).
        if (!list)
            e.cost += e.size * e.size / 32;
        e.elem = 0;
        for (std::int32_t i = list ? 0 : 1; i < n.count; i += list ? 1 : 2)
            e.elem = std::max(e.elem, child(i).size);
        return e;
    }
    default:
        // Not, Negate, And, Or: their children and themselves. Comprehension and Bind are
        // estimated where they are planned.
        return e;
    }
}

Value Planner::constantString(std::string_view text)
{
    return Value::string(m_program.m_constants->copy(text));
}

int Planner::localIndex(std::string_view name) const
{
    for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it) {
        if (it->name == name)
            return it->index;
    }
    return -1;
}

int Planner::pushLocal(const std::string &name, const Estimate &estimate)
{
    const int index = static_cast<int>(m_scope.size());
    m_scope.push_back({name, index, estimate});
    m_program.m_localCount = std::max(m_program.m_localCount, index + 1);
    return index;
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
    const Estimate range = m_estimates[static_cast<std::size_t>(first)];
    const std::size_t depth = m_scope.size();
    PlanNode node;
    node.macro = expr.macro;
    std::vector<std::int32_t> children{first};
    if (expr.macro == MacroKind::Bind) {
        node.op = Op::Bind;
        node.a = pushLocal(expr.iterVar, {1, range.size, range.elem});
    } else {
        node.op = Op::Comprehension;
        // A list's items, or a map's keys (whose size is not tracked); with two variables,
        // a list's index and item, or a map's key and value.
        const Estimate item{1, range.elem, Limits::kUnknownSize};
        if (expr.iterVar2.empty()) {
            node.a = pushLocal(expr.iterVar, item);
        } else {
            node.a = pushLocal(expr.iterVar, {1, Limits::kUnknownSize, Limits::kUnknownSize});
            node.b = pushLocal(expr.iterVar2, item);
        }
    }
    for (std::size_t i = 1; i < expr.children.size(); ++i)
        children.push_back(plan(*expr.children[i]));
    m_scope.resize(depth);
    const std::int32_t index = add(node, children);
    // add() estimated the node as its children once; a comprehension runs its body once
    // per element of its range.
    Estimate &e = m_estimates[static_cast<std::size_t>(index)];
    double body = 0;
    for (std::size_t i = 1; i < children.size(); ++i)
        body += m_estimates[static_cast<std::size_t>(children[i])].cost;
    const double last = m_estimates[static_cast<std::size_t>(children.back())].size;
    if (node.op == Op::Bind) {
        e = m_estimates[static_cast<std::size_t>(children.back())];
        e.cost = 1 + range.cost + body;
        return index;
    }
    e.cost = 1 + range.cost + range.size * (1 + body);
    switch (expr.macro) {
    case MacroKind::Map:
    case MacroKind::MapFilter:
    case MacroKind::TransformList:
    case MacroKind::TransformListFilter:
    case MacroKind::TransformMap:
    case MacroKind::TransformMapFilter:
        e.size = range.size;
        e.elem = last;
        break;
    case MacroKind::Filter:
        e.size = range.size;
        e.elem = range.elem;
        break;
    default:
        e.size = 0;
        break;
    }
    return index;
}

} // namespace ta::core::cel
