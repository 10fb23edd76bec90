// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/CheckResult.h"
#include "core/policy/cel/Type.h"

#include <string>
#include <utility>
#include <vector>

namespace ta::core::cel {

class Ast;
class Env;
struct Expr;

/// Static type checking over a declared environment: undeclared names and functions, calls
/// that match no overload, fields selected from values that have none, ranges that cannot be
/// iterated. dyn (declared or inferred, as for mixed lists) is compatible with everything, so
/// only certain mistakes are reported.
class Checker
{
public:
    /// Checks @p ast against @p env.
    static CheckResult check(const Ast &ast, const Env &env);

private:
    Checker(const Ast &ast, const Env &env);

    Type visit(const Expr &expr);
    Type visitSelect(const Expr &expr);
    Type visitCall(const Expr &expr);
    Type visitComprehension(const Expr &expr);
    Type resolveCall(const Expr &expr, const std::string &name, bool receiver,
                     const std::vector<Type> &args);
    bool resolveName(const std::string &name, Type &out) const;
    bool namesVariable(const std::string &qualified) const;
    void report(int offset, const std::string &message);
    void expectBool(const Expr &expr, const Type &type, const char *what);

    const Ast &m_ast;
    const Env &m_env;
    CheckResult m_result;
    std::vector<std::pair<std::string, Type>> m_scope;
};

} // namespace ta::core::cel
