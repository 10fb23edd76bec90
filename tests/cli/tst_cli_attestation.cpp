// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli attestation verbs end to end: lab generate, anchors import, evidence import and
// evidence verify, on real files with the exit codes of DESIGN.md's contract.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestCliAttestation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpOnEveryVerb_data();
    void helpOnEveryVerb();
    void verifyPrintsOneResultPerRecord();
    void replayRefused();
    void threadsGiveTheSameResults();
    void commitPersistsConsumedNonces();
    void malformedEvidenceIsBadInput();
    void failOnRefusal();
    void anchorsImport();
    void evidenceImportAllOrNothing();
    void evidenceImportUnknownAttestor();
    void relabelledRecordRefused();
    void labBadArguments();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &args) const;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QList<QJsonObject> lines(const QByteArray &out) const;
    void write(const QString &name, const QByteArray &data) const;

    QTemporaryDir m_dir;
    QString m_ws;
    QByteArray m_evidence;
};

TestCliAttestation::Run TestCliAttestation::cli(const QStringList &args) const
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(TA_CLI_PATH), args);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(300000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QList<QJsonObject> TestCliAttestation::lines(const QByteArray &out) const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            objects << QJsonDocument::fromJson(line).object();
    }
    return objects;
}

void TestCliAttestation::write(const QString &name, const QByteArray &data) const
{
    QFile f(path(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

void TestCliAttestation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = path(QStringLiteral("lab.atlas"));
    const Run r =
        cli({QStringLiteral("lab"), QStringLiteral("generate"), m_ws, QStringLiteral("--nodes"),
             QStringLiteral("5"), QStringLiteral("--workloads"), QStringLiteral("12"),
             QStringLiteral("--records"), QStringLiteral("300"), QStringLiteral("--drift-rate"),
             QStringLiteral("0.05"), QStringLiteral("--no-passphrase"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(summary.value(QLatin1String("records")).toInt(), 300);
    QCOMPARE(summary.value(QLatin1String("signals")).toInt(), 1);
    QVERIFY(summary.value(QLatin1String("node_attestations")).toInt() >= 5);
    QFile f(summary.value(QLatin1String("evidence")).toString());
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_evidence = f.readAll();
    QCOMPARE(m_evidence.count('\n'), 300);
}

void TestCliAttestation::helpOnEveryVerb_data()
{
    QTest::addColumn<QStringList>("verb");
    for (const char *v : {"anchors import", "evidence import", "evidence verify", "lab generate"})
        QTest::newRow(v) << QString::fromLatin1(v).split(QLatin1Char(' '));
}

void TestCliAttestation::helpOnEveryVerb()
{
    QFETCH(QStringList, verb);
    const Run r = cli(verb + QStringList{QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("Usage:"));
}

void TestCliAttestation::verifyPrintsOneResultPerRecord()
{
    const Run r = cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                       QStringLiteral("--evidence"), m_ws + QStringLiteral(".evidence.jsonl"),
                       QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QList<QJsonObject> results = lines(r.out);
    QCOMPARE(results.size(), 300);
    QSet<QString> attestors;
    QSet<QString> selectors;
    int affirming = 0;
    for (const QJsonObject &o : results) {
        for (const char *key : {"subject", "attestor", "verdict", "selectors", "reasons"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const QString verdict = o.value(QLatin1String("verdict")).toString();
        QVERIFY(verdict == QLatin1String("affirming") || verdict == QLatin1String("warning") ||
                verdict == QLatin1String("contraindicated"));
        QCOMPARE(o.value(QLatin1String("reasons")).toArray().isEmpty(),
                 verdict != QLatin1String("contraindicated"));
        affirming += verdict == QLatin1String("affirming");
        attestors << o.value(QLatin1String("attestor")).toString();
        for (const QJsonValue &s : o.value(QLatin1String("selectors")).toArray())
            selectors << s.toString();
    }
    // The lab records the API objects SPIRE's server would look up, and they verify.
    for (const char *prefix :
         {"k8s_psat:agent_node_ip:10.", "k8s_psat:agent_pod_label:app:spire-agent",
          "k8s_psat:agent_node_label:topology.kubernetes.io/zone:", "aws_iid:iamrole:arn:aws:iam::",
          "aws_iid:tag:env:lab", "aws_iid:sg:id:", "gcp_iit:tag:lab",
          "gcp_iit:metadata:role:worker", "gcp_iit:label:env:lab", "x509pop:serialnumber:"}) {
        const QString p = QString::fromLatin1(prefix);
        QVERIFY2(std::any_of(selectors.cbegin(), selectors.cend(),
                             [&](const QString &s) { return s.startsWith(p); }),
                 prefix);
    }
    // Every node platform of the lab verified, and most records were good.
    for (const char *a : {"k8s_psat", "aws_iid", "gcp_iit", "x509pop", "tpm", "signal"})
        QVERIFY2(attestors.contains(QString::fromLatin1(a)), a);
    QVERIFY(affirming > 200);
    // The workspace's own copy (imported by lab generate) replays to the same verdicts.
    const Run stored =
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws, QStringLiteral("--json")});
    QCOMPARE(stored.code, 0);
    QCOMPARE(lines(stored.out).size(), 300);
    for (qsizetype i = 0; i < results.size(); ++i)
        QCOMPARE(lines(stored.out).at(i).value(QLatin1String("verdict")),
                 results.at(i).value(QLatin1String("verdict")));
}

void TestCliAttestation::threadsGiveTheSameResults()
{
    QByteArray first;
    for (const char *threads : {"1", "2", "3"}) {
        const Run r = cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                           QStringLiteral("--evidence"), m_ws + QStringLiteral(".evidence.jsonl"),
                           QStringLiteral("--json"), QStringLiteral("--threads"),
                           QString::fromLatin1(threads)});
        QCOMPARE(r.code, 0);
        QCOMPARE(lines(r.out).size(), 300);
        if (first.isEmpty())
            first = r.out;
        else
            QCOMPARE(r.out, first);
    }
    for (const char *bad : {"0", "many", "1000"}) {
        const Run r = cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                           QStringLiteral("--threads"), QString::fromLatin1(bad)});
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("--threads"), r.err.constData());
    }
}

void TestCliAttestation::replayRefused()
{
    // The first record (a node attestation) presented again a minute later by the same subject.
    const QByteArray first = m_evidence.left(m_evidence.indexOf('\n'));
    QJsonObject again = QJsonDocument::fromJson(first).object();
    const QDateTime t =
        QDateTime::fromString(again.value(QLatin1String("time")).toString(), Qt::ISODate)
            .addSecs(60);
    again.insert(QStringLiteral("time"), t.toUTC().toString(Qt::ISODate));
    write(QStringLiteral("replay.jsonl"),
          first + '\n' + QJsonDocument(again).toJson(QJsonDocument::Compact) + '\n');
    const Run r = cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                       QStringLiteral("--evidence"), path(QStringLiteral("replay.jsonl")),
                       QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QList<QJsonObject> results = lines(r.out);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).value(QLatin1String("verdict")).toString(), QStringLiteral("affirming"));
    QCOMPARE(results.at(1).value(QLatin1String("verdict")).toString(),
             QStringLiteral("contraindicated"));
    QCOMPARE(results.at(1)
                 .value(QLatin1String("reasons"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("replayed"));
}

void TestCliAttestation::commitPersistsConsumedNonces()
{
    // A run with --commit stores the nonces it consumed: the same evidence in a later run, even
    // alone in its own file, is a replay.
    const QString ws = path(QStringLiteral("commit.atlas"));
    QVERIFY(QFile::copy(m_ws, ws));
    write(QStringLiteral("once.jsonl"), m_evidence.left(m_evidence.indexOf('\n') + 1));
    const QStringList args{
        QStringLiteral("evidence"),   QStringLiteral("verify"),           ws,
        QStringLiteral("--evidence"), path(QStringLiteral("once.jsonl")), QStringLiteral("--json")};
    const Run first = cli(args + QStringList{QStringLiteral("--commit")});
    QCOMPARE(first.code, 0);
    QCOMPARE(lines(first.out).first().value(QLatin1String("verdict")).toString(),
             QStringLiteral("affirming"));
    const Run second = cli(args);
    QCOMPARE(second.code, 0);
    QCOMPARE(lines(second.out)
                 .first()
                 .value(QLatin1String("reasons"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("replayed"));
}

void TestCliAttestation::malformedEvidenceIsBadInput()
{
    write(QStringLiteral("bad.jsonl"),
          m_evidence.left(m_evidence.indexOf('\n') + 1) + "{\"time\": 3}\n");
    const Run r = cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                       QStringLiteral("--evidence"), path(QStringLiteral("bad.jsonl")),
                       QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty()); // nothing printed before the bad line was found
    QVERIFY2(r.err.contains("line 2"), r.err.constData());
}

void TestCliAttestation::failOnRefusal()
{
    write(
        QStringLiteral("refused.jsonl"),
        R"({"time":"2026-04-07T10:00:00Z","attestor":"join_token","subject":"node/x","payload":{"token":"nope"}})"
        "\n");
    const QStringList args{QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                           QStringLiteral("--evidence"), path(QStringLiteral("refused.jsonl"))};
    const Run plain = cli(args);
    QCOMPARE(plain.code, 0);
    QVERIFY(plain.out.contains("contraindicated"));
    QVERIFY(plain.out.contains("token_unknown"));
    QCOMPARE(cli(args + QStringList{QStringLiteral("--fail-on-refusal")}).code, 1);
}

void TestCliAttestation::anchorsImport()
{
    write(QStringLiteral("bad-anchors.json"),
          R"({"anchors":[{"kind":"cosign_key","name":"x","public_key_pem":"not a key"}]})");
    const Run bad = cli({QStringLiteral("anchors"), QStringLiteral("import"), m_ws,
                         path(QStringLiteral("bad-anchors.json"))});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains("anchors[0]") && bad.err.contains("anchors.bad_pem"),
             bad.err.constData());

    const Run good = cli({QStringLiteral("anchors"), QStringLiteral("import"), m_ws,
                          m_ws + QStringLiteral(".anchors.json"), QStringLiteral("--json")});
    QCOMPARE(good.code, 0);
    const QJsonObject counts = QJsonDocument::fromJson(good.out).object();
    QVERIFY(counts.value(QLatin1String("anchors")).toInt() >= 5);
    QVERIFY(counts.value(QLatin1String("reference_values")).toInt() > 0);
}

void TestCliAttestation::evidenceImportAllOrNothing()
{
    const QString ws = path(QStringLiteral("empty.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    QCOMPARE(
        cli({QStringLiteral("td"), QStringLiteral("create"), ws, QStringLiteral("lab.example")})
            .code,
        0);
    const Run bad = cli({QStringLiteral("evidence"), QStringLiteral("import"), ws,
                         path(QStringLiteral("bad.jsonl"))});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains("line 2"));
    const Run none =
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), ws, QStringLiteral("--json")});
    QCOMPARE(none.code, 0);
    QVERIFY(none.out.isEmpty());
    const Run good = cli({QStringLiteral("evidence"), QStringLiteral("import"), ws,
                          m_ws + QStringLiteral(".evidence.jsonl"), QStringLiteral("--json")});
    QCOMPARE(good.code, 0);
    QCOMPARE(QJsonDocument::fromJson(good.out).object().value(QLatin1String("records")).toInt(),
             300);
    // No anchors here: node evidence is refused for its unknown issuer, not skipped.
    const Run verified =
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), ws, QStringLiteral("--json")});
    QCOMPARE(verified.code, 0);
    const QList<QJsonObject> results = lines(verified.out);
    QCOMPARE(results.size(), 300);
    QCOMPARE(results.first().value(QLatin1String("verdict")).toString(),
             QStringLiteral("contraindicated"));
}

