// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>

namespace ta::views {

/// A declared error code and the English source of its sentence (context
/// "ta::views::ErrorMessages"), which ErrorMessages translates.
struct ErrorMessageEntry
{
    const char *code;
    const char *text;
};

/// One sentence for every code of core::declaredErrorCodes(): the data behind ErrorMessages, kept
/// in a file of its own so that the class stays small.
std::span<const ErrorMessageEntry> errorMessageTable();

} // namespace ta::views
