// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Checker.h"

#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Env.h"
#include "core/policy/cel/Signatures.h"

#include <array>
#include <map>
#include <optional>

namespace ta::core::cel {

namespace {

using Bindings = std::map<std::string, Type>;

bool isLoose(const Type &t)
{
    return t.kind() == TypeKind::Dyn || t.kind() == TypeKind::Error;
}

// Whether two inferred types can denote the same value.
bool compatible(const Type &a, const Type &b)
{
    if (isLoose(a) || isLoose(b) || a.kind() == TypeKind::Null || b.kind() == TypeKind::Null)
        return true;
    if (a.kind() != b.kind())
        return false;
    if (a.kind() == TypeKind::List)
        return compatible(a.first(), b.first());
    if (a.kind() == TypeKind::Map)
        return compatible(a.first(), b.first()) && compatible(a.second(), b.second());
    return true;
}

bool unify(const Type &param, const Type &arg, Bindings &bindings)
{
    if (param.kind() == TypeKind::Param) {
        auto it = bindings.find(param.paramName());
        if (it == bindings.end()) {
            bindings.emplace(param.paramName(), arg);
            return true;
        }
        if (!compatible(it->second, arg))
            return false;
        if (isLoose(it->second) || it->second.kind() == TypeKind::Null)
            it->second = arg;
        return true;
    }
    if (isLoose(param) || isLoose(arg))
        return true;
    if (param.kind() != arg.kind())
        return false;
    if (param.kind() == TypeKind::List)
        return unify(param.first(), arg.first(), bindings);
    if (param.kind() == TypeKind::Map)
        return unify(param.first(), arg.first(), bindings) &&
               unify(param.second(), arg.second(), bindings);
    return true;
}

Type substitute(const Type &t, const Bindings &bindings)
{
    switch (t.kind()) {
    case TypeKind::Param: {
        auto it = bindings.find(t.paramName());
        return it == bindings.end() || it->second.kind() == TypeKind::Error ? Type::dyn()
                                                                            : it->second;
    }
    case TypeKind::List:
        return Type::list(substitute(t.first(), bindings));
    case TypeKind::Map:
        return Type::map(substitute(t.first(), bindings), substitute(t.second(), bindings));
    default:
        return t;
    }
}

// The common type of list elements or map keys/values; dyn when they differ.
Type join(const std::vector<Type> &types)
{
    std::optional<Type> common;
    for (const Type &t : types) {
        if (t.kind() == TypeKind::Error)
            continue;
        if (!common)
            common = t;
        else if (*common != t)
            return Type::dyn();
    }
    return common ? *common : Type::dyn();
}

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

bool isNumeric(const Type &t)
{
    return isLoose(t) || t.kind() == TypeKind::Int || t.kind() == TypeKind::Uint ||
           t.kind() == TypeKind::Double;
}

} // namespace

Checker::Checker(const Ast &ast, const Env &env) : m_ast(ast), m_env(env)
{
    m_result.types.resize(static_cast<std::size_t>(ast.nodeCount()));
}

CheckResult Checker::check(const Ast &ast, const Env &env)
{
    Checker checker(ast, env);
    checker.m_result.resultType = checker.visit(ast.root());
    return std::move(checker.m_result);
}

void Checker::report(int offset, const std::string &message)
{
    m_result.diagnostics.push_back(m_ast.diagnosticAt(offset, QString::fromStdString(message)));
}

void Checker::expectBool(const Expr &expr, const Type &type, const char *what)
{
    if (!isLoose(type) && type.kind() != TypeKind::Bool)
        report(expr.offset, std::string(what) + " must be bool, found '" + type.toString() + "'");
}

bool Checker::resolveName(const std::string &name, Type &out) const
{
    if (name.find('.') == std::string::npos) {
        for (auto it = m_scope.rbegin(); it != m_scope.rend(); ++it) {
            if (it->first == name) {
                out = it->second;
                return true;
            }
        }
    } else {
        const std::string first = name.substr(0, name.find('.'));
        for (const auto &local : m_scope) {
            if (local.first == first)
                return false;
        }
    }
    for (const std::string &candidate : m_env.candidateNames(name)) {
        if (const VariableDecl *v = m_env.variable(candidate)) {
            out = v->type;
            return true;
        }
        for (std::string_view typeName : kTypeNames) {
            if (candidate == typeName) {
                out = Type(TypeKind::Type);
                return true;
            }
        }
    }
    return false;
}

bool Checker::namesVariable(const std::string &qualified) const
{
    const std::string first = qualified.substr(0, qualified.find('.'));
    for (const auto &local : m_scope) {
        if (local.first == first)
            return true;
    }
    std::size_t dot = 0;
    for (;;) {
        dot = qualified.find('.', dot);
        for (const std::string &candidate : m_env.candidateNames(qualified.substr(0, dot))) {
            if (m_env.variable(candidate))
                return true;
        }
        if (dot == std::string::npos)
            return false;
        ++dot;
    }
}

Type Checker::visit(const Expr &expr)
{
    Type t;
    switch (expr.kind) {
    case ExprKind::Literal:
        switch (expr.literal.kind()) {
        case ValueKind::Bool:
            t = Type(TypeKind::Bool);
            break;
        case ValueKind::Int:
            t = Type(TypeKind::Int);
            break;
        case ValueKind::Uint:
            t = Type(TypeKind::Uint);
            break;
        case ValueKind::Double:
            t = Type(TypeKind::Double);
            break;
        case ValueKind::String:
            t = Type(TypeKind::String);
            break;
        case ValueKind::Bytes:
            t = Type(TypeKind::Bytes);
            break;
        default:
            t = Type(TypeKind::Null);
            break;
        }
        break;
    case ExprKind::Ident:
        if (!resolveName(expr.name, t)) {
            report(expr.offset, "undeclared reference to '" + expr.name + "'");
            t = Type(TypeKind::Error);
        }
        break;
    case ExprKind::Select:
        t = visitSelect(expr);
        break;
    case ExprKind::Call:
        t = visitCall(expr);
        break;
    case ExprKind::CreateList: {
        std::vector<Type> elems;
        for (const auto &c : expr.children)
            elems.push_back(visit(*c));
        t = Type::list(join(elems));
        break;
    }
    case ExprKind::CreateMap: {
        std::vector<Type> keys;
        std::vector<Type> values;
        for (std::size_t i = 0; i + 1 < expr.children.size(); i += 2) {
            const Type k = visit(expr.child(i));
            switch (k.kind()) {
            case TypeKind::Int:
            case TypeKind::Uint:
            case TypeKind::Bool:
            case TypeKind::String:
            case TypeKind::Dyn:
            case TypeKind::Error:
                break;
            default:
                report(expr.child(i).offset, "unsupported map key type '" + k.toString() + "'");
            }
            keys.push_back(k);
            values.push_back(visit(expr.child(i + 1)));
        }
        t = Type::map(join(keys), join(values));
        break;
    }
    case ExprKind::Comprehension:
        t = visitComprehension(expr);
        break;
    }
    m_result.types[static_cast<std::size_t>(expr.id)] = t;
    return t;
}

Type Checker::visitSelect(const Expr &expr)
{
    if (!expr.testOnly) {
        if (auto name = qualifiedName(expr)) {
            Type resolved;
            if (resolveName(*name, resolved))
                return resolved;
        }
    }
    const Type operand = visit(expr.child(0));
    Type field = Type::dyn();
    if (operand.kind() == TypeKind::Map) {
        const TypeKind key = operand.first().kind();
        if (key != TypeKind::String && !isLoose(operand.first()) && key != TypeKind::Param)
            report(expr.offset, "map with '" + operand.first().toString() +
                                    "' keys does not support field selection");
        field = operand.second();
    } else if (!isLoose(operand)) {
        report(expr.offset, "type '" + operand.toString() + "' does not support field selection");
        field = Type(TypeKind::Error);
    }
    return expr.testOnly ? Type(TypeKind::Bool) : field;
}

Type Checker::visitCall(const Expr &expr)
{
    std::string name = expr.name;
    bool receiver = expr.hasTarget;
    std::size_t argStart = 0;
    if (receiver) {
        auto ns = qualifiedName(expr.child(0));
        if (ns && !namesVariable(*ns) && Signatures::standard().knows(*ns + "." + expr.name)) {
            name = *ns + "." + expr.name;
            receiver = false;
            argStart = 1;
        }
    } else if (!name.empty() && name.front() == '.') {
        name.erase(0, 1);
    }
    std::vector<Type> args;
    for (std::size_t i = argStart; i < expr.children.size(); ++i)
        args.push_back(visit(*expr.children[i]));

    if (name == "_&&_" || name == "_||_") {
        for (std::size_t i = 0; i < args.size(); ++i)
            expectBool(expr.child(i), args[i], "operand of a logical operator");
        return Type(TypeKind::Bool);
    }
    if (name == "_?_:_") {
        expectBool(expr.child(0), args[0], "condition");
        return args[1] == args[2] ? args[1] : Type::dyn();
    }
    if (name == "math.greatest" || name == "math.least") {
        bool ok = true;
        std::vector<Type> numbers = args;
        if (args.size() == 1 && args[0].kind() == TypeKind::List)
            numbers = {args[0].first()};
        for (const Type &t : numbers)
            ok = ok && isNumeric(t);
        if (!ok || args.empty()) {
            report(expr.offset, "found no matching overload for '" + name + "'");
            return Type(TypeKind::Error);
        }
        const Type common = join(numbers);
        return isLoose(common) ? Type::dyn() : common;
    }
    return resolveCall(expr, name, receiver, args);
}

Type Checker::resolveCall(const Expr &expr, const std::string &name, bool receiver,
                          const std::vector<Type> &args)
{
    const Signatures &signatures = Signatures::standard();
    const auto overloads = signatures.find(name, receiver, static_cast<int>(args.size()));
    if (overloads.empty()) {
        if (!signatures.knows(name))
            report(expr.offset, "undeclared reference to function '" + name + "'");
        else
            report(expr.offset, "found no matching overload for '" + name + "' with " +
                                    std::to_string(args.size()) + " argument(s)");
        return Type(TypeKind::Error);
    }
    std::optional<Type> result;
    bool ambiguous = false;
    for (const Overload *o : overloads) {
        Bindings bindings;
        bool matches = true;
        for (std::size_t i = 0; i < args.size() && matches; ++i) {
            const Type &param = o->variadic ? o->params[0] : o->params[i];
            matches = unify(param, args[i], bindings);
        }
        if (!matches)
            continue;
        const Type r = substitute(o->result, bindings);
        if (!result)
            result = r;
        else if (*result != r)
            ambiguous = true;
    }
    if (!result) {
        std::string list;
        for (std::size_t i = 0; i < args.size(); ++i)
            list += (i ? ", " : "") + args[i].toString();
        report(expr.offset,
               "found no matching overload for '" + name + "' applied to '(" + list + ")'");
        return Type(TypeKind::Error);
    }
    return ambiguous ? Type::dyn() : *result;
}

Type Checker::visitComprehension(const Expr &expr)
{
    const Type range = visit(expr.child(0));
    const std::size_t depth = m_scope.size();
    if (expr.macro == MacroKind::Bind) {
        m_scope.emplace_back(expr.iterVar, range);
        const Type body = visit(expr.child(1));
        m_scope.resize(depth);
        return body;
    }
    Type first = Type::dyn();
    Type second = Type::dyn();
    if (range.kind() == TypeKind::List) {
        first = expr.iterVar2.empty() ? range.first() : Type(TypeKind::Int);
        second = range.first();
    } else if (range.kind() == TypeKind::Map) {
        first = range.first();
        second = range.second();
    } else if (!isLoose(range)) {
        report(expr.child(0).offset, "expression of type '" + range.toString() +
                                         "' cannot be the range of a comprehension");
    }
    m_scope.emplace_back(expr.iterVar, first);
    if (!expr.iterVar2.empty())
        m_scope.emplace_back(expr.iterVar2, second);
    std::vector<Type> bodies;
    for (std::size_t i = 1; i < expr.children.size(); ++i)
        bodies.push_back(visit(expr.child(i)));
    m_scope.resize(depth);

    switch (expr.macro) {
    case MacroKind::All:
    case MacroKind::Exists:
    case MacroKind::ExistsOne:
        expectBool(expr.child(1), bodies[0], "predicate");
        return Type(TypeKind::Bool);
    case MacroKind::Filter:
        expectBool(expr.child(1), bodies[0], "filter");
        return Type::list(range.kind() == TypeKind::List || range.kind() == TypeKind::Map
                              ? range.first()
                              : Type::dyn());
    case MacroKind::Map:
    case MacroKind::TransformList:
        return Type::list(bodies[0]);
    case MacroKind::MapFilter:
    case MacroKind::TransformListFilter:
        expectBool(expr.child(1), bodies[0], "filter");
        return Type::list(bodies[1]);
    case MacroKind::TransformMap:
        return Type::map(range.kind() == TypeKind::Map ? range.first() : Type::dyn(), bodies[0]);
    case MacroKind::TransformMapFilter:
        expectBool(expr.child(1), bodies[0], "filter");
        return Type::map(range.kind() == TypeKind::Map ? range.first() : Type::dyn(), bodies[1]);
    default:
        return Type::dyn();
    }
}

} // namespace ta::core::cel
