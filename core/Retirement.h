// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>

namespace ta::core {

/// Destroys, on a thread of its own, what a finished piece of work leaves behind, so that the
/// work's result is returned without waiting for millions of blocks to be freed. A first run over
/// a million records ended with 0.38 s of one thread freeing while the other core idled: the
/// verifier (its replay guard's million nonces, the attestors' tables) 319 ms, the interner
/// 30 ms, the simulation's subjects 30 ms; a re-run, 30 ms of its 1.4-2.5 s.
///
/// Objects are destroyed one at a time, in the order they were retired. A retired object must
/// own what its destructor touches (values, shared pointers, Qt's implicitly shared data), never
/// refer to what its caller may free meanwhile. Whatever is still queued is destroyed before the
/// process's static objects are. TA_RETIREMENT=off in the environment destroys at once, on the
/// caller's thread, to measure what retiring saves.
class Retirement
{
public:
    template <typename T>
    static void retire(std::unique_ptr<T> object)
    {
        if (object)
            post([held = std::shared_ptr<T>(std::move(object))]() mutable { held.reset(); });
    }
    /// Runs @p destroy on the retirement thread (at once on this one when retiring is off).
    static void post(std::function<void()> destroy);
    /// Returns once everything retired before the call is destroyed. Not from a destructor it
    /// runs (that would wait for itself).
    static void drain();
    /// Whether the calling thread is the one retired objects are destroyed on.
    static bool isRetirementThread();
};

} // namespace ta::core
