// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli simulate and what-if end to end, on a lab workspace: DESIGN.md's JSON Lines
// contract (event fields, time order, summary line, --state-at) and exit codes.
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCliSimulate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eventLogContract();
    void sameLogFromFileAndWorkspace();
    void threadsGiveTheSameLog();
    void stateAt();
    void untilEndsTheRun();
    void badUsage_data();
    void badUsage();
    void whatIfDeny();
    void whatIfSamePolicies();
    void whatIfAnchors();
    void savedRunFeedsGraphExport();
    void saveBadUsage();
    void badLineLateInTheFilePrintsOnlyTheError_data();
    void badLineLateInTheFilePrintsOnlyTheError();

private:
    using Run = CliRun;
    Run cli(const QStringList &args) const { return runCli(m_dir.path(), args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QList<QJsonObject> lines(const QByteArray &out)
    {
        QList<QJsonObject> objects;
        for (const QByteArray &line : out.split('\n')) {
            if (!line.isEmpty())
                objects << QJsonDocument::fromJson(line).object();
        }
        return objects;
    }
    void write(const QString &name, const QByteArray &data) const
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

    QTemporaryDir m_dir;
    QString m_ws;
};

namespace {

// One grant per lab subject (a template cannot render the subject itself: a placeholder never
// adds a "/"), with an optional deny for workload/app-1.
QByteArray labPolicies(bool denyApp1)
{
    QJsonArray list;
    QStringList subjects;
    for (int i = 0; i < 3; ++i)
        subjects << QStringLiteral("node/lab-%1").arg(i);
    for (int i = 0; i < 9; ++i)
        subjects << QStringLiteral("workload/app-%1").arg(i);
    for (const QString &s : subjects)
        list.append(QJsonObject{
            {QStringLiteral("name"), QString(s).replace(QLatin1Char('/'), QLatin1Char('-'))},
            {QStringLiteral("effect"), QStringLiteral("grant")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/") + s},
            {QStringLiteral("condition"),
             QStringLiteral("subject == '%1' && verdict == 'affirming'").arg(s)},
            {QStringLiteral("x509_svid_ttl"), 900}});
    if (denyApp1)
        list.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("no-app-1")},
            {QStringLiteral("effect"), QStringLiteral("deny")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/workload/app-1")},
            {QStringLiteral("condition"), QStringLiteral("subject == 'workload/app-1'")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("policies"), list}}).toJson();
}

} // namespace

void TestCliSimulate::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = path(QStringLiteral("lab.atlas"));
    const Run r =
        cli({QStringLiteral("lab"), QStringLiteral("generate"), m_ws, QStringLiteral("--nodes"),
             QStringLiteral("3"), QStringLiteral("--workloads"), QStringLiteral("9"),
             QStringLiteral("--records"), QStringLiteral("300"), QStringLiteral("--drift-rate"),
             QStringLiteral("0.05"), QStringLiteral("--seed"), QStringLiteral("5"),
             QStringLiteral("--start"), QStringLiteral("2026-04-07T10:00:00Z"),
             QStringLiteral("--evidence"), path(QStringLiteral("lab.jsonl")),
             QStringLiteral("--no-passphrase")});
    QVERIFY2(r.code == 0, r.err.constData());
    write(QStringLiteral("all.json"), labPolicies(false));
    write(QStringLiteral("deny.json"), labPolicies(true));
}

