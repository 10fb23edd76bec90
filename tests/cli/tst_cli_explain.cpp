// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli explain end to end on a lab workspace: the decision log's twin names the failing
// clause and the value it read, the entry's missing selector, and says when a subject had no
// record by the instant; bad usage exits 2 with a declared code.
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliExplain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void failingClauseAndValues();
    void missingSelector();
    void workloadEntryUnderItsNodeAlias();
    void textNamesTheClause();
    void beforeTheFirstRecord();
    void badUsage_data();
    void badUsage();

private:
    CliRun cli(const QStringList &args) const { return runCli(m_dir.path(), args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QJsonObject explainJson(const QString &subject, const QStringList &extra = {});
    void write(const QString &name, const QByteArray &data) const
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

    QTemporaryDir m_dir;
    QString m_ws;
};

void TestCliExplain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = path(QStringLiteral("lab.atlas"));
    CliRun r = cli({QStringLiteral("lab"), QStringLiteral("generate"), m_ws,
                    QStringLiteral("--nodes"), QStringLiteral("2"), QStringLiteral("--workloads"),
                    QStringLiteral("4"), QStringLiteral("--records"), QStringLiteral("60"),
                    QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--start"),
                    QStringLiteral("2026-04-07T10:00:00Z"), QStringLiteral("--no-passphrase")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray policies{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("app-0")},
                    {QStringLiteral("effect"), QStringLiteral("grant")},
                    {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
                    {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/app-0")},
                    {QStringLiteral("condition"), QStringLiteral("subject == 'workload/app-0'")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("tpm-only")},
                    {QStringLiteral("effect"), QStringLiteral("grant")},
                    {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
                    {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/tpm")},
                    {QStringLiteral("condition"),
                     QStringLiteral("subject != '' && attestor == 'tpm-nowhere'")}}};
    write(QStringLiteral("policies.json"),
          QJsonDocument(QJsonObject{{QStringLiteral("policies"), policies}}).toJson());
    r = cli({QStringLiteral("policy"), QStringLiteral("import"), m_ws,
             path(QStringLiteral("policies.json"))});
    QVERIFY2(r.code == 0, r.err.constData());
    // A node entry (parent: the server) asking for a selector no lab node has.
    const QJsonObject entry{
        {QStringLiteral("entry_id"), QStringLiteral("e-rack")},
        {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/rack/7")},
        {QStringLiteral("parent_id"), QStringLiteral("spiffe://lab.example/spire/server")},
        {QStringLiteral("selectors"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("custom")},
                                {QStringLiteral("value"), QStringLiteral("rack:7")}}}}};
    write(QStringLiteral("entries.json"),
          QJsonDocument(QJsonObject{{QStringLiteral("entries"), QJsonArray{entry}}}).toJson());
    r = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), m_ws,
             path(QStringLiteral("entries.json"))});
    QVERIFY2(r.code == 0, r.err.constData());
}

