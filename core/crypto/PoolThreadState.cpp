// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/PoolThreadState.h"

#include <QSemaphore>
#include <QThreadPool>

#include <openssl/crypto.h>

namespace ta::core {

void releaseOpenSslThreadState(QThreadPool &pool)
{
    pool.waitForDone();
    const int threads = qMax(1, pool.maxThreadCount());
    // Each task stays on its thread until all have started, so no thread takes two of them and
    // every thread of the pool (up to its maximum) runs exactly one.
    QSemaphore arrived;
    QSemaphore gate;
    for (int i = 0; i < threads; ++i) {
        pool.start([&arrived, &gate] {
            OPENSSL_thread_stop();
            arrived.release();
            gate.acquire();
        });
    }
    arrived.acquire(threads);
    gate.release(threads);
    pool.waitForDone();
}

} // namespace ta::core
