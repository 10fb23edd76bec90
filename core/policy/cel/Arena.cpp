// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Arena.h"

#include "core/policy/cel/Limits.h"

#include <algorithm>
#include <cstring>

namespace ta::core::cel {

namespace {
constexpr std::size_t kBlockSize = 8192;

std::size_t alignUp(std::size_t offset, std::size_t align)
{
    return (offset + align - 1) & ~(align - 1);
}
} // namespace

void *Arena::allocate(std::size_t size, std::size_t align)
{
    while (m_current < m_blocks.size()) {
        Block &block = m_blocks[m_current];
        const std::size_t start = alignUp(m_offset, align);
        if (start + size <= block.size) {
            if (m_base + start + size > m_limit || start + size < size)
                throw BudgetExceeded{BudgetExceeded::Kind::Bytes};
            m_offset = start + size;
            return block.data.get() + start;
        }
        m_base += block.size;
        ++m_current;
        m_offset = 0;
    }
    // A new block is memory taken from the system: the budget is checked before, not after.
    if (size > m_limit - std::min(m_limit, m_base) || size > SIZE_MAX / 2)
        throw BudgetExceeded{BudgetExceeded::Kind::Bytes};
    Block block;
    block.size = std::max(kBlockSize, size + align);
    // Left uninitialised, as allocate() promises: zeroing wrote every page of each 8 KiB
    // block, used or not, a thousand times in a compile of a thousand policies.
    block.data = std::make_unique_for_overwrite<char[]>(block.size);
    m_blocks.push_back(std::move(block));
    m_current = m_blocks.size() - 1;
    // operator new[] returns storage aligned for any fundamental type, so offset 0 is aligned.
    m_offset = size;
    return m_blocks.back().data.get();
}

void Arena::setBudget(std::size_t bytes)
{
    const std::size_t now = used();
    m_limit = bytes > SIZE_MAX - now ? SIZE_MAX : now + bytes;
}

void Arena::rewind(const Mark &mark)
{
    m_current = mark.current;
    m_offset = mark.offset;
    m_base = mark.base;
}

std::string_view Arena::copy(std::string_view text)
{
    if (text.empty())
        return {};
    char *out = static_cast<char *>(allocate(text.size(), 1));
    std::memcpy(out, text.data(), text.size());
    return {out, text.size()};
}

void Arena::reset()
{
    m_current = 0;
    m_offset = 0;
    m_base = 0;
}

std::size_t Arena::capacity() const
{
    std::size_t total = 0;
    for (const Block &block : m_blocks)
        total += block.size;
    return total;
}

} // namespace ta::core::cel
