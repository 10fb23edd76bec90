// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

namespace ta::core {

QDateTime ReplayGuard::firstSeen(const QString &subject, const QString &nonce) const
{
    if (m_slots.empty())
        return {};
    const Slot &slot = m_slots[slotOf(hashOf(subject, nonce), subject, nonce)];
    return slot.entry >= 0 ? m_entries[size_t(slot.entry)].first : QDateTime();
}

bool ReplayGuard::remember(const QString &subject, const QString &nonce, const QDateTime &time)
{
    return !rememberFirst(subject, nonce, time).isValid();
}

QDateTime ReplayGuard::rememberFirst(const QString &subject, const QString &nonce,
                                     const QDateTime &time)
{
    if (2 * (m_entries.size() + 1) > m_slots.size())
        grow();
    const size_t hash = hashOf(subject, nonce);
    Slot &slot = m_slots[slotOf(hash, subject, nonce)];
    if (slot.entry >= 0)
        return m_entries[size_t(slot.entry)].first;
    slot.hash = hash;
    slot.entry = qsizetype(m_entries.size());
    m_entries.push_back({subject, nonce, time});
    return {};
}

size_t ReplayGuard::slotOf(size_t hash, const QString &subject, const QString &nonce) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.entry < 0)
            return i;
        if (slot.hash == hash) {
            const Entry &e = m_entries[size_t(slot.entry)];
            if (e.subject == subject && e.nonce == nonce)
                return i;
        }
    }
}

void ReplayGuard::grow()
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

void ReplayGuard::forEach(
    const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const
{
    for (const Entry &e : m_entries)
        fn(e.subject, e.nonce, e.first);
}

} // namespace ta::core
