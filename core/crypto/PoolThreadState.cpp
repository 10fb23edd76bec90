// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/PoolThreadState.h"

#include <QSemaphore>
#include <QThreadPool>

#include <openssl/crypto.h>

namespace ta::core {

void releaseOpenSslThreadState(QThreadPool &pool)
{
    // Not waitForDone(): it ends the pool's threads, and they are the ones to reach.
    const int threads = qMax(1, pool.maxThreadCount());
    // Each task stays on its thread until all have started, so no thread takes two of them and
    // every thread of the pool (up to its maximum) runs exactly one.
    QSemaphore arrived;
    QSemaphore gate;
    QSemaphore left;
    for (int i = 0; i < threads; ++i) {
        pool.start([&arrived, &gate, &left] {
            OPENSSL_thread_stop();
            arrived.release();
            gate.acquire();
            left.release();
        });
    }
    arrived.acquire(threads);
    gate.release(threads);
    left.acquire(threads);
}

} // namespace ta::core
