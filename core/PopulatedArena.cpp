// SPDX-License-Identifier: Apache-2.0
#include "core/PopulatedArena.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(TA_JEMALLOC) && defined(__linux__)
#include <sys/mman.h>
#include <sys/types.h>
#define TA_POPULATED_ARENA 1
#endif

#ifdef TA_POPULATED_ARENA
// jemalloc's control interface and its extent hooks (jemalloc 5, "arena.<i>.extent_hooks" in
// jemalloc(3)), declared here: jemalloc/jemalloc.h redeclares malloc and friends too.
extern "C" int mallctl(const char *name, void *oldp, std::size_t *oldlenp, void *newp,
                       std::size_t newlen);

namespace {

struct ExtentHooks;
using AllocHook = void *(ExtentHooks *, void *newAddr, std::size_t size, std::size_t alignment,
                         bool *zero, bool *commit, unsigned arena);
using DallocHook = bool(ExtentHooks *, void *addr, std::size_t size, bool committed,
                        unsigned arena);
using DestroyHook = void(ExtentHooks *, void *addr, std::size_t size, bool committed,
                         unsigned arena);
using RangeHook = bool(ExtentHooks *, void *addr, std::size_t size, std::size_t offset,
                       std::size_t length, unsigned arena);
using SplitHook = bool(ExtentHooks *, void *addr, std::size_t size, std::size_t sizeA,
                       std::size_t sizeB, bool committed, unsigned arena);
using MergeHook = bool(ExtentHooks *, void *addrA, std::size_t sizeA, void *addrB,
                       std::size_t sizeB, bool committed, unsigned arena);

/// jemalloc's extent_hooks_t, member for member. A null hook is one the arena does without.
struct ExtentHooks
{
    AllocHook *alloc;
    DallocHook *dalloc;
    DestroyHook *destroy;
    RangeHook *commit;
    RangeHook *decommit;
    RangeHook *purgeLazy;
    RangeHook *purgeForced;
    SplitHook *split;
    MergeHook *merge;
};

constexpr std::size_t kHugePage = std::size_t(2) << 20;

std::atomic<std::size_t> g_populated{0};

/// A piece jemalloc takes into use is populated whole up to this size: its slabs of small blocks
/// and the smaller large ones, written soon after they are taken. A larger piece is one block,
/// such as a table reserved for a whole run, whose owner knows how much of it it fills
/// (populatePages); populating its room too cost 120 MiB more at a million records' peak
/// (1,540 MiB against 1,420), for no gain.
constexpr std::size_t kPopulateWholeMax = kHugePage;

/// Faults in [addr, addr + bytes) in one call, huge pages where the mapping allows. A kernel
/// that refuses (before Linux 5.14, or short of memory) leaves the pages to fault in as they
/// are touched: the memory is usable either way.
void populate(void *addr, std::size_t bytes) noexcept
{
#ifdef MADV_POPULATE_WRITE
    if (bytes > 0 && madvise(addr, bytes, MADV_POPULATE_WRITE) == 0)
        g_populated.fetch_add(bytes, std::memory_order_relaxed);
#else
    (void)addr;
    (void)bytes;
#endif
}

// The hooks run inside jemalloc, under its locks: system calls only, never malloc.

void *allocHook(ExtentHooks *, void *newAddr, std::size_t size, std::size_t alignment, bool *zero,
                bool *commit, unsigned)
{
    // Growing an extent in place is not offered: jemalloc then takes a new one.
    if (newAddr || size == 0)
        return nullptr;
    // Aligned to the huge page, so that whole huge pages back it from its first byte.
    const std::size_t align = std::max(alignment, kHugePage);
    const std::size_t mapped = size + align;
    if (mapped < size)
        return nullptr;
    void *p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return nullptr;
    const auto begin = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t start = (begin + align - 1) & ~(align - 1);
    if (start > begin)
        munmap(p, start - begin);
    if (begin + mapped > start + size)
        munmap(reinterpret_cast<void *>(start + size), begin + mapped - (start + size));
    void *out = reinterpret_cast<void *>(start);
    (void)madvise(out, size, MADV_HUGEPAGE);
    *zero = true;
    // Asked for committed memory (metadata, an extent taken whole): populated now when small
    // (see kPopulateWholeMax). Otherwise (the growing reserve jemalloc splits its pieces from)
    // the pieces are populated as they are committed, below.
    if (*commit && size <= kPopulateWholeMax)
        populate(out, size);
    return out;
}

bool commitHook(ExtentHooks *, void *addr, std::size_t, std::size_t offset, std::size_t length,
                unsigned)
{
    if (length <= kPopulateWholeMax)
        populate(static_cast<char *>(addr) + offset, length);
    return false;
}

/// Declined: jemalloc keeps the mapping for reuse, populated.
bool dallocHook(ExtentHooks *, void *, std::size_t, bool, unsigned)
{
    return true;
}

void destroyHook(ExtentHooks *, void *addr, std::size_t size, bool, unsigned)
{
    munmap(addr, size);
}

bool splitHook(ExtentHooks *, void *, std::size_t, std::size_t, std::size_t, bool, unsigned)
{
    return false;
}

bool mergeHook(ExtentHooks *, void *, std::size_t, void *, std::size_t, bool, unsigned)
{
    return false;
}

ExtentHooks g_hooks{allocHook, dallocHook, destroyHook, commitHook, nullptr,
                    nullptr,   nullptr,    splitHook,   mergeHook};

std::optional<unsigned> createArena() noexcept
{
    if (const char *setting = std::getenv("TA_POPULATED_ARENA");
        setting && std::strcmp(setting, "off") == 0)
        return std::nullopt;
    unsigned index = 0;
    std::size_t size = sizeof(index);
    ExtentHooks *hooks = &g_hooks;
    if (mallctl("arenas.create", &index, &size, &hooks, sizeof(hooks)) != 0)
        return std::nullopt;
    // Never purged: a page the run freed is reused as it is, not faulted in again.
    for (const char *decay : {"dirty_decay_ms", "muzzy_decay_ms"}) {
        char name[64];
        std::snprintf(name, sizeof(name), "arena.%u.%s", index, decay);
        ssize_t never = -1;
        (void)mallctl(name, nullptr, nullptr, &never, sizeof(never));
    }
    return index;
}

std::optional<unsigned> threadArena() noexcept
{
    unsigned index = 0;
    std::size_t size = sizeof(index);
    if (mallctl("thread.arena", &index, &size, nullptr, 0) != 0)
        return std::nullopt;
    return index;
}

/// Binds the calling thread to arena @p index; the arena it had before, or nullopt on failure.
/// The thread's cache is emptied too: it keeps blocks of the arena it was bound to before, and
/// would hand them out first.
std::optional<unsigned> bindTo(unsigned index) noexcept
{
    unsigned previous = 0;
    std::size_t size = sizeof(previous);
    if (mallctl("thread.arena", &previous, &size, &index, sizeof(index)) != 0)
        return std::nullopt;
    if (previous != index)
        (void)mallctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
    return previous;
}

thread_local bool t_bound = false;

} // namespace
#endif

