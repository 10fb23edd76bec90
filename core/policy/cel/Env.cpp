// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Env.h"

namespace ta::core::cel {

int Env::declareVariable(std::string_view name, Type type)
{
    for (VariableDecl &v : m_variables) {
        if (v.name == name) {
            v.type = std::move(type);
            return v.slot;
        }
    }
    const int slot = static_cast<int>(m_variables.size());
    m_variables.push_back(VariableDecl{std::string(name), std::move(type), slot});
    return slot;
}

int Env::slotOf(std::string_view name) const
{
    const VariableDecl *v = variable(name);
    return v ? v->slot : -1;
}

const VariableDecl *Env::variable(std::string_view name) const
{
    for (const VariableDecl &v : m_variables) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

std::vector<std::string> Env::candidateNames(std::string_view name) const
{
    if (!name.empty() && name.front() == '.')
        return {std::string(name.substr(1))};
    std::vector<std::string> out;
    std::string prefix = m_container;
    while (!prefix.empty()) {
        out.push_back(prefix + "." + std::string(name));
        const auto dot = prefix.rfind('.');
        prefix = dot == std::string::npos ? std::string() : prefix.substr(0, dot);
    }
    out.emplace_back(name);
    return out;
}

} // namespace ta::core::cel
