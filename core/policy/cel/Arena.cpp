// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Arena.h"

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
            m_offset = start + size;
            return block.data.get() + start;
        }
        ++m_current;
        m_offset = 0;
    }
    Block block;
    block.size = std::max(kBlockSize, size + align);
    block.data = std::make_unique<char[]>(block.size);
    m_blocks.push_back(std::move(block));
    m_current = m_blocks.size() - 1;
    // operator new[] returns storage aligned for any fundamental type, so offset 0 is aligned.
    m_offset = size;
    return m_blocks.back().data.get();
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
}

std::size_t Arena::capacity() const
{
    std::size_t total = 0;
    for (const Block &block : m_blocks)
        total += block.size;
    return total;
}

} // namespace ta::core::cel
