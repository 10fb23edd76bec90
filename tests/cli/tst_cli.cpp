// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli end to end: the real executable, real files, exit codes of DESIGN.md's contract.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpOnEveryVerb_data();
    void helpOnEveryVerb();
    void badUsage_data();
    void badUsage();
    void passphraseSources();
    void passphraseChange();
    void issueAndVerifyX509();
    void x509FromCsrWritesNoKey();
    void verifyX509Refusals_data();
    void verifyX509Refusals();
    void issueAndVerifyJwt();
    void bundleExportFormats();
    void authorityRotation();
    void demoWorkspace();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &args, const QByteArray &passphraseEnv = {},
            const QByteArray &input = {});
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QJsonObject json(const QByteArray &out) const { return QJsonDocument::fromJson(out).object(); }

    QTemporaryDir m_dir;
    QString m_ws;
    QString m_pass;
};

TestCli::Run TestCli::cli(const QStringList &args, const QByteArray &passphraseEnv,
                          const QByteArray &input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TRUSTATLAS_PASSPHRASE"));
    if (!passphraseEnv.isEmpty())
        env.insert(QStringLiteral("TRUSTATLAS_PASSPHRASE"), QString::fromUtf8(passphraseEnv));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(TA_CLI_PATH), args);
    p.write(input);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_pass = path(QStringLiteral("pass.txt"));
    QFile f(m_pass);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("correct horse\n");
    f.close();
    m_ws = path(QStringLiteral("main.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), m_ws,
                  QStringLiteral("--passphrase-file"), m_pass})
                 .code,
             0);
    auto td =
        cli({QStringLiteral("td"), QStringLiteral("create"), m_ws, QStringLiteral("example.org"),
             QStringLiteral("--passphrase-file"), m_pass, QStringLiteral("--json")});
    QCOMPARE(td.code, 0);
    QCOMPARE(json(td.out).value(QStringLiteral("trust_domain")).toString(),
             QStringLiteral("example.org"));
    QCOMPARE(cli({QStringLiteral("td"), QStringLiteral("create"), m_ws, QStringLiteral("other.org"),
                  QStringLiteral("--intermediate"), QStringLiteral("--key"),
                  QStringLiteral("ec-p384"), QStringLiteral("--passphrase-file"), m_pass})
                 .code,
             0);
}

void TestCli::helpOnEveryVerb_data()
{
    QTest::addColumn<QStringList>("verb");
    for (const char *v : {"workspace init", "workspace passphrase", "td create", "td list",
                          "ca prepare", "ca activate", "ca taint", "ca revoke", "svid x509",
                          "svid jwt", "bundle export", "verify x509", "verify jwt"})
        QTest::newRow(v) << QString::fromLatin1(v).split(QLatin1Char(' '));
}

void TestCli::helpOnEveryVerb()
{
    QFETCH(QStringList, verb);
    auto r = cli(verb + QStringList{QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("Usage:"));
    QVERIFY(r.out.contains("--help"));
}

void TestCli::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("stderrHas");
    auto l = [](const char *s) { return QString::fromLatin1(s).split(QLatin1Char(' ')); };
    QTest::newRow("no verb") << QStringList{} << QByteArray();
    QTest::newRow("unknown verb") << l("frobnicate now") << QByteArray("unknown verb");
    QTest::newRow("unknown option") << l("td list main.atlas --bogus") << QByteArray("bogus");
    QTest::newRow("missing file argument") << l("td list") << QByteArray("missing");
    QTest::newRow("bad SPIFFE ID")
        << l("svid x509 main.atlas --spiffe-id spiffe://Example.org/x --out o")
        << QByteArray("spiffe.td.uppercase");
    QTest::newRow("bad duration")
        << l("svid x509 main.atlas --spiffe-id spiffe://example.org/x --ttl 5y --out o")
        << QByteArray("cli.bad_duration");
    QTest::newRow("unknown key type")
        << l("td create main.atlas x.org --key dsa") << QByteArray("dsa");
    QTest::newRow("not a workspace")
        << l("td list pass.txt") << QByteArray("store.not_a_workspace");
    QTest::newRow("missing workspace")
        << l("td list nope.atlas") << QByteArray("store.file_missing");
    QTest::newRow("garbage bundle")
        << l("verify x509 --bundle pass.txt --td example.org --chain pass.txt")
        << QByteArray("error");
    QTest::newRow("bad --at")
        << l("verify jwt --bundle pass.txt --td example.org --audience a --at yesterday tok")
        << QByteArray("error");
}

