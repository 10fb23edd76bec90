// SPDX-License-Identifier: Apache-2.0
// NestedLine, the reading of a node's evidence line with its nested values parsed once per text,
// held to Qt's reading of the whole line: wherever it reads a line, Qt's parser reads the same
// object from it; and it must read the lines the lab writes for every node attestor, or the
// speed it exists for is lost without a sign.
#include "core/attestation/NestedLine.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "tests/fuzz/PlainJsonAgreement.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestNestedLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatQtReads();
    void readsEveryNodeAttestorsLines();
    void keepsEachNestedTextOnce();
    void everyChangeOfOneByteIsReadAsQtOrDeclined();
    void declinesHostileLines();
};

// After the class: moc reads raw strings with escaped quotes as ending early.
namespace {

/// A node's line as recorders write it, with what a reader must get right: nested objects with
/// numbers, literals and an escaped unicode character, an array of strings with escaped
/// newlines, a string that is a JSON document with escaped quotes, and plain strings.
const QByteArray kNodeLine =
    R"({"attestor":"k8s_psat","payload":{"node":{"kind":"Node","metadata":{"labels":)"
    R"({"zone":"z\u00e9"},"uid":"u-1"},"spec":{"taints":[],"ready":true,"cpu":2.5,"x":null}},)"
    R"("chain":["-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"],)"
    R"("document":"{\"accountId\":\"123\",\"region\":\"eu\"}","token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"},)"
    R"("subject":"node/a","time":"2026-11-01T00:00:00Z"})";

/// Empty when NestedLine's reading of @p line is Qt's, or it declined it; else what differs.
QString disagreement(NestedLine &reader, const QByteArray &line)
{
    const auto ours = reader.read(line);
    if (!ours)
        return {};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("Qt's parser refuses it: ") + err.errorString();
    if (doc.object() != *ours)
        return QStringLiteral("another object");
    if (QJsonDocument(doc.object()).toJson() != QJsonDocument(*ours).toJson())
        return QStringLiteral("another text written back");
    return {};
}

} // namespace

void TestNestedLine::readsWhatQtReads()
{
    NestedLine reader;
    QVERIFY(reader.read(kNodeLine));
    QCOMPARE(disagreement(reader, kNodeLine), QString());
    // Read again from what it kept: the same object.
    QCOMPARE(disagreement(reader, kNodeLine), QString());
    const QJsonObject o = *reader.read(kNodeLine);
    QCOMPARE(o.value("payload")["node"]["metadata"]["labels"]["zone"].toString(),
             QStringLiteral("z\u00e9"));
    QCOMPARE(o.value("payload")["document"].toString(),
             QStringLiteral(R"({"accountId":"123","region":"eu"})"));
}

void TestNestedLine::readsEveryNodeAttestorsLines()
{
    // The lab's lines: each node attestor's read (none declined), each as Qt reads it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LabSettings lab;
    lab.nodes = 10;
    lab.workloads = 20;
    lab.records = 400;
    lab.importEvidence = false;
    const QString evidence = dir.filePath(QStringLiteral("e.jsonl"));
    QVERIFY(EvidenceLab::generate(dir.filePath(QStringLiteral("w.atlas")),
                                  dir.filePath(QStringLiteral("a.json")), evidence, lab,
                                  QByteArray("pass")));
    QFile f(evidence);
    QVERIFY(f.open(QIODevice::ReadOnly));
    NestedLine reader;
    QSet<QString> read;
    const QSet<QString> nodeAttestors{QStringLiteral("k8s_psat"), QStringLiteral("aws_iid"),
                                      QStringLiteral("gcp_iit"), QStringLiteral("x509pop"),
                                      QStringLiteral("tpm")};
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        const QString attestor =
            QJsonDocument::fromJson(line).object().value("attestor").toString();
        if (!nodeAttestors.contains(attestor))
            continue;
        QVERIFY2(reader.read(line), qPrintable(attestor + QStringLiteral(" declined")));
        const QString why = disagreement(reader, line);
        QVERIFY2(why.isEmpty(), qPrintable(attestor + QStringLiteral(": ") + why));
        read.insert(attestor);
    }
    QCOMPARE(read, nodeAttestors);
}

