// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Value.h"

#include <string>

/// Text forms of values shared by string() and the format extension.
namespace ta::core::cel::text {

/// The shortest text that reads back as @p d, in the style of Go's %g (which the reference
/// implementation uses): "123.456", "-0.0045", "1e+06"; NaN, Infinity, -Infinity.
std::string formatDouble(double d);
/// A value as the %s clause of format() prints it: strings bare, lists "[a, b]", maps
/// "{k: v}" sorted by key text, timestamps RFC 3339, durations "1.5s", types by name.
std::string display(const Value &value);

} // namespace ta::core::cel::text
