// SPDX-License-Identifier: Apache-2.0
// Error codes are declared once per module, and errors say where as data (issue 8, finding 8).
#include "core/ErrorCatalog.h"
#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceReader.h"
#include "core/policy/Policy.h"
#include "core/policy/RegistrationEntry.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ta::core;

class TestErrorCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeIsDeclaredOnceWithAMeaning();
    void sourceUsesOnlyDeclaredCodes();
    void newErrorsNameAConstantNotALiteral();
    void declaredConstantIsTheCode();
    void locationFields_data();
    void locationFields();
    void toStringAndWhere();

private:
    /// Every .h/.cpp under core, app, models and views, but the tables that declare codes.
    static QStringList sourceFiles();
    static QString sourceRoot()
    {
        return QDir::cleanPath(QStringLiteral(TA_TEST_DATA_DIR "/../.."));
    }
};

QStringList TestErrorCodes::sourceFiles()
{
    QStringList files;
    for (const char *dir : {"core", "app", "models", "views"}) {
        QDirIterator it(sourceRoot() + QLatin1Char('/') + QLatin1String(dir),
                        {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("Errors.h")) ||
                path.endsWith(QLatin1String("Errors.cpp")))
                continue;
            files << path;
        }
    }
    return files;
}

void TestErrorCodes::everyCodeIsDeclaredOnceWithAMeaning()
{
    static const QRegularExpression shape(QStringLiteral("^[a-z0-9]+(\\.[a-z0-9_]+)+$"));
    QSet<QString> seen;
    const QList<ErrorCode> all = declaredErrorCodes();
    QVERIFY(all.size() > 200);
    for (const ErrorCode &c : all) {
        const QString code = QString::fromLatin1(c.code);
        QVERIFY2(shape.match(code).hasMatch(), c.code);
        QVERIFY2(!seen.contains(code), qPrintable(code + QStringLiteral(" is declared twice")));
        seen.insert(code);
        QVERIFY2(qstrlen(c.meaning) > 10, c.code);

        QVERIFY(findErrorCode(code));
        QCOMPARE(QLatin1String(findErrorCode(code)->code), QLatin1String(c.code));
    }
    QVERIFY(!findErrorCode(u"no.such_code"));
}

void TestErrorCodes::sourceUsesOnlyDeclaredCodes()
{
    // A literal of a declared family ("store.", "cel.", ...) is an error code, and must be
    // declared: add a row to the module's table (e.g. core/store/StoreErrors.h) for a new one.
    QSet<QString> families;
    for (const ErrorCode &c : declaredErrorCodes())
        families.insert(QString::fromLatin1(c.code).section(QLatin1Char('.'), 0, 0));
    // Dotted literals of those families that are not errors: file names, a host name, and the
    // reason codes of policy verdicts (PolicyVerdict::reason, not core::Error).
    const QSet<QString> notErrors = {
        QStringLiteral("anchors.json"),
        QStringLiteral("evidence.jsonl"),
        QStringLiteral("cel.json"),
        QStringLiteral("lab.example"),
        QStringLiteral("policy.condition.error"),
        QStringLiteral("policy.template.field_missing"),
        QStringLiteral("policy.template.invalid_value"),
        QStringLiteral("policy.template.invalid_id"),
    };
    static const QRegularExpression literal(QStringLiteral("\"([a-z0-9]+)(\\.[a-z0-9_]+)+\""));
    QStringList undeclared;
    const QStringList files = sourceFiles();
    QVERIFY(files.size() > 100);
    for (const QString &path : files) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QString text = QString::fromUtf8(f.readAll());
        auto it = literal.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString code = m.captured(0).mid(1, m.capturedLength(0) - 2);
            if (!families.contains(m.captured(1)) || notErrors.contains(code) ||
                findErrorCode(code))
                continue;
            const qsizetype line = text.left(m.capturedStart(0)).count(QLatin1Char('\n')) + 1;
            undeclared << QStringLiteral("%1:%2: %3")
                              .arg(QDir(sourceRoot()).relativeFilePath(path))
                              .arg(line)
                              .arg(code);
        }
    }
    QVERIFY2(undeclared.isEmpty(),
             qPrintable(QStringLiteral("undeclared error codes (declare them in their module's "
                                       "*Errors.h table):\n") +
                        undeclared.join(QLatin1Char('\n'))));
}

void TestErrorCodes::newErrorsNameAConstantNotALiteral()
{
    // makeError(QStringLiteral("x.y"), ...) bypasses the tables; makeError(ec::XY, ...) names one.
    static const QRegularExpression fresh(
        QStringLiteral("makeError\\(\\s*(QStringLiteral\\(|QLatin1String\\(|u?\")"));
    QStringList found;
    for (const QString &path : sourceFiles()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        auto it = fresh.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            found << QStringLiteral("%1:%2")
                         .arg(QDir(sourceRoot()).relativeFilePath(path))
                         .arg(text.left(m.capturedStart(0)).count(QLatin1Char('\n')) + 1);
        }
    }
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("makeError with a literal code (use the ec:: constant):\n") +
                        found.join(QLatin1Char('\n'))));
}

