// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace ta::core::cel {

class Value;

/// The entries of a map value, in insertion order; keys are int, uint, bool or string.
struct MapData
{
    const Value *keys = nullptr;
    const Value *values = nullptr;
    std::uint32_t size = 0;
};

} // namespace ta::core::cel