void TestCli::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, stderrHas);
    auto r = cli(args, "correct horse");
    QCOMPARE(r.code, 2);
    if (!stderrHas.isEmpty()) {
        QVERIFY2(r.err.contains(stderrHas), r.err.constData());
        // One line, as the contract says.
        QCOMPARE(r.err.count('\n'), 1);
    }
}

void TestCli::passphraseSources()
{
    const QStringList list{QStringLiteral("td"), QStringLiteral("list"), m_ws};
    // No file, no environment, no terminal: exit 2 with a clear error.
    auto none = cli(list);
    QCOMPARE(none.code, 2);
    QVERIFY(none.err.contains("cli.passphrase_required"));
    QCOMPARE(cli(list, "correct horse").code, 0);
    auto wrong = cli(list, "battery staple");
    QCOMPARE(wrong.code, 2);
    QVERIFY(wrong.err.contains("store.wrong_passphrase"));
    // The file wins over the environment.
    QCOMPARE(
        cli(list + QStringList{QStringLiteral("--passphrase-file"), m_pass}, "battery staple").code,
        0);
    // A workspace without a passphrase needs none, and says so when created.
    auto clear = cli({QStringLiteral("workspace"), QStringLiteral("init"),
                      path(QStringLiteral("clear.atlas")), QStringLiteral("--no-passphrase")});
    QCOMPARE(clear.code, 0);
    QVERIFY(clear.out.contains("in clear"));
    QCOMPARE(
        cli({QStringLiteral("td"), QStringLiteral("list"), path(QStringLiteral("clear.atlas"))})
            .code,
        0);
    // Creating over an existing file is refused and leaves it intact.
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), m_ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             2);
    QCOMPARE(cli(list, "correct horse").code, 0);
}

void TestCli::passphraseChange()
{
    const QString ws = path(QStringLiteral("change.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws}, "first").code, 0);
    QCOMPARE(cli({QStringLiteral("td"), QStringLiteral("create"), ws, QStringLiteral("change.org")},
                 "first")
                 .code,
             0);
    const QString next = path(QStringLiteral("next.txt"));
    QFile f(next);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("second\n");
    f.close();
    const QStringList change{QStringLiteral("workspace"), QStringLiteral("passphrase"), ws,
                             QStringLiteral("--new-passphrase-file"), next};
    // The old passphrase must be right before anything changes.
    auto wrong = cli(change, "not it");
    QCOMPARE(wrong.code, 2);
    QVERIFY(wrong.err.contains("store.wrong_passphrase"));
    // No new passphrase and no terminal: refused, the old one still opens the file.
    auto noNew = cli({QStringLiteral("workspace"), QStringLiteral("passphrase"), ws}, "first");
    QCOMPARE(noNew.code, 2);
    QVERIFY(noNew.err.contains("cli.passphrase_required"));
    auto ok = cli(change, "first");
    QCOMPARE(ok.code, 0);
    QVERIFY(ok.out.contains("Changed the passphrase"));
    const QStringList list{QStringLiteral("td"), QStringLiteral("list"), ws};
    QCOMPARE(cli(list, "first").code, 2);
    QCOMPARE(cli(list, "second").code, 0);
    // The CA still signs under the new passphrase.
    QCOMPARE(cli({QStringLiteral("svid"), QStringLiteral("x509"), ws, QStringLiteral("--spiffe-id"),
                  QStringLiteral("spiffe://change.org/w"), QStringLiteral("--out"),
                  path(QStringLiteral("changed-svid"))},
                 "second")
                 .code,
             0);
}

void TestCli::issueAndVerifyX509()
{
    const QString out = path(QStringLiteral("x509"));
    auto r =
        cli({QStringLiteral("svid"), QStringLiteral("x509"), m_ws, QStringLiteral("--spiffe-id"),
             QStringLiteral("spiffe://example.org/ns/pay/sa/api"), QStringLiteral("--ttl"),
             QStringLiteral("30m"), QStringLiteral("--dns"), QStringLiteral("api.example"),
             QStringLiteral("--out"), out, QStringLiteral("--json")},
            "correct horse");
    QCOMPARE(r.code, 0);
    const QJsonObject o = json(r.out);
    QCOMPARE(o.value(QStringLiteral("spiffe_id")).toString(),
             QStringLiteral("spiffe://example.org/ns/pay/sa/api"));
    QCOMPARE(o.value(QStringLiteral("files")).toArray().size(), 3);
    const QDateTime notBefore =
        QDateTime::fromString(o.value(QStringLiteral("not_before")).toString(), Qt::ISODate);
    const QDateTime notAfter =
        QDateTime::fromString(o.value(QStringLiteral("not_after")).toString(), Qt::ISODate);
    QCOMPARE(notBefore.secsTo(notAfter), 30 * 60 + 10);
    QFile key(out + QStringLiteral("/key.pem"));
    QVERIFY(key.exists());
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("verify"), QStringLiteral("-CAfile"),
                   out + QStringLiteral("/bundle.pem"), out + QStringLiteral("/svid.pem")});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);

    const QString bundle = path(QStringLiteral("example.jwks"));
    QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws, QStringLiteral("--td"),
                  QStringLiteral("example.org"), QStringLiteral("--out"), bundle},
                 "correct horse")
                 .code,
             0);
    auto v =
        cli({QStringLiteral("verify"), QStringLiteral("x509"), QStringLiteral("--bundle"), bundle,
             QStringLiteral("--td"), QStringLiteral("example.org"), QStringLiteral("--chain"),
             out + QStringLiteral("/svid.pem"), QStringLiteral("--json")});
    QCOMPARE(v.code, 0);
    QCOMPARE(json(v.out).value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(json(v.out).value(QStringLiteral("spiffe_id")).toString(),
             QStringLiteral("spiffe://example.org/ns/pay/sa/api"));
}