void TestCliAttestation::evidenceImportUnknownAttestor()
{
    // Issue 8, finding 9: a record whose attestor does not exist is refused with its line, and
    // nothing of the file is imported.
    const QString ws = path(QStringLiteral("unknown-attestor.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    QCOMPARE(
        cli({QStringLiteral("td"), QStringLiteral("create"), ws, QStringLiteral("lab.example")})
            .code,
        0);
    const QByteArray first = m_evidence.left(m_evidence.indexOf('\n') + 1);
    write(
        QStringLiteral("unknown.jsonl"),
        first +
            "\n"
            R"({"time":"2030-01-01T00:00:00Z","attestor":"azure_msi","subject":"node/x","payload":{}})"
            "\n");
    const Run bad = cli({QStringLiteral("evidence"), QStringLiteral("import"), ws,
                         path(QStringLiteral("unknown.jsonl"))});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.out.isEmpty());
    QCOMPARE(bad.err.count('\n'), 1);
    QVERIFY2(
        bad.err.startsWith("trustatlas-cli: error: evidence.unknown_attestor: line 3: azure_msi"),
        bad.err.constData());
    const Run none =
        cli({QStringLiteral("evidence"), QStringLiteral("verify"), ws, QStringLiteral("--json")});
    QCOMPARE(none.code, 0);
    QVERIFY(none.out.isEmpty());
}

