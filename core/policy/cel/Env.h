// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Type.h"
#include "core/policy/cel/VariableDecl.h"

#include <string>
#include <string_view>
#include <vector>

namespace ta::core::cel {

/// The compile-time environment: declared variables (each with a slot) and the container
/// (namespace) names are resolved in. The functions are the standard library and extensions.
class Env
{
public:
    Env() = default;

    /// Declares @p name with @p type and returns its slot; re-declaring keeps the slot.
    int declareVariable(std::string_view name, Type type = Type::dyn());
    /// The slot of @p name, or -1.
    int slotOf(std::string_view name) const;
    /// The declaration of @p name, or nullptr.
    const VariableDecl *variable(std::string_view name) const;
    const std::vector<VariableDecl> &variables() const { return m_variables; }

    /// The container, e.g. "ta.policy": names resolve in it first, then in its parents.
    void setContainer(std::string container) { m_container = std::move(container); }
    const std::string &container() const { return m_container; }
    /// The qualified names @p name may denote, most specific first (a leading dot means the
    /// name is absolute).
    std::vector<std::string> candidateNames(std::string_view name) const;

private:
    std::vector<VariableDecl> m_variables;
    std::string m_container;
};

} // namespace ta::core::cel
