// SPDX-License-Identifier: Apache-2.0
// ReplayResultCache shared by several consumers of one timeline (the app's time bar, decision log
// and policy studio): a replay that finds another one computing the same results waits for them
// instead of verifying every signature again, gives up waiting when cancelled, and computes them
// itself when the other one gave up.
#include "LabReplay.h"

#include "core/simulation/ReplayResultCache.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace ta::core;
using namespace ta::core::test;

namespace {

// Runs a replay on a thread of its own. Going out of scope (also when a check fails) ends the
// claim on the key, so that a replay still waiting returns, and joins the thread.
class ReplayThread
{
public:
    ReplayThread(std::shared_ptr<ReplayResultCache> cache, QByteArray key,
                 std::function<void()> run)
        : m_cache(std::move(cache)), m_key(std::move(key)), m_thread([this, run] {
              run();
              m_finished = true;
          })
    {}
    ~ReplayThread()
    {
        m_cache->release(m_key);
        m_thread.join();
    }
    bool finished() const { return m_finished; }

private:
    std::shared_ptr<ReplayResultCache> m_cache;
    QByteArray m_key;
    std::atomic_bool m_finished = false;
    std::thread m_thread;
};

} // namespace

class TestReplayResultCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void waiterIsServedWhatTheOtherReplayStored();
    void waiterGivesUpWhenCancelled();
    void waiterComputesWhenTheOtherReplayGivesUp();
    void recordsReadFromTheWorkspaceAreNamedByTheirRows();

private:
    /// A replay of three records through @p cache that counts its signature checks in @p work.
    TimelineReplay replay(const std::shared_ptr<ReplayResultCache> &cache,
                          const std::shared_ptr<TimelineReplay::SignatureWork> &work) const
    {
        TimelineReplay r = labReplay(m_f, records(), 2);
        r.setResultCache(cache);
        r.setSignatureWork(work);
        return r;
    }
    /// A node record and two of a workload on it.
    QList<EvidenceRecord> records() const
    {
        const QDateTime t = t0();
        const QStringList sel{QStringLiteral("k8s:ns:payments")};
        QList<EvidenceRecord> records{record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"),
                                             m_f.psatPayload(t.addSecs(-5)), t)};
        for (int i = 1; i <= 2; ++i)
            records << record(QStringLiteral("k8s"), QStringLiteral("workload/api"),
                              m_agent
                                  .sign(QStringLiteral("workload/api"), sel, {}, t.addSecs(60 * i),
                                        QStringLiteral("j%1").arg(i))
                                  .value(),
                              t.addSecs(60 * i));
        return records;
    }
    /// The results of a replay through @p r, as `evidence verify --json` lines.
    static QList<QJsonObject> results(const TimelineReplay &r, Result<qint64> *outcome = nullptr)
    {
        QList<QJsonObject> out;
        auto n = r.replay([&out](const AttestationResult &a) { out << a.toJson(); });
        if (outcome)
            *outcome = n;
        return out;
    }

    /// A replay through a fresh cache whose key another replay has claimed (is computing).
    struct Claimed
    {
        std::shared_ptr<ReplayResultCache> cache;
        std::shared_ptr<TimelineReplay::SignatureWork> work;
        TimelineReplay waiter;
        QByteArray key;
    };
    /// @p r without its cache and signature count: what a replay verifying alone gives.
    static TimelineReplay uncached(TimelineReplay r)
    {
        r.setResultCache({});
        r.setSignatureWork({});
        return r;
    }
    Claimed claimed() const
    {
        auto cache = std::make_shared<ReplayResultCache>();
        auto work = std::make_shared<TimelineReplay::SignatureWork>();
        TimelineReplay waiter = replay(cache, work);
        QByteArray key = waiter.cacheKey();
        if (!cache->claim(key))
            qFatal("a fresh cache refused a claim");
        return {std::move(cache), std::move(work), std::move(waiter), std::move(key)};
    }

    LabFixture m_f;
    AgentSigner m_agent;
};

