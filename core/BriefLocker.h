// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMutex>

namespace ta::core {

/// Locks a QMutex for its scope, as QMutexLocker does, but tries it a few times without sleeping
/// first. For locks that threads hold for well under a microsecond: QMutex sleeps at the first
/// miss, and on this project's virtual machines a thread that slept on such a lock woke about
/// 170 µs later (sched_switch traces of a first run's pre-pass, stop 68), its core idle meanwhile.
/// The tries take a few microseconds at most, then it sleeps as QMutex does.
class BriefLocker
{
public:
    explicit BriefLocker(QMutex &mutex) noexcept : m_mutex(mutex)
    {
        for (int i = 0; i < kTries; ++i) {
            if (m_mutex.tryLock())
                return;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
        m_mutex.lock();
    }
    ~BriefLocker()
    {
        m_mutex.unlock();
    }
    BriefLocker(const BriefLocker &) = delete;
    BriefLocker &operator=(const BriefLocker &) = delete;

private:
    static constexpr int kTries = 64;
    QMutex &m_mutex;
};

} // namespace ta::core
