// SPDX-License-Identifier: Apache-2.0
// PopulatedArena binds a thread to a jemalloc arena of its own for a scope and restores the
// thread's arena after it; what the arena hands out, up to 2 MiB a piece, is resident before the
// program touches it (mincore), where a fresh block of jemalloc's own arenas is not. Builds without
// jemalloc have no such arena and skip. TA_POPULATED_ARENA=off turns it off for a process (this
// program, started again with --report).
#include "core/PopulatedArena.h"

#include <QProcess>
#include <QTest>

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <thread>
#include <vector>

using namespace ta::core;

namespace {

/// How many whole pages lie inside [data, data + bytes).
qsizetype wholePages(const void *data, std::size_t bytes)
{
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + page - 1) & ~(page - 1);
    const std::uintptr_t last = (begin + bytes) & ~(page - 1);
    return last > first ? qsizetype((last - first) / page) : 0;
}

/// How many of the whole pages inside [data, data + bytes) are resident; -1 when mincore fails.
qsizetype residentPages(const void *data, std::size_t bytes)
{
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (begin + page - 1) & ~(page - 1);
    const std::uintptr_t last = (begin + bytes) & ~(page - 1);
    if (last <= first)
        return 0;
    std::vector<unsigned char> in((last - first) / page);
    if (mincore(reinterpret_cast<void *>(first), last - first, in.data()) != 0)
        return -1;
    qsizetype n = 0;
    for (unsigned char c : in)
        n += c & 1;
    return n;
}

// A block under the 2 MiB up to which the arena populates what jemalloc takes, and one over it.
constexpr std::size_t kBlock = std::size_t(1) << 20;
constexpr std::size_t kLargeBlock = std::size_t(8) << 20;

} // namespace

class TestPopulatedArena : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aScopeBindsAndRestores();
    void handsOutResidentPages();
    void smallBlocksComeFromIt();
    void aLargeBlockIsLeftToItsOwner();
    void aThreadBoundForGoodStaysBound();
    void offInTheEnvironmentTurnsItOff();
};

void TestPopulatedArena::initTestCase()
{
    if (!PopulatedArena::index())
        QSKIP("built without jemalloc (a sanitizer or fuzz build), or jemalloc refused an arena");
}

void TestPopulatedArena::aScopeBindsAndRestores()
{
    QVERIFY(!PopulatedArena::isThisThreadBound());
    {
        const PopulatedArena::Scope outer;
        QVERIFY(PopulatedArena::isThisThreadBound());
        {
            const PopulatedArena::Scope inner;
            QVERIFY(PopulatedArena::isThisThreadBound());
        }
        QVERIFY(PopulatedArena::isThisThreadBound());
    }
    QVERIFY(!PopulatedArena::isThisThreadBound());
}

void TestPopulatedArena::handsOutResidentPages()
{
    // The control: a fresh block of jemalloc's own arena faults in as it is touched, so the
    // check below can tell the two apart.
    void *plain = std::malloc(kBlock);
    QVERIFY(plain);
    QCOMPARE(residentPages(plain, kBlock), qsizetype(0));
    std::free(plain);

    const std::size_t before = PopulatedArena::populatedBytes();
    void *block = nullptr;
    {
        const PopulatedArena::Scope arena;
        block = std::malloc(kBlock);
    }
    QVERIFY(block);
    QCOMPARE(PopulatedArena::arenaOf(block), PopulatedArena::index());
    // jemalloc may start a large block a few cache lines into its first page.
    QVERIFY(wholePages(block, kBlock) >=
            qsizetype(kBlock / std::size_t(sysconf(_SC_PAGESIZE))) - 1);
    QCOMPARE(residentPages(block, kBlock), wholePages(block, kBlock));
    QVERIFY(PopulatedArena::populatedBytes() >= before + kBlock);
    std::free(block);
}

void TestPopulatedArena::smallBlocksComeFromIt()
{
    std::vector<void *> blocks;
    {
        const PopulatedArena::Scope arena;
        for (int i = 0; i < 1000; ++i)
            blocks.push_back(std::malloc(48));
    }
    void *outside = std::malloc(48);
    for (void *b : blocks) {
        QVERIFY(b);
        QCOMPARE(PopulatedArena::arenaOf(b), PopulatedArena::index());
    }
    QVERIFY(PopulatedArena::arenaOf(outside) != PopulatedArena::index());
    for (void *b : blocks)
        std::free(b);
    std::free(outside);
}

void TestPopulatedArena::aLargeBlockIsLeftToItsOwner()
{
    // A table reserved for a whole run: its owner populates what it fills (populatePages).
    void *block = nullptr;
    {
        const PopulatedArena::Scope arena;
        block = std::malloc(kLargeBlock);
    }
    QVERIFY(block);
    QCOMPARE(PopulatedArena::arenaOf(block), PopulatedArena::index());
    QCOMPARE(residentPages(block, kLargeBlock), qsizetype(0));
    std::free(block);
}

void TestPopulatedArena::aThreadBoundForGoodStaysBound()
{
    std::optional<unsigned> seen;
    bool boundAfterScope = false;
    std::thread t([&] {
        PopulatedArena::bindThisThread();
        PopulatedArena::bindThisThread();
        {
            const PopulatedArena::Scope nested;
        }
        boundAfterScope = PopulatedArena::isThisThreadBound();
        void *b = std::malloc(64);
        seen = PopulatedArena::arenaOf(b);
        std::free(b);
    });
    t.join();
    QVERIFY(boundAfterScope);
    QCOMPARE(seen, PopulatedArena::index());
    QVERIFY(!PopulatedArena::isThisThreadBound());
}

void TestPopulatedArena::offInTheEnvironmentTurnsItOff()
{
    const auto report = [](const QString &setting) {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TA_POPULATED_ARENA"), setting);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--report")});
        if (!child.waitForFinished(30000) || child.exitCode() != 0)
            return QByteArray("(failed)");
        return child.readAllStandardOutput().trimmed();
    };
    QCOMPARE(report(QStringLiteral("off")), QByteArray("none unbound"));
    QCOMPARE(report(QStringLiteral("on")), QByteArray("arena bound"));
}

int main(int argc, char *argv[])
{
    // Started again by offInTheEnvironmentTurnsItOff: what this process's environment made of
    // the arena.
    if (argc == 2 && std::strcmp(argv[1], "--report") == 0) {
        const PopulatedArena::Scope scope;
        std::printf("%s %s\n", PopulatedArena::index() ? "arena" : "none",
                    PopulatedArena::isThisThreadBound() ? "bound" : "unbound");
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestPopulatedArena test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_populatedarena.moc"
