// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Interpreter.h"

#include "core/policy/cel/Activation.h"
#include "core/policy/cel/Arithmetic.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/Program.h"

#include <re2/re2.h>

#include <cmath>
#include <limits>

namespace ta::core::cel {

namespace {

constexpr Value kNoOverload = Value::error("no such overload");
constexpr Value kNoMatchingOverload = Value::error("no matching overload");
constexpr int kInlineArgs = 8;

// What scanning a value costs beyond its node's step: a step per 64 bytes of a string or
// bytes, per 16 entries of a list or map (Limits.h; the planner estimates the same).
inline std::int64_t scanCost(const Value &v)
{
    switch (v.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes:
        return std::int64_t(v.text().size() >> 6);
    case ValueKind::List:
        return std::int64_t(v.listValue().size >> 4);
    case ValueKind::Map:
        return std::int64_t(v.mapValue().size >> 4);
    default:
        return 0;
    }
}

Value compareOp(Op op, const Value &a, const Value &b)
{
    const Ordering o = compareValues(a, b);
    if (o == Ordering::NoOverload)
        return kNoOverload;
    if (o == Ordering::Unordered)
        return Value::boolean(false);
    switch (op) {
    case Op::Less:
        return Value::boolean(o == Ordering::Less);
    case Op::LessEqual:
        return Value::boolean(o != Ordering::Greater);
    case Op::Greater:
        return Value::boolean(o == Ordering::Greater);
    default:
        return Value::boolean(o != Ordering::Less);
    }
}

// A list index from an int, uint or integral double; -1 when the value cannot index.
std::int64_t toIndex(const Value &v, bool &ok)
{
    ok = true;
    switch (v.kind()) {
    case ValueKind::Int:
        return v.intValue();
    case ValueKind::Uint:
        if (v.uintValue() <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return static_cast<std::int64_t>(v.uintValue());
        return -1;
    case ValueKind::Double: {
        const double d = v.doubleValue();
        if (std::trunc(d) == d && d >= -9.2e18 && d <= 9.2e18)
            return static_cast<std::int64_t>(d);
        ok = false;
        return -1;
    }
    default:
        ok = false;
        return -1;
    }
}

} // namespace

Interpreter::Interpreter(const Program &program, const Activation *activation, EvalContext &ctx)
    : m_program(program), m_nodes(program.m_nodes.data()), m_edges(program.m_edges.data()),
      m_activation(activation), m_ctx(ctx),
      m_locals(ctx.locals(static_cast<std::size_t>(program.m_localCount)))
{}

Value Interpreter::eval(std::int32_t index)
{
    m_ctx.charge(1);
    const PlanNode &n = m_nodes[index];
    switch (n.op) {
    case Op::Const:
        return n.value;
    case Op::Slot: {
        const Value *v = m_activation ? m_activation->find(n.a) : nullptr;
        return v ? *v : n.failure;
    }
    case Op::Local:
        return m_locals[n.a];
    case Op::Select:
        return evalSelect(n, false);
    case Op::Has:
        return evalSelect(n, true);
    case Op::Index:
        return evalIndex(n);
    case Op::Call:
        return evalCall(n);
    case Op::Not: {
        const Value v = eval(child(n, 0));
        if (v.isBool())
            return Value::boolean(!v.boolValue());
        return v.isError() ? v : kNoMatchingOverload;
    }
    case Op::Negate: {
        const Value v = eval(child(n, 0));
        return v.isError() ? v : arithmetic::negate(v);
    }
    case Op::And:
        return evalAnd(n);
    case Op::Or:
        return evalOr(n);
    case Op::Conditional: {
        const Value c = eval(child(n, 0));
        if (!c.isBool())
            return c.isError() ? c : kNoMatchingOverload;
        return eval(child(n, c.boolValue() ? 1 : 2));
    }
    case Op::In:
        return evalIn(n);
    case Op::CreateList:
        return evalCreateList(n);
    case Op::CreateMap:
        return evalCreateMap(n);
    case Op::Comprehension:
        return evalComprehension(n);
    case Op::Bind:
        m_locals[n.a] = eval(child(n, 0));
        return eval(child(n, 1));
    case Op::MatchesConst:
        return evalMatches(n);
    default:
        break;
    }
    // Binary strict operators.
    const Value a = eval(child(n, 0));
    if (a.isError())
        return a;
    const Value b = eval(child(n, 1));
    if (b.isError())
        return b;
    m_ctx.charge(scanCost(a) + scanCost(b));
    switch (n.op) {
    case Op::Add:
        return arithmetic::add(m_ctx, a, b);
    case Op::Subtract:
        return arithmetic::subtract(m_ctx, a, b);
    case Op::Multiply:
        return arithmetic::multiply(a, b);
    case Op::Divide:
        return arithmetic::divide(a, b);
    case Op::Modulo:
        return arithmetic::modulo(a, b);
    case Op::Equal:
        return Value::boolean(valuesEqual(a, b));
    case Op::NotEqual:
        return Value::boolean(!valuesEqual(a, b));
    default:
        return compareOp(n.op, a, b);
    }
}

Value Interpreter::evalAnd(const PlanNode &n)
{
    const Value l = eval(child(n, 0));
    if (l.isBool() && !l.boolValue())
        return l;
    const Value r = eval(child(n, 1));
    if (r.isBool() && !r.boolValue())
        return r;
    if (!l.isBool())
        return l.isError() ? l : kNoMatchingOverload;
    if (!r.isBool())
        return r.isError() ? r : kNoMatchingOverload;
    return r;
}

Value Interpreter::evalOr(const PlanNode &n)
{
    const Value l = eval(child(n, 0));
    if (l.isBool() && l.boolValue())
        return l;
    const Value r = eval(child(n, 1));
    if (r.isBool() && r.boolValue())
        return r;
    if (!l.isBool())
        return l.isError() ? l : kNoMatchingOverload;
    if (!r.isBool())
        return r.isError() ? r : kNoMatchingOverload;
    return r;
}

Value Interpreter::evalSelect(const PlanNode &n, bool testOnly)
{
    const Value operand = eval(child(n, 0));
    if (operand.isError())
        return operand;
    if (operand.kind() != ValueKind::Map)
        return Value::error("type does not support field selection");
    m_ctx.charge(scanCost(operand));
    const Value *found = mapFind(operand.mapValue(), n.value);
    if (testOnly)
        return Value::boolean(found != nullptr);
    return found ? *found : n.failure;
}

Value Interpreter::evalIndex(const PlanNode &n)
{
    const Value c = eval(child(n, 0));
    if (c.isError())
        return c;
    const Value k = eval(child(n, 1));
    if (k.isError())
        return k;
    m_ctx.charge(scanCost(c));
    if (c.kind() == ValueKind::List) {
        bool ok = false;
        const std::int64_t i = toIndex(k, ok);
        if (!ok)
            return Value::error("invalid_argument: list index must be an integer");
        if (i < 0 || i >= static_cast<std::int64_t>(c.listValue().size))
            return Value::error("invalid_argument: index out of range");
        return c.listValue().items[i];
    }
    if (c.kind() == ValueKind::Map) {
        if (!isValidMapKey(k) && k.kind() != ValueKind::Double)
            return kNoOverload;
        const Value *found = mapFind(c.mapValue(), k);
        return found ? *found : Value::error("no such key");
    }
    return kNoOverload;
}

Value Interpreter::evalIn(const PlanNode &n)
{
    const Value e = eval(child(n, 0));
    if (e.isError())
        return e;
    const Value c = eval(child(n, 1));
    if (c.isError())
        return c;
    m_ctx.charge(scanCost(c));
    if (c.kind() == ValueKind::List) {
        const ListData &l = c.listValue();
        if (e.kind() == ValueKind::String) {
            // The common policy case (a digest in an allow-list): strings equal only strings.
            const std::string_view wanted = e.text();
            for (std::uint32_t i = 0; i < l.size; ++i) {
                const Value &item = l.items[i];
                if (item.kind() == ValueKind::String && item.text().size() == wanted.size() &&
                    item.text() == wanted)
                    return Value::boolean(true);
            }
            return Value::boolean(false);
        }
        for (std::uint32_t i = 0; i < l.size; ++i) {
            if (valuesEqual(l.items[i], e))
                return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (c.kind() == ValueKind::Map)
        return Value::boolean(mapFind(c.mapValue(), e) != nullptr);
    return kNoOverload;
}

Value Interpreter::evalCall(const PlanNode &n)
{
    Value inline_[kInlineArgs];
    Value *args = n.count <= kInlineArgs ? inline_ : m_ctx.arena().allocateArray<Value>(n.count);
    std::int64_t scan = 0;
    for (std::int32_t i = 0; i < n.count; ++i) {
        args[i] = eval(child(n, i));
        if (args[i].isError())
            return args[i];
        scan += scanCost(args[i]);
    }
    m_ctx.charge(scan);
    return n.fn(m_ctx, args, n.count);
}

Value Interpreter::evalCreateList(const PlanNode &n)
{
    Value *items = m_ctx.arena().allocateArray<Value>(n.count);
    for (std::int32_t i = 0; i < n.count; ++i) {
        items[i] = eval(child(n, i));
        if (items[i].isError())
            return items[i];
    }
    auto *data = m_ctx.arena().allocateArray<ListData>(1);
    data->items = items;
    data->size = static_cast<std::uint32_t>(n.count);
    return Value::list(data);
}

Value Interpreter::evalCreateMap(const PlanNode &n)
{
    const std::int32_t entries = n.count / 2;
    Value *keys = m_ctx.arena().allocateArray<Value>(entries);
    Value *values = m_ctx.arena().allocateArray<Value>(entries);
    auto *data = m_ctx.arena().allocateArray<MapData>(1);
    data->keys = keys;
    data->values = values;
    data->size = 0;
    for (std::int32_t i = 0; i < entries; ++i) {
        const Value k = eval(child(n, 2 * i));
        if (k.isError())
            return k;
        if (!isValidMapKey(k))
            return Value::error("unsupported map key type");
        // The duplicate check scans the entries so far: a large literal costs its square.
        m_ctx.charge(std::int64_t(i >> 4));
        if (mapFind(*data, k))
            return Value::error("duplicate map key");
        const Value v = eval(child(n, 2 * i + 1));
        if (v.isError())
            return v;
        keys[i] = k;
        values[i] = v;
        data->size = static_cast<std::uint32_t>(i + 1);
    }
    return Value::map(data);
}

Value Interpreter::evalComprehension(const PlanNode &n)
{
    const Value range = eval(child(n, 0));
    if (range.isError())
        return range;
    const bool isMap = range.kind() == ValueKind::Map;
    if (!isMap && range.kind() != ValueKind::List)
        return Value::error("no such overload: value cannot be the range of a comprehension");
    const std::uint32_t size = isMap ? range.mapValue().size : range.listValue().size;
    const Value *firsts = isMap ? range.mapValue().keys : range.listValue().items;
    const Value *seconds = isMap ? range.mapValue().values : range.listValue().items;
    const bool twoVars = n.b >= 0;
    const MacroKind macro = n.macro;
    const bool filtered = macro == MacroKind::MapFilter ||
                          macro == MacroKind::TransformListFilter ||
                          macro == MacroKind::TransformMapFilter;
    const std::int32_t body = child(n, 1);
    const std::int32_t transform = filtered ? child(n, 2) : body;

    Value *out = nullptr;
    Value *outKeys = nullptr;
    if (macro != MacroKind::All && macro != MacroKind::Exists && macro != MacroKind::ExistsOne) {
        out = m_ctx.arena().allocateArray<Value>(size);
        if (macro == MacroKind::TransformMap || macro == MacroKind::TransformMapFilter)
            outKeys = m_ctx.arena().allocateArray<Value>(size);
    }
    std::uint32_t produced = 0;
    std::int64_t matches = 0;
    Value pending;
    bool hasPending = false;

    for (std::uint32_t i = 0; i < size; ++i) {
        m_ctx.charge(1);
        if (twoVars) {
            m_locals[n.a] = isMap ? firsts[i] : Value::integer(i);
            m_locals[n.b] = seconds[i];
        } else {
            m_locals[n.a] = firsts[i];
        }
        switch (macro) {
        case MacroKind::All:
        case MacroKind::Exists: {
            const bool stopOn = macro == MacroKind::Exists;
            const Value v = eval(body);
            if (v.isBool()) {
                if (v.boolValue() == stopOn)
                    return v;
            } else if (!hasPending) {
                // Remembered, not returned: a later decisive element absorbs the error.
                pending = v.isError() ? v : kNoMatchingOverload;
                hasPending = true;
            }
            break;
        }
        case MacroKind::ExistsOne: {
            const Value v = eval(body);
            if (!v.isBool())
                return v.isError() ? v : kNoMatchingOverload;
            matches += v.boolValue() ? 1 : 0;
            break;
        }
        default: {
            if (filtered || macro == MacroKind::Filter) {
                const Value keep = eval(body);
                if (!keep.isBool())
                    return keep.isError() ? keep : kNoMatchingOverload;
                if (!keep.boolValue())
                    break;
            }
            if (macro == MacroKind::Filter) {
                out[produced++] = firsts[i];
                break;
            }
            const Value v = eval(transform);
            if (v.isError())
                return v;
            if (outKeys)
                outKeys[produced] = isMap ? firsts[i] : Value::integer(i);
            out[produced++] = v;
            break;
        }
        }
    }
    switch (macro) {
    case MacroKind::All:
        return hasPending ? pending : Value::boolean(true);
    case MacroKind::Exists:
        return hasPending ? pending : Value::boolean(false);
    case MacroKind::ExistsOne:
        return Value::boolean(matches == 1);
    default:
        break;
    }
    if (outKeys) {
        auto *data = m_ctx.arena().allocateArray<MapData>(1);
        data->keys = outKeys;
        data->values = out;
        data->size = produced;
        return Value::map(data);
    }
    auto *data = m_ctx.arena().allocateArray<ListData>(1);
    data->items = out;
    data->size = produced;
    return Value::list(data);
}

Value Interpreter::evalMatches(const PlanNode &n)
{
    const Value target = eval(child(n, 0));
    if (target.isError())
        return target;
    if (target.kind() != ValueKind::String)
        return kNoOverload;
    if (n.a < 0)
        return n.failure;
    m_ctx.charge(scanCost(target));
    const re2::RE2 &re = *m_program.m_regexes[static_cast<std::size_t>(n.a)];
    const std::string_view text = target.text();
    return Value::boolean(re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re));
}

} // namespace ta::core::cel
