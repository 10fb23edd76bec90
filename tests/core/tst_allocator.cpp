// SPDX-License-Identifier: Apache-2.0
// A normal build links jemalloc as the allocator of every program (CMakeLists.txt, TA_JEMALLOC):
// memory that this program, Qt and Graphviz ask malloc for is jemalloc's. Sanitizer builds keep
// their runtime's allocator and skip.
#include <QByteArray>
#include <QTest>

#include <cstdint>
#include <cstdlib>

#ifdef TA_JEMALLOC
extern "C" int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);

namespace {

// Bytes jemalloc has handed this thread so far.
uint64_t allocatedHere()
{
    uint64_t bytes = 0;
    size_t size = sizeof bytes;
    if (mallctl("thread.allocated", &bytes, &size, nullptr, 0) != 0)
        return 0;
    return bytes;
}

} // namespace
#endif

class TestAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mallocIsJemalloc()
    {
#ifndef TA_JEMALLOC
        QSKIP("built without jemalloc (a sanitizer or fuzz build)");
#else
        const char *version = nullptr;
        size_t size = sizeof version;
        QCOMPARE(mallctl("version", &version, &size, nullptr, 0), 0);
        QVERIFY(version && *version);
        constexpr size_t kBlock = 3 << 20;
        const uint64_t before = allocatedHere();
        void *p = std::malloc(kBlock);
        QVERIFY(p);
        const uint64_t afterMalloc = allocatedHere();
        std::free(p);
        // Qt's own allocations (QArrayData, in libQt6Core) go to the same allocator.
        const QByteArray bytes(qsizetype(kBlock), 'x');
        const uint64_t afterQt = allocatedHere();
        QVERIFY2(afterMalloc - before >= kBlock, "malloc is not jemalloc's");
        QVERIFY2(afterQt - afterMalloc >= kBlock, "Qt's allocations are not jemalloc's");
        QCOMPARE(bytes.size(), qsizetype(kBlock));
#endif
    }
};

QTEST_GUILESS_MAIN(TestAllocator)
#include "tst_allocator.moc"
