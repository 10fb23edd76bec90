// SPDX-License-Identifier: Apache-2.0
// Federation on loopback, beside OpenSSL in the same run: the latency of one bundle fetch (TCP,
// TLS handshake, HTTP GET, bundle parse and, for https_spiffe, the SPIFFE check of the endpoint)
// against `openssl s_time -new` on `openssl s_server -www` and one `openssl s_client` process;
// and requests per second our bundle endpoint serves against what `openssl s_server -www`
// serves, both driven by `openssl s_time -new`. One JSON line a case; --quick for a short run.
#include "BenchSupport.h"

#include "core/federation/BundleEndpointClient.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace ta::core;

namespace {

struct Process
{
    std::unique_ptr<QProcess> p = std::make_unique<QProcess>();
    ~Process()
    {
        if (p->state() != QProcess::NotRunning) {
            p->kill();
            p->waitForFinished(5000);
        }
    }
};

bool run(const QString &dir, const QString &program, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(program, args);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool waitForPort(quint16 port)
{
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(100))
            return true;
        QThread::msleep(50);
    }
    return false;
}

// Our bundle endpoint, `trustatlas-cli federation serve`, in a process of its own.
quint16 serveOurs(Process &server, const QString &dir, const QStringList &extra)
{
    server.p->setWorkingDirectory(dir);
    server.p->start(QStringLiteral(TA_CLI_PATH),
                    QStringList{QStringLiteral("federation"), QStringLiteral("serve"),
                                QStringLiteral("bench.atlas"), QStringLiteral("--td"),
                                QStringLiteral("bench.test"), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0")} +
                        extra);
    if (!server.p->waitForReadyRead(30000))
        return 0;
    const QByteArray line = server.p->readLine();
    const QRegularExpression port(QStringLiteral(":(\\d+)\""));
    const auto m = port.match(QString::fromUtf8(line));
    return m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
}

// Connections per wall-clock second `openssl s_time -new` makes to @p port in @p seconds.
double sTimeRate(const QString &dir, quint16 port, int seconds)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("s_time"), QStringLiteral("-connect"),
             QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-new"),
             QStringLiteral("-time"), QString::number(seconds), QStringLiteral("-www"),
             QStringLiteral("/")});
    if (!p.waitForFinished(120000))
        return -1;
    const qint64 wall = t.elapsed();
    const QRegularExpression done(QStringLiteral("(\\d+) connections in [0-9.]+s"));
    const auto m = done.match(QString::fromUtf8(p.readAllStandardOutput()));
    if (!m.hasMatch())
        return -1;
    return m.captured(1).toDouble() * 1000.0 / double(wall);
}

// Mean microseconds of one fetch with our client, sequential fetches over @p budgetMs.
double ourFetchMicros(const BundleFetchRequest &request, qint64 budgetMs, qint64 *count)
{
    BundleEndpointClient client;
    QEventLoop loop;
    QElapsedTimer total;
    qint64 n = 0;
    qint64 sumUs = 0;
    bool failed = false;
    QObject::connect(&client, &BundleEndpointClient::finished, &loop, [&] {
        if (!client.result()) {
            std::fprintf(stderr, "fetch failed: %s\n",
                         client.result().error().toString().toUtf8().constData());
            failed = true;
            loop.quit();
            return;
        }
        ++n;
        sumUs += client.elapsedMicroseconds();
        if (total.elapsed() >= budgetMs)
            loop.quit();
        else
            client.fetch(request);
    });
    total.start();
    client.fetch(request);
    loop.exec();
    *count = n;
    return failed || n == 0 ? -1 : double(sumUs) / double(n);
}