void TestReplayResultCache::initTestCase()
{
    m_agent =
        m_f.agent(QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a"));
}

void TestReplayResultCache::waiterIsServedWhatTheOtherReplayStored()
{
    // Another replay computes the key: the waiter blocks until it stores its results.
    const auto [cache, work, waiter, key] = claimed();
    QList<QJsonObject> served;
    ReplayThread t(cache, key, [&] { served = results(waiter); });
    QTest::qWait(100);
    QVERIFY(served.isEmpty());
    // What the other replay stores (marked, to tell it from the waiter's own verification).
    std::vector<AttestationResult> stored;
    (void)uncached(waiter).replay([&stored](const AttestationResult &a) { stored.push_back(a); });
    QCOMPARE(stored.size(), size_t(3));
    for (AttestationResult &a : stored)
        a.line = 4242;
    cache->store(key, stored, {0, 1, 1});
    QTRY_VERIFY(t.finished());
    QCOMPARE(served.size(), 3);
    for (const QJsonObject &o : served)
        QCOMPARE(o.value(QStringLiteral("line")).toInteger(), 4242);
    QCOMPARE(work->checks.load(), 0);
}

void TestReplayResultCache::waiterGivesUpWhenCancelled()
{
    auto [cache, work, waiter, key] = claimed();
    std::atomic_bool cancel = false;
    waiter.setCancelled([&cancel] { return cancel.load(); });
    Result<qint64> outcome = qint64(0);
    ReplayThread t(cache, key, [&] { results(waiter, &outcome); });
    QTest::qWait(100);
    cancel = true;
    QTRY_VERIFY(t.finished());
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.error().code, QStringLiteral("replay.cancelled"));
}

void TestReplayResultCache::waiterComputesWhenTheOtherReplayGivesUp()
{
    const auto [cache, work, waiter, key] = claimed();
    QList<QJsonObject> computed;
    ReplayThread t(cache, key, [&] { computed = results(waiter); });
    QTest::qWait(100);
    QVERIFY(computed.isEmpty());
    cache->release(key);
    QTRY_VERIFY(t.finished());
    // Verified by the waiter itself, as a replay without a cache does, and kept for the next.
    QVERIFY(work->checks.load() > 0);
    QCOMPARE(computed, results(uncached(waiter)));
    QCOMPARE(cache->size(), size_t(3));
    QVERIFY(cache->find(key));
}

// Records read from the workspace come with the digest of their stored rows (the app's document
// takes it as it reads them): every consumer that is handed them (the time bar, the decision log,
// the studio, the graph, the what-if dock) finds the others' results under that digest, without
// serializing the records to name them; other rows are another key.
void TestReplayResultCache::recordsReadFromTheWorkspaceAreNamedByTheirRows()
{
    auto cache = std::make_shared<ReplayResultCache>();
    auto work = std::make_shared<TimelineReplay::SignatureWork>();
    const QList<EvidenceRecord> read = records();
    const auto consumer = [&](const QByteArray &rows) {
        TimelineReplay r = replay(cache, work);
        r.setRecords(read, rows);
        return r;
    };
    const TimelineReplay first = consumer("rows A");
    const QList<QJsonObject> verified = results(first);
    QCOMPARE(verified.size(), 3);
    const qint64 checks = work->checks;
    QVERIFY(checks > 0);
    const TimelineReplay second = consumer("rows A");
    QCOMPARE(second.cacheKey(), first.cacheKey());
    QCOMPARE(results(second), verified);
    QCOMPARE(work->checks.load(), checks);
    // Other rows, or records not read from the workspace: verified again.
    const TimelineReplay other = consumer("rows B");
    QVERIFY(other.cacheKey() != first.cacheKey());
    QCOMPARE(results(other), verified);
    QCOMPARE(work->checks.load(), 2 * checks);
    TimelineReplay inMemory = replay(cache, work);
    inMemory.setRecords(read);
    QVERIFY(inMemory.cacheKey() != first.cacheKey());
}

QTEST_GUILESS_MAIN(TestReplayResultCache)
#include "tst_replayresultcache.moc"