void TestNestedLine::keepsEachNestedTextOnce()
{
    NestedLine reader;
    QVERIFY(reader.read(kNodeLine));
    // node, chain and document: the nested texts; plain strings are taken as they are.
    QCOMPARE(reader.kept(), 3);
    QByteArray next = kNodeLine;
    next.replace("c2ln", "c2lo");
    QVERIFY(reader.read(next));
    QCOMPARE(reader.kept(), 3);
    next.replace(R"("uid":"u-1")", R"("uid":"u-2")");
    QVERIFY(reader.read(next));
    QCOMPARE(reader.kept(), 4);
    QCOMPARE(disagreement(reader, next), QString());
}

void TestNestedLine::everyChangeOfOneByteIsReadAsQtOrDeclined()
{
    // Each byte of the line replaced by each byte that matters to JSON, then removed: whatever
    // the reader still reads, Qt's parser reads alike (with what it kept from the lines before).
    NestedLine reader;
    int read = 0;
    int declined = 0;
    QString first;
    forEachOneByteChange(kNodeLine, [&](const QByteArray &line) {
        if (!reader.read(line)) {
            ++declined;
            return;
        }
        ++read;
        const QString why = disagreement(reader, line);
        if (!why.isEmpty() && first.isEmpty())
            first = QString::fromLatin1(line.toHex()) + QStringLiteral(": ") + why;
    });
    QVERIFY2(first.isEmpty(), qPrintable(first));
    QVERIFY2(read > 3000, qPrintable(QString::number(read)));
    QVERIFY2(declined > 1000, qPrintable(QString::number(declined)));
}

void TestNestedLine::declinesHostileLines()
{
    NestedLine reader;
    // Nesting past kMaxDepth inside the payload: declined, not recursed into.
    const QByteArray deep =
        R"({"payload":{"a":)" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}}";
    QVERIFY(!reader.read(deep));
    // More members than an object may have: declined (inserting each where it sorts would be
    // quadratic).
    QByteArray wide = "{";
    for (int i = 0; i < 100; ++i)
        wide += (i ? "," : "") + QByteArray("\"m") + QByteArray::number(i) + "\":\"v\"";
    wide += "}";
    QVERIFY(!reader.read(wide));
    // A name twice in one object: left to the reader's own check (EvidenceReader refuses it).
    QVERIFY(!reader.read(R"({"payload":{"a":"1","a":"2"}})"));
    QVERIFY(reader.read(R"({"payload":{"a":"1","b":{"a":"2","a":"3"}}})"));
    // Cut anywhere: declined or read as Qt reads it, never past the end.
    for (qsizetype n = 0; n < kNodeLine.size(); ++n)
        QCOMPARE(disagreement(reader, kNodeLine.left(n)), QString());
    // A text longer than kMaxKeptText is read, not kept; the store starts again when full.
    const QByteArray big =
        R"({"payload":{"a":[")" + QByteArray(NestedLine::kMaxKeptText, 'x') + R"("]}})";
    const qsizetype before = reader.kept();
    QVERIFY(reader.read(big));
    QCOMPARE(reader.kept(), before);
    for (int i = 0; i <= NestedLine::kMaxKept; ++i)
        QVERIFY(reader.read(R"({"payload":{"a":[)" + QByteArray::number(i) + "]}}"));
    QVERIFY(reader.kept() <= NestedLine::kMaxKept);
    QVERIFY(reader.kept() >= 1);
    // Texts just under the longest kept, each new: the bytes kept stay within their bound.
    const QByteArray filler(NestedLine::kMaxKeptText - 16, 'y');
    for (int i = 0; i < 2 * NestedLine::kMaxKeptBytes / NestedLine::kMaxKeptText; ++i) {
        QVERIFY(reader.read(R"({"payload":{"a":[")" + filler + QByteArray::number(i) + R"("]}})"));
        QVERIFY(reader.keptBytes() <= NestedLine::kMaxKeptBytes);
    }
    QVERIFY(reader.keptBytes() > NestedLine::kMaxKeptBytes / 2);
}

QTEST_GUILESS_MAIN(TestNestedLine)
#include "tst_nestedline.moc"