// Mean microseconds of one `openssl s_client` process fetching / from @p port (process start
// included: what a script fetching a bundle with OpenSSL's command line pays).
double sClientMicros(const QString &dir, quint16 port, int runs)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("openssl"),
                {QStringLiteral("s_client"), QStringLiteral("-quiet"), QStringLiteral("-connect"),
                 QStringLiteral("127.0.0.1:%1").arg(port)});
        p.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        if (!p.waitForFinished(30000) || !p.readAllStandardOutput().startsWith("HTTP/1."))
            return -1;
    }
    return double(t.nsecsElapsed()) / 1000.0 / runs;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qint64 budget = ta::bench::budgetMs(args);
    const int seconds = budget < 1000 ? 1 : 2;
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    const QString d = dir.path();

    // The bundle's workspace, and one P-256 web certificate for localhost that our endpoint
    // (https_web) and openssl s_server both present.
    {
        auto ws = Workspace::create(dir.filePath(QStringLiteral("bench.atlas")), std::nullopt);
        if (!ws || !(*ws)->createTrustDomain(TrustDomain::fromName(u"bench.test").value(),
                                             CaSettings{}, QDateTime::currentDateTimeUtc()))
            return 2;
    }
    if (!run(d, QStringLiteral("openssl"),
             {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
              QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
              QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
              QStringLiteral("-keyout"), QStringLiteral("web.key"), QStringLiteral("-out"),
              QStringLiteral("web.pem"), QStringLiteral("-days"), QStringLiteral("1"),
              QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
              QStringLiteral("subjectAltName=DNS:localhost")}))
        return 2;

    Process spiffe;
    Process web;
    Process reference;
    const quint16 spiffePort =
        serveOurs(spiffe, d, {QStringLiteral("--profile"), QStringLiteral("https_spiffe")});
    const quint16 webPort = serveOurs(web, d,
                                      {QStringLiteral("--profile"), QStringLiteral("https_web"),
                                       QStringLiteral("--cert"), QStringLiteral("web.pem"),
                                       QStringLiteral("--key"), QStringLiteral("web.key")});
    const quint16 refPort = freePort();
    reference.p->setWorkingDirectory(d);
    reference.p->start(QStringLiteral("openssl"),
                       {QStringLiteral("s_server"), QStringLiteral("-accept"),
                        QStringLiteral("127.0.0.1:%1").arg(refPort), QStringLiteral("-cert"),
                        QStringLiteral("web.pem"), QStringLiteral("-key"),
                        QStringLiteral("web.key"), QStringLiteral("-www"),
                        QStringLiteral("-quiet")});
    if (!spiffePort || !webPort || !waitForPort(refPort)) {
        std::fprintf(stderr, "a server did not start\n");
        return 2;
    }

    auto bundle = [&] {
        auto ws = Workspace::open(dir.filePath(QStringLiteral("bench.atlas")), {});
        return ws ? (*ws)->bundle(QStringLiteral("bench.test")) : Result<TrustBundle>(ws.error());
    }();
    if (!bundle)
        return 2;
    BundleFetchRequest spiffeRequest;
    spiffeRequest.trustDomain = bundle->trustDomain();
    spiffeRequest.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(spiffePort));
    spiffeRequest.profile = BundleEndpointProfile::HttpsSpiffe;
    spiffeRequest.endpointSpiffeId =
        SpiffeId::fromString(u"spiffe://bench.test/spire/server").value();
    spiffeRequest.endpointBundle = *bundle;
    BundleFetchRequest webRequest;
    webRequest.trustDomain = bundle->trustDomain();
    webRequest.url = QUrl(QStringLiteral("https://localhost:%1/").arg(webPort));
    webRequest.profile = BundleEndpointProfile::HttpsWeb;
    webRequest.caCertificates = Certificate::listFromPem([&] {
                                    QFile f(dir.filePath(QStringLiteral("web.pem")));
                                    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                }())
                                    .value();

    // OpenSSL's own client and server: one new TLS connection with a GET, and one s_client
    // process fetching our bundle.
    const double refRate = sTimeRate(d, refPort, seconds);
    const double refUs = refRate > 0 ? 1e6 / refRate : -1;
    const double sClientUs = sClientMicros(d, spiffePort, budget < 1000 ? 3 : 10);
    for (const auto &[name, request] : {std::pair{QStringLiteral("https_spiffe"), spiffeRequest},
                                        std::pair{QStringLiteral("https_web"), webRequest}}) {
        qint64 fetches = 0;
        const double oursUs = ourFetchMicros(request, budget, &fetches);
        ta::bench::emitLine(
            {{QStringLiteral("case"), QStringLiteral("fetch_latency_") + name},
             {QStringLiteral("fetches"), fetches},
             {QStringLiteral("ours_us"), oursUs},
             {QStringLiteral("openssl_s_time_us"), refUs},
             {QStringLiteral("openssl_s_client_process_us"), sClientUs},
             {QStringLiteral("ratio_vs_s_time"), oursUs > 0 && refUs > 0 ? refUs / oursUs : -1}});
    }

    // Requests per second served, the same client (s_time -new) against both servers.
    const double oursRate = sTimeRate(d, webPort, seconds);
    const double oursSpiffeRate = sTimeRate(d, spiffePort, seconds);
    const double refServed = sTimeRate(d, refPort, seconds);
    ta::bench::emitLine(
        {{QStringLiteral("case"), QStringLiteral("served_per_second_https_web")},
         {QStringLiteral("ours"), oursRate},
         {QStringLiteral("openssl_s_server"), refServed},
         {QStringLiteral("ratio"), oursRate > 0 && refServed > 0 ? oursRate / refServed : -1}});
    ta::bench::emitLine({{QStringLiteral("case"), QStringLiteral("served_per_second_https_spiffe")},
                         {QStringLiteral("ours"), oursSpiffeRate},
                         {QStringLiteral("openssl_s_server"), refServed},
                         {QStringLiteral("ratio"),
                          oursSpiffeRate > 0 && refServed > 0 ? oursSpiffeRate / refServed : -1}});
    return 0;
}
