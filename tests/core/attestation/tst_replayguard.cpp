// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

#include <QRandomGenerator>
#include <QTest>

#include <map>

using namespace ta::core;

namespace {

const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);

} // namespace

class TestReplayGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondPresentationRefused();
    void rememberFirstIsFirstSeenThenRemember();
    void scopesAreSeparate();
    void pairsNeverCollide_data();
    void pairsNeverCollide();
    void forEachGivesBackEveryPair();
    void manyPairsAsAMapHoldsThem();
};

void TestReplayGuard::secondPresentationRefused()
{
    ReplayGuard guard;
    QVERIFY(!guard.seen(QStringLiteral("spiffe://td/agent/a"), QStringLiteral("n1")));
    QVERIFY(guard.remember(QStringLiteral("spiffe://td/agent/a"), QStringLiteral("n1"), kT0));
    QVERIFY(guard.seen(QStringLiteral("spiffe://td/agent/a"), QStringLiteral("n1")));
    // The second time is refused and keeps the first instant.
    QVERIFY(!guard.remember(QStringLiteral("spiffe://td/agent/a"), QStringLiteral("n1"),
                            kT0.addSecs(60)));
    QCOMPARE(guard.firstSeen(QStringLiteral("spiffe://td/agent/a"), QStringLiteral("n1")), kT0);
    QCOMPARE(guard.size(), 1);
}

void TestReplayGuard::rememberFirstIsFirstSeenThenRemember()
{
    ReplayGuard guard;
    const QString a = QStringLiteral("spiffe://td/w/a");
    QVERIFY(!guard.rememberFirst(a, QStringLiteral("n1"), kT0).isValid()); // new: recorded
    QCOMPARE(guard.firstSeen(a, QStringLiteral("n1")), kT0);
    // Seen: the first time comes back, and the later time is not recorded.
    QCOMPARE(guard.rememberFirst(a, QStringLiteral("n1"), kT0.addSecs(60)), kT0);
    QCOMPARE(guard.firstSeen(a, QStringLiteral("n1")), kT0);
    QVERIFY(!guard.remember(a, QStringLiteral("n1"), kT0.addSecs(120)));
    QVERIFY(guard.remember(a, QStringLiteral("n2"), kT0.addSecs(120)));
    QCOMPARE(guard.rememberFirst(a, QStringLiteral("n2"), kT0.addSecs(180)), kT0.addSecs(120));
    QCOMPARE(guard.size(), 2);
}

void TestReplayGuard::scopesAreSeparate()
{
    // Nonces are chosen per agent: another agent may use the same value.
    ReplayGuard guard;
    QVERIFY(guard.remember(QStringLiteral("a"), QStringLiteral("n"), kT0));
    QVERIFY(guard.remember(QStringLiteral("b"), QStringLiteral("n"), kT0));
    QVERIFY(!guard.firstSeen(QStringLiteral("c"), QStringLiteral("n")).isValid());
    QCOMPARE(guard.size(), 2);
}

void TestReplayGuard::pairsNeverCollide_data()
{
    QTest::addColumn<QString>("subjectA");
    QTest::addColumn<QString>("nonceA");
    QTest::addColumn<QString>("subjectB");
    QTest::addColumn<QString>("nonceB");
    const QChar nul(0);
    QTest::newRow("split moved") << "ab"
                                 << "c"
                                 << "a"
                                 << "bc";
    QTest::newRow("NUL in subject")
        << QString(QStringLiteral("a") + nul + QStringLiteral("b")) << "c"
        << "a" << QString(QStringLiteral("b") + nul + QStringLiteral("c"));
    QTest::newRow("digits and colon") << "1:"
                                      << "x"
                                      << "1"
                                      << ":x";
    QTest::newRow("empty nonce") << "ab"
                                 << ""
                                 << "a"
                                 << "b";
}

void TestReplayGuard::pairsNeverCollide()
{
    QFETCH(QString, subjectA);
    QFETCH(QString, nonceA);
    QFETCH(QString, subjectB);
    QFETCH(QString, nonceB);
    ReplayGuard guard;
    QVERIFY(guard.remember(subjectA, nonceA, kT0));
    QVERIFY(!guard.seen(subjectB, nonceB));
    QVERIFY(guard.remember(subjectB, nonceB, kT0));
    QCOMPARE(guard.size(), 2);
}

void TestReplayGuard::forEachGivesBackEveryPair()
{
    ReplayGuard guard;
    const QChar nul(0);
    const QList<QPair<QString, QString>> pairs{
        {QStringLiteral("spiffe://td/agent/x"), QStringLiteral("nonce-1")},
        {QStringLiteral("12:34"), QStringLiteral(":5")},
        {QString(QStringLiteral("a") + nul), QStringLiteral("b")},
        {QString(), QStringLiteral("lonely")}};
    int i = 0;
    for (const auto &p : pairs)
        QVERIFY(guard.remember(p.first, p.second, kT0.addSecs(i++)));
    QList<QPair<QString, QString>> back;
    guard.forEach([&](const QString &s, const QString &n, const QDateTime &t) {
        back.append({s, n});
        QCOMPARE(guard.firstSeen(s, n), t);
    });
    QCOMPARE(back.size(), pairs.size());
    for (const auto &p : pairs)
        QVERIFY(back.contains(p));
}

void TestReplayGuard::manyPairsAsAMapHoldsThem()
{
    // Enough pairs to double the table many times, with subjects and nonces repeating across
    // pairs (so that probes meet equal hashes' neighbours), checked against a map: each pair is
    // new exactly once, keeps its first instant, and comes back in the order first seen.
    ReplayGuard guard;
    std::map<std::pair<QString, QString>, QDateTime> expected;
    QList<std::pair<QString, QString>> order;
    QRandomGenerator random(7);
    for (int i = 0; i < 60000; ++i) {
        const QString subject = QStringLiteral("workload/app-%1").arg(random.bounded(20000));
        const QString nonce = QStringLiteral("lab-7-%1").arg(random.bounded(40));
        const QDateTime at = kT0.addSecs(i);
        const auto [it, added] = expected.try_emplace({subject, nonce}, at);
        if (added)
            order.append({subject, nonce});
        QCOMPARE(guard.rememberFirst(subject, nonce, at), added ? QDateTime() : it->second);
    }
    QCOMPARE(guard.size(), qsizetype(expected.size()));
    QVERIFY(guard.size() > 50000); // most were new
    for (const auto &[pair, at] : expected)
        QCOMPARE(guard.firstSeen(pair.first, pair.second), at);
    QVERIFY(!guard.seen(QStringLiteral("workload/app-20000"), QStringLiteral("lab-7-0")));
    QList<std::pair<QString, QString>> back;
    guard.forEach([&](const QString &s, const QString &n, const QDateTime &) {
        back.append({s, n});
    });
    QCOMPARE(back, order);
    // A copy is a guard of its own.
    ReplayGuard copy = guard;
    QVERIFY(copy.remember(QStringLiteral("s"), QStringLiteral("n"), kT0));
    QVERIFY(!guard.seen(QStringLiteral("s"), QStringLiteral("n")));
    QCOMPARE(copy.size(), guard.size() + 1);
}

QTEST_GUILESS_MAIN(TestReplayGuard)
#include "tst_replayguard.moc"
