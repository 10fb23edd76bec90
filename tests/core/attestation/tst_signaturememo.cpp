// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/SignatureMemo.h"
#include "core/crypto/Jose.h"

#include <QTest>
#include <QtConcurrent>

#include <atomic>
#include <cmath>
#include <cstring>
#include <ctime>

using namespace ta::core;

namespace {

// Out of line: GCC 12 inlining the memo's atomics into QtConcurrent's lambda warns falsely
// (-Wstringop-overflow on fetch_add through a region it thinks is empty).
[[gnu::noinline]] bool answersRight(SignatureMemo &memo, int check)
{
    const bool expected = check % 3 != 0;
    return memo.check("fp", {QByteArray::number(check)}, [expected] { return expected; }) ==
           expected;
}

} // namespace

class TestSignatureMemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rememberedOutcomeReused();
    void failuresRemembered();
    void everyInputIsPartOfTheKey_data();
    void everyInputIsPartOfTheKey();
    void withoutMemoAlwaysComputes();
    void clearForgets();
    void keepsItsOwnBytes();
    void keepsLastingTextInPlace();
    void manyChecksAndManyParts();
    void manyThreadsAgree();
    void timedChecksAreARandomShare();
    void aTimedCheckDoesNotCountTheClock();
};

void TestSignatureMemo::rememberedOutcomeReused()
{
    SignatureMemo memo;
    int calls = 0;
    auto verify = [&] {
        ++calls;
        return true;
    };
    QVERIFY(memo.check("fp", {"msg", "sig"}, verify));
    QVERIFY(memo.check("fp", {"msg", "sig"}, verify));
    QCOMPARE(calls, 1);
    QCOMPARE(memo.hits(), 1);
    QCOMPARE(memo.misses(), 1);
    QCOMPARE(memo.size(), 1);
}

void TestSignatureMemo::failuresRemembered()
{
    SignatureMemo memo;
    int calls = 0;
    auto bad = [&] {
        ++calls;
        return false;
    };
    QVERIFY(!memo.check("fp", {"msg", "forged"}, bad));
    // A remembered failure stays a failure, however the second caller would verify.
    QVERIFY(!memo.check("fp", {"msg", "forged"}, [] { return true; }));
    QCOMPARE(calls, 1);
}

void TestSignatureMemo::everyInputIsPartOfTheKey_data()
{
    QTest::addColumn<QByteArray>("fp");
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::newRow("other key") << QByteArray("fp2") << QByteArray("msg") << QByteArray("sig");
    QTest::newRow("other message") << QByteArray("fp") << QByteArray("msh") << QByteArray("sig");
    QTest::newRow("other signature") << QByteArray("fp") << QByteArray("msg") << QByteArray("sih");
    // The same bytes split differently are a different check.
    QTest::newRow("split moved") << QByteArray("fp") << QByteArray("msgs") << QByteArray("ig");
    QTest::newRow("fingerprint absorbs part")
        << QByteArray("fpmsg") << QByteArray("") << QByteArray("sig");
}

void TestSignatureMemo::everyInputIsPartOfTheKey()
{
    QFETCH(QByteArray, fp);
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    SignatureMemo memo;
    QVERIFY(memo.check("fp", {"msg", "sig"}, [] { return true; }));
    int calls = 0;
    QVERIFY(!memo.check(fp, {a, b}, [&] {
        ++calls;
        return false;
    }));
    QCOMPARE(calls, 1);
    QCOMPARE(memo.size(), 2);
}

void TestSignatureMemo::withoutMemoAlwaysComputes()
{
    int calls = 0;
    auto verify = [&] {
        ++calls;
        return true;
    };
    QVERIFY(checkSignature(nullptr, "fp", {"m"}, verify));
    QVERIFY(checkSignature(nullptr, "fp", {"m"}, verify));
    QCOMPARE(calls, 2);
    SignatureMemo memo;
    QVERIFY(checkSignature(&memo, "fp", {"m"}, verify));
    QVERIFY(checkSignature(&memo, "fp", {"m"}, verify));
    QCOMPARE(calls, 3);
}

