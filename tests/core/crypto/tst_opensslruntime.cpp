// SPDX-License-Identifier: Apache-2.0
// core/crypto/OpenSslRuntime.cpp: OpenSSL does not clean itself up at exit, when detached worker
// threads may still be using it or freeing their state.
#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <unistd.h>

class TestOpenSslRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noCleanupAtExit();
    void child();
};

namespace {

constexpr char ChildVariable[] = "TA_OPENSSL_RUNTIME_CHILD";

std::atomic<bool> g_watching{false};
std::atomic<bool> g_cleanupSeen{false};
std::atomic<bool> g_spinning{false};

/// Runs at exit, after any handler registered later, and so after the cleanup that OpenSSL
/// registers at its first use unless told not to: this is registered during static
/// initialisation, before the child's first OpenSSL call. It gives the watcher thread time to see
/// that cleanup, then reports.
void reportAtExit()
{
    if (!g_watching.load())
        return;
    for (int i = 0; i < 200 && !g_cleanupSeen.load(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const char *line = g_cleanupSeen.load() ? "openssl: cleanup-ran\n" : "openssl: no-cleanup\n";
    (void)!write(STDOUT_FILENO, line, std::strlen(line));
}

const int registered = std::atexit(reportAtExit);

} // namespace

void TestOpenSslRuntime::noCleanupAtExit()
{
    QVERIFY(registered == 0);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QLatin1String(ChildVariable), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("child")});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAllStandardOutput();
    QVERIFY2(out.contains("openssl: no-cleanup"), out.constData());
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
}

void TestOpenSslRuntime::child()
{
    if (qEnvironmentVariableIsEmpty(ChildVariable))
        QSKIP("runs in the child process that noCleanupAtExit starts");
    // OpenSSL in use, as it is in every run of the product: its first real call initialises it
    // (OPENSSL_init_crypto with no options, below, returns at once and registers nothing).
    unsigned char bytes[16];
    QCOMPARE(RAND_bytes(bytes, int(sizeof bytes)), 1);
    // A detached thread keeps using OpenSSL while the process exits, as a pool thread may. Once
    // OpenSSL has been cleaned up, its initialisation fails.
    std::thread([] {
        for (;;) {
            if (OPENSSL_init_crypto(0, nullptr) == 0) {
                g_cleanupSeen.store(true);
                return;
            }
            g_spinning.store(true);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }).detach();
    while (!g_spinning.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    g_watching.store(true);
    std::exit(0);
}

QTEST_GUILESS_MAIN(TestOpenSslRuntime)
#include "tst_opensslruntime.moc"
