// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/BackgroundSha256.h"

#include "core/crypto/Digest.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace ta::core {
namespace {

// Fields are handed over in batches of about this many bytes, at most kQueued at a time: a
// megabyte a batch keeps the hand-over's locking rare, and four bound what waits in memory.
constexpr qsizetype kBatchBytes = qsizetype(1) << 20;
constexpr std::size_t kQueued = 4;

struct Batch
{
    QByteArray bytes;
    std::vector<qsizetype> sizes;
};

} // namespace

struct BackgroundSha256::Shared
{
    Sha256Stream stream;
    Batch filling;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> queued;
    /// No more batches will come; with `abandon`, those queued are not hashed.
    bool done = false;
    bool abandon = false;
    std::thread thread;

    void run()
    {
        for (;;) {
            Batch b;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return !queued.empty() || done; });
                if (abandon || queued.empty())
                    return;
                b = std::move(queued.front());
                queued.pop_front();
            }
            changed.notify_all();
            qsizetype at = 0;
            for (const qsizetype size : b.sizes) {
                stream.addField(QByteArrayView(b.bytes.constData() + at, size));
                at += size;
            }
        }
    }

    void hand()
    {
        if (filling.sizes.empty())
            return;
        // Nobody to hand it to: fields added after the result are dropped.
        if (!thread.joinable()) {
            filling = Batch();
            return;
        }
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return queued.size() < kQueued; });
            queued.push_back(std::move(filling));
        }
        changed.notify_all();
        filling = Batch();
    }

    void stop(bool dropQueued)
    {
        if (!thread.joinable())
            return;
        {
            std::lock_guard lock(mutex);
            done = true;
            abandon = dropQueued;
        }
        changed.notify_all();
        thread.join();
    }
};

BackgroundSha256::BackgroundSha256() : m_shared(std::make_unique<Shared>())
{
    m_shared->thread = std::thread([s = m_shared.get()] { s->run(); });
}

BackgroundSha256::~BackgroundSha256()
{
    m_shared->stop(true);
}

void BackgroundSha256::addField(QByteArrayView data)
{
    Batch &b = m_shared->filling;
    if (b.sizes.empty())
        b.bytes.reserve(kBatchBytes + data.size());
    b.bytes.append(data);
    b.sizes.push_back(data.size());
    if (b.bytes.size() >= kBatchBytes)
        m_shared->hand();
}

QByteArray BackgroundSha256::result()
{
    m_shared->hand();
    m_shared->stop(false);
    return m_shared->stream.result();
}

} // namespace ta::core
