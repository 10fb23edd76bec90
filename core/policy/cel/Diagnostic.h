// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <string_view>

namespace ta::core::cel {

/// A syntax or type error at a place in the expression (line and column count from 1, columns
/// in code points; offset in UTF-8 bytes of the source).
struct Diagnostic
{
    int offset = 0;
    int line = 1;
    int column = 1;
    QString message;
    /// Empty for a syntax or type error; a cel.limit.* code when a parse limit refused the
    /// expression.
    QString code;

    /// "line:column: message", for the CLI and logs.
    QString toString() const
    {
        return QStringLiteral("%1:%2: %3").arg(line).arg(column).arg(message);
    }
};

/// A diagnostic at byte @p offset of UTF-8 @p source, with its line and column worked out.
Diagnostic locateDiagnostic(std::string_view source, int offset, const QString &message);

} // namespace ta::core::cel
