// SPDX-License-Identifier: Apache-2.0
// Through the executable: `simulate` keeps the attestation results of the workspace's records in
// the workspace, sealed under the user's key ($XDG_DATA_HOME/trustatlas/result-seal.key), and the
// next run is served from them; --verify-all and another user's key verify every record again.
// `graph export` reads and keeps the same results.
#include "CliRun.h"

#include "core/crypto/Digest.h"
#include "core/simulation/StoredReplayResults.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ta;

class TestCliKeptResults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void nextRunIsServedFromTheWorkspace();
    void verifyAllKeepsNothing();
    void explainKeepsThem();
    void graphExportReadsWhatSimulateKept();
    void reportKeepsThem();
    void freshnessIsOneSettingForEveryVerb();
    void onATerminalTheVerbsSayTheyReadKeptResults();

private:
    CliRun cli(const QStringList &args) const { return runCli(m_dir.path(), args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString keyPath() const
    {
        return m_home.filePath(QStringLiteral("trustatlas/result-seal.key"));
    }
    /// A fresh workspace with the lab's records.
    QString labCopy(const QString &name) const;
    static qint64 keptSets(const QString &ws);
    /// Marks every kept result of @p subject refused, sealed with the user's key as it is.
    void forgeRefused(const QString &ws, const QString &subject) const;

    QTemporaryDir m_dir;
    QTemporaryDir m_home;
};

void TestCliKeptResults::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_home.isValid());
    // The executable inherits this: its key goes to a folder of this test's own.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.path()));
    const CliRun r =
        cli({QStringLiteral("lab"), QStringLiteral("generate"), path(QStringLiteral("lab.atlas")),
             QStringLiteral("--nodes"), QStringLiteral("3"), QStringLiteral("--workloads"),
             QStringLiteral("9"), QStringLiteral("--records"), QStringLiteral("300"),
             QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--start"),
             QStringLiteral("2026-04-07T10:00:00Z"), QStringLiteral("--no-passphrase")});
    QVERIFY2(r.code == 0, r.err.constData());
    QFile grant(path(QStringLiteral("grant.json")));
    QVERIFY(grant.open(QIODevice::WriteOnly));
    grant.write(R"({"policies": [{"name": "node-0", "effect": "grant",
        "trust_domain": "lab.example", "spiffe_id": "spiffe://lab.example/node/lab-0",
        "condition": "subject == 'node/lab-0' && verdict == 'affirming'",
        "x509_svid_ttl": 900}]})");
}

QString TestCliKeptResults::labCopy(const QString &name) const
{
    const QString copy = path(name);
    if (!QFile::copy(path(QStringLiteral("lab.atlas")), copy))
        qFatal("copy failed");
    return copy;
}

qint64 TestCliKeptResults::keptSets(const QString &ws)
{
    auto w = core::Workspace::open(ws, QByteArray());
    if (!w)
        qFatal("%s", qPrintable(w.error().toString()));
    auto st = (*w)->database().prepare(QStringLiteral("SELECT count(*) FROM replay_result_sets"));
    if (!st || !st->next())
        qFatal("no count");
    return st->int64(0);
}

