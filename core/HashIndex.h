// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <cstddef>
#include <vector>

namespace ta::core {

/// An open-addressed index from hashes to the numbers of entries its owner keeps (in a vector,
/// in the order added). Each slot holds the hash beside the number, so a probe passes over an
/// entry of another hash without reading it: finding or adding a key is one probe of one array.
/// QHash keeps no hashes, and its index and entries lie apart: two or three cache misses a
/// look-up in a table far out of cache (the replay guard's million nonces, the verifier's
/// hundred thousand subjects). At most half full; it doubles as it fills.
class HashIndex
{
public:
    /// The number of the entry with hash @p hash that @p same(number) accepts, or -1.
    template <typename Same>
    qsizetype find(size_t hash, Same &&same) const
    {
        if (m_slots.empty())
            return -1;
        return m_slots[slotOf(hash, same)].entry;
    }
    /// find(); when no entry matches, adds @p number under @p hash and returns -1.
    template <typename Same>
    qsizetype findOrAdd(size_t hash, qsizetype number, Same &&same)
    {
        if (2 * (m_count + 1) > m_slots.size())
            grow();
        Slot &slot = m_slots[slotOf(hash, same)];
        if (slot.entry >= 0)
            return slot.entry;
        slot = {hash, number};
        ++m_count;
        return -1;
    }
    size_t size() const { return m_count; }

private:
    struct Slot
    {
        size_t hash = 0;
        qsizetype entry = -1; ///< -1: free
    };
    /// The slot of the entry with @p hash that @p same accepts, or the free slot where it
    /// would go.
    template <typename Same>
    size_t slotOf(size_t hash, Same &same) const
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.entry < 0 || (slot.hash == hash && same(slot.entry)))
                return i;
        }
    }
    /// Doubles the slots (at least 16), placing every entry again by its hash.
    void grow()
    {
        std::vector<Slot> slots(qMax<size_t>(16, m_slots.size() * 2));
        const size_t mask = slots.size() - 1;
        for (const Slot &old : m_slots) {
            if (old.entry < 0)
                continue;
            size_t i = old.hash & mask;
            while (slots[i].entry >= 0)
                i = (i + 1) & mask;
            slots[i] = old;
        }
        m_slots = std::move(slots);
    }

    std::vector<Slot> m_slots; ///< a power of two of them, at most half used
    size_t m_count = 0;
};

} // namespace ta::core
