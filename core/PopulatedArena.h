// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>

namespace ta::core {

/// A jemalloc arena whose pages are faulted in by the page table's batch, not one by one, for the
/// threads of a long first run (the evidence verifier's pre-pass threads, the thread replaying
/// it). Its memory comes from mappings marked for transparent huge pages; each piece of up to
/// 2 MiB that jemalloc takes into use (its slabs of small blocks, the smaller large blocks) is
/// populated in one madvise(MADV_POPULATE_WRITE), and jemalloc never gives the arena's pages back
/// (decay off), so memory a run freed serves the next allocation without another fault. A
/// larger block is left to its owner, which knows how much of it it fills (populatePages).
///
/// Why: a first run over a million records kept about 900 MiB that it touched page by page, some
/// 236,000 faults. On the virtual machines this project runs on a fault costs 12-19 µs of a
/// thread's time where a populated 2 MiB page costs about 1 µs a 4 KiB page (a C test: 512 MiB
/// touched a page at a time took 2.5 s; advised for huge pages, 1.0 s; advised and populated
/// 16 KiB at a time as jemalloc takes its pieces, 0.15 s).
///
/// The price: pages the arena once held stay resident until the process ends, for its next run.
///
/// TA_POPULATED_ARENA=off in the environment turns it off for the process, to measure what it
/// saves (README, "Layout").
///
/// Builds without jemalloc as the allocator (sanitizer and fuzz builds) have no such arena: every
/// call then does nothing and the memory is the allocator's own.
class PopulatedArena
{
public:
    /// Binds the calling thread to the arena (creating it at the first call in the process) until
    /// the scope ends, then to the arena it had before. Nested scopes are fine.
    class Scope
    {
    public:
        Scope() noexcept;
        ~Scope();
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        std::optional<unsigned> m_previous;
    };

    /// Binds the calling thread to the arena for the rest of its life: for threads that only
    /// ever do the run's work, such as a verifier's own pool. Cheap once bound.
    static void bindThisThread() noexcept;

    /// The arena's jemalloc index, or nullopt when there is none (no jemalloc, or it refused).
    static std::optional<unsigned> index() noexcept;

    /// Whether the calling thread allocates from the arena.
    static bool isThisThreadBound() noexcept;

    /// The jemalloc arena that @p allocation (a pointer into a block malloc gave) belongs to, or
    /// nullopt without jemalloc.
    static std::optional<unsigned> arenaOf(const void *allocation) noexcept;

    /// Bytes the arena has populated so far, in its mappings' pieces (0 without an arena).
    static std::size_t populatedBytes() noexcept;
};

} // namespace ta::core