void TestCliSimulate::eventLogContract()
{
    const Run r = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                       path(QStringLiteral("all.json")), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    // Progress goes to a terminal only: captured stderr stays empty.
    QCOMPARE(r.err, QByteArray());
    const QList<QJsonObject> out = lines(r.out);
    QVERIFY(out.size() > 2);
    const QJsonObject summary = out.constLast().value(QLatin1String("summary")).toObject();
    QCOMPARE(out.constLast().keys(), QStringList{QStringLiteral("summary")});
    QCOMPARE(summary.keys(), (QStringList{QStringLiteral("denied"), QStringLiteral("expired"),
                                          QStringLiteral("issued"), QStringLiteral("records"),
                                          QStringLiteral("renewed"), QStringLiteral("revoked"),
                                          QStringLiteral("subjects")}));
    QCOMPARE(summary.value(QLatin1String("records")).toInt(), 300);
    QHash<QString, int> counts;
    QString last;
    QSet<QString> credentials;
    for (qsizetype i = 0; i + 1 < out.size(); ++i) {
        const QJsonObject e = out.at(i);
        const QString event = e.value(QLatin1String("event")).toString();
        ++counts[event];
        const QString at = e.value(QLatin1String("at")).toString();
        QVERIFY2(at.endsWith(QLatin1Char('Z')), qPrintable(at));
        QVERIFY2(last.isEmpty() || QDateTime::fromString(last, Qt::ISODateWithMs) <=
                                       QDateTime::fromString(at, Qt::ISODateWithMs),
                 "events in time order");
        last = at;
        QVERIFY(e.value(QLatin1String("subject")).isString());
        QVERIFY(e.value(QLatin1String("spiffe_id"))
                    .toString()
                    .startsWith(QLatin1String("spiffe://lab.example/")));
        if (event == QLatin1String("issued") || event == QLatin1String("renewed")) {
            const QString id = e.value(QLatin1String("credential")).toString();
            QVERIFY(id.startsWith(QLatin1Char('c')));
            QVERIFY(!credentials.contains(id));
            credentials.insert(id);
            QVERIFY(e.contains(QLatin1String("not_after")));
            QCOMPARE(e.value(QLatin1String("rule")).toString(),
                     e.value(QLatin1String("subject"))
                         .toString()
                         .replace(QLatin1Char('/'), QLatin1Char('-')));
        }
        if (event == QLatin1String("issued"))
            QVERIFY(e.value(QLatin1String("record")).toInt() >= 1);
        if (event == QLatin1String("renewed")) {
            QVERIFY(!e.contains(QLatin1String("record")));
            QVERIFY(credentials.contains(e.value(QLatin1String("replaces")).toString()));
        }
        if (event == QLatin1String("expired"))
            QVERIFY(!e.contains(QLatin1String("record")));
        if (event == QLatin1String("revoked")) {
            const QJsonArray reason = e.value(QLatin1String("reason")).toArray();
            QVERIFY(!reason.isEmpty());
            // Timer revocations (staleness) name no record; every other names the one that caused
            // it.
            const bool stale = reason.first().toString() == QLatin1String("evidence_stale");
            QCOMPARE(e.contains(QLatin1String("record")), !stale);
            QVERIFY(credentials.contains(e.value(QLatin1String("credential")).toString()));
        }
    }
    for (const char *k : {"issued", "renewed", "expired", "revoked", "denied"})
        QCOMPARE(summary.value(QLatin1String(k)).toInt(), counts.value(QLatin1String(k)));
    QVERIFY(counts.value(QStringLiteral("issued")) > 0);
    QVERIFY(counts.value(QStringLiteral("revoked")) > 0);
    // Without --json: one line per event and a summary, same count.
    const Run text = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                          path(QStringLiteral("all.json"))});
    QCOMPARE(text.code, 0);
    QCOMPARE(text.out.count('\n'), out.size());
}

void TestCliSimulate::sameLogFromFileAndWorkspace()
{
    const Run ws = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                        path(QStringLiteral("all.json")), QStringLiteral("--json")});
    const Run file = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                          path(QStringLiteral("all.json")), QStringLiteral("--evidence"),
                          path(QStringLiteral("lab.jsonl")), QStringLiteral("--json")});
    QCOMPARE(ws.code, 0);
    QCOMPARE(file.code, 0);
    QCOMPARE(file.out, ws.out);
}

void TestCliSimulate::threadsGiveTheSameLog()
{
    const Run one = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                         path(QStringLiteral("all.json")), QStringLiteral("--threads"),
                         QStringLiteral("1"), QStringLiteral("--json")});
    const Run two = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                         path(QStringLiteral("all.json")), QStringLiteral("--threads"),
                         QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(one.code, 0);
    QCOMPARE(two.out, one.out);
}