QJsonObject TestCliExplain::explainJson(const QString &subject, const QStringList &extra)
{
    const CliRun r = cli(QStringList{QStringLiteral("explain"), m_ws, QStringLiteral("--subject"),
                                     subject, QStringLiteral("--json")} +
                         extra);
    if (r.code != 0)
        qWarning("explain: %s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

void TestCliExplain::failingClauseAndValues()
{
    const QJsonObject e = explainJson(QStringLiteral("workload/app-0"));
    QCOMPARE(e.value(QLatin1String("subject")).toString(), QStringLiteral("workload/app-0"));
    QVERIFY(e.value(QLatin1String("seen")).toBool());
    const QString attestor =
        e.value(QLatin1String("evidence")).toObject().value(QLatin1String("attestor")).toString();
    QVERIFY(!attestor.isEmpty());
    QHash<QString, QJsonObject> verdicts;
    for (const QJsonValue v : e.value(QLatin1String("decision"))
                                  .toObject()
                                  .value(QLatin1String("policies"))
                                  .toObject()
                                  .value(QLatin1String("verdicts"))
                                  .toArray())
        verdicts.insert(v.toObject().value(QLatin1String("policy")).toString(), v.toObject());
    QCOMPARE(verdicts.value(QStringLiteral("app-0")).value(QLatin1String("outcome")).toString(),
             QStringLiteral("granted"));
    const QJsonObject tpm = verdicts.value(QStringLiteral("tpm-only"));
    QCOMPARE(tpm.value(QLatin1String("outcome")).toString(), QStringLiteral("not_matched"));
    const QJsonObject why = tpm.value(QLatin1String("failed_clause")).toObject();
    QCOMPARE(why.value(QLatin1String("clause")).toString(),
             QStringLiteral("attestor == 'tpm-nowhere'"));
    QCOMPARE(why.value(QLatin1String("conjunct")).toInt(), 1);
    const QJsonArray values = why.value(QLatin1String("values")).toArray();
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.first().toObject().value(QLatin1String("path")).toString(),
             QStringLiteral("attestor"));
    QCOMPARE(values.first().toObject().value(QLatin1String("value")).toString(), attestor);
    // The lifecycle: the grant that held is the identity it holds at the end.
    QVERIFY(e.value(QLatin1String("attested")).isBool());
    if (e.value(QLatin1String("attested")).toBool())
        QCOMPARE(e.value(QLatin1String("held")).toArray(),
                 QJsonArray{QStringLiteral("spiffe://lab.example/app-0")});
}

void TestCliExplain::missingSelector()
{
    const QJsonObject e = explainJson(QStringLiteral("node/lab-0"));
    QVERIFY(e.value(QLatin1String("seen")).toBool());
    const QJsonArray verdicts = e.value(QLatin1String("decision"))
                                    .toObject()
                                    .value(QLatin1String("entries"))
                                    .toObject()
                                    .value(QLatin1String("verdicts"))
                                    .toArray();
    QCOMPARE(verdicts.size(), 1);
    const QJsonObject v = verdicts.first().toObject();
    QCOMPARE(v.value(QLatin1String("entry_id")).toString(), QStringLiteral("e-rack"));
    QCOMPARE(v.value(QLatin1String("outcome")).toString(), QStringLiteral("selectors_missing"));
    QCOMPARE(v.value(QLatin1String("missing_selectors")).toArray(),
             QJsonArray{QStringLiteral("custom:rack:7")});
}

void TestCliExplain::workloadEntryUnderItsNodeAlias()
{
    // The workload is decided with the selectors its node attested with: an entry parented by
    // a node alias (which those selectors give the node) matches it.
    const QJsonObject workload = explainJson(QStringLiteral("workload/app-0"));
    const QString node = workload.value(QLatin1String("node")).toString();
    QVERIFY(!node.isEmpty());
    const QJsonArray workloadSelectors = workload.value(QLatin1String("evidence"))
                                             .toObject()
                                             .value(QLatin1String("selectors"))
                                             .toArray();
    const QJsonArray nodeSelectors = explainJson(node)
                                         .value(QLatin1String("evidence"))
                                         .toObject()
                                         .value(QLatin1String("selectors"))
                                         .toArray();
    QVERIFY(!workloadSelectors.isEmpty() && !nodeSelectors.isEmpty());
    auto selectors = [](const QJsonArray &texts) {
        QJsonArray out;
        for (const QJsonValue t : texts) {
            const QString s = t.toString();
            const qsizetype colon = s.indexOf(QLatin1Char(':'));
            out.append(QJsonObject{{QStringLiteral("type"), s.left(colon)},
                                   {QStringLiteral("value"), s.mid(colon + 1)}});
        }
        return out;
    };
    const QJsonArray entries{
        QJsonObject{
            {QStringLiteral("entry_id"), QStringLiteral("e-alias")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/alias")},
            {QStringLiteral("parent_id"), QStringLiteral("spiffe://lab.example/spire/server")},
            {QStringLiteral("selectors"), selectors(nodeSelectors)}},
        QJsonObject{{QStringLiteral("entry_id"), QStringLiteral("e-app")},
                    {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/app")},
                    {QStringLiteral("parent_id"), QStringLiteral("spiffe://lab.example/alias")},
                    {QStringLiteral("selectors"), selectors({workloadSelectors.first()})}}};
    write(QStringLiteral("alias.json"),
          QJsonDocument(QJsonObject{{QStringLiteral("entries"), entries}}).toJson());
    const CliRun r = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), m_ws,
                          path(QStringLiteral("alias.json"))});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray verdicts = explainJson(QStringLiteral("workload/app-0"))
                                    .value(QLatin1String("decision"))
                                    .toObject()
                                    .value(QLatin1String("entries"))
                                    .toObject()
                                    .value(QLatin1String("verdicts"))
                                    .toArray();
    QHash<QString, QString> outcomes;
    for (const QJsonValue v : verdicts)
        outcomes.insert(v.toObject().value(QLatin1String("entry_id")).toString(),
                        v.toObject().value(QLatin1String("outcome")).toString());
    QCOMPARE(outcomes.value(QStringLiteral("e-app")), QStringLiteral("matched"));
}

void TestCliExplain::textNamesTheClause()
{
    const CliRun r = cli({QStringLiteral("explain"), m_ws, QStringLiteral("--subject"),
                          QStringLiteral("node/lab-0")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString out = QString::fromUtf8(r.out);
    QVERIFY2(out.startsWith(QStringLiteral("Subject node/lab-0 at ")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("grant tpm-only: not_matched")));
    QVERIFY(out.contains(QStringLiteral("`attestor == 'tpm-nowhere'` (1:18) was false")));
    QVERIFY(out.contains(QStringLiteral("entry e-rack spiffe://lab.example/rack/7: "
                                        "selectors_missing (missing custom:rack:7)")));
}

void TestCliExplain::beforeTheFirstRecord()
{
    const QJsonObject e =
        explainJson(QStringLiteral("workload/app-0"),
                    {QStringLiteral("--at"), QStringLiteral("2026-04-07T09:00:00Z")});
    QCOMPARE(e.value(QLatin1String("at")).toString(), QStringLiteral("2026-04-07T09:00:00Z"));
    QCOMPARE(e.value(QLatin1String("seen")).toBool(), false);
    QCOMPARE(e.value(QLatin1String("attested")).toBool(), false);
    QVERIFY(!e.contains(QLatin1String("decision")));
}

void TestCliExplain::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    QTest::newRow("no subject") << QStringList{} << QStringLiteral("cli.missing_option");
    QTest::newRow("bad instant") << QStringList{QStringLiteral("--subject"), QStringLiteral("x"),
                                                QStringLiteral("--at"), QStringLiteral("soon")}
                                 << QStringLiteral("cli.bad_time");
}

void TestCliExplain::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    const CliRun r = cli(QStringList{QStringLiteral("explain"), m_ws} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(code.toUtf8()), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
