// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace ta::core::cel {

/// A bump allocator for values. Everything stored in it is trivially destructible, so reset()
/// releases all of it at once and keeps the blocks: a warm arena allocates nothing.
class Arena
{
public:
    Arena() = default;
    Arena(const Arena &) = delete;
    Arena &operator=(const Arena &) = delete;
    Arena(Arena &&) noexcept = default;
    Arena &operator=(Arena &&) noexcept = default;

    /// Uninitialised storage of @p size bytes aligned to @p align; valid until reset().
    void *allocate(std::size_t size, std::size_t align = alignof(std::max_align_t));
    /// Storage for @p count objects of T (which must be trivially destructible).
    template <typename T>
    T *allocateArray(std::size_t count)
    {
        return static_cast<T *>(allocate(sizeof(T) * (count ? count : 1), alignof(T)));
    }
    /// A copy of @p text owned by the arena.
    std::string_view copy(std::string_view text);
    /// Forgets every allocation but keeps the memory for reuse.
    void reset();
    /// Bytes reserved from the system (for tests and the benchmark).
    std::size_t capacity() const;

    /// Bytes handed out since the last reset() (alignment padding and skipped block ends
    /// included).
    std::size_t used() const { return m_base + m_offset; }
    /// Lets at most @p bytes more be handed out; beyond that allocate() throws
    /// BudgetExceeded (Limits.h). SIZE_MAX lifts the cap.
    void setBudget(std::size_t bytes);
    /// Whether @p bytes more would still fit the budget.
    bool fits(std::size_t bytes) const { return bytes <= m_limit - std::min(m_limit, used()); }

    /// A position to come back to with rewind(), forgetting what was allocated after it.
    struct Mark
    {
        std::size_t current = 0;
        std::size_t offset = 0;
        std::size_t base = 0;
    };
    Mark mark() const { return {m_current, m_offset, m_base}; }
    void rewind(const Mark &mark);

private:
    struct Block
    {
        std::unique_ptr<char[]> data;
        std::size_t size = 0;
    };
    std::vector<Block> m_blocks;
    std::size_t m_current = 0;
    std::size_t m_offset = 0;
    /// The sizes of the blocks before m_current.
    std::size_t m_base = 0;
    /// The largest used() allowed.
    std::size_t m_limit = SIZE_MAX;
};

} // namespace ta::core::cel