namespace ta::core {

std::optional<unsigned> PopulatedArena::index() noexcept
{
#ifdef TA_POPULATED_ARENA
    static const std::optional<unsigned> arena = createArena();
    return arena;
#else
    return std::nullopt;
#endif
}

PopulatedArena::Scope::Scope() noexcept
{
#ifdef TA_POPULATED_ARENA
    if (const auto arena = index()) {
        m_previous = bindTo(*arena);
        if (m_previous)
            t_bound = true;
    }
#endif
}

PopulatedArena::Scope::~Scope()
{
#ifdef TA_POPULATED_ARENA
    if (m_previous) {
        (void)bindTo(*m_previous);
        t_bound = m_previous == index();
    }
#endif
}

void PopulatedArena::bindThisThread() noexcept
{
#ifdef TA_POPULATED_ARENA
    if (t_bound)
        return;
    if (const auto arena = index())
        t_bound = bindTo(*arena).has_value();
#endif
}

bool PopulatedArena::isThisThreadBound() noexcept
{
#ifdef TA_POPULATED_ARENA
    const auto arena = index();
    return arena && threadArena() == arena;
#else
    return false;
#endif
}

std::optional<unsigned> PopulatedArena::arenaOf(const void *allocation) noexcept
{
#ifdef TA_POPULATED_ARENA
    unsigned index = 0;
    std::size_t size = sizeof(index);
    const void *ptr = allocation;
    if (!ptr || mallctl("arenas.lookup", &index, &size, &ptr, sizeof(ptr)) != 0)
        return std::nullopt;
    return index;
#else
    (void)allocation;
    return std::nullopt;
#endif
}

std::size_t PopulatedArena::populatedBytes() noexcept
{
#ifdef TA_POPULATED_ARENA
    return g_populated.load(std::memory_order_relaxed);
#else
    return 0;
#endif
}

} // namespace ta::core