void TestSignatureMemo::clearForgets()
{
    SignatureMemo memo;
    QVERIFY(memo.check("fp", {"m"}, [] { return true; }));
    memo.clear();
    QCOMPARE(memo.size(), 0);
    QVERIFY(!memo.check("fp", {"m"}, [] { return false; }));
}

void TestSignatureMemo::keepsItsOwnBytes()
{
    // The memo shares the caller's arrays instead of copying them. Bytes it cannot share (no
    // owner: fromRawData) are copied, and an array the caller changes afterwards detaches from
    // the memo's: either way the memo still compares the bytes that were checked.
    int calls = 0;
    auto counted = [&calls](bool outcome) {
        return [&calls, outcome] {
            ++calls;
            return outcome;
        };
    };
    SignatureMemo memo;
    char buffer[] = "message";
    QVERIFY(memo.check("fp", {QByteArray::fromRawData(buffer, 7), "sig"}, counted(true)));
    std::memcpy(buffer, "massage", 7);
    QVERIFY(memo.check("fp", {QByteArray("message"), "sig"}, counted(false)));
    QCOMPARE(calls, 1);
    QVERIFY(!memo.check("fp", {QByteArray("massage"), "sig"}, counted(false)));
    QCOMPARE(calls, 2);

    QByteArray signedBytes("signed");
    QVERIFY(memo.check("fp", {signedBytes, "sig"}, counted(true)));
    signedBytes[0] = 'S';
    QVERIFY(memo.check("fp", {QByteArray("signed"), "sig"}, counted(false)));
    QCOMPARE(calls, 3);
    QVERIFY(!memo.check("fp", {signedBytes, "sig"}, counted(false)));
    QCOMPARE(calls, 4);
}

void TestSignatureMemo::keepsLastingTextInPlace()
{
    // Text with static storage (an algorithm's name from Jose's table) is kept where it is, not
    // copied, and compares as its bytes: the same check given those bytes in an array of its
    // own is the one remembered, other bytes are not.
    static const char kAlg[] = "ES256";
    const SignatureMemo::Part lasting = SignatureMemo::Part::lasting(kAlg);
    QCOMPARE(static_cast<const void *>(lasting.bytes().constData()), kAlg); // its address
    QCOMPARE(lasting.bytes(), QByteArray("ES256"));
    const char *fromTable = Jose::algorithmText(JwsAlgorithm::ES256);
    QCOMPARE(static_cast<const void *>(SignatureMemo::Part::lasting(fromTable).bytes().constData()),
             fromTable);
    QCOMPARE(QByteArray(fromTable), Jose::algorithmName(JwsAlgorithm::ES256).toLatin1());

    int calls = 0;
    SignatureMemo memo;
    QVERIFY(memo.check("fp", {lasting, QByteArray("input"), "sig"}, [&] { return ++calls > 0; }));
    QVERIFY(memo.check("fp", {QByteArray("ES256"), QByteArray("input"), "sig"}, [&] {
        ++calls;
        return false;
    }));
    QCOMPARE(calls, 1);
    QVERIFY(
        !memo.check("fp", {SignatureMemo::Part::lasting("ES384"), QByteArray("input"), "sig"}, [&] {
            ++calls;
            return false;
        }));
    QCOMPARE(calls, 2);
}

void TestSignatureMemo::manyChecksAndManyParts()
{
    // Past the few checks kept in place, and with more parts than they hold, outcomes are
    // still remembered, each under all of its inputs.
    SignatureMemo memo;
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < 10; ++i) {
            const QByteArray n = QByteArray::number(i);
            const bool odd = i % 2 != 0;
            QCOMPARE(memo.check("fp", {"two", n}, [odd] { return odd; }), odd);
            QCOMPARE(memo.check("fp", {"four", n, "c", "d"}, [odd] { return !odd; }), !odd);
            QCOMPARE(memo.check("fp", {"four", n, "c", "e"}, [odd] { return odd; }), odd);
        }
    }
    QCOMPARE(memo.misses(), 30);
    QCOMPARE(memo.hits(), 30);
    QCOMPARE(memo.size(), 30);
}

