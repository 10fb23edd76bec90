// SPDX-License-Identifier: Apache-2.0
// policy import/export/versions, decide and diff end to end, through the real executable.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestCliPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importVersionsExport();
    void decideExplains();
    void diffPerSubject();
    void diffReplaysWorkspaceEvidence();
    void badInputExitsTwo_data();
    void badInputExitsTwo();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &args);
    QString write(const QString &name, const QByteArray &data);
    QTemporaryDir m_dir;
    QString m_ws;
};

namespace {

const char *const kPoliciesA = R"J({"policies": [
  {"name": "payments-api", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
   "condition": "verdict == 'affirming' && workload.k8s.ns == 'payments'", "x509_svid_ttl": 3600},
  {"name": "batch", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/batch/{workload.k8s.sa}", "condition": "workload.k8s.ns == 'batch'"}
]})J";

// payments-api's TTL cut, batch dropped, a deny for a revoked image added.
const char *const kPoliciesB = R"J({"policies": [
  {"name": "payments-api", "effect": "grant", "trust_domain": "prod.example",
   "spiffe_id": "/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
   "condition": "verdict == 'affirming' && workload.k8s.ns == 'payments'", "x509_svid_ttl": 600},
  {"name": "revoked", "effect": "deny", "trust_domain": "prod.example",
   "condition": "has(image.digest) && image.digest == 'sha256:bad'"}
]})J";

const char *const kPayments =
    R"J({"subject": "workload/pay-api", "attestor": "k8s", "verdict": "affirming",
 "selectors": ["k8s:ns:payments", "k8s:sa:api"], "node_selectors": ["k8s_psat:cluster:prod"],
 "claims": {"workload": {"k8s": {"ns": "payments", "sa": "api"}}},
 "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/n1"})J";

const char *const kEntries = R"J({"entries": [
 {"id": "e1", "spiffe_id": {"trust_domain": "prod.example", "path": "/api"},
  "parent_id": {"trust_domain": "prod.example", "path": "/spire/agent/k8s_psat/prod/n1"},
  "selectors": [{"type": "k8s", "value": "sa:api"}]},
 {"id": "e2", "spiffe_id": {"trust_domain": "prod.example", "path": "/db"},
  "parent_id": {"trust_domain": "prod.example", "path": "/spire/agent/k8s_psat/prod/n1"},
  "selectors": [{"type": "k8s", "value": "sa:db"}]}]})J";

QByteArray line(const char *json)
{
    return QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

TestCliPolicy::Run TestCliPolicy::cli(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(TA_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestCliPolicy::write(const QString &name, const QByteArray &data)
{
    QFile f(m_dir.filePath(name));
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
    return f.fileName();
}

void TestCliPolicy::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("p.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), m_ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    write(QStringLiteral("a.json"), kPoliciesA);
    write(QStringLiteral("b.json"), kPoliciesB);
    write(QStringLiteral("subject.json"), kPayments);
    QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("spire-entries"), m_ws,
                  write(QStringLiteral("entries.json"), kEntries)})
                 .code,
             0);
}

void TestCliPolicy::importVersionsExport()
{
    auto a = cli({QStringLiteral("policy"), QStringLiteral("import"), m_ws,
                  QStringLiteral("a.json"), QStringLiteral("--json")});
    QVERIFY2(a.code == 0, a.err.constData());
    QCOMPARE(QJsonDocument::fromJson(a.out).object().value(QStringLiteral("version")).toInt(), 1);
    auto b =
        cli({QStringLiteral("policy"), QStringLiteral("import"), m_ws, QStringLiteral("b.json"),
             QStringLiteral("--comment"), QStringLiteral("cut TTL"), QStringLiteral("--json")});
    QCOMPARE(b.code, 0);
    QCOMPARE(QJsonDocument::fromJson(b.out).object().value(QStringLiteral("version")).toInt(), 2);

    auto versions =
        cli({QStringLiteral("policy"), QStringLiteral("versions"), m_ws, QStringLiteral("--json")});
    QCOMPARE(versions.code, 0);
    const QJsonArray list =
        QJsonDocument::fromJson(versions.out).object().value(QStringLiteral("versions")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list[1].toObject().value(QStringLiteral("comment")).toString(),
             QStringLiteral("cut TTL"));

    // Version 1 is kept as it was after version 2 was saved.
    auto v1 = cli({QStringLiteral("policy"), QStringLiteral("export"), m_ws,
                   QStringLiteral("--version"), QStringLiteral("1")});
    QCOMPARE(v1.code, 0);
    const QJsonArray p1 =
        QJsonDocument::fromJson(v1.out).object().value(QStringLiteral("policies")).toArray();
    QCOMPARE(p1.size(), 2);
    QCOMPARE(p1[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("batch"));
    QCOMPARE(p1[0].toObject().value(QStringLiteral("x509_svid_ttl")).toInt(), 3600);
    auto latest = cli({QStringLiteral("policy"), QStringLiteral("export"), m_ws});
    QCOMPARE(QJsonDocument::fromJson(latest.out)
                 .object()
                 .value(QStringLiteral("policies"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("x509_svid_ttl"))
                 .toInt(),
             600);
    // The export reads back in as the same set.
    auto again =
        cli({QStringLiteral("policy"), QStringLiteral("import"), m_ws,
             write(QStringLiteral("exported.json"), latest.out), QStringLiteral("--json")});
    QCOMPARE(again.code, 0);
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("export"), m_ws}).out, latest.out);
}

