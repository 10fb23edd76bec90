// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace ta::core {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
/// huge pages (madvise MADV_HUGEPAGE; Linux, where THP is "madvise" or "always"). For a table
/// reserved at its final size and then filled, such as a first run's kept results: each 4 KiB
/// page it touches is otherwise a page fault, and on the virtual machines this project runs on
/// a fault costs about 9 microseconds (advising these tables took the 250,000-record bench from
/// 267,000 faults to 147,000). Smaller ranges, other systems and a kernel that refuses are left as
/// they are: it is advice, never a result.
void adviseHugePages(const void *data, std::size_t bytes) noexcept;

/// Faults in every whole 4 KiB page inside [data, data + bytes) in one system call
/// (madvise MADV_POPULATE_WRITE, Linux 5.14 and later), huge pages where the range was advised
/// for them: for a table about to be filled whole, such as the kept results of a workspace's
/// first run, whose size is known. Page by page, a first touch is a fault each; on this
/// project's virtual machines, populating 80 MiB took 16-20 ms where touching it took 220-290
/// ms, and 4 ms where huge pages were free. Ranges under kHugePageAdviceMinBytes, other systems
/// and a kernel that refuses are left as they are: the pages then fault in as they are touched.
void populatePages(const void *data, std::size_t bytes) noexcept;

/// The size below which adviseHugePages and populatePages do nothing: two huge pages.
inline constexpr std::size_t kHugePageAdviceMinBytes = std::size_t(4) << 20;

} // namespace ta::core
