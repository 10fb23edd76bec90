// SPDX-License-Identifier: Apache-2.0
// adviseHugePages marks exactly the whole 2 MiB pages inside a large range for transparent huge
// pages, and leaves small ranges and the bytes around the whole pages alone: read back from the
// kernel's own account of the mapping (/proc/self/smaps, VmFlags "hg"). populatePages makes
// exactly the whole pages inside its range resident (mincore).
#include "core/HugePages.h"

#include <QFile>
#include <QTest>

#include <sys/mman.h>

#include <cstdint>
#include <optional>
#include <vector>

using namespace ta::core;

namespace {

constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;

/// Whether the mapping holding @p address is marked for huge pages; nullopt when smaps does not
/// say (no such mapping, no VmFlags).
std::optional<bool> markedHuge(const void *address)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto a = reinterpret_cast<std::uintptr_t>(address);
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        bool okLow = false;
        bool okHigh = false;
        if (dash > 0 && space > dash) {
            const auto low = line.left(dash).toULongLong(&okLow, 16);
            const auto high = line.mid(dash + 1, space - dash - 1).toULongLong(&okHigh, 16);
            if (okLow && okHigh) {
                inside = a >= low && a < high;
                continue;
            }
        }
        if (inside && line.startsWith("VmFlags:"))
            return line.split(' ').contains("hg");
    }
    return std::nullopt;
}

} // namespace

class TestHugePages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void marksTheWholeHugePagesInside();
    void leavesSmallRangesAlone();
    void nullAndEmptyAreNoOps();
    void populatesTheWholePagesInside();

private:
    char *m_map = nullptr;
    std::size_t m_bytes = 0;
};

void TestHugePages::initTestCase()
{
    if (!QFile::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
        QSKIP("this kernel has no transparent huge pages");
    // 16 MiB, so that a range starting off a 2 MiB boundary still holds several whole pages.
    m_bytes = std::size_t(16) << 20;
    void *p = mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(p != MAP_FAILED);
    m_map = static_cast<char *>(p);
    QCOMPARE(markedHuge(m_map), std::optional<bool>(false));
}

void TestHugePages::marksTheWholeHugePagesInside()
{
    // A range that starts 1 MiB + 100 bytes past a 2 MiB boundary and ends 300 bytes short of
    // one: its first and last partial huge pages stay as they were.
    const auto base = (reinterpret_cast<std::uintptr_t>(m_map) + kHuge - 1) & ~(kHuge - 1);
    const auto begin = base + (std::uintptr_t(1) << 20) + 100;
    const auto end = base + 5 * kHuge - 300;
    QVERIFY(end <= reinterpret_cast<std::uintptr_t>(m_map) + m_bytes);
    adviseHugePages(reinterpret_cast<const void *>(begin), end - begin);
    const auto at = [](std::uintptr_t a) { return markedHuge(reinterpret_cast<const void *>(a)); };
    QCOMPARE(at(begin), std::optional<bool>(false));
    QCOMPARE(at(base + kHuge - 1), std::optional<bool>(false));
    QCOMPARE(at(base + kHuge), std::optional<bool>(true));
    QCOMPARE(at(base + 4 * kHuge - 1), std::optional<bool>(true));
    QCOMPARE(at(base + 4 * kHuge), std::optional<bool>(false));
    QCOMPARE(at(end - 1), std::optional<bool>(false));
}

void TestHugePages::leavesSmallRangesAlone()
{
    // Under kHugePageAdviceMinBytes nothing is marked, even whole aligned huge pages.
    void *p = mmap(nullptr, 8 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(p != MAP_FAILED);
    const auto base = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
    adviseHugePages(reinterpret_cast<const void *>(base), kHugePageAdviceMinBytes - 1);
    QCOMPARE(markedHuge(reinterpret_cast<const void *>(base)), std::optional<bool>(false));
    adviseHugePages(reinterpret_cast<const void *>(base), kHugePageAdviceMinBytes);
    QCOMPARE(markedHuge(reinterpret_cast<const void *>(base)), std::optional<bool>(true));
    munmap(p, 8 * kHuge);
}

void TestHugePages::nullAndEmptyAreNoOps()
{
    adviseHugePages(nullptr, std::size_t(64) << 20);
    adviseHugePages(m_map, 0);
    QCOMPARE(markedHuge(m_map), std::optional<bool>(false));
}

void TestHugePages::populatesTheWholePagesInside()
{
    // A fresh mapping has no page resident (mincore); populatePages makes exactly the whole
    // 4 KiB pages inside its range resident, and leaves ranges under the minimum alone.
    constexpr std::size_t page = 4096;
    const std::size_t bytes = std::size_t(8) << 20;
    void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(p != MAP_FAILED);
    auto *map = static_cast<char *>(p);
    // 4 KiB pages only, whatever the system's THP setting: counted one by one below.
    (void)madvise(map, bytes, MADV_NOHUGEPAGE);
    if (madvise(map, page, MADV_POPULATE_WRITE) != 0) {
        munmap(p, bytes);
        QSKIP("this kernel cannot populate pages (MADV_POPULATE_WRITE)");
    }
    std::vector<unsigned char> resident(bytes / page);
    const auto residentPages = [&] {
        QList<std::size_t> pages;
        if (mincore(map, bytes, resident.data()) != 0)
            return QList<std::size_t>{bytes};
        for (std::size_t i = 0; i < resident.size(); ++i) {
            if (resident[i] & 1)
                pages << i;
        }
        return pages;
    };
    QCOMPARE(residentPages(), QList<std::size_t>{0});

    populatePages(map + 2 * page, kHugePageAdviceMinBytes - 1);
    QCOMPARE(residentPages(), QList<std::size_t>{0});

    // From 100 bytes into page 3 to 200 bytes into page 1027: pages 4 to 1026.
    populatePages(map + 3 * page + 100, 1024 * page + 100);
    const QList<std::size_t> pages = residentPages();
    QCOMPARE(pages.size(), 1 + 1023);
    QCOMPARE(pages.at(1), std::size_t(4));
    QCOMPARE(pages.last(), std::size_t(1026));
    populatePages(nullptr, bytes);
    munmap(p, bytes);
}

QTEST_GUILESS_MAIN(TestHugePages)
#include "tst_hugepages.moc"
