// SPDX-License-Identifier: Apache-2.0
// import/export spire-entries end to end: SPIRE's JSON in, versions kept, SPIRE's JSON out.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const kEntries = R"({"entries": [
 {"id": "e1", "spiffe_id": {"trust_domain": "example.org", "path": "/api"},
  "parent_id": {"trust_domain": "example.org", "path": "/spire/agent/join_token/t"},
  "selectors": [{"type": "unix", "value": "uid:1000"}], "x509_svid_ttl": 3600,
  "federates_with": [], "admin": false, "downstream": false, "expires_at": "0",
  "dns_names": [], "revision_number": "0", "store_svid": false, "jwt_svid_ttl": 300,
  "hint": "", "created_at": "1700000000"},
 {"id": "e2", "spiffe_id": {"trust_domain": "example.org", "path": "/db"},
  "parent_id": {"trust_domain": "example.org", "path": "/spire/agent/join_token/t"},
  "selectors": [{"type": "unix", "value": "uid:1001"}], "x509_svid_ttl": 0,
  "federates_with": ["partner.example"], "admin": true, "downstream": false, "expires_at": "0",
  "dns_names": ["db.local"], "revision_number": "2", "store_svid": false, "jwt_svid_ttl": 0,
  "hint": "", "created_at": "1700000000"}
], "next_page_token": ""})";

} // namespace

class TestCliEntries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importExportRoundTrip();
    void badEntriesRefusedAndNothingSaved();
    void importsEntryCreateDataFile();

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
};

TestCliEntries::Run TestCliEntries::cli(const QStringList &args)
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

QString TestCliEntries::write(const QString &name, const QByteArray &data)
{
    QFile f(m_dir.filePath(name));
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
    return f.fileName();
}

void TestCliEntries::importExportRoundTrip()
{
    const QString ws = m_dir.filePath(QStringLiteral("e.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    const QString file = write(QStringLiteral("entries.json"), kEntries);
    auto imp = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), ws, file,
                    QStringLiteral("--json")});
    QCOMPARE(imp.code, 0);
    const QJsonObject r = QJsonDocument::fromJson(imp.out).object();
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(r.value(QStringLiteral("added")).toInt(), 2);

    auto exp = cli({QStringLiteral("export"), QStringLiteral("spire-entries"), ws});
    QCOMPARE(exp.code, 0);
    // Exactly what SPIRE printed comes back out.
    QCOMPARE(QJsonDocument::fromJson(exp.out), QJsonDocument::fromJson(kEntries));

    // A second import of one changed entry merges by ID into version 2; version 1 stays.
    QByteArray changed(kEntries);
    changed.replace("\"uid:1000\"", "\"uid:2000\"");
    const QString file2 = write(QStringLiteral("changed.json"), changed);
    auto imp2 = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), ws, file2,
                     QStringLiteral("--json")});
    QCOMPARE(imp2.code, 0);
    QCOMPARE(QJsonDocument::fromJson(imp2.out).object().value(QStringLiteral("updated")).toInt(),
             2);
    auto v2 = cli({QStringLiteral("export"), QStringLiteral("spire-entries"), ws});
    QVERIFY(v2.out.contains("uid:2000"));
    auto v1 = cli({QStringLiteral("export"), QStringLiteral("spire-entries"), ws,
                   QStringLiteral("--version"), QStringLiteral("1")});
    QCOMPARE(v1.code, 0);
    QVERIFY(v1.out.contains("uid:1000"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("spire-entries"), ws,
                  QStringLiteral("--version"), QStringLiteral("9")})
                 .code,
             2);
}

void TestCliEntries::badEntriesRefusedAndNothingSaved()
{
    const QString ws = m_dir.filePath(QStringLiteral("bad.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    QByteArray bad(kEntries);
    bad.replace("\"path\": \"/db\"", "\"path\": \"db\"");
    auto r = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), ws,
                  write(QStringLiteral("bad.json"), bad)});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("entry 1"), r.err.constData());
    auto exp = cli({QStringLiteral("export"), QStringLiteral("spire-entries"), ws});
    QCOMPARE(exp.code, 0);
    QCOMPARE(
        QJsonDocument::fromJson(exp.out).object().value(QStringLiteral("entries")).toArray().size(),
        0);
}

// The file `spire-server entry create -data` takes (string IDs, deprecated "ttl", a node entry)
// imports; it used to be refused with "entry.missing_field: spiffe_id".
void TestCliEntries::importsEntryCreateDataFile()
{
    const QString ws = m_dir.filePath(QStringLiteral("data.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    auto imp = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), ws,
                    QStringLiteral(TA_TEST_DATA_DIR "/spire/entry-create-data.json"),
                    QStringLiteral("--json")});
    QVERIFY2(imp.code == 0, imp.err.constData());
    QCOMPARE(QJsonDocument::fromJson(imp.out).object().value(QStringLiteral("added")).toInt(), 3);
    auto exp = cli({QStringLiteral("export"), QStringLiteral("spire-entries"), ws});
    QCOMPARE(exp.code, 0);
    const QJsonArray entries =
        QJsonDocument::fromJson(exp.out).object().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 3);
    const QJsonObject web = entries.at(0).toObject();
    QCOMPARE(
        web.value(QStringLiteral("spiffe_id")).toObject().value(QStringLiteral("path")).toString(),
        QStringLiteral("/web/frontend"));
    QCOMPARE(web.value(QStringLiteral("x509_svid_ttl")).toInt(), 900);
    const QJsonObject node = entries.at(2).toObject();
    QCOMPARE(node.value(QStringLiteral("id")).toString(), QStringLiteral("node-eu-west"));
    QCOMPARE(
        node.value(QStringLiteral("parent_id")).toObject().value(QStringLiteral("path")).toString(),
        QStringLiteral("/spire/server"));

    // A data file whose entry really lacks spiffe_id names that field, and nothing is saved.
    const QString bad = write(QStringLiteral("nospiffe.json"),
                              R"({"entries": [{"parent_id": "spiffe://acme.test/p",
                                 "selectors": [{"type": "unix", "value": "uid:1"}]}]})");
    const QString ws2 = m_dir.filePath(QStringLiteral("data2.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws2,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    auto r = cli({QStringLiteral("import"), QStringLiteral("spire-entries"), ws2, bad});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("entry.missing_field") && r.err.contains("spiffe_id"),
             r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliEntries)
#include "tst_cli_entries.moc"
