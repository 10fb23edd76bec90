// SPDX-License-Identifier: Apache-2.0
// Issue 8, "Done when": every CLI verb that reads a file or a token, fed hostile input (empty,
// truncated, binary, invalid UTF-8, deeply nested, huge, duplicate keys, wrong types, encrypted
// PEM, crafted workspaces). Each case must end in exit 1 or 2, with exactly one well-formed
// error line for exit 2, under 2 GiB of address space, within seconds, without prompting, and
// leave the workspace as it was.
//
// Each run is a new session with no controlling terminal and a stdin that stays open: a verb
// that fell back to a prompt (OpenSSL's PEM passphrase reads /dev/tty, else stdin) would wait
// there and fail the case by its timeout.
#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/Key.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/pem.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace ta::core;

namespace {

constexpr int kTimeoutMs = 20000;
constexpr rlim_t kAddressSpace = rlim_t(2) << 30;

// Under AddressSanitizer (the sanitizer build of the suite) the CLI maps terabytes of shadow
// memory at start, so an address-space cap stops it before main. The same 2 GiB bound is then
// ASan's own cap on what the CLI allocates.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif
constexpr qint64 kHugeBytes = qint64(300) << 20;

// Every table's rows and the schema, read through SQLite's C API: what `sqlite3 FILE .dump`
// shows, without needing the sqlite3 program.
QStringList dump(const QString &path)
{
    QStringList out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return {QStringLiteral("open failed")};
    }
    auto rows = [&](const QByteArray &sql) {
        QStringList lines;
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) != SQLITE_OK)
            return QStringList{QStringLiteral("prepare failed: ") + QString::fromUtf8(sql)};
        while (sqlite3_step(st) == SQLITE_ROW) {
            QStringList cols;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto *p = static_cast<const char *>(sqlite3_column_blob(st, i));
                cols << QStringLiteral("%1:%2")
                            .arg(sqlite3_column_type(st, i))
                            .arg(QString::fromLatin1(
                                QByteArray(p, sqlite3_column_bytes(st, i)).toHex()));
            }
            lines << cols.join(QLatin1Char('|'));
        }
        sqlite3_finalize(st);
        return lines;
    };
    out << rows("PRAGMA user_version");
    const QStringList schema = rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
    out << schema;
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1,
                       &st, nullptr);
    QList<QByteArray> tables;
    while (sqlite3_step(st) == SQLITE_ROW)
        tables << reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    for (const QByteArray &t : tables)
        out << QString::fromLatin1(t) << rows("SELECT * FROM \"" + t + "\"");
    sqlite3_close(db);
    return out;
}

template <typename T>
QByteArray encryptedPem(int (*i2d)(const T *, unsigned char **), const char *name, const T *obj)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    static const char pass[] = "secret";
    PEM_ASN1_write_bio(reinterpret_cast<i2d_of_void *>(i2d), name, bio.get(), const_cast<T *>(obj),
                       EVP_aes_128_cbc(),
                       reinterpret_cast<unsigned char *>(const_cast<char *>(pass)),
                       int(sizeof pass - 1), nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray encryptedLegacyKey(const Key &key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    static const char pass[] = "secret";
    PEM_write_bio_PrivateKey_traditional(
        bio.get(), key.get(), EVP_aes_128_cbc(),
        reinterpret_cast<unsigned char *>(const_cast<char *>(pass)), int(sizeof pass - 1), nullptr,
        nullptr);
    return bioBytes(bio.get());
}

QByteArray base64url(const QByteArray &b)
{
    return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Every top-level member twice: {"a":1} -> {"a":1,"a":1}.
QByteArray duplicated(const QByteArray &compactObject)
{
    const QByteArray body = compactObject.mid(1, compactObject.size() - 2);
    return '{' + body + ',' + body + '}';
}

// Every top-level member a number, whatever it should be.
QByteArray wronglyTyped(const QByteArray &compactObject)
{
    QJsonObject o = QJsonDocument::fromJson(compactObject).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        it.value() = 12345;
    return compact(o);
}

// Bytes that are not UTF-8 inside the first string.
QByteArray invalidUtf8(const QByteArray &text)
{
    QByteArray out = text;
    const qsizetype quote = out.indexOf('"');
    out.insert(quote < 0 ? 0 : quote + 1, "\xff\xfe\xc3\x28");
    return out;
}

QByteArray binary()
{
    QByteArray b(4096, Qt::Uninitialized);
    QRandomGenerator rng(8);
    for (char &c : b)
        c = char(rng.bounded(256));
    b[10] = '\0';
    return b;
}

QByteArray deepJson()
{
    return QByteArray(200000, '[') + QByteArray(200000, ']');
}

QByteArray deepObjectJson()
{
    QByteArray out;
    for (int i = 0; i < 100000; ++i)
        out += "{\"a\":";
    out += '1';
    out += QByteArray(100000, '}');
    return out;
}

QByteArray linesOf(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &l : lines)
        out += l + '\n';
    return out;
}

QList<QByteArray> mapLines(const QByteArray &text, QByteArray (*fn)(const QByteArray &))
{
    QList<QByteArray> out;
    for (const QByteArray &l : text.split('\n'))
        if (!l.isEmpty())
            out << fn(l);
    return out;
}

} // namespace

class TestCliHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void hostileInput_data();
    void hostileInput();
    void cleanup();

private:
    struct Run
    {
        bool finished = false;
        bool crashed = false;
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &args, const QString &stdinFile = {}, int timeoutMs = kTimeoutMs);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString write(const QString &name, const QByteArray &data);

    QTemporaryDir m_dir;
    QString m_ws;
    QStringList m_dump;
    QHash<QString, QByteArray> m_valid;
};

TestCliHostile::Run TestCliHostile::cli(const QStringList &args, const QString &stdinFile,
                                        int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TRUSTATLAS_PASSPHRASE"));
    if (kAddressSanitizer) {
        const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        env.insert(QStringLiteral("ASAN_OPTIONS"),
                   (asan.isEmpty() ? QString() : asan + QLatin1Char(':')) +
                       QStringLiteral("malloc_limit_mb=%1").arg(kAddressSpace >> 20));
    }
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.setChildProcessModifier([] {
        // No controlling terminal, and at most 2 GiB of address space (of allocations, under
        // AddressSanitizer: ASAN_OPTIONS above).
        setsid();
        if (!kAddressSanitizer) {
            const rlimit limit{kAddressSpace, kAddressSpace};
            setrlimit(RLIMIT_AS, &limit);
        }
    });
    p.start(QStringLiteral(TA_CLI_PATH), args);
    Run r;
    // stdin stays open (when not a file): a prompt that falls back to it waits, visibly.
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestCliHostile::write(const QString &name, const QByteArray &data)
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return f.fileName();
}