void TestCliSimulate::stateAt()
{
    const Run log = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                         path(QStringLiteral("all.json")), QStringLiteral("--json")});
    const QList<QJsonObject> events = lines(log.out);
    // The instant of the tenth event: every credential issued or renewed by then and not ended.
    const QString instant = events.at(9).value(QLatin1String("at")).toString();
    const QDateTime t = QDateTime::fromString(instant, Qt::ISODateWithMs);
    QSet<QString> live;
    for (const QJsonObject &e : events) {
        if (e.contains(QLatin1String("summary")))
            break;
        if (QDateTime::fromString(e.value(QLatin1String("at")).toString(), Qt::ISODateWithMs) > t)
            break;
        const QString ev = e.value(QLatin1String("event")).toString();
        if (ev == QLatin1String("issued") || ev == QLatin1String("renewed"))
            live.insert(e.value(QLatin1String("credential")).toString());
        if (ev == QLatin1String("renewed"))
            live.remove(e.value(QLatin1String("replaces")).toString());
        if (ev == QLatin1String("expired") || ev == QLatin1String("revoked"))
            live.remove(e.value(QLatin1String("credential")).toString());
    }
    const Run r = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                       path(QStringLiteral("all.json")), QStringLiteral("--state-at"), instant,
                       QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QJsonObject> out = lines(r.out);
    QCOMPARE(out.size(), 1);
    const QJsonObject s = out.first();
    QCOMPARE(s.keys(), (QStringList{QStringLiteral("at"), QStringLiteral("attested"),
                                    QStringLiteral("live")}));
    QCOMPARE(s.value(QLatin1String("at")).toString(), instant);
    QSet<QString> got;
    for (const QJsonValue &v : s.value(QLatin1String("live")).toArray()) {
        const QJsonObject c = v.toObject();
        QCOMPARE(c.keys(), (QStringList{QStringLiteral("credential"), QStringLiteral("not_after"),
                                        QStringLiteral("spiffe_id"), QStringLiteral("subject")}));
        got.insert(c.value(QLatin1String("credential")).toString());
    }
    QCOMPARE(got, live);
    QVERIFY(!s.value(QLatin1String("attested")).toArray().isEmpty());
}

void TestCliSimulate::untilEndsTheRun()
{
    const Run all = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                         path(QStringLiteral("all.json")), QStringLiteral("--json")});
    const QString until = lines(all.out).at(4).value(QLatin1String("at")).toString();
    const Run r = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                       path(QStringLiteral("all.json")), QStringLiteral("--until"), until,
                       QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QList<QJsonObject> out = lines(r.out);
    const QDateTime t = QDateTime::fromString(until, Qt::ISODateWithMs);
    for (qsizetype i = 0; i + 1 < out.size(); ++i)
        QVERIFY(QDateTime::fromString(out.at(i).value(QLatin1String("at")).toString(),
                                      Qt::ISODateWithMs) <= t);
    QVERIFY(out.constLast()
                .value(QLatin1String("summary"))
                .toObject()
                .value(QLatin1String("records"))
                .toInt() < 300);
}

void TestCliSimulate::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("two rule sets")
        << QStringList{QStringLiteral("--policies"), QStringLiteral("all.json"),
                       QStringLiteral("--version"), QStringLiteral("1")};
    QTest::newRow("policies and entries") << QStringList{
        QStringLiteral("--policies"), QStringLiteral("all.json"), QStringLiteral("--entries")};
    QTest::newRow("bad freshness")
        << QStringList{QStringLiteral("--freshness"), QStringLiteral("soon")};
    QTest::newRow("bad until") << QStringList{QStringLiteral("--until"),
                                              QStringLiteral("tomorrow")};
    QTest::newRow("bad state-at") << QStringList{QStringLiteral("--state-at"), QStringLiteral("x")};
    QTest::newRow("bad threads") << QStringList{QStringLiteral("--threads"), QStringLiteral("0")};
    QTest::newRow("missing policies file")
        << QStringList{QStringLiteral("--policies"), QStringLiteral("nope.json")};
    QTest::newRow("missing evidence file")
        << QStringList{QStringLiteral("--evidence"), QStringLiteral("nope.jsonl")};
    QTest::newRow("version not saved")
        << QStringList{QStringLiteral("--version"), QStringLiteral("7")};
}