void TestCliPolicy::decideExplains()
{
    auto d = cli({QStringLiteral("decide"), m_ws, QStringLiteral("--subject"),
                  QStringLiteral("subject.json"), QStringLiteral("--version"), QStringLiteral("1"),
                  QStringLiteral("--json")});
    QVERIFY2(d.code == 0, d.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(d.out).object();
    QCOMPARE(o.value(QStringLiteral("subject")).toString(), QStringLiteral("workload/pay-api"));
    const QJsonObject policies = o.value(QStringLiteral("policies")).toObject();
    const QJsonArray ids = policies.value(QStringLiteral("identities")).toArray();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids[0].toObject().value(QStringLiteral("spiffe_id")).toString(),
             QStringLiteral("spiffe://prod.example/ns/payments/sa/api"));
    QCOMPARE(ids[0].toObject().value(QStringLiteral("x509_svid_ttl")).toInt(), 3600);
    const QJsonObject batch = policies.value(QStringLiteral("verdicts")).toArray()[1].toObject();
    QCOMPARE(batch.value(QStringLiteral("outcome")).toString(), QStringLiteral("not_matched"));
    const QJsonObject clause = batch.value(QStringLiteral("failed_clause")).toObject();
    QCOMPARE(clause.value(QStringLiteral("clause")).toString(),
             QStringLiteral("workload.k8s.ns == 'batch'"));
    QCOMPARE(clause.value(QStringLiteral("values"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("payments"));
    // SPIRE entries side by side: e1 matches, e2 lacks k8s:sa:db.
    const QJsonObject entries = o.value(QStringLiteral("entries")).toObject();
    QCOMPARE(entries.value(QStringLiteral("identities")).toArray().size(), 1);
    QCOMPARE(entries.value(QStringLiteral("verdicts"))
                 .toArray()[1]
                 .toObject()
                 .value(QStringLiteral("missing_selectors"))
                 .toArray(),
             QJsonArray{QStringLiteral("k8s:sa:db")});

    // The latest version with a revoked image: the deny removes the grant and says so.
    QByteArray revoked(kPayments);
    revoked.replace("\"claims\": {", "\"claims\": {\"image\": {\"digest\": \"sha256:bad\"}, ");
    auto denied = cli({QStringLiteral("decide"), m_ws, QStringLiteral("--subject"),
                       write(QStringLiteral("revoked.json"), revoked), QStringLiteral("--json")});
    QCOMPARE(denied.code, 0);
    const QJsonObject dp =
        QJsonDocument::fromJson(denied.out).object().value(QStringLiteral("policies")).toObject();
    QCOMPARE(dp.value(QStringLiteral("identities")).toArray().size(), 0);
    QCOMPARE(dp.value(QStringLiteral("verdicts"))
                 .toArray()[0]
                 .toObject()
                 .value(QStringLiteral("denied_by"))
                 .toArray(),
             QJsonArray{QStringLiteral("revoked")});
    // Text output names the failing clause too.
    auto text =
        cli({QStringLiteral("decide"), m_ws, QStringLiteral("--subject"),
             QStringLiteral("subject.json"), QStringLiteral("--version"), QStringLiteral("1")});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains("`workload.k8s.ns == 'batch'`"), text.out.constData());
}

void TestCliPolicy::diffPerSubject()
{
    QByteArray batch(kPayments);
    batch.replace("\"ns\": \"payments\"", "\"ns\": \"batch\"")
        .replace("workload/pay-api", "workload/batch");
    QByteArray other(kPayments);
    other.replace("\"ns\": \"payments\"", "\"ns\": \"web\"")
        .replace("workload/pay-api", "workload/web");
    write(QStringLiteral("subjects.jsonl"),
          line(kPayments) + "\n" + line(batch.constData()) + line(other.constData()));
    for (const QStringList &sets :
         {QStringList{QStringLiteral("a.json"), QStringLiteral("b.json")},
          QStringList{QStringLiteral("version:1"), QStringLiteral("version:2")}}) {
        auto r = cli({QStringLiteral("diff"), m_ws, QStringLiteral("--policies"), sets[0],
                      QStringLiteral("--policies"), sets[1], QStringLiteral("--subjects"),
                      QStringLiteral("subjects.jsonl"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QJsonObject pay = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(pay.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("workload/pay-api"));
        const QJsonArray changed = pay.value(QStringLiteral("changed")).toArray();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0].toObject().value(QStringLiteral("fields")).toArray(),
                 QJsonArray{QStringLiteral("x509_svid_ttl")});
        QCOMPARE(changed[0]
                     .toObject()
                     .value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("x509_svid_ttl"))
                     .toInt(),
                 600);
        const QJsonObject lost = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(lost.value(QStringLiteral("lost"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("spiffe_id"))
                     .toString(),
                 QStringLiteral("spiffe://prod.example/batch/api"));
        QCOMPARE(lost.value(QStringLiteral("gained")).toArray().size(), 0);
        const QJsonObject none = QJsonDocument::fromJson(lines[2]).object();
        QVERIFY(none.value(QStringLiteral("gained")).toArray().isEmpty() &&
                none.value(QStringLiteral("lost")).toArray().isEmpty() &&
                none.value(QStringLiteral("changed")).toArray().isEmpty());
    }
    auto text =
        cli({QStringLiteral("diff"), m_ws, QStringLiteral("--policies"), QStringLiteral("a.json"),
             QStringLiteral("--policies"), QStringLiteral("b.json"), QStringLiteral("--subjects"),
             QStringLiteral("subjects.jsonl")});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains("- spiffe://prod.example/batch/api"), text.out.constData());
    QVERIFY(text.out.contains("2 of 3 subjects change"));
}

void TestCliPolicy::diffReplaysWorkspaceEvidence()
{
    // Without --subjects, the workspace's own evidence is verified and each subject's last
    // result is compared: every affirming subject gains the one identity set B adds.
    const QString lab = m_dir.filePath(QStringLiteral("lab.atlas"));
    QCOMPARE(cli({QStringLiteral("lab"), QStringLiteral("generate"), lab,
                  QStringLiteral("--no-passphrase"), QStringLiteral("--nodes"), QStringLiteral("2"),
                  QStringLiteral("--workloads"), QStringLiteral("3"), QStringLiteral("--records"),
                  QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("1")})
                 .code,
             0);
    const QByteArray grantAll =
        R"J({"policies": [{"name": "all", "effect": "grant", "trust_domain": "lab.example",
        "spiffe_id": "/by/{attestor}", "condition": "verdict == 'affirming'"}]})J";
    write(QStringLiteral("empty.json"), "{\"policies\": []}");
    write(QStringLiteral("all.json"), grantAll);
    auto r = cli({QStringLiteral("diff"), lab, QStringLiteral("--policies"),
                  QStringLiteral("empty.json"), QStringLiteral("--policies"),
                  QStringLiteral("all.json"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 2);
    QSet<QString> subjects;
    int gained = 0;
    for (const QByteArray &l : lines) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        subjects.insert(o.value(QStringLiteral("subject")).toString());
        const QJsonArray g = o.value(QStringLiteral("gained")).toArray();
        gained += int(g.size());
        for (const QJsonValue &i : g)
            QVERIFY(i.toObject()
                        .value(QStringLiteral("spiffe_id"))
                        .toString()
                        .startsWith(QStringLiteral("spiffe://lab.example/by/")));
        QVERIFY(o.value(QStringLiteral("lost")).toArray().isEmpty());
    }
    // One line per subject, however many records it has.
    QCOMPARE(subjects.size(), lines.size());
    QVERIFY(gained > 0);
}

