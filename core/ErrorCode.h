// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ta::core {

/// One declared error code: the stable dotted code and what it means, for developers and for
/// the translators who write its sentence in views/ErrorMessages. Every module declares its codes
/// once, in one table (e.g. spiffe/SpiffeErrors.h); ErrorCatalog lists them all.
struct ErrorCode
{
    const char *code;
    const char *meaning;

    /// The code as the QString Error::code holds.
    operator QString() const { return QString::fromLatin1(code); }
};

} // namespace ta::core

/// Declares a module's codes from its list macro: each X(Name, "code", "meaning") row becomes the
/// constant ta::core::ec::Name, so call sites name a declared code, never a fresh literal.
#define TA_ERROR_CODE_CONSTANT(name, code, meaning)                                                \
    inline constexpr ::ta::core::ErrorCode name{code, meaning};
/// Expands a module's list macro into the rows of its table.
#define TA_ERROR_CODE_ROW(name, code, meaning) ::ta::core::ErrorCode{code, meaning},
