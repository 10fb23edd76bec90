// SPDX-License-Identifier: Apache-2.0
#include "core/Retirement.h"

#include <QtGlobal>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>

namespace ta::core {

namespace {

/// One thread, started at the first object retired, and its queue.
class Retirer
{
public:
    ~Retirer()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

    void post(std::function<void()> destroy)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(destroy));
            ++m_posted;
            if (!m_thread.joinable())
                m_thread = std::thread([this] { run(); });
        }
        m_wake.notify_one();
    }

    void drain()
    {
        std::unique_lock lock(m_mutex);
        const std::uint64_t posted = m_posted;
        m_drained.wait(lock, [&] { return m_done >= posted; });
    }

    bool isOwnThread()
    {
        const std::lock_guard lock(m_mutex);
        return m_thread.joinable() && m_thread.get_id() == std::this_thread::get_id();
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
            // Stopping, the queue is emptied first: nothing retired is left undestroyed.
            if (m_queue.empty())
                return;
            std::function<void()> destroy = std::move(m_queue.front());
            m_queue.pop_front();
            lock.unlock();
            destroy();
            destroy = nullptr;
            lock.lock();
            ++m_done;
            m_drained.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_drained;
    std::deque<std::function<void()>> m_queue;
    std::uint64_t m_posted = 0;
    std::uint64_t m_done = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

Retirer &retirer()
{
    static Retirer r;
    return r;
}

} // namespace

void Retirement::post(std::function<void()> destroy)
{
    if (qEnvironmentVariable("TA_RETIREMENT") == QLatin1String("off")) {
        destroy();
        return;
    }
    retirer().post(std::move(destroy));
}

void Retirement::drain()
{
    retirer().drain();
}

bool Retirement::isRetirementThread()
{
    return retirer().isOwnThread();
}

} // namespace ta::core