void TestSignatureMemo::manyThreadsAgree()
{
    // Every thread asks about the same 64 checks; each outcome is the one its inputs give, and
    // no outcome is lost to a race.
    SignatureMemo memo;
    std::atomic<int> wrong{0};
    QList<int> work(2000);
    std::iota(work.begin(), work.end(), 0);
    QtConcurrent::blockingMap(work, [&memo, &wrong](int i) {
        if (!answersRight(memo, i % 64))
            ++wrong;
    });
    QCOMPARE(wrong.load(), 0);
    QCOMPARE(memo.size(), 64);
    QCOMPARE(memo.hits() + memo.misses(), 2000);
}

void TestSignatureMemo::timedChecksAreARandomShare()
{
    // Untimed: no clock is read. Timed: about one computed check in kTimedShare is timed, with
    // its CPU time; hits are never timed. 32,000 checks at 1/32 give 1,000 timed, give or take
    // 31 (one standard deviation): the bounds are 9 of them away. Each check's work is a few
    // microseconds, more than the clock's readings taken off it (see the next test).
    SignatureMemo untimed;
    for (int i = 0; i < 800; ++i)
        (void)untimed.check("fp", {QByteArray::number(i)}, [] { return true; });
    QCOMPARE(untimed.timedChecks(), 0);
    QCOMPARE(untimed.verifyCpuNanos(), 0);

    SignatureMemo memo;
    memo.setTimed(true);
    volatile quint64 sink = 0;
    for (int i = 0; i < 32000; ++i) {
        (void)memo.check("fp", {QByteArray::number(i)}, [&sink] {
            for (int k = 0; k < 5000; ++k)
                sink = sink + quint64(k);
            return true;
        });
    }
    const qint64 timed = memo.timedChecks();
    QVERIFY2(timed > 700 && timed < 1300, qPrintable(QString::number(timed)));
    QVERIFY(memo.verifyCpuNanos() > 0);
    QVERIFY(memo.verifyCpuNanosSquared() > 0);
    for (int i = 0; i < 32000; ++i)
        (void)memo.check("fp", {QByteArray::number(i)}, [] { return true; });
    QCOMPARE(memo.timedChecks(), timed);
    QCOMPARE(memo.hits(), 32000);
}

void TestSignatureMemo::aTimedCheckDoesNotCountTheClock()
{
    // Checks that do nothing, timed: what is left of their time is the clock's readings, which
    // the memo takes off. Under load (the suite runs two tests at a time, some of them threaded)
    // every interval grows alike, the readings' too, so the bound is set against back-to-back
    // readings taken here between the checks: left on, a timed check would cost about as much as
    // such a pair; taken off, a reading less. (A fixed bound of 0.4 readings failed 24 times out
    // of 40 with two busy loops beside the test, at 0.5 readings a check.)
    const qint64 reading = SignatureMemo::clockReadNanos();
    QVERIFY2(reading > 0 && reading < 100000, qPrintable(QString::number(reading)));
    QCOMPARE(SignatureMemo::clockReadNanos(), reading);
    const auto cpuNanos = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
    };
    SignatureMemo memo;
    memo.setTimed(true);
    double pairNanos = 0;
    qint64 pairs = 0;
    for (int i = 0; i < 32000; ++i) {
        (void)memo.check("fp", {QByteArray::number(i)}, [] { return true; });
        if (i % 16 == 0) {
            const qint64 first = cpuNanos();
            pairNanos += double(cpuNanos() - first);
            ++pairs;
        }
    }
    QVERIFY(memo.timedChecks() > 700);
    const double mean = double(memo.verifyCpuNanos()) / double(memo.timedChecks());
    const double pair = pairNanos / double(pairs);
    QVERIFY2(mean < pair - 0.5 * double(reading) && mean > -0.5 * double(reading),
             qPrintable(QStringLiteral("%1 ns a timed check, %2 ns a pair of readings now, %3 ns "
                                       "a reading")
                            .arg(mean)
                            .arg(pair)
                            .arg(reading)));
}

QTEST_GUILESS_MAIN(TestSignatureMemo)
#include "tst_signaturememo.moc"
