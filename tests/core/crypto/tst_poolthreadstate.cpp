// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/PoolThreadState.h"

#include <QMutex>
#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <openssl/err.h>

#include <functional>

using namespace ta::core;

class TestPoolThreadState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyThreadsStateIsFreed();
    void returnsOnAPoolWithNoThreadsYet();
};

namespace {

struct Visit
{
    Qt::HANDLE thread = nullptr;
    unsigned long pendingError = 0;
};

/// Runs `work` once on each of the pool's threads at the same time, and returns what each saw.
QList<Visit> onEveryThread(QThreadPool &pool, const std::function<unsigned long()> &work)
{
    const int threads = pool.maxThreadCount();
    QSemaphore arrived;
    QSemaphore gate;
    QSemaphore left;
    QMutex mutex;
    QList<Visit> visits;
    for (int i = 0; i < threads; ++i) {
        pool.start([&] {
            const Visit visit{QThread::currentThreadId(), work()};
            {
                QMutexLocker lock(&mutex);
                visits.append(visit);
            }
            arrived.release();
            gate.acquire();
            left.release();
        });
    }
    arrived.acquire(threads);
    gate.release(threads);
    // Not pool.waitForDone(): it would end the threads, and the next round must find them.
    left.acquire(threads);
    return visits;
}

QSet<Qt::HANDLE> threadsOf(const QList<Visit> &visits)
{
    QSet<Qt::HANDLE> ids;
    for (const Visit &v : visits)
        ids.insert(v.thread);
    return ids;
}

} // namespace

void TestPoolThreadState::everyThreadsStateIsFreed()
{
    QThreadPool pool;
    pool.setMaxThreadCount(3);
    pool.setExpiryTimeout(-1); // the same threads serve every round
    // Each thread leaves an error on its OpenSSL error queue, which lives in its thread state.
    const QList<Visit> raised = onEveryThread(pool, [] {
        ERR_raise(ERR_LIB_USER, ERR_R_PASSED_NULL_PARAMETER);
        return ERR_peek_error();
    });
    QCOMPARE(raised.size(), 3);
    for (const Visit &v : raised)
        QVERIFY(v.pendingError != 0);

    // Without the release, the next round still sees each thread's error: proof that the
    // rounds share threads and state, so that the check after the release means something.
    const QList<Visit> kept = onEveryThread(pool, [] { return ERR_peek_error(); });
    QCOMPARE(threadsOf(kept), threadsOf(raised));
    for (const Visit &v : kept)
        QVERIFY(v.pendingError != 0);

    releaseOpenSslThreadState(pool);
    const QList<Visit> after = onEveryThread(pool, [] { return ERR_peek_error(); });
    QCOMPARE(threadsOf(after), threadsOf(raised));
    for (const Visit &v : after)
        QCOMPARE(v.pendingError, 0UL);
}

void TestPoolThreadState::returnsOnAPoolWithNoThreadsYet()
{
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    // It starts the threads it parks its tasks on; a hang here fails by ctest's timeout.
    releaseOpenSslThreadState(pool);
    QVERIFY(pool.waitForDone(10000));
    QCOMPARE(pool.activeThreadCount(), 0);
}

QTEST_GUILESS_MAIN(TestPoolThreadState)
#include "tst_poolthreadstate.moc"
