// SPDX-License-Identifier: Apache-2.0
#pragma once

class QThreadPool;

namespace ta::core {

/// Frees OpenSSL's per-thread state (error queue, thread-local random generators) on every
/// thread of `pool`, and returns when all have done so.
///
/// A pool thread that used OpenSSL otherwise frees that state in a thread-local destructor,
/// which runs after QThread::wait() has returned (Qt's threads are detached). A process that
/// exits just then deletes OpenSSL's thread key in its atexit cleanup first, so the state is
/// never freed: LeakSanitizer reports 904 bytes (one ERR_STATE) at exit, now and then.
///
/// Call this when the pool's work is finished but before QThreadPool::waitForDone() or the
/// pool's destruction: both end the threads, and then their state is out of reach. One task is
/// parked on each of its maxThreadCount() threads at once, so no other work may be queued on
/// the pool meanwhile.
void releaseOpenSslThreadState(QThreadPool &pool);

} // namespace ta::core
