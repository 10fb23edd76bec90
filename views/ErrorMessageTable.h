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

/// The parts of the table, one per group of modules (views/ErrorMessages*.cpp).
std::span<const ErrorMessageEntry> spiffeErrorMessages();
std::span<const ErrorMessageEntry> attestationErrorMessages();
std::span<const ErrorMessageEntry> policyErrorMessages();
std::span<const ErrorMessageEntry> frontEndErrorMessages();

} // namespace ta::views