void TestErrorCodes::declaredConstantIsTheCode()
{
    const Error e =
        makeError(ErrorCode{"spiffe.bundle.bad_sequence", "meaning"}, QStringLiteral("-1"));
    QCOMPARE(e.code, QStringLiteral("spiffe.bundle.bad_sequence"));
    QCOMPARE(e.toString(), QStringLiteral("spiffe.bundle.bad_sequence: -1"));
    QCOMPARE(e.line, qint64(0));
    QCOMPARE(e.index, qint64(-1));
}

// One registration entry in SPIRE's JSON form.
#define TA_ONE_ENTRY                                                                               \
    R"({"id":"e1","spiffe_id":{"trust_domain":"example.org","path":"/a"},)"                        \
    R"("parent_id":{"trust_domain":"example.org","path":"/p"},)"                                   \
    R"("selectors":[{"type":"unix","value":"uid:1"}]})"

void TestErrorCodes::locationFields_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("list");
    QTest::addColumn<qint64>("index");
    QTest::addColumn<QString>("field");

    QTest::newRow("evidence line, missing field")
        << "evidence"
        << QByteArray("{\"time\":\"2026-04-07T10:00:00Z\",\"attestor\":\"x\",\"subject\":\"s\","
                      "\"payload\":{}}\n\n{\"time\":\"2026-04-07T10:01:00Z\",\"attestor\":\"x\","
                      "\"subject\":\"s\"}\n")
        << "evidence.missing_field" << qint64(3) << QString() << qint64(-1) << "payload";
    QTest::newRow("evidence line, not JSON")
        << "evidence" << QByteArray("{\n") << "evidence.bad_json" << qint64(1) << QString()
        << qint64(-1) << QString();
    QTest::newRow("anchors entry and field")
        << "anchors"
        << QByteArray(
               R"({"anchors":[{"kind":"join_token","token":"t","created_at":"2026-04-07T10:00:00Z"},)"
               R"({"kind":"join_token","created_at":"2026-04-07T10:00:00Z"}]})")
        << "anchors.missing_field" << qint64(0) << "anchors" << qint64(1) << "token";
    QTest::newRow("reference value entry")
        << "anchors" << QByteArray(R"({"reference_values":[{"kind":"no_such_kind"}]})")
        << "anchors.unknown_kind" << qint64(0) << "reference_values" << qint64(0) << QString();
    QTest::newRow("registration entry index")
        << "entries" << QByteArray(R"({"entries":[)" TA_ONE_ENTRY "," TA_ONE_ENTRY "]}")
        << "entry.duplicate_id" << qint64(0) << "entries" << qint64(1) << QString();
    QTest::newRow("registration entry not an object")
        << "entries" << QByteArray(R"({"entries":[)" TA_ONE_ENTRY ",42]}") << "entry.bad_json"
        << qint64(0) << "entries" << qint64(1) << QString();
    QTest::newRow("policy index") << "policies" << QByteArray(R"({"policies":[7]})")
                                  << "policy.json" << qint64(0) << "policies" << qint64(0)
                                  << QString();
}

void TestErrorCodes::locationFields()
{
    QFETCH(QString, parser);
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QFETCH(qint64, line);
    QFETCH(QString, list);
    QFETCH(qint64, index);
    QFETCH(QString, field);
    Error e;
    if (parser == QLatin1String("evidence")) {
        QBuffer b(&input);
        QVERIFY(b.open(QIODevice::ReadOnly));
        auto r = EvidenceReader::readAll(b);
        QVERIFY(!r);
        e = r.error();
    } else if (parser == QLatin1String("anchors")) {
        auto r = AnchorSet::fromImportJson(input);
        QVERIFY(!r);
        e = r.error();
    } else if (parser == QLatin1String("entries")) {
        auto r = RegistrationEntry::listFromJson(input);
        QVERIFY(!r);
        e = r.error();
    } else {
        auto r = Policy::listFromJson(input);
        QVERIFY(!r);
        e = r.error();
    }
    QCOMPARE(e.code, code);
    QCOMPARE(e.line, line);
    QCOMPARE(e.list, list);
    QCOMPARE(e.index, index);
    QCOMPARE(e.field, field);
    // The CLI prints the detail, so it names the place too.
    QVERIFY2(!e.detail.isEmpty(), qPrintable(e.toString()));
    if (line > 0)
        QVERIFY2(e.detail.startsWith(QStringLiteral("line %1").arg(line)), qPrintable(e.detail));
}

void TestErrorCodes::toStringAndWhere()
{
    Error e = makeError(ErrorCode{"anchors.bad_pem", "m"}, QStringLiteral("anchors[2]: x"));
    e.list = QStringLiteral("anchors");
    e.index = 2;
    e.field = QStringLiteral("public_key_pem");
    QCOMPARE(e.where(), QStringLiteral("anchors[2].public_key_pem"));
    QCOMPARE(e.toString(), QStringLiteral("anchors.bad_pem: anchors[2]: x"));
    Error l = makeError(QStringLiteral("evidence.bad_json"));
    l.line = 7;
    QCOMPARE(l.where(), QStringLiteral("line 7"));
}

QTEST_GUILESS_MAIN(TestErrorCodes)
#include "tst_errorcodes.moc"
