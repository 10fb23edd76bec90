// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/SlotActivation.h"

#include "core/policy/cel/Env.h"

namespace ta::core::cel {

void SlotActivation::bind(int slot, Value value)
{
    if (slot < 0)
        return;
    const auto index = static_cast<std::size_t>(slot);
    if (m_values.size() <= index) {
        m_values.resize(index + 1);
        m_bound.resize(index + 1, false);
    }
    m_values[index] = value;
    m_bound[index] = true;
}

bool SlotActivation::bind(const Env &env, std::string_view name, Value value)
{
    const int slot = env.slotOf(name);
    if (slot < 0)
        return false;
    bind(slot, value);
    return true;
}

void SlotActivation::clear()
{
    m_values.clear();
    m_bound.clear();
}

const Value *SlotActivation::find(int slot) const
{
    const auto index = static_cast<std::size_t>(slot);
    if (slot < 0 || index >= m_values.size() || !m_bound[index])
        return nullptr;
    return &m_values[index];
}

} // namespace ta::core::cel
