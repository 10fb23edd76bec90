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
/// never freed: LeakSanitizer reports 904 bytes (one ERR_STATE) at exit, now and then. Call
/// this before the pool is destroyed; the pool must be idle and no other work may be queued
/// on it meanwhile, because one task is parked on each of its maxThreadCount() threads at once.
void releaseOpenSslThreadState(QThreadPool &pool);

} // namespace ta::core