void TestCliHostile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = path(QStringLiteral("ws.atlas"));
    QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), m_ws,
                  QStringLiteral("--no-passphrase")})
                 .code,
             0);
    QCOMPARE(
        cli({QStringLiteral("td"), QStringLiteral("create"), m_ws, QStringLiteral("example.org")})
            .code,
        0);
    QDir(m_dir.path()).mkpath(QStringLiteral("svid"));
    QCOMPARE(cli({QStringLiteral("svid"), QStringLiteral("x509"), m_ws,
                  QStringLiteral("--spiffe-id"), QStringLiteral("spiffe://example.org/w"),
                  QStringLiteral("--out"), path(QStringLiteral("svid"))})
                 .code,
             0);
    auto jwks = cli({QStringLiteral("bundle"), QStringLiteral("export"), m_ws,
                     QStringLiteral("--td"), QStringLiteral("example.org")});
    QCOMPARE(jwks.code, 0);
    auto token = cli({QStringLiteral("svid"), QStringLiteral("jwt"), m_ws,
                      QStringLiteral("--spiffe-id"), QStringLiteral("spiffe://example.org/w"),
                      QStringLiteral("--audience"), QStringLiteral("a")});
    QCOMPARE(token.code, 0);

    const Key key = Key::generate(KeyType::EcP256).value();
    QFile chain(path(QStringLiteral("svid/svid.pem")));
    QVERIFY(chain.open(QIODevice::ReadOnly));
    QFile bundlePem(path(QStringLiteral("svid/bundle.pem")));
    QVERIFY(bundlePem.open(QIODevice::ReadOnly));
    const QByteArray chainPem = chain.readAll();
    const QByteArray csr = CertificateRequest::createPem(key).value();
    const Certificate leaf = Certificate::fromPem(chainPem).value();

    m_valid.insert(QStringLiteral("chain"), chainPem);
    m_valid.insert(QStringLiteral("pem bundle"), bundlePem.readAll());
    m_valid.insert(QStringLiteral("json bundle"),
                   compact(QJsonDocument::fromJson(jwks.out).object()));
    m_valid.insert(QStringLiteral("token"), token.out.trimmed());
    m_valid.insert(QStringLiteral("csr"), csr);
    m_valid.insert(QStringLiteral("public key"), key.publicPem());
    m_valid.insert(QStringLiteral("encrypted cert"),
                   encryptedPem<X509>(i2d_X509, PEM_STRING_X509, leaf.get()));
    m_valid.insert(QStringLiteral("encrypted key"), encryptedLegacyKey(key));
    {
        BioPtr in = readBio(csr);
        X509ReqPtr req(PEM_read_bio_X509_REQ(in.get(), nullptr, nullptr, nullptr));
        m_valid.insert(QStringLiteral("encrypted csr"),
                       encryptedPem<X509_REQ>(i2d_X509_REQ, PEM_STRING_X509_REQ, req.get()));
    }
    m_valid.insert(
        QStringLiteral("anchors"),
        compact(
            {{QStringLiteral("anchors"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("kind"), QStringLiteral("cosign_key")},
                  {QStringLiteral("name"), QStringLiteral("release")},
                  {QStringLiteral("public_key_pem"), QString::fromLatin1(key.publicPem())}}}},
             {QStringLiteral("reference_values"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("kind"), QStringLiteral("image_digest")},
                  {QStringLiteral("image"), QStringLiteral("registry.example/pay/api")},
                  {QStringLiteral("digest"), QStringLiteral("sha256:") + QString(64, u'a')}}}}}));
    m_valid.insert(
        QStringLiteral("policies"),
        R"({"policies":[{"name":"p","effect":"grant","trust_domain":"example.org","spiffe_id":"/x","condition":"verdict == 'affirming'"}]})");
    m_valid.insert(
        QStringLiteral("entries"),
        R"({"entries":[{"id":"e1","spiffe_id":{"trust_domain":"example.org","path":"/api"},"parent_id":{"trust_domain":"example.org","path":"/spire/agent/join_token/t"},"selectors":[{"type":"unix","value":"uid:1000"}],"x509_svid_ttl":3600}]})");
    m_valid.insert(
        QStringLiteral("subject"),
        R"({"subject":"node/a","attestor":"join_token","verdict":"affirming","selectors":[]})");
    m_valid.insert(QStringLiteral("bindings"), R"({"x":{"int":"5"}})");
    m_valid.insert(
        QStringLiteral("evidence"),
        R"({"time":"2026-04-07T10:00:00Z","attestor":"join_token","subject":"node/x","payload":{"token":"nope"}})"
        "\n"
        R"({"time":"2026-04-07T10:00:01Z","attestor":"join_token","subject":"node/y","payload":{"token":"nope"}})"
        "\n");
    m_valid.insert(QStringLiteral("subjects"), m_valid.value(QStringLiteral("subject")) + '\n');

    // Files the verbs take next to the hostile one.
    for (const char *name : {"chain", "json bundle", "policies", "subject", "csr", "evidence"})
        QVERIFY(!write(QStringLiteral("valid ") + QLatin1String(name),
                       m_valid.value(QLatin1String(name)))
                     .isEmpty());

    // Sparse: hundreds of megabytes on disk in no time.
    QFile huge(path(QStringLiteral("huge")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write(R"({"policies": [)");
    QVERIFY(huge.resize(kHugeBytes));
    huge.close();

    // Workspaces someone else crafted.
    QFile::copy(m_ws, path(QStringLiteral("trigger.atlas")));
    QFile::copy(m_ws, path(QStringLiteral("garbage-nonce.atlas")));
    for (const auto &[file, sql] :
         {std::pair{"trigger.atlas", "CREATE TRIGGER forget AFTER INSERT ON used_nonces BEGIN "
                                     "DELETE FROM used_nonces; END;"},
          std::pair{"garbage-nonce.atlas",
                    "INSERT INTO used_nonces VALUES ('node/x', 'n', 'not a time');"}}) {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path(QLatin1String(file)).toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    QFile wsFile(m_ws);
    QVERIFY(wsFile.open(QIODevice::ReadOnly));
    const QByteArray wsBytes = wsFile.readAll();
    write(QStringLiteral("truncated.atlas"), wsBytes.left(wsBytes.size() / 2));
    write(QStringLiteral("binary.atlas"), QByteArray("SQLite format 3\0", 16) + binary());
    write(QStringLiteral("empty.atlas"), {});
    write(QStringLiteral("json.atlas"), m_valid.value(QStringLiteral("policies")));

    m_dump = dump(m_ws);
    QVERIFY(QFile::copy(m_ws, path(QStringLiteral("pristine.atlas"))));
    QVERIFY(m_dump.size() > 10);
}

void TestCliHostile::hostileInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("viaStdin");

    // %IN is the hostile file, %WS the workspace, %VALID(x) a valid file of kind x.
    struct Verb
    {
        const char *name;
        const char *kind; // json, jsonl, pem, token
        const char *valid;
        QStringList args;
        bool viaStdin = false;
    };
    const QString in = QStringLiteral("%IN");
    const QString ws = QStringLiteral("%WS");
    auto s = [](const char *t) { return QString::fromLatin1(t); };
    const QList<Verb> verbs = {
        {"verify x509 --chain",
         "pem",
         "chain",
         {s("verify"), s("x509"), s("--bundle"), s("%VALID(json bundle)"), s("--td"),
          s("example.org"), s("--chain"), in}},
        {"verify x509 --bundle (PEM)",
         "pem",
         "pem bundle",
         {s("verify"), s("x509"), s("--bundle"), in, s("--td"), s("example.org"), s("--chain"),
          s("%VALID(chain)")}},
        {"verify x509 --bundle (JSON)",
         "json",
         "json bundle",
         {s("verify"), s("x509"), s("--bundle"), in, s("--td"), s("example.org"), s("--chain"),
          s("%VALID(chain)")}},
        {"verify jwt token",
         "token",
         "token",
         {s("verify"), s("jwt"), s("--bundle"), s("%VALID(json bundle)"), s("--td"),
          s("example.org"), s("--audience"), s("a"), s("-")},
         true},
        {"verify jwt --bundle",
         "json",
         "json bundle",
         {s("verify"), s("jwt"), s("--bundle"), in, s("--td"), s("example.org"), s("--audience"),
          s("a"), s("%TOKEN")}},
        {"svid x509 --csr",
         "pem",
         "csr",
         {s("svid"), s("x509"), ws, s("--spiffe-id"), s("spiffe://example.org/h"), s("--out"),
          s("out"), s("--csr"), in}},
        {"svid x509 --public-key",
         "pem",
         "public key",
         {s("svid"), s("x509"), ws, s("--spiffe-id"), s("spiffe://example.org/h"), s("--out"),
          s("out"), s("--public-key"), in}},
        {"anchors import", "json", "anchors", {s("anchors"), s("import"), ws, in}},
        {"evidence import", "jsonl", "evidence", {s("evidence"), s("import"), ws, in}},
        {"evidence verify --evidence",
         "jsonl",
         "evidence",
         {s("evidence"), s("verify"), ws, s("--evidence"), in, s("--fail-on-refusal"),
          s("--threads"), s("1")}},
        {"import spire-entries", "json", "entries", {s("import"), s("spire-entries"), ws, in}},
        {"policy import", "json", "policies", {s("policy"), s("import"), ws, in}},
        {"decide --subject", "json", "subject", {s("decide"), ws, s("--subject"), in}},
        {"decide --policies",
         "json",
         "policies",
         {s("decide"), ws, s("--subject"), s("%VALID(subject)"), s("--policies"), in}},
        {"diff --policies",
         "json",
         "policies",
         {s("diff"), ws, s("--policies"), in, s("--policies"), s("%VALID(policies)"),
          s("--subjects"), s("%VALID(subject)")}},
        {"diff --subjects",
         "jsonl",
         "subjects",
         {s("diff"), ws, s("--policies"), s("%VALID(policies)"), s("--policies"),
          s("%VALID(policies)"), s("--subjects"), in}},
        {"cel eval --bindings",
         "json",
         "bindings",
         {s("cel"), s("eval"), s("--expr"), s("x"), s("--bindings"), in}},
        {"simulate --evidence",
         "jsonl",
         "evidence",
         {s("simulate"), ws, s("--evidence"), in, s("--policies"), s("%VALID(policies)"),
          s("--json")}},
        {"simulate --policies",
         "json",
         "policies",
         {s("simulate"), ws, s("--evidence"), s("%VALID(evidence)"), s("--policies"), in,
          s("--json")}},
        {"what-if --policies",
         "json",
         "policies",
         {s("what-if"), ws, s("--policies"), in, s("--base"), s("%VALID(policies)"),
          s("--evidence"), s("%VALID(evidence)"), s("--json")}},
        {"what-if --anchors",
         "json",
         "anchors",
         {s("what-if"), ws, s("--anchors"), in, s("--evidence"), s("%VALID(evidence)"),
          s("--json")}},
    };

    const QByteArray huge = "%HUGE";
    for (const Verb &v : verbs) {
        const QByteArray valid = m_valid.value(QLatin1String(v.valid));
        QList<std::pair<const char *, QByteArray>> cases = {
            {"empty", QByteArray()},
            {"truncated", valid.left(valid.size() * 3 / 4)},
            {"binary", binary()},
            {"huge", huge},
        };
        const QString kind = QLatin1String(v.kind);
        if (kind == QLatin1String("json")) {
            cases += {{"invalid UTF-8", invalidUtf8(valid)},
                      {"deeply nested arrays", deepJson()},
                      {"deeply nested objects", deepObjectJson()},
                      {"duplicate keys", duplicated(valid)},
                      {"wrongly typed", wronglyTyped(valid)},
                      {"array for object", QByteArray("[1, 2, 3]")}};
        } else if (kind == QLatin1String("jsonl")) {
            if (QLatin1String(v.name) == QLatin1String("evidence verify --evidence")) {
                // An x509pop chain inside a record: the attestor refuses it (exit 1 under
                // --fail-on-refusal), without a prompt.
                const QJsonObject record{
                    {QStringLiteral("time"), QStringLiteral("2026-04-07T10:00:00Z")},
                    {QStringLiteral("attestor"), QStringLiteral("x509pop")},
                    {QStringLiteral("subject"), QStringLiteral("node/p")},
                    {QStringLiteral("payload"),
                     QJsonObject{{QStringLiteral("chain"), QString::fromLatin1(m_valid.value(
                                                               QStringLiteral("encrypted cert")))},
                                 {QStringLiteral("challenge"), QStringLiteral("YWFhYWFhYWE=")},
                                 {QStringLiteral("signature"), QStringLiteral("YWFhYWFhYWE=")}}}};
                cases += {{"x509pop encrypted chain", compact(record) + '\n'}};
            }
            cases += {{"invalid UTF-8", linesOf(mapLines(valid, invalidUtf8))},
                      {"deeply nested", deepJson() + '\n'},
                      {"duplicate keys", linesOf(mapLines(valid, duplicated))},
                      {"wrongly typed", linesOf(mapLines(valid, wronglyTyped))},
                      {"blank lines only", QByteArray("\n\n \n")}};
        } else if (kind == QLatin1String("pem")) {
            QByteArray badUtf8 = valid;
            badUtf8.insert(valid.indexOf('\n') + 1, "\xff\xfe\xc3\x28");
            const bool wantsCert = QLatin1String(v.valid) != QLatin1String("csr") &&
                                   QLatin1String(v.valid) != QLatin1String("public key");
            cases +=
                {{"invalid UTF-8", badUtf8},
                 {"wrongly typed", wantsCert ? m_valid.value(QStringLiteral("csr"))
                                             : m_valid.value(QStringLiteral("pem bundle"))},
                 {"begin lines only", QByteArray("-----BEGIN CERTIFICATE-----\n").repeated(20000)},
                 {"encrypted cert", m_valid.value(QStringLiteral("encrypted cert"))},
                 {"encrypted key", m_valid.value(QStringLiteral("encrypted key"))}};
            if (QLatin1String(v.valid) == QLatin1String("csr"))
                cases += {{"encrypted csr", m_valid.value(QStringLiteral("encrypted csr"))}};
        } else {
            const QByteArray sig = valid.mid(valid.lastIndexOf('.'));
            const QByteArray payload = valid.split('.').value(1);
            cases +=
                {{"invalid UTF-8", base64url("{\"alg\":\"ES256\xff\xfe\"}") + '.' + payload + sig},
                 {"deeply nested", base64url(deepJson()) + '.' + payload + sig},
                 {"duplicate keys",
                  base64url(R"({"alg":"ES256","alg":"none","typ":"JWT"})") + '.' + payload + sig},
                 {"wrongly typed",
                  base64url(R"({"alg":5,"kid":[],"typ":{}})") + '.' + payload + sig},
                 {"many dots", QByteArray(100000, '.')}};
        }
        for (const auto &[name, bytes] : cases)
            QTest::addRow("%s: %s", v.name, name) << v.args << bytes << v.viaStdin;
    }

    // Policy files whose condition is hostile CEL: huge chains and deep nesting that once
    // overflowed the stack, and loops and growth that would run for minutes or allocate
    // gigabytes. Each is refused at its parse or cost limit, in every verb that reads policies.
    const auto policyWith = [](const QByteArray &condition) {
        return QByteArray(
                   R"({"policies":[{"name":"p","effect":"grant","trust_domain":"example.org",)"
                   R"("spiffe_id":"/x","condition":")") +
               condition + QByteArray(R"("}]})");
    };
    const QByteArray chainTerms = QByteArray(".a").repeated(300000);
    const QList<std::pair<const char *, QByteArray>> hostileCel = {
        {"CEL x.a.a... 300,000 terms", policyWith("verdict" + chainTerms)},
        {"CEL 1+1+... 300,000 terms",
         policyWith(QByteArray("1").append(QByteArray("+1").repeated(300000)) + " == 2")},
        {"CEL 100,000 nested parentheses",
         policyWith(QByteArray(100000, '(') + "true" + QByteArray(100000, ')'))},
        {"CEL nested comprehensions",
         policyWith("[1,2,3,4,5,6,7,8,9,10].all(a, selectors.all(b, selectors.all(c, "
                    "selectors.all(d, b != c))))")},
        {"CEL string doubling",
         policyWith("cel.bind(s, 'xxxxxxxxxxxxxxxx', cel.bind(s, s + s + s + s + s + s + s + s, "
                    "cel.bind(s, s + s + s + s + s + s + s + s, cel.bind(s, s + s + s + s + s + s "
                    "+ s + s, cel.bind(s, s + s + s + s + s + s + s + s, cel.bind(s, s + s + s + s "
                    "+ s + s + s + s, cel.bind(s, s + s + s + s + s + s + s + s, size(s) > "
                    "0)))))))")},
    };
    for (const Verb &v : verbs) {
        if (QLatin1String(v.valid) != QLatin1String("policies"))
            continue;
        for (const auto &[name, bytes] : hostileCel)
            QTest::addRow("%s: %s", v.name, name) << v.args << bytes << v.viaStdin;
    }
    // cel eval's expression is a command-line argument, capped by the kernel at 128 KiB.
    for (const auto &[name, expr] :
         {std::pair{"cel eval: 60,000 nested parentheses", QString(60000, QLatin1Char('(')) +
                                                               QStringLiteral("1") +
                                                               QString(60000, QLatin1Char(')'))},
          std::pair{
              "cel eval: nested comprehensions",
              QStringLiteral("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16].map(a, "
                             "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16].map(b, "
                             "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16].map(c, "
                             "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16].map(d, "
                             "[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16].map(e, a+b+c+d+e))))))")}})
        QTest::addRow("%s", name) << QStringList{QStringLiteral("cel"), QStringLiteral("eval"),
                                                 QStringLiteral("--expr"), expr}
                                  << QByteArray() << false;

    // The workspace itself, as someone else sent it.
    for (const auto &[name, file, verb] :
         {std::tuple{"empty", "empty.atlas", "td list"},
          std::tuple{"truncated", "truncated.atlas", "td list"},
          std::tuple{"SQLite header then binary", "binary.atlas", "td list"},
          std::tuple{"JSON", "json.atlas", "td list"}, std::tuple{"huge", "huge", "td list"},
          std::tuple{"trigger on the nonces", "trigger.atlas", "evidence verify"},
          std::tuple{"unparsable nonce time", "garbage-nonce.atlas", "evidence verify"}}) {
        QStringList args = QString::fromLatin1(verb).split(QLatin1Char(' '));
        args << QStringLiteral("%FILE(") + QLatin1String(file) + QLatin1Char(')');
        QTest::addRow("workspace: %s", name) << args << QByteArray() << false;
    }
}