void TestCli::x509FromCsrWritesNoKey()
{
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   QStringLiteral("csr.key"), QStringLiteral("-out"), QStringLiteral("req.csr"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=ignored")});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    const QString out = path(QStringLiteral("fromcsr"));
    auto r =
        cli({QStringLiteral("svid"), QStringLiteral("x509"), m_ws, QStringLiteral("--spiffe-id"),
             QStringLiteral("spiffe://other.org/batch"), QStringLiteral("--csr"),
             path(QStringLiteral("req.csr")), QStringLiteral("--out"), out},
            "correct horse");
    QCOMPARE(r.code, 0);
    QVERIFY(QFile::exists(out + QStringLiteral("/svid.pem")));
    QVERIFY(!QFile::exists(out + QStringLiteral("/key.pem")));
    // The intermediate-mode trust domain hands out leaf + intermediate.
    QFile svid(out + QStringLiteral("/svid.pem"));
    QVERIFY(svid.open(QIODevice::ReadOnly));
    QCOMPARE(svid.readAll().count("BEGIN CERTIFICATE"), 2);
}

void TestCli::verifyX509Refusals_data()
{
    QTest::addColumn<QString>("td");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("code");
    QTest::newRow("SVID of another trust domain") << "other.org"
                                                  << ""
                                                  << "x509svid.trust_domain_mismatch";
    QTest::newRow("validated after expiry") << "example.org"
                                            << "2031-01-01T00:00:00Z"
                                            << "x509svid.expired";
    QTest::newRow("validated before issue") << "example.org"
                                            << "2001-01-01T00:00:00Z"
                                            << "x509svid.not_yet_valid";
}

void TestCli::verifyX509Refusals()
{
    QFETCH(QString, td);
    QFETCH(QString, at);
    QFETCH(QString, code);
    const QString out = path(QStringLiteral("refusals"));
    QCOMPARE(
        cli({QStringLiteral("svid"), QStringLiteral("x509"), m_ws, QStringLiteral("--spiffe-id"),
             QStringLiteral("spiffe://example.org/w"), QStringLiteral("--out"), out},
            "correct horse")
            .code,
        0);
    QStringList args{QStringLiteral("verify"),   QStringLiteral("x509"),
                     QStringLiteral("--bundle"), out + QStringLiteral("/bundle.pem"),
                     QStringLiteral("--td"),     td,
                     QStringLiteral("--chain"),  out + QStringLiteral("/svid.pem"),
                     QStringLiteral("--json")};
    if (!at.isEmpty())
        args << QStringLiteral("--at") << at;
    auto v = cli(args);
    QCOMPARE(v.code, 1);
    QCOMPARE(json(v.out).value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(json(v.out).value(QStringLiteral("error")).toString(), code);
}

void TestCli::issueAndVerifyJwt()
{
    auto t =
        cli({QStringLiteral("svid"), QStringLiteral("jwt"), m_ws, QStringLiteral("--spiffe-id"),
             QStringLiteral("spiffe://example.org/api"), QStringLiteral("--audience"),
             QStringLiteral("db"), QStringLiteral("--ttl"), QStringLiteral("2m")},
            "correct horse");
    QCOMPARE(t.code, 0);
    const QByteArray token = t.out.trimmed();
    QCOMPARE(token.count('.'), 2);
    const QString bundle = path(QStringLiteral("jwt.jwks"));
    QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws, QStringLiteral("--td"),
                  QStringLiteral("example.org"), QStringLiteral("--out"), bundle},
                 "correct horse")
                 .code,
             0);
    const QStringList base{
        QStringLiteral("verify"), QStringLiteral("jwt"),         QStringLiteral("--bundle"), bundle,
        QStringLiteral("--td"),   QStringLiteral("example.org"), QStringLiteral("--json")};
    auto ok = cli(base + QStringList{QStringLiteral("--audience"), QStringLiteral("db"),
                                     QString::fromLatin1(token)});
    QCOMPARE(ok.code, 0);
    QCOMPARE(json(ok.out).value(QStringLiteral("spiffe_id")).toString(),
             QStringLiteral("spiffe://example.org/api"));
    auto stdinToken = cli(
        base + QStringList{QStringLiteral("--audience"), QStringLiteral("db"), QStringLiteral("-")},
        {}, token + '\n');
    QCOMPARE(stdinToken.code, 0);
    auto aud = cli(base + QStringList{QStringLiteral("--audience"), QStringLiteral("web"),
                                      QString::fromLatin1(token)});
    QCOMPARE(aud.code, 1);
    QCOMPARE(json(aud.out).value(QStringLiteral("error")).toString(),
             QStringLiteral("jwtsvid.audience_mismatch"));
    auto late =
        cli(base + QStringList{QStringLiteral("--audience"), QStringLiteral("db"),
                               QStringLiteral("--at"),
                               QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODate),
                               QString::fromLatin1(token)});
    QCOMPARE(late.code, 1);
    QCOMPARE(json(late.out).value(QStringLiteral("error")).toString(),
             QStringLiteral("jwtsvid.expired"));
    // One flipped character of the signature: refused, never accepted.
    QByteArray tampered = token;
    tampered[tampered.size() - 5] = tampered[tampered.size() - 5] == 'A' ? 'B' : 'A';
    auto bad = cli(base + QStringList{QStringLiteral("--audience"), QStringLiteral("db"),
                                      QString::fromLatin1(tampered)});
    QCOMPARE(bad.code, 1);
    // The other trust domain's bundle does not vouch for this token.
    const QString otherBundle = path(QStringLiteral("other.jwks"));
    QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws, QStringLiteral("--td"),
                  QStringLiteral("other.org"), QStringLiteral("--out"), otherBundle},
                 "correct horse")
                 .code,
             0);
    auto foreign =
        cli({QStringLiteral("verify"), QStringLiteral("jwt"), QStringLiteral("--bundle"),
             otherBundle, QStringLiteral("--td"), QStringLiteral("other.org"),
             QStringLiteral("--audience"), QStringLiteral("db"), QString::fromLatin1(token)});
    QCOMPARE(foreign.code, 1);
}