void TestCliSimulate::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = cli(QStringList{QStringLiteral("simulate"), m_ws} + args +
                      QStringList{QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    const Run w = cli({QStringLiteral("what-if"), m_ws, QStringLiteral("--json")});
    QCOMPARE(w.code, 2);
    const Run both = cli({QStringLiteral("what-if"), m_ws, QStringLiteral("--policies"),
                          path(QStringLiteral("all.json")), QStringLiteral("--anchors"),
                          path(QStringLiteral("all.json"))});
    QCOMPARE(both.code, 2);
}

void TestCliSimulate::whatIfDeny()
{
    const QStringList args{QStringLiteral("what-if"),    m_ws,
                           QStringLiteral("--base"),     path(QStringLiteral("all.json")),
                           QStringLiteral("--policies"), path(QStringLiteral("deny.json")),
                           QStringLiteral("--json")};
    const Run r = cli(args);
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QJsonObject> out = lines(r.out);
    QCOMPARE(out.size(), 2);
    const QJsonObject d = out.first();
    QCOMPARE(d.value(QLatin1String("subject")).toString(), QStringLiteral("workload/app-1"));
    QCOMPARE(d.value(QLatin1String("lost")).toArray(),
             QJsonArray{QStringLiteral("spiffe://lab.example/workload/app-1")});
    QCOMPARE(d.value(QLatin1String("gained")).toArray(), QJsonArray());
    QVERIFY(d.value(QLatin1String("changed")).isArray());
    const QJsonObject div = d.value(QLatin1String("first_divergence")).toObject();
    QVERIFY(div.value(QLatin1String("at")).toString().endsWith(QLatin1Char('Z')));
    QVERIFY(div.value(QLatin1String("record")).toInt() >= 1);
    const QJsonObject sum = out.at(1).value(QLatin1String("summary")).toObject();
    QCOMPARE(sum.value(QLatin1String("subjects_changed")).toInt(), 1);
    QCOMPARE(sum.value(QLatin1String("gained")).toInt(), 0);
    QCOMPARE(sum.value(QLatin1String("lost")).toInt(), 1);
    // The deny's first divergence is the record at which the candidate logs "denied".
    const Run sim = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                         path(QStringLiteral("deny.json")), QStringLiteral("--json")});
    int denied = 0;
    for (const QJsonObject &e : lines(sim.out)) {
        if (e.value(QLatin1String("event")).toString() == QLatin1String("denied")) {
            QCOMPARE(e.value(QLatin1String("subject")).toString(),
                     QStringLiteral("workload/app-1"));
            QCOMPARE(e.value(QLatin1String("rule")).toString(), QStringLiteral("no-app-1"));
            if (++denied == 1)
                QCOMPARE(e.value(QLatin1String("record")).toInt(),
                         div.value(QLatin1String("record")).toInt());
        }
    }
    QVERIFY(denied >= 1);
    QCOMPARE(cli(args + QStringList{QStringLiteral("--fail-on-change")}).code, 1);
}

void TestCliSimulate::whatIfSamePolicies()
{
    const Run r = cli({QStringLiteral("what-if"), m_ws, QStringLiteral("--base"),
                       path(QStringLiteral("all.json")), QStringLiteral("--policies"),
                       path(QStringLiteral("all.json")), QStringLiteral("--json"),
                       QStringLiteral("--fail-on-change")});
    QCOMPARE(r.code, 0);
    const QList<QJsonObject> out = lines(r.out);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first()
                 .value(QLatin1String("summary"))
                 .toObject()
                 .value(QLatin1String("subjects_changed"))
                 .toInt(),
             0);
}

