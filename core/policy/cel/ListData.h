// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace ta::core::cel {

class Value;

/// The elements of a list value; the storage lives in an Arena (or with the host).
struct ListData
{
    const Value *items = nullptr;
    std::uint32_t size = 0;
};

} // namespace ta::core::cel