void TestCli::bundleExportFormats()
{
    auto spiffe = cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws,
                       QStringLiteral("--td"), QStringLiteral("example.org")},
                      "correct horse");
    QCOMPARE(spiffe.code, 0);
    const QJsonObject jwks = json(spiffe.out);
    QVERIFY(jwks.value(QStringLiteral("spiffe_sequence")).toInteger() > 0);
    QStringList uses;
    for (const QJsonValue &k : jwks.value(QStringLiteral("keys")).toArray())
        uses << k.toObject().value(QStringLiteral("use")).toString();
    uses.sort();
    QCOMPARE(uses, (QStringList{QStringLiteral("jwt-svid"), QStringLiteral("x509-svid")}));
    auto pem =
        cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws, QStringLiteral("--td"),
             QStringLiteral("example.org"), QStringLiteral("--format"), QStringLiteral("pem")},
            "correct horse");
    QCOMPARE(pem.code, 0);
    QCOMPARE(pem.out.count("BEGIN CERTIFICATE"), 1);
    QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws, QStringLiteral("--td"),
                  QStringLiteral("example.org"), QStringLiteral("--format"), QStringLiteral("der")},
                 "correct horse")
                 .code,
             2);
}

void TestCli::authorityRotation()
{
    const QString ws = path(QStringLiteral("rotate.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    QCOMPARE(
        cli({QStringLiteral("td"), QStringLiteral("create"), ws, QStringLiteral("r.example")}).code,
        0);
    const QString oldOut = path(QStringLiteral("rot-old"));
    QCOMPARE(cli({QStringLiteral("svid"), QStringLiteral("x509"), ws, QStringLiteral("--spiffe-id"),
                  QStringLiteral("spiffe://r.example/w"), QStringLiteral("--out"), oldOut,
                  QStringLiteral("--json")})
                 .code,
             0);
    auto seq = [&] {
        auto b = cli({QStringLiteral("bundle"), QStringLiteral("export"), ws,
                      QStringLiteral("--td"), QStringLiteral("r.example")});
        return json(b.out).value(QStringLiteral("spiffe_sequence")).toInteger();
    };
    const qint64 s0 = seq();
    auto prep = cli({QStringLiteral("ca"), QStringLiteral("prepare"), ws, QStringLiteral("--td"),
                     QStringLiteral("r.example")});
    QCOMPARE(prep.code, 0);
    QVERIFY(seq() > s0);
    QCOMPARE(cli({QStringLiteral("ca"), QStringLiteral("activate"), ws, QStringLiteral("--td"),
                  QStringLiteral("r.example")})
                 .code,
             0);
    // The old authority: find it from the SVID it signed.
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("x509"), QStringLiteral("-in"),
                   oldOut + QStringLiteral("/svid.pem"), QStringLiteral("-noout"),
                   QStringLiteral("-ext"), QStringLiteral("authorityKeyIdentifier")});
    QVERIFY(openssl.waitForFinished(30000));
    QString aki = QString::fromLatin1(openssl.readAllStandardOutput())
                      .section(QLatin1Char('\n'), 1)
                      .trimmed();
    aki.remove(QStringLiteral("keyid:")).remove(QLatin1Char(':'));
    aki = aki.toLower();
    QVERIFY(!aki.isEmpty());
    QCOMPARE(cli({QStringLiteral("ca"), QStringLiteral("revoke"), ws, QStringLiteral("--td"),
                  QStringLiteral("r.example"), QStringLiteral("--authority"), aki})
                 .code,
             2); // not tainted yet
    QCOMPARE(cli({QStringLiteral("ca"), QStringLiteral("taint"), ws, QStringLiteral("--td"),
                  QStringLiteral("r.example"), QStringLiteral("--authority"), aki})
                 .code,
             0);
    QCOMPARE(cli({QStringLiteral("ca"), QStringLiteral("revoke"), ws, QStringLiteral("--td"),
                  QStringLiteral("r.example"), QStringLiteral("--authority"), aki})
                 .code,
             0);
    const QString bundle = path(QStringLiteral("rot.pem"));
    QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("export"), ws, QStringLiteral("--td"),
                  QStringLiteral("r.example"), QStringLiteral("--format"), QStringLiteral("pem"),
                  QStringLiteral("--out"), bundle})
                 .code,
             0);
    // What the revoked authority signed no longer validates.
    auto v =
        cli({QStringLiteral("verify"), QStringLiteral("x509"), QStringLiteral("--bundle"), bundle,
             QStringLiteral("--td"), QStringLiteral("r.example"), QStringLiteral("--chain"),
             oldOut + QStringLiteral("/svid.pem"), QStringLiteral("--json")});
    QCOMPARE(v.code, 1);
    QCOMPARE(json(v.out).value(QStringLiteral("error")).toString(),
             QStringLiteral("x509svid.untrusted"));
}

void TestCli::demoWorkspace()
{
    const QString ws = path(QStringLiteral("demo.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws, QStringLiteral("--demo"),
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    auto list = cli({QStringLiteral("td"), QStringLiteral("list"), ws, QStringLiteral("--json")});
    QCOMPARE(list.code, 0);
    QCOMPARE(json(list.out).value(QStringLiteral("trust_domains")).toArray().size(), 3);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
