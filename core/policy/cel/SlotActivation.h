// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Activation.h"
#include "core/policy/cel/Arena.h"

#include <vector>

namespace ta::core::cel {

class Env;

/// An Activation over a vector of values indexed by slot, with an arena for values the host
/// builds for it (decoded JSON, nested maps of claims).
class SlotActivation final : public Activation
{
public:
    SlotActivation() = default;

    /// Binds @p value to @p slot (from Env::declareVariable).
    void bind(int slot, Value value);
    /// Binds by name; false when @p env does not declare @p name.
    bool bind(const Env &env, std::string_view name, Value value);
    /// Unbinds every variable (keeps the arena's contents).
    void clear();
    /// Storage for values bound here.
    Arena &arena() { return m_arena; }

    const Value *find(int slot) const override;

private:
    std::vector<Value> m_values;
    std::vector<bool> m_bound;
    Arena m_arena;
};

} // namespace ta::core::cel