void TestCliPolicy::badInputExitsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QByteArray badCondition(kPoliciesA);
    badCondition.replace("workload.k8s.ns == 'batch'", "workload.k8s.ns == ");
    write(QStringLiteral("bad.json"), badCondition);
    write(QStringLiteral("nosubject.json"), "{\"verdict\": \"affirming\"}");
    write(QStringLiteral("badlines.jsonl"), line(kPayments) + "{not json}\n");
    // Issue 8, finding 6: conditions of 300,000 terms or deeply nested, and one that would
    // cost too much, refused cleanly (a policy file has no 128 KiB argument limit).
    auto withCondition = [&](const QString &name, const QString &condition) {
        QJsonObject doc = QJsonDocument::fromJson(kPoliciesA).object();
        QJsonArray list = doc.value(QStringLiteral("policies")).toArray();
        QJsonObject p = list[1].toObject();
        p.insert(QStringLiteral("condition"), condition);
        list[1] = p;
        doc.insert(QStringLiteral("policies"), list);
        write(name, QJsonDocument(doc).toJson());
        return name;
    };
    const QString chain =
        withCondition(QStringLiteral("chain.json"),
                      QStringLiteral("workload") + QString(QStringLiteral(".a")).repeated(300000) +
                          QStringLiteral(" == 'x'"));
    QTest::newRow("condition x.a.a... of 300,000 terms")
        << QStringList{"policy", "import", m_ws, chain}
        << QByteArray("cel.limit.size: policy 1 (batch): condition: 1:100001: ");
    QTest::newRow("condition 1+1+... of 300,000 terms")
        << QStringList{"policy", "import", m_ws,
                       withCondition(QStringLiteral("sum.json"),
                                     QStringLiteral("1") +
                                         QString(QStringLiteral("+1")).repeated(300000) +
                                         QStringLiteral(" > 0"))}
        << QByteArray("cel.limit.size");
    QTest::newRow("condition ((((...)))) 300,000 deep")
        << QStringList{"policy", "import", m_ws,
                       withCondition(QStringLiteral("parens.json"), QString(300000, '(') +
                                                                        QStringLiteral("true") +
                                                                        QString(300000, ')'))}
        << QByteArray("cel.limit.size");
    QTest::newRow("condition [[[[...]]]] 40,000 deep")
        << QStringList{"policy", "import", m_ws,
                       withCondition(QStringLiteral("lists.json"),
                                     QStringLiteral("size(") + QString(40000, '[') +
                                         QString(40000, ']') + QStringLiteral(") > 0"))}
        << QByteArray("cel.limit.depth: policy 1 (batch): condition: 1:");
    QTest::newRow("condition !!!!... 90,000 deep")
        << QStringList{"policy", "import", m_ws,
                       withCondition(QStringLiteral("bangs.json"),
                                     QString(90000, '!') + QStringLiteral("true"))}
        << QByteArray("cel.limit.depth");
    QTest::newRow("condition -(-(-... 30,000 deep")
        << QStringList{"policy", "import", m_ws,
                       withCondition(QStringLiteral("minus.json"),
                                     QStringLiteral("0 < ") +
                                         QString(QStringLiteral("-(")).repeated(30000) +
                                         QStringLiteral("1") + QString(30000, ')'))}
        << QByteArray("cel.limit.depth");
    const QString nested = withCondition(
        QStringLiteral("nested.json"),
        QStringLiteral("selectors.all(a, selectors.all(b, selectors.all(c, a != b || b != c)))"));
    QTest::newRow("condition over the cost estimate")
        << QStringList{"policy", "import", m_ws, nested}
        << QByteArray("cel.cost_exceeded: policy 1 (batch): condition: estimated cost ");
    const QString subjects = write(QStringLiteral("subjects.jsonl"), line(kPayments));
    QTest::newRow("diff with a 300,000-term condition")
        << QStringList{"diff",       m_ws,  "--policies", "a.json",
                       "--policies", chain, "--subjects", subjects}
        << QByteArray("cel.limit.size");
    QTest::newRow("diff with a condition over the cost estimate")
        << QStringList{"diff",       m_ws,   "--policies", "a.json",
                       "--policies", nested, "--subjects", subjects}
        << QByteArray("cel.cost_exceeded");
    QTest::newRow("policy with a syntax error") << QStringList{"policy", "import", m_ws, "bad.json"}
                                                << QByteArray("policy 1 (batch): condition: 1:");
    QTest::newRow("decide without --subject")
        << QStringList{"decide", m_ws} << QByteArray("--subject");
    QTest::newRow("subject without its name")
        << QStringList{"decide", m_ws, "--subject", "nosubject.json"}
        << QByteArray("subject: missing");
    QTest::newRow("unknown version") << QStringList{"policy", "export", m_ws, "--version", "99"}
                                     << QByteArray("store.unknown_version");
    QTest::newRow("diff with one set")
        << QStringList{"diff", m_ws, "--policies", "a.json", "--subjects", "badlines.jsonl"}
        << QByteArray("twice");
    QTest::newRow("diff with a bad subject line")
        << QStringList{"diff",       m_ws,     "--policies", "a.json",
                       "--policies", "b.json", "--subjects", "badlines.jsonl"}
        << QByteArray("line 2");
}

void TestCliPolicy::badInputExitsTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const QByteArray before = cli({QStringLiteral("policy"), QStringLiteral("versions"), m_ws}).out;
    auto r = cli(args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    // Nothing was saved by a refused command.
    QCOMPARE(cli({QStringLiteral("policy"), QStringLiteral("versions"), m_ws}).out, before);
}

QTEST_GUILESS_MAIN(TestCliPolicy)
#include "tst_cli_policy.moc"
