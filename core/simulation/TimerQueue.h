// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/DaryHeap.h"

#include <QtGlobal>

#include <cstddef>
#include <deque>
#include <functional>
#include <vector>

namespace ta::core {

/// The simulation's timers, least first (T's operator>: time, then the order they were given),
/// each falling due at T::atMs.
///
/// Most timers of one kind and one span (the renewals of one TTL, the freshness deadlines) are
/// queued in the order they fall due: the simulation's clock only moves on, and each is that
/// span after the instant it is queued at. Such timers go in a lane, a plain queue, and come
/// out of its front; the lanes' fronts are merged with a heap by T's order. A timer that would
/// come before its lane's last (a caller feeding records out of time order), or whose lane is
/// past the first kMaxLanes, goes to the heap instead: the order out is T's order whatever the
/// lanes, and a lane only saves the heap's work (a push and a pop down some eight levels of a
/// hundred thousand timers, mostly cache misses, for each renewal).
template <typename T>
class TimerQueue
{
public:
    static constexpr std::size_t kMaxLanes = 16;

    bool empty() const { return size() == 0; }
    std::size_t size() const
    {
        std::size_t n = m_heap.size();
        for (const Lane &lane : m_lanes)
            n += lane.timers.size();
        return n;
    }
    /// How many lanes are open (tests).
    std::size_t lanes() const { return m_lanes.size(); }
    /// How many timers are in the heap (tests).
    std::size_t inHeap() const { return m_heap.size(); }

    /// The timer @p k places after the front of the lane named @p lane, or nullptr: what falls
    /// due soon, for a caller to load into the cache ahead of it.
    const T *ahead(qint64 lane, std::size_t k) const
    {
        const std::size_t i = find(lane);
        if (i == m_lanes.size() || k >= m_lanes[i].timers.size())
            return nullptr;
        return &m_lanes[i].timers[k];
    }

    /// Queues @p timer in the lane named @p lane (the caller's name for its kind and span).
    void push(const T &timer, qint64 lane)
    {
        Lane *l = laneOf(lane);
        if (l != nullptr && (l->timers.empty() || m_greater(timer, l->timers.back())))
            l->timers.push_back(timer);
        else
            m_heap.push(timer);
    }

    /// Takes the least timer into @p out when it falls due at or before @p ms; false when none
    /// does.
    bool popDue(qint64 ms, T &out)
    {
        const T *least = nullptr;
        Lane *from = nullptr;
        if (!m_heap.empty() && m_heap.top().atMs <= ms)
            least = &m_heap.top();
        for (Lane &lane : m_lanes) {
            if (lane.timers.empty())
                continue;
            const T &front = lane.timers.front();
            if (front.atMs <= ms && (least == nullptr || m_greater(*least, front))) {
                least = &front;
                from = &lane;
            }
        }
        if (least == nullptr)
            return false;
        out = *least;
        if (from != nullptr)
            from->timers.pop_front();
        else
            m_heap.pop();
        return true;
    }

private:
    struct Lane
    {
        qint64 name;
        std::deque<T> timers;
    };

    /// The index of the lane named @p name, or m_lanes.size().
    std::size_t find(qint64 name) const
    {
        if (m_last < m_lanes.size() && m_lanes[m_last].name == name)
            return m_last;
        std::size_t i = 0;
        while (i < m_lanes.size() && m_lanes[i].name != name)
            ++i;
        return i;
    }

    /// The lane named @p name, opened if there is room for it, or nullptr.
    Lane *laneOf(qint64 name)
    {
        std::size_t i = find(name);
        if (i == m_lanes.size()) {
            if (i == kMaxLanes)
                return nullptr;
            m_lanes.push_back({name, {}});
        }
        m_last = i;
        return &m_lanes[i];
    }

    std::vector<Lane> m_lanes;
    /// The lane last pushed to: a renewal's is usually the last one's.
    std::size_t m_last = 0;
    DaryHeap<T, std::greater<>> m_heap;
    [[no_unique_address]] std::greater<> m_greater;
};

} // namespace ta::core
