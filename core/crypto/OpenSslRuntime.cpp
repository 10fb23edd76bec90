// SPDX-License-Identifier: Apache-2.0
//
// Linked into every executable that links trustatlas_crypto (an object library, see
// CMakeLists.txt), so that it runs before main and before any other use of OpenSSL.

#include <openssl/crypto.h>

namespace {

/// Keeps OpenSSL from cleaning itself up at exit.
///
/// Its cleanup (an atexit handler, registered by the first OpenSSL call unless that call says
/// OPENSSL_INIT_NO_ATEXIT) frees the library's global state while other threads may still be
/// running: Qt's pool threads are detached, and QThread::wait() returns before their
/// thread-local destructors run. A thread still using OpenSSL then reads freed memory, and one
/// that ends just after finds OpenSSL's thread key deleted, so its error queue (904 bytes) is
/// never freed and LeakSanitizer fails the run. The process is ending: its memory goes back to
/// the system all the same.
struct KeepOpenSslUntilExit
{
    KeepOpenSslUntilExit() { OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr); }
};

const KeepOpenSslUntilExit keepOpenSslUntilExit;

} // namespace