void TestCliKeptResults::forgeRefused(const QString &ws, const QString &subject) const
{
    QFile keyFile(keyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray key = keyFile.readAll();
    auto w = core::Workspace::open(ws, QByteArray());
    QVERIFY(w.ok());
    auto st = (*w)->database().prepare(QStringLiteral("SELECT key FROM replay_result_sets"));
    QVERIFY(st.ok() && st->next());
    const QByteArray setKey = st->blob(0);
    core::StoredReplayResults stored((*w)->database(), key);
    auto loaded = stored.load(setKey);
    QVERIFY(loaded.ok() && *loaded);
    std::vector<core::AttestationResult> results = **loaded;
    for (core::AttestationResult &r : results) {
        if (r.subject == subject)
            r.refuse(QStringLiteral("signature_invalid"));
    }
    QVERIFY(stored.save(setKey, results).ok());
}

void TestCliKeptResults::nextRunIsServedFromTheWorkspace()
{
    const QString ws = labCopy(QStringLiteral("served.atlas"));
    const QStringList simulate{QStringLiteral("simulate"), ws, QStringLiteral("--json"),
                               QStringLiteral("--policies"), path(QStringLiteral("grant.json"))};
    const CliRun first = cli(simulate);
    QVERIFY2(first.code == 0, first.err.constData());
    QCOMPARE(first.err, QByteArray());
    QVERIFY(first.out.contains("\"event\":\"issued\""));
    QCOMPARE(keptSets(ws), qint64(1));
    QFile keyFile(keyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    const QByteArray key = keyFile.readAll();
    QCOMPARE(key.size(), 32);
    QCOMPARE(keyFile.permissions() & 0x0077, QFileDevice::Permissions());
    keyFile.close();
    QCOMPARE(cli(simulate).out, first.out);

    // The kept results are what the next run reads: one holding the user's key makes every
    // record of node/lab-0 refused, and the run issues nothing, checking no signature.
    forgeRefused(ws, QStringLiteral("node/lab-0"));
    const CliRun forged = cli(simulate);
    QVERIFY2(forged.code == 0, forged.err.constData());
    QVERIFY2(!forged.out.contains("\"event\":\"issued\""), forged.out.constData());

    // --verify-all verifies every signature: the log as first computed.
    QCOMPARE(cli(simulate + QStringList{QStringLiteral("--verify-all")}).out, first.out);
    // Under another user's key the set is refused and every record verified again.
    QVERIFY(keyFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    keyFile.write(core::randomBytes(32));
    keyFile.close();
    const CliRun otherUser = cli(simulate);
    QVERIFY2(otherUser.code == 0, otherUser.err.constData());
    QCOMPARE(otherUser.out, first.out);
    QCOMPARE(keptSets(ws), qint64(1));
    // A key others may read is not used: the run verifies and keeps nothing new.
    QVERIFY(QFile::setPermissions(keyPath(), keyFile.permissions() | QFileDevice::ReadOther));
    const QString fresh = labCopy(QStringLiteral("fresh.atlas"));
    QStringList onFresh = simulate;
    onFresh[1] = fresh;
    const CliRun exposed = cli(onFresh);
    QVERIFY2(exposed.code == 0, exposed.err.constData());
    QCOMPARE(exposed.out, first.out);
    QCOMPARE(keptSets(fresh), qint64(0));
    QVERIFY(QFile::setPermissions(keyPath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestCliKeptResults::verifyAllKeepsNothing()
{
    const QString ws = labCopy(QStringLiteral("verify-all.atlas"));
    const CliRun r = cli(
        {QStringLiteral("simulate"), ws, QStringLiteral("--json"), QStringLiteral("--verify-all")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(keptSets(ws), qint64(0));
    // what-if keeps them as simulate does, and leaves them with --verify-all.
    QFile none(path(QStringLiteral("none.json")));
    QVERIFY(none.open(QIODevice::WriteOnly));
    none.write(R"({"policies": []})");
    none.close();
    const QStringList whatIf{QStringLiteral("what-if"), ws, QStringLiteral("--policies"),
                             none.fileName(), QStringLiteral("--json")};
    const CliRun all = cli(whatIf + QStringList{QStringLiteral("--verify-all")});
    QVERIFY2(all.code == 0, all.err.constData());
    QCOMPARE(keptSets(ws), qint64(0));
    const CliRun kept = cli(whatIf);
    QVERIFY2(kept.code == 0, kept.err.constData());
    QCOMPARE(kept.out, all.out);
    QCOMPARE(keptSets(ws), qint64(1));
}

void TestCliKeptResults::explainKeepsThem()
{
    const QString ws = labCopy(QStringLiteral("explain.atlas"));
    const QStringList explain{QStringLiteral("explain"), ws, QStringLiteral("--subject"),
                              QStringLiteral("node/lab-0"), QStringLiteral("--json")};
    const CliRun all = cli(explain + QStringList{QStringLiteral("--verify-all")});
    QVERIFY2(all.code == 0, all.err.constData());
    QCOMPARE(keptSets(ws), qint64(0));
    const CliRun first = cli(explain);
    QVERIFY2(first.code == 0, first.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    const CliRun second = cli(explain);
    QCOMPARE(second.out, first.out);
    QCOMPARE(first.out, all.out);
    // simulate finds the set explain kept: still one.
    const CliRun simulated = cli({QStringLiteral("simulate"), ws, QStringLiteral("--json")});
    QVERIFY2(simulated.code == 0, simulated.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
}

// The graph attests the timeline with the simulation's engine: `graph export` reads the results
// `simulate` kept, and keeps them when none are.
void TestCliKeptResults::graphExportReadsWhatSimulateKept()
{
    const QString ws = labCopy(QStringLiteral("graph.atlas"));
    // The lab's last record is at 10:09:59.
    const auto exportJson = [&](const QString &out, const QStringList &more = {}) {
        const CliRun r =
            cli(QStringList{QStringLiteral("graph"), QStringLiteral("export"), ws,
                            QStringLiteral("--format"), QStringLiteral("json"),
                            QStringLiteral("--at"), QStringLiteral("2026-04-07T10:09:59Z"),
                            QStringLiteral("--out"), path(out)} +
                more);
        QFile f(path(out));
        if (r.code != 0 || !f.open(QIODevice::ReadOnly))
            qFatal("graph export: %d %s", r.code, r.err.constData());
        return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("nodes"));
    };
    const auto statusOf = [](const QJsonValue &nodes, const QString &id) {
        for (const QJsonValue &n : nodes.toArray()) {
            if (n.toObject().value(QLatin1String("id")).toString() == id)
                return n.toObject().value(QLatin1String("status")).toString();
        }
        return QString();
    };
    const QJsonValue all = exportJson(QStringLiteral("all.json"), {QStringLiteral("--verify-all")});
    QCOMPARE(statusOf(all, QStringLiteral("node/lab-0")), QStringLiteral("attested"));
    QCOMPARE(keptSets(ws), qint64(0));
    const CliRun simulated = cli({QStringLiteral("simulate"), ws, QStringLiteral("--json")});
    QVERIFY2(simulated.code == 0, simulated.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    QCOMPARE(exportJson(QStringLiteral("kept.json")), all);
    // What the graph read were the kept results: forged ones show.
    forgeRefused(ws, QStringLiteral("node/lab-0"));
    const QJsonValue forged = exportJson(QStringLiteral("forged.json"));
    QCOMPARE(statusOf(forged, QStringLiteral("node/lab-0")), QStringLiteral("refused"));
    QCOMPARE(exportJson(QStringLiteral("again.json"), {QStringLiteral("--verify-all")}), all);
    // On a workspace without kept results, graph export keeps them, and simulate reads them.
    const QString fresh = labCopy(QStringLiteral("graph-first.atlas"));
    const CliRun first =
        cli({QStringLiteral("graph"), QStringLiteral("export"), fresh, QStringLiteral("--format"),
             QStringLiteral("dot"), QStringLiteral("--out"), path(QStringLiteral("first.dot"))});
    QVERIFY2(first.code == 0, first.err.constData());
    QCOMPARE(keptSets(fresh), qint64(1));
    forgeRefused(fresh, QStringLiteral("node/lab-0"));
    const QStringList simulate{QStringLiteral("simulate"), fresh, QStringLiteral("--json"),
                               QStringLiteral("--policies"), path(QStringLiteral("grant.json"))};
    const CliRun read = cli(simulate);
    QVERIFY2(read.code == 0, read.err.constData());
    QCOMPARE(keptSets(fresh), qint64(1));
    QVERIFY2(!read.out.contains("\"event\":\"issued\""), read.out.constData());
    QVERIFY(cli(simulate + QStringList{QStringLiteral("--verify-all")})
                .out.contains("\"event\":\"issued\""));
}

// `report` replays the evidence for its graph and its simulation once, through the kept results.
void TestCliKeptResults::reportKeepsThem()
{
    const QString ws = labCopy(QStringLiteral("report.atlas"));
    const QStringList report{QStringLiteral("report"),   ws,
                             QStringLiteral("--format"), QStringLiteral("html"),
                             QStringLiteral("--out"),    path(QStringLiteral("report.html"))};
    const CliRun all = cli(report + QStringList{QStringLiteral("--verify-all")});
    QVERIFY2(all.code == 0, all.err.constData());
    QCOMPARE(keptSets(ws), qint64(0));
    const CliRun kept = cli(report);
    QVERIFY2(kept.code == 0, kept.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    // What simulate reads: the log of a run that verifies everything.
    const QStringList simulate{QStringLiteral("simulate"), ws, QStringLiteral("--json"),
                               QStringLiteral("--policies"), path(QStringLiteral("grant.json"))};
    QCOMPARE(cli(simulate).out, cli(simulate + QStringList{QStringLiteral("--verify-all")}).out);
    QCOMPARE(keptSets(ws), qint64(1));
}

// --freshness is how long a node vouches for its workloads in `simulate`, `what-if`, `graph` and
// `report` alike: they replay the same way, so they keep and read one set of results.
void TestCliKeptResults::freshnessIsOneSettingForEveryVerb()
{
    const QString ws = labCopy(QStringLiteral("freshness.atlas"));
    const QStringList two{QStringLiteral("--freshness"), QStringLiteral("2h")};
    const CliRun simulated =
        cli(QStringList{QStringLiteral("simulate"), ws, QStringLiteral("--json")} + two);
    QVERIFY2(simulated.code == 0, simulated.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    const CliRun graph =
        cli(QStringList{QStringLiteral("graph"), QStringLiteral("export"), ws,
                        QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"),
                        path(QStringLiteral("freshness.json"))} +
            two);
    QVERIFY2(graph.code == 0, graph.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    const CliRun report = cli(QStringList{QStringLiteral("report"), ws, QStringLiteral("--format"),
                                          QStringLiteral("html"), QStringLiteral("--out"),
                                          path(QStringLiteral("freshness.html"))} +
                              two);
    QVERIFY2(report.code == 0, report.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    const CliRun whatIf =
        cli(QStringList{QStringLiteral("what-if"), ws, QStringLiteral("--policies"),
                        path(QStringLiteral("grant.json")), QStringLiteral("--json")} +
            two);
    QVERIFY2(whatIf.code == 0 || whatIf.code == 1, whatIf.err.constData());
    QCOMPARE(keptSets(ws), qint64(1));
    // Another freshness is another replay: its results are kept beside.
    const CliRun hour = cli({QStringLiteral("simulate"), ws, QStringLiteral("--json")});
    QVERIFY2(hour.code == 0, hour.err.constData());
    QCOMPARE(keptSets(ws), qint64(2));
}

// On a terminal, a verb that read the results kept in the workspace says so, and how to verify
// every signature again; piped, it says nothing.
void TestCliKeptResults::onATerminalTheVerbsSayTheyReadKeptResults()
{
    // util-linux's script(1) gives the executable a terminal (Debian's bsdutils: essential).
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    QVERIFY2(!script.isEmpty(), "script(1) is needed to run the executable on a terminal");
    const QString ws = labCopy(QStringLiteral("terminal.atlas"));
    const auto onTerminal = [&](const QStringList &args) {
        // script runs the command through the shell: each word single-quoted.
        QStringList words;
        for (const QString &a : QStringList{QStringLiteral(TA_CLI_PATH)} + args)
            words << QLatin1Char('\'') +
                         QString(a).replace(QLatin1Char('\''), QLatin1String("'\\''")) +
                         QLatin1Char('\'');
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(script, {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                         words.join(QLatin1Char(' ')), QStringLiteral("/dev/null")});
        p.closeWriteChannel();
        if (!p.waitForFinished(300000) || p.exitCode() != 0)
            qFatal("on a terminal: %s", p.readAllStandardOutput().constData());
        return p.readAllStandardOutput();
    };
    const QByteArray said = "attestation results read from the workspace";
    const QStringList report{QStringLiteral("report"),   ws,
                             QStringLiteral("--format"), QStringLiteral("html"),
                             QStringLiteral("--out"),    path(QStringLiteral("terminal.html"))};
    QVERIFY(!onTerminal(report).contains(said)); // verified, and kept
    QCOMPARE(keptSets(ws), qint64(1));
    QVERIFY(onTerminal(report).contains(said));
    QVERIFY(onTerminal({QStringLiteral("simulate"), ws}).contains(said));
    QVERIFY(onTerminal({QStringLiteral("graph"), QStringLiteral("export"), ws,
                        QStringLiteral("--format"), QStringLiteral("dot"), QStringLiteral("--out"),
                        path(QStringLiteral("terminal.dot"))})
                .contains(said));
    QVERIFY(!onTerminal(report + QStringList{QStringLiteral("--verify-all")}).contains(said));
    const CliRun piped = cli(report);
    QVERIFY2(piped.code == 0, piped.err.constData());
    QVERIFY(!piped.err.contains(said));
}

QTEST_GUILESS_MAIN(TestCliKeptResults)
#include "tst_cli_keptresults.moc"