void TestCliAttestation::relabelledRecordRefused()
{
    // Issue 8, finding 1: the first node record, relabelled with another subject a minute later,
    // proves the same agent: refused, never a fresh node.
    const QByteArray first = m_evidence.left(m_evidence.indexOf('\n'));
    QJsonObject copy = QJsonDocument::fromJson(first).object();
    const QDateTime t =
        QDateTime::fromString(copy.value(QLatin1String("time")).toString(), Qt::ISODate)
            .addSecs(60);
    copy.insert(QStringLiteral("time"), t.toUTC().toString(Qt::ISODate));
    copy.insert(QStringLiteral("subject"), QStringLiteral("node/impostor"));
    write(QStringLiteral("relabel.jsonl"),
          first + '\n' + QJsonDocument(copy).toJson(QJsonDocument::Compact) + '\n');
    const Run r = cli({QStringLiteral("evidence"), QStringLiteral("verify"), m_ws,
                       QStringLiteral("--evidence"), path(QStringLiteral("relabel.jsonl")),
                       QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QList<QJsonObject> results = lines(r.out);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).value(QLatin1String("verdict")).toString(), QStringLiteral("affirming"));
    QCOMPARE(results.at(1).value(QLatin1String("verdict")).toString(),
             QStringLiteral("contraindicated"));
    QCOMPARE(results.at(1)
                 .value(QLatin1String("reasons"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("subject_mismatch"));
}

void TestCliAttestation::labBadArguments()
{
    const Run r =
        cli({QStringLiteral("lab"), QStringLiteral("generate"), path(QStringLiteral("x.atlas")),
             QStringLiteral("--nodes"), QStringLiteral("many"), QStringLiteral("--no-passphrase")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("cli.bad_number"));
    QCOMPARE(cli({QStringLiteral("lab"), QStringLiteral("generate"),
                  path(QStringLiteral("y.atlas")), QStringLiteral("--drift-rate"),
                  QStringLiteral("2"), QStringLiteral("--no-passphrase")})
                 .code,
             2);
}

QTEST_GUILESS_MAIN(TestCliAttestation)
#include "tst_cli_attestation.moc"
