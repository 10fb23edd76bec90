// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Overload.h"

#include <string>
#include <string_view>
#include <vector>

namespace ta::core::cel {

/// The static signatures of every built-in function and operator: what the checker matches
/// calls against, and what an editor offers for completion.
class Signatures
{
public:
    /// The standard library and the extensions; immutable after first use.
    static const Signatures &standard();

    /// The overloads of @p name in the given style that take @p argc arguments (receiver
    /// included).
    std::vector<const Overload *> find(std::string_view name, bool receiver, int argc) const;
    /// Whether any overload has this name.
    bool knows(std::string_view name) const;
    const std::vector<Overload> &all() const { return m_overloads; }

private:
    void add(std::string_view name, bool receiver, std::string_view signature,
             bool variadic = false);

    std::vector<Overload> m_overloads;
};

} // namespace ta::core::cel
