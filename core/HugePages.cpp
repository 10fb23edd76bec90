// SPDX-License-Identifier: Apache-2.0
#include "core/HugePages.h"

#include <cstdint>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace ta::core {
#ifdef __linux__
namespace {

/// madvise(@p advice) over the whole pages of @p pageBytes inside [data, data + bytes), when the
/// range is at least kHugePageAdviceMinBytes and holds one.
[[maybe_unused]] void adviseWholePages(const void *data, std::size_t bytes,
                                       std::uintptr_t pageBytes, int advice)
{
    if (!data || bytes < kHugePageAdviceMinBytes)
        return;
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + pageBytes - 1) & ~(pageBytes - 1);
    const std::uintptr_t last = (begin + bytes) & ~(pageBytes - 1);
    if (last > first)
        (void)madvise(reinterpret_cast<void *>(first), last - first, advice);
}

} // namespace
#endif

void adviseHugePages(const void *data, std::size_t bytes) noexcept
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    adviseWholePages(data, bytes, std::uintptr_t(2) << 20, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

void populatePages(const void *data, std::size_t bytes) noexcept
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    adviseWholePages(data, bytes, 4096, MADV_POPULATE_WRITE);
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace ta::core
