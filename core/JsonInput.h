// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonDocument>

namespace ta::core {

/// JSON from outside, read strictly. Qt's parser already refuses bad syntax, invalid UTF-8 and
/// nesting deeper than it supports; it silently keeps one of two members of the same name,
/// so a file could mean one thing to this tool and another to the next reader. Input whose
/// meaning depends on which duplicate wins is refused.
class JsonInput
{
public:
    /// Parses @p json. Errors: json.syntax (with the byte offset), json.duplicate_key (the key
    /// and its offset).
    [[nodiscard]] static Result<QJsonDocument> parse(const QByteArray &json);
    /// Checks @p json for the faults parse() refuses.
    [[nodiscard]] static Result<void> check(const QByteArray &json);
    /// The duplicate-key check alone, for text a caller has already parsed as valid JSON.
    [[nodiscard]] static Result<void> checkDuplicateKeys(const QByteArray &validJson);
};

} // namespace ta::core
