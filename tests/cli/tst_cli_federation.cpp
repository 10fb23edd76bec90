// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli federation end to end: two workspaces, each serves its bundle endpoint in a
// process of its own and the other fetches over TLS on loopback, in both profiles; SVIDs of one
// then verify in the other with the fetched bundle. Refusals store nothing; SPIRE's JSON goes
// out and back in; --watch follows the refresh hint.
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// A `federation serve` process; stopped when it goes out of scope.
struct Server
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    quint16 port = 0;
    ~Server()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
};

} // namespace

class TestCliFederation : public QObject
{
    Q_OBJECT

private:
    CliRun cli(const QStringList &args) const { return runCli(m_dir.path(), args, 60000); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QString s(const char *text) { return QString::fromLatin1(text); }
    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool openssl(const QStringList &args) const
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(s("openssl"), args);
        return p.waitForFinished(60000) && p.exitCode() == 0;
    }
    std::unique_ptr<Server> serve(const QStringList &args) const
    {
        auto server = std::make_unique<Server>();
        server->process->setWorkingDirectory(m_dir.path());
        server->process->start(QStringLiteral(TA_CLI_PATH),
                               QStringList{s("federation"), s("serve")} + args +
                                   QStringList{s("--listen"), s("127.0.0.1:0")});
        if (!server->process->waitForReadyRead(30000))
            return nullptr;
        const QJsonObject line = QJsonDocument::fromJson(server->process->readLine()).object();
        server->port =
            quint16(line.value(QLatin1String("listening")).toString().section(u':', 1).toUInt());
        return server->port ? std::move(server) : nullptr;
    }
    QJsonArray relationships(const QString &ws) const
    {
        const CliRun r = cli({s("federation"), s("list"), ws, s("--json")});
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QLatin1String("relationships"))
            .toArray();
    }

    QTemporaryDir m_dir;
    QString m_a;
    QString m_b;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_a = path(s("a.atlas"));
        m_b = path(s("b.atlas"));
        for (const auto &[ws, td] : {std::pair{m_a, s("a.test")}, std::pair{m_b, s("b.test")}}) {
            QCOMPARE(cli({s("workspace"), s("init"), ws, s("--no-passphrase")}).code, 0);
            QCOMPARE(cli({s("td"), s("create"), ws, td}).code, 0);
            const CliRun b = cli({s("bundle"), s("export"), ws, s("--td"), td});
            QCOMPARE(b.code, 0);
            QFile f(path(td + s(".bundle.json")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(b.out);
        }
        // A web PKI made by OpenSSL itself: a CA and a leaf for localhost.
        QVERIFY(
            openssl({s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"),
                     s("ec_paramgen_curve:P-256"), s("-nodes"), s("-keyout"), s("ca.key"),
                     s("-out"), s("ca.pem"), s("-days"), s("2"), s("-subj"), s("/CN=Test CA")}));
        QVERIFY(openssl({s("req"), s("-newkey"), s("ec"), s("-pkeyopt"),
                         s("ec_paramgen_curve:P-256"), s("-nodes"), s("-keyout"), s("web.key"),
                         s("-out"), s("web.csr"), s("-subj"), s("/CN=localhost")}));
        QFile ext(path(s("web.ext")));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        ext.close();
        QVERIFY(openssl({s("x509"), s("-req"), s("-in"), s("web.csr"), s("-CA"), s("ca.pem"),
                         s("-CAkey"), s("ca.key"), s("-CAcreateserial"), s("-out"), s("web.pem"),
                         s("-days"), s("1"), s("-extfile"), s("web.ext")}));
    }

    void httpsSpiffeBothWaysThenSvidsVerify()
    {
        auto serverA = serve({m_a, s("--td"), s("a.test"), s("--profile"), s("https_spiffe")});
        auto serverB = serve({m_b, s("--td"), s("b.test"), s("--profile"), s("https_spiffe")});
        QVERIFY(serverA && serverB);
        const CliRun bFetches = cli(
            {s("federation"), s("fetch"), m_b, s("--td"), s("a.test"), s("--url"),
             s("https://127.0.0.1:%1/").arg(serverA->port), s("--profile"), s("https_spiffe"),
             s("--bundle"), s("a.test.bundle.json"), s("--out"), s("a.fetched.json"), s("--json")});
        QVERIFY2(bFetches.code == 0, bFetches.err.constData());
        QVERIFY(
            QJsonDocument::fromJson(bFetches.out).object().value(QLatin1String("stored")).toBool());
        const CliRun aFetches =
            cli({s("federation"), s("fetch"), m_a, s("--td"), s("b.test"), s("--url"),
                 s("https://127.0.0.1:%1/").arg(serverB->port), s("--profile"), s("https_spiffe"),
                 s("--endpoint-spiffe-id"), s("spiffe://b.test/spire/server"), s("--bundle"),
                 s("b.test.bundle.json"), s("--out"), s("b.fetched.json")});
        QVERIFY2(aFetches.code == 0, aFetches.err.constData());

        // A's SVIDs verify with the bundle B fetched, B's with the one A fetched.
        for (const auto &[ws, td, fetched] : {std::tuple{m_a, s("a.test"), s("a.fetched.json")},
                                              std::tuple{m_b, s("b.test"), s("b.fetched.json")}}) {
            const QString dir = path(td + s(".svid"));
            QCOMPARE(cli({s("svid"), s("x509"), ws, s("--spiffe-id"), s("spiffe://%1/api").arg(td),
                          s("--out"), dir})
                         .code,
                     0);
            const CliRun x = cli({s("verify"), s("x509"), s("--bundle"), fetched, s("--td"), td,
                                  s("--chain"), dir + s("/svid.pem")});
            QVERIFY2(x.code == 0, x.out.constData());
            const CliRun jwt = cli({s("svid"), s("jwt"), ws, s("--spiffe-id"),
                                    s("spiffe://%1/api").arg(td), s("--audience"), s("peer")});
            QCOMPARE(jwt.code, 0);
            const CliRun j =
                cli({s("verify"), s("jwt"), s("--bundle"), fetched, s("--td"), td, s("--audience"),
                     s("peer"), QString::fromLatin1(jwt.out.trimmed())});
            QVERIFY2(j.code == 0, j.out.constData());
        }
        const QJsonArray rels = relationships(m_b);
        QCOMPARE(rels.size(), 1);
        QCOMPARE(rels.at(0)[QLatin1String("peer")].toString(), s("a.test"));
        QCOMPARE(rels.at(0)[QLatin1String("fetched_bundles")].toInt(), 1);

        // Later fetches need no options: the stored relationship and the fetched bundle serve.
        const CliRun again =
            cli({s("federation"), s("fetch"), m_b, s("--td"), s("a.test"), s("--json")});
        QVERIFY2(again.code == 0, again.err.constData());
        QCOMPARE(
            QJsonDocument::fromJson(again.out).object().value(QLatin1String("stored")).toBool(),
            false);
    }

    void httpsWebFetch()
    {
        auto server = serve({m_a, s("--td"), s("a.test"), s("--profile"), s("https_web"),
                             s("--cert"), s("web.pem"), s("--key"), s("web.key")});
        QVERIFY(server);
        const QString ws = path(s("web.atlas"));
        QCOMPARE(cli({s("workspace"), s("init"), ws, s("--no-passphrase")}).code, 0);
        QCOMPARE(cli({s("td"), s("create"), ws, s("c.test")}).code, 0);
        // The host name in the URL is checked against the certificate: 127.0.0.1 is not localhost.
        const CliRun mismatch = cli({s("federation"), s("fetch"), ws, s("--td"), s("a.test"),
                                     s("--url"), s("https://127.0.0.1:%1/").arg(server->port),
                                     s("--profile"), s("https_web"), s("--ca-file"), s("ca.pem")});
        QCOMPARE(mismatch.code, 1);
        QVERIFY2(mismatch.err.contains("fed.hostname_mismatch"), mismatch.err.constData());
        QVERIFY(relationships(ws).isEmpty());
        // Without the pinned CA, the system's roots do not know the test CA.
        const CliRun unpinned =
            cli({s("federation"), s("fetch"), ws, s("--td"), s("a.test"), s("--url"),
                 s("https://localhost:%1/").arg(server->port), s("--profile"), s("https_web")});
        QCOMPARE(unpinned.code, 1);
        QVERIFY2(unpinned.err.contains("fed.untrusted_certificate"), unpinned.err.constData());
        const CliRun ok = cli({s("federation"), s("fetch"), ws, s("--td"), s("a.test"), s("--url"),
                               s("https://localhost:%1/").arg(server->port), s("--profile"),
                               s("https_web"), s("--ca-file"), s("ca.pem"), s("--json")});
        QVERIFY2(ok.code == 0, ok.err.constData());
        const QJsonArray rels = relationships(ws);
        QCOMPARE(rels.size(), 1);
        QVERIFY(rels.at(0)[QLatin1String("pinned_ca")].toBool());
        QCOMPARE(rels.at(0)[QLatin1String("profile")].toString(), s("https_web"));
    }

    void refusedFetchStoresNothing()
    {
        auto server = serve({m_a, s("--td"), s("a.test"), s("--profile"), s("https_spiffe"),
                             s("--spiffe-id"), s("spiffe://a.test/federation")});
        QVERIFY(server);
        const QString ws = path(s("refuse.atlas"));
        QCOMPARE(cli({s("workspace"), s("init"), ws, s("--no-passphrase")}).code, 0);
        QCOMPARE(cli({s("td"), s("create"), ws, s("d.test")}).code, 0);
        const CliRun r =
            cli({s("federation"), s("fetch"), ws, s("--td"), s("a.test"), s("--url"),
                 s("https://127.0.0.1:%1/").arg(server->port), s("--profile"), s("https_spiffe"),
                 s("--bundle"), s("a.test.bundle.json"), s("--json")});
        QCOMPARE(r.code, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("error")).toString(),
                 s("fed.spiffe_id_mismatch"));
        QVERIFY(r.err.startsWith("trustatlas-cli: error: fed.spiffe_id_mismatch: "));
        QVERIFY(relationships(ws).isEmpty());
        // Bad usage is exit 2 with its code.
        const CliRun bad = cli({s("federation"), s("add"), ws, s("--td"), s("a.test"), s("--url"),
                                s("https://x.example/"), s("--profile"), s("https_tls")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("fed.bad_profile"));
    }

    void watchFollowsRefreshHint()
    {
        auto server = serve({m_a, s("--td"), s("a.test"), s("--profile"), s("https_spiffe"),
                             s("--refresh-hint"), s("1s")});
        QVERIFY(server);
        QElapsedTimer clock;
        clock.start();
        const CliRun r = cli({s("federation"), s("fetch"), m_b, s("--td"), s("a.test"), s("--url"),
                              s("https://127.0.0.1:%1/").arg(server->port), s("--watch"),
                              s("--count"), s("3"), s("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        // The refresh hint raised A's sequence: the first fetch stores, the others find it
        // unchanged.
        QVERIFY(
            QJsonDocument::fromJson(lines.at(0)).object().value(QLatin1String("stored")).toBool());
        QVERIFY(
            !QJsonDocument::fromJson(lines.at(2)).object().value(QLatin1String("stored")).toBool());
        QVERIFY(clock.elapsed() >= 2000);
    }

    void spireJsonOutAndIn()
    {
        const CliRun list = cli({s("federation"), s("export"), m_b, s("--format"), s("spire-list"),
                                 s("--out"), s("spire-list.json")});
        QCOMPARE(list.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(read(s("spire-list.json"))).object();
        const QJsonObject rel =
            doc.value(QLatin1String("federation_relationships")).toArray().first().toObject();
        QCOMPARE(rel.value(QLatin1String("trust_domain")).toString(), s("a.test"));
        QCOMPARE(rel[QLatin1String("https_spiffe")][QLatin1String("endpoint_spiffe_id")].toString(),
                 s("spiffe://a.test/spire/server"));
        QVERIFY(rel.contains(QLatin1String("trust_domain_bundle")));

        const QString ws = path(s("imported.atlas"));
        QCOMPARE(cli({s("workspace"), s("init"), ws, s("--no-passphrase")}).code, 0);
        QCOMPARE(cli({s("td"), s("create"), ws, s("e.test")}).code, 0);
        const CliRun imported =
            cli({s("federation"), s("import"), ws, s("spire-list.json"), s("--json")});
        QVERIFY2(imported.code == 0, imported.err.constData());
        QCOMPARE(
            QJsonDocument::fromJson(imported.out).object().value(QLatin1String("bundles")).toInt(),
            1);
        const QJsonArray rels = relationships(ws);
        QCOMPARE(rels.size(), 1);
        QCOMPARE(rels.at(0)[QLatin1String("trust_domain")].toString(), s("e.test"));
        QCOMPARE(rels.at(0)[QLatin1String("sequence")],
                 relationships(m_b).at(0)[QLatin1String("sequence")]);
        // Importing it twice is refused as a whole.
        const CliRun twice = cli({s("federation"), s("import"), ws, s("spire-list.json")});
        QCOMPARE(twice.code, 2);
        QVERIFY(twice.err.contains("fed.relationship_exists"));

        const CliRun config =
            cli({s("federation"), s("export"), m_b, s("--format"), s("spire-config")});
        QCOMPARE(config.code, 0);
        QVERIFY(QJsonDocument::fromJson(config.out)
                    .object()[QLatin1String("federation")][QLatin1String("federates_with")]
                    .toObject()
                    .contains(QLatin1String("a.test")));
        QCOMPARE(cli({s("federation"), s("remove"), ws, s("--td"), s("a.test")}).code, 0);
        QVERIFY(relationships(ws).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliFederation)
#include "tst_cli_federation.moc"