void TestCliHostile::hostileInput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, input);
    QFETCH(bool, viaStdin);

    const QString hostile =
        input == "%HUGE" ? path(QStringLiteral("huge")) : write(QStringLiteral("hostile"), input);
    QVERIFY(!hostile.isEmpty());
    static const QRegularExpression validRef(QStringLiteral("^%VALID\\((.*)\\)$"));
    static const QRegularExpression fileRef(QStringLiteral("^%FILE\\((.*)\\)$"));
    for (QString &a : args) {
        if (a == QLatin1String("%IN"))
            a = hostile;
        else if (a == QLatin1String("%WS"))
            a = m_ws;
        else if (a == QLatin1String("%TOKEN"))
            a = QString::fromLatin1(m_valid.value(QStringLiteral("token")));
        else if (auto m = validRef.match(a); m.hasMatch())
            a = path(QStringLiteral("valid ") + m.captured(1));
        else if (auto f = fileRef.match(a); f.hasMatch()) {
            a = path(f.captured(1));
        }
    }

    const Run r = cli(args, viaStdin ? hostile : QString());
    const QByteArray context = "args: " + args.join(QLatin1Char(' ')).toUtf8().left(300) +
                               "\nstdout: " + r.out.left(300) + "\nstderr: " + r.err.left(600);
    QVERIFY2(r.finished, "no end within the timeout (a prompt, a hang)\n" + context);
    QVERIFY2(!r.crashed, "crashed (or ran out of its 2 GiB)\n" + context);
    QVERIFY2(r.code == 1 || r.code == 2, "exit " + QByteArray::number(r.code) + '\n' + context);
    QVERIFY2(!r.err.contains("pass phrase") && !r.err.contains("passphrase:"),
             "prompted\n" + context);
    if (r.code == 2) {
        static const QRegularExpression line(QStringLiteral(
            "^trustatlas-cli: error: [a-z][a-z0-9_]*(\\.[a-z0-9_]+)+: \\S[^\\n]*\\n$"));
        QVERIFY2(line.match(QString::fromUtf8(r.err)).hasMatch(),
                 "not one well-formed error line\n" + context);
    } else {
        QVERIFY2(r.err.count('\n') <= 1, "more than one line on stderr\n" + context);
    }
    QCOMPARE(dump(m_ws), m_dump);
}

void TestCliHostile::cleanup()
{
    // Each row starts from the workspace as it was, whatever a failed row left behind.
    if (dump(m_ws) != m_dump) {
        QFile::remove(m_ws);
        QFile::copy(path(QStringLiteral("pristine.atlas")), m_ws);
    }
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
