// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace ta::core {

/// A set of small non-negative integers (the run's credential and subject numbers): its members
/// in a list, and each number's place in that list. Adding or removing one touches two entries
/// and the list's end; the members are at hand as a vector, which a checkpoint copies whole.
/// The run kept its live credentials in a QSet<int> before: a hash probe into a table of every
/// live credential for each change, and a walk over the table for each checkpoint.
class DenseIdSet
{
public:
    /// Adds @p id; false when it was there already or is negative.
    bool insert(int id)
    {
        if (id < 0)
            return false;
        if (size_t(id) >= m_place.size())
            m_place.resize(std::max(size_t(id) + 1, m_place.size() * 2), -1);
        if (m_place[size_t(id)] >= 0)
            return false;
        m_place[size_t(id)] = int(m_members.size());
        m_members.push_back(id);
        return true;
    }
    /// Removes @p id; false when it was not there. The last member takes its place.
    bool remove(int id)
    {
        if (!contains(id))
            return false;
        const int at = m_place[size_t(id)];
        const int last = m_members.back();
        m_members[size_t(at)] = last;
        m_place[size_t(last)] = at;
        m_members.pop_back();
        m_place[size_t(id)] = -1;
        return true;
    }
    bool contains(int id) const
    {
        return id >= 0 && size_t(id) < m_place.size() && m_place[size_t(id)] >= 0;
    }
    size_t size() const { return m_members.size(); }
    /// The members, in no particular order.
    const std::vector<int> &members() const { return m_members; }

private:
    std::vector<int> m_members;
    /// Each number's index in m_members, or -1.
    std::vector<int> m_place;
};

} // namespace ta::core
