// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/EvalContext.h"

#include <algorithm>

namespace ta::core::cel {

void EvalContext::outOfSteps()
{
    throw BudgetExceeded{BudgetExceeded::Kind::Steps};
}

Value EvalContext::list(const Value *items, std::size_t count)
{
    auto *data = m_arena->allocateArray<ListData>(1);
    auto *copy = m_arena->allocateArray<Value>(count);
    std::copy(items, items + count, copy);
    data->items = copy;
    data->size = static_cast<std::uint32_t>(count);
    return Value::list(data);
}

Value EvalContext::map(const Value *keys, const Value *values, std::size_t count)
{
    auto *data = m_arena->allocateArray<MapData>(1);
    auto *k = m_arena->allocateArray<Value>(count);
    auto *v = m_arena->allocateArray<Value>(count);
    std::copy(keys, keys + count, k);
    std::copy(values, values + count, v);
    data->keys = k;
    data->values = v;
    data->size = static_cast<std::uint32_t>(count);
    return Value::map(data);
}

} // namespace ta::core::cel