void TestCliSimulate::whatIfAnchors()
{
    // The candidate anchors lack the cluster issuer: the k8s node (lab-0) is refused from its
    // first record on, so it and the workloads on it never get their identities.
    QFile in(m_ws + QStringLiteral(".anchors.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray same = in.readAll();
    QJsonObject doc = QJsonDocument::fromJson(same).object();
    QJsonArray anchors;
    for (const QJsonValue &a : doc.value(QLatin1String("anchors")).toArray()) {
        if (a.toObject().value(QLatin1String("kind")).toString() != QLatin1String("k8s_issuer"))
            anchors.append(a);
    }
    QVERIFY(anchors.size() < doc.value(QLatin1String("anchors")).toArray().size());
    doc.insert(QStringLiteral("anchors"), anchors);
    write(QStringLiteral("no-k8s.json"), QJsonDocument(doc).toJson());
    write(QStringLiteral("same.json"), same);
    // The base is the workspace's anchors; rules are its latest policies, so save some.
    const Run imported = cli({QStringLiteral("policy"), QStringLiteral("import"), m_ws,
                              path(QStringLiteral("all.json"))});
    QVERIFY2(imported.code == 0, imported.err.constData());
    const Run r = cli({QStringLiteral("what-if"), m_ws, QStringLiteral("--anchors"),
                       path(QStringLiteral("no-k8s.json")), QStringLiteral("--json"),
                       QStringLiteral("--fail-on-change")});
    QCOMPARE(r.code, 1);
    const QList<QJsonObject> out = lines(r.out);
    QVERIFY(out.size() >= 2);
    QStringList changed;
    for (qsizetype i = 0; i + 1 < out.size(); ++i) {
        changed << out.at(i).value(QLatin1String("subject")).toString();
        QVERIFY(out.at(i).value(QLatin1String("gained")).toArray().isEmpty());
    }
    QVERIFY2(changed.contains(QStringLiteral("node/lab-0")),
             qPrintable(changed.join(QLatin1Char(','))));
    const QJsonObject node = out.at(changed.indexOf(QStringLiteral("node/lab-0")));
    QCOMPARE(node.value(QLatin1String("lost")).toArray(),
             QJsonArray{QStringLiteral("spiffe://lab.example/node/lab-0")});
    const QJsonObject sum = out.constLast().value(QLatin1String("summary")).toObject();
    QCOMPARE(sum.value(QLatin1String("subjects_changed")).toInt(), changed.size());
    QVERIFY(sum.value(QLatin1String("lost")).toInt() >= 1);
    // The same anchors as a file change nothing; --base-version is for policies only.
    const Run none = cli({QStringLiteral("what-if"), m_ws, QStringLiteral("--anchors"),
                          path(QStringLiteral("same.json")), QStringLiteral("--json"),
                          QStringLiteral("--fail-on-change")});
    QCOMPARE(none.code, 0);
    QCOMPARE(lines(none.out).size(), 1);
    QCOMPARE(cli({QStringLiteral("what-if"), m_ws, QStringLiteral("--anchors"),
                  path(QStringLiteral("same.json")), QStringLiteral("--base-version"),
                  QStringLiteral("1")})
                 .code,
             2);
}

namespace {

// The credential nodes ("credential/c<N>") of a graph export in JSON.
QSet<QString> simulatedCredentials(const QByteArray &graphJson)
{
    QSet<QString> out;
    const QJsonArray nodes =
        QJsonDocument::fromJson(graphJson).object().value(QLatin1String("nodes")).toArray();
    static const QRegularExpression simulated(QStringLiteral("^credential/c[0-9]+$"));
    for (const QJsonValue &v : nodes) {
        const QString id = v.toObject().value(QLatin1String("id")).toString();
        if (simulated.match(id).hasMatch())
            out.insert(id.mid(int(qstrlen("credential/"))));
    }
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestCliSimulate::savedRunFeedsGraphExport()
{
    // A copy: the evidence import below must not change the other tests' workspace.
    const QString ws = path(QStringLiteral("saved.atlas"));
    QVERIFY(QFile::copy(m_ws, ws));
    const Run saved = cli({QStringLiteral("simulate"), ws, QStringLiteral("--policies"),
                           path(QStringLiteral("all.json")), QStringLiteral("--save"),
                           QStringLiteral("baseline"), QStringLiteral("--json")});
    QVERIFY2(saved.code == 0, saved.err.constData());
    QVERIFY(lines(saved.out).last().contains(QLatin1String("summary")));
    const QList<QJsonObject> events = lines(saved.out);
    const QString instant = events.at(events.size() / 2).value(QLatin1String("at")).toString();

    Run list =
        cli({QStringLiteral("simulation"), QStringLiteral("list"), ws, QStringLiteral("--json")});
    QVERIFY2(list.code == 0, list.err.constData());
    QList<QJsonObject> runs = lines(list.out);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().value(QLatin1String("name")).toString(), QStringLiteral("baseline"));
    QCOMPARE(runs.first().value(QLatin1String("stale")).toBool(), false);
    QCOMPARE(runs.first()
                 .value(QLatin1String("inputs"))
                 .toObject()
                 .value(QLatin1String("rules"))
                 .toObject()
                 .value(QLatin1String("identity"))
                 .toString(),
             QStringLiteral("file"));

    // The graph at the instant shows the saved run's live credentials, those of --state-at.
    const Run state = cli({QStringLiteral("simulate"), ws, QStringLiteral("--policies"),
                           path(QStringLiteral("all.json")), QStringLiteral("--state-at"), instant,
                           QStringLiteral("--json")});
    QVERIFY2(state.code == 0, state.err.constData());
    QSet<QString> live;
    for (const QJsonValue &v : lines(state.out).first().value(QLatin1String("live")).toArray())
        live.insert(v.toObject().value(QLatin1String("credential")).toString());
    QVERIFY(!live.isEmpty());
    const QString graph = path(QStringLiteral("graph.json"));
    Run g = cli({QStringLiteral("graph"), QStringLiteral("export"), ws, QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--at"), instant, QStringLiteral("--out"),
                 graph});
    QVERIFY2(g.code == 0, g.err.constData());
    QCOMPARE(simulatedCredentials(readAll(graph)), live);

    // New evidence: the run is stale, reported so, and no longer drawn.
    const Run imported = cli({QStringLiteral("evidence"), QStringLiteral("import"), ws,
                              path(QStringLiteral("lab.jsonl"))});
    QVERIFY2(imported.code == 0, imported.err.constData());
    list =
        cli({QStringLiteral("simulation"), QStringLiteral("list"), ws, QStringLiteral("--json")});
    QVERIFY2(list.code == 0, list.err.constData());
    runs = lines(list.out);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().value(QLatin1String("stale")).toBool(), true);
    g = cli({QStringLiteral("graph"), QStringLiteral("export"), ws, QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--at"), instant, QStringLiteral("--out"),
             graph});
    QVERIFY2(g.code == 0, g.err.constData());
    QVERIFY(simulatedCredentials(readAll(graph)).isEmpty());
}

void TestCliSimulate::saveBadUsage()
{
    const Run r = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--save"),
                       QStringLiteral(" "), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
}

void TestCliSimulate::badLineLateInTheFilePrintsOnlyTheError_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QByteArray>("code");
    QTest::newRow("not JSON") << QByteArray("{\"time\": ") << QByteArray("evidence.bad_json");
    QTest::newRow("back in time")
        << QByteArray("{\"time\":\"2020-01-01T00:00:00Z\",\"attestor\":\"join_token\","
                      "\"subject\":\"node/x\",\"payload\":{}}")
        << QByteArray("evidence.out_of_order");
}

void TestCliSimulate::badLineLateInTheFilePrintsOnlyTheError()
{
    // The replay reads an evidence file once, verifying as it goes; a bad line near the end
    // still ends the run with its line number and prints no part of the log.
    QFETCH(QByteArray, bad);
    QFETCH(QByteArray, code);
    QFile lab(path(QStringLiteral("lab.jsonl")));
    QVERIFY(lab.open(QIODevice::ReadOnly));
    QByteArray data = lab.readAll();
    const qsizetype lines = data.count('\n');
    data += bad + '\n';
    write(QStringLiteral("late-bad.jsonl"), data);
    const Run r = cli({QStringLiteral("simulate"), m_ws, QStringLiteral("--policies"),
                       path(QStringLiteral("all.json")), QStringLiteral("--evidence"),
                       path(QStringLiteral("late-bad.jsonl")), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.out.isEmpty(), r.out.left(200).constData());
    QVERIFY2(r.err.contains(code), r.err.constData());
    QVERIFY2(r.err.contains("line " + QByteArray::number(lines + 1)), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliSimulate)
#include "tst_cli_simulate.moc"
