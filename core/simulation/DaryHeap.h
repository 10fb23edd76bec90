// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ta::core {

/// A priority queue of the least element first, as std::priority_queue<T, std::vector<T>,
/// Greater> is, kept as a heap of four children a node: half the levels of a binary heap, and a
/// node's children side by side in memory. The simulation's timers are one a subject, a hundred
/// thousand at a million records, where a binary heap's pop went down 17 levels, most of them
/// cache misses. Elements that compare equal come out in an unspecified order, as there.
template <typename T, typename Greater>
class DaryHeap
{
public:
    static constexpr std::size_t kArity = 4;

    bool empty() const { return m_items.empty(); }
    std::size_t size() const { return m_items.size(); }
    /// The least element; the heap must not be empty.
    const T &top() const { return m_items.front(); }
    void reserve(std::size_t n) { m_items.reserve(n); }

    void push(T item)
    {
        std::size_t i = m_items.size();
        m_items.push_back(std::move(item));
        T moving = std::move(m_items[i]);
        while (i > 0) {
            const std::size_t parent = (i - 1) / kArity;
            if (!m_greater(m_items[parent], moving))
                break;
            m_items[i] = std::move(m_items[parent]);
            i = parent;
        }
        m_items[i] = std::move(moving);
    }

    /// Removes the least element; the heap must not be empty.
    void pop()
    {
        T last = std::move(m_items.back());
        m_items.pop_back();
        const std::size_t n = m_items.size();
        if (n == 0)
            return;
        // The hole at the root goes down to where the last element fits.
        std::size_t i = 0;
        for (;;) {
            const std::size_t first = i * kArity + 1;
            if (first >= n)
                break;
            const std::size_t end = std::min(first + kArity, n);
            std::size_t least = first;
            for (std::size_t c = first + 1; c < end; ++c)
                if (m_greater(m_items[least], m_items[c]))
                    least = c;
            if (!m_greater(last, m_items[least]))
                break;
            m_items[i] = std::move(m_items[least]);
            i = least;
        }
        m_items[i] = std::move(last);
    }

private:
    std::vector<T> m_items;
    [[no_unique_address]] Greater m_greater;
};

} // namespace ta::core
