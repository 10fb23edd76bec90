// SPDX-License-Identifier: Apache-2.0
// Importing an anchors file through the model: read and checked on a worker, stored as one undo
// step on the GUI thread; a bad file or a cancel stores nothing, and the file on disk (read
// through a fresh connection) shows it.
#include "AnchorSamples.h"
#include "WorkspaceDump.h"

#include "models/AnchorImporter.h"
#include "models/AnchorModel.h"
#include "models/Document.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::AnchorImporter;
using ta::models::AnchorModel;
using ta::models::Document;
using ta::tests::dumpAnchorRows;

class TestAnchorImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void goodFileIsOneUndoStep();
    void badEntryNamesItsFieldAndStoresNothing();
    void badJsonNamesItsLine();
    void unreadableFileStoresNothing();
    void emptyFileStoresNothing();
    void cancelStoresNothing();
    void oneImportAtATime();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    /// Runs an import of @p path until it has said how it ended.
    void runImport(const QString &path);

    ta::tests::AnchorSamples m_samples;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<AnchorImporter> m_importer;
    std::unique_ptr<QSignalSpy> m_imported;
    std::unique_ptr<QSignalSpy> m_failed;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestAnchorImporter::initTestCase()
{
    m_samples = ta::tests::AnchorSamples::make(m_now);
}

void TestAnchorImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("t.atlas"));
    auto ws = Workspace::create(m_path, std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_doc->setClock([this] { return m_now; });
    m_importer = std::make_unique<AnchorImporter>(m_doc.get());
    m_imported = std::make_unique<QSignalSpy>(m_importer.get(), &AnchorImporter::imported);
    m_failed = std::make_unique<QSignalSpy>(m_importer.get(), &AnchorImporter::importFailed);
}

void TestAnchorImporter::cleanup()
{
    m_failed.reset();
    m_imported.reset();
    m_importer.reset();
    m_doc.reset();
    m_dir.reset();
}

QString TestAnchorImporter::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestAnchorImporter::runImport(const QString &path)
{
    const qsizetype before = m_imported->size() + m_failed->size();
    const QFuture<void> future = m_importer->importFile(path);
    QVERIFY(future.isValid());
    QVERIFY(m_importer->isBusy());
    QTRY_COMPARE(m_imported->size() + m_failed->size(), before + 1);
    QVERIFY(!m_importer->isBusy());
}

void TestAnchorImporter::goodFileIsOneUndoStep()
{
    AnchorModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy started(m_importer.get(), &AnchorImporter::started);
    const QString file =
        writeFile(QStringLiteral("samples.json"), QJsonDocument(m_samples.file()).toJson());
    runImport(file);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("Importing samples.json"));
    QCOMPARE(m_failed->size(), 0);
    QCOMPARE(m_imported->size(), 1);
    QCOMPARE(m_imported->at(0).at(0).toString(), file);
    QCOMPARE(m_imported->at(0).at(1).toLongLong(), 9);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    const QStringList stored = dumpAnchorRows(m_path);
    QCOMPARE(stored.size(), 9);
    // Undo takes the whole import back, on disk too; redo puts it all back.
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(dumpAnchorRows(m_path), QStringList());
    m_doc->undoStack()->redo();
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(dumpAnchorRows(m_path), stored);
}

void TestAnchorImporter::badEntryNamesItsFieldAndStoresNothing()
{
    QJsonObject file = m_samples.file();
    QJsonArray anchors = file.value(QLatin1String("anchors")).toArray();
    QJsonObject broken = m_samples.k8s;
    broken.remove(QStringLiteral("issuer"));
    anchors.insert(3, broken);
    file.insert(QStringLiteral("anchors"), anchors);
    runImport(writeFile(QStringLiteral("bad.json"), QJsonDocument(file).toJson()));
    QCOMPARE(m_imported->size(), 0);
    QCOMPARE(m_failed->size(), 1);
    const auto error = m_failed->at(0).at(1).value<Error>();
    QCOMPARE(error.code, QStringLiteral("anchors.missing_field"));
    QCOMPARE(error.list, QStringLiteral("anchors"));
    QCOMPARE(error.index, 3);
    QCOMPARE(error.field, QStringLiteral("issuer"));
    QCOMPARE(m_failed->at(0).at(2).toString(), QStringLiteral("k8s_issuer"));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(dumpAnchorRows(m_path), QStringList());
}

void TestAnchorImporter::badJsonNamesItsLine()
{
    QByteArray bytes = QJsonDocument(m_samples.file()).toJson(QJsonDocument::Indented);
    // Cut the file off after its fifth line: the parser stops on the sixth line or later.
    qsizetype at = 0;
    for (int i = 0; i < 5; ++i)
        at = bytes.indexOf('\n', at) + 1;
    bytes = bytes.left(at) + "    ,,,\n";
    runImport(writeFile(QStringLiteral("syntax.json"), bytes));
    QCOMPARE(m_failed->size(), 1);
    const auto error = m_failed->at(0).at(1).value<Error>();
    QCOMPARE(error.code, QStringLiteral("anchors.bad_json"));
    QCOMPARE(error.line, 6);
    QCOMPARE(error.index, -1);
    QCOMPARE(m_failed->at(0).at(2).toString(), QString());
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(dumpAnchorRows(m_path), QStringList());
}

void TestAnchorImporter::unreadableFileStoresNothing()
{
    runImport(m_dir->filePath(QStringLiteral("missing.json")));
    QCOMPARE(m_failed->size(), 1);
    QCOMPARE(m_failed->at(0).at(1).value<Error>().code, QStringLiteral("store.unreadable"));
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

void TestAnchorImporter::emptyFileStoresNothing()
{
    // Well-formed but empty: the document refuses it, and the stored entries stay as they were.
    QVERIFY(m_doc->addAnchor(m_samples.tpm));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    const QStringList before = dumpAnchorRows(m_path);
    runImport(writeFile(QStringLiteral("empty.json"), QByteArrayLiteral("{\"anchors\": []}")));
    QCOMPARE(m_imported->size(), 0);
    QCOMPARE(m_failed->size(), 1);
    QCOMPARE(m_failed->at(0).at(1).value<Error>().code,
             QStringLiteral("anchors.nothing_to_import"));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(dumpAnchorRows(m_path), before);
}

void TestAnchorImporter::cancelStoresNothing()
{
    const QFuture<void> future = m_importer->importFile(
        writeFile(QStringLiteral("samples.json"), QJsonDocument(m_samples.file()).toJson()));
    QVERIFY(future.isValid());
    // Cancelled before the result reached the GUI thread (the status bar's Cancel).
    m_importer->cancel();
    QTRY_COMPARE(m_failed->size(), 1);
    QCOMPARE(m_imported->size(), 0);
    QCOMPARE(m_failed->at(0).at(1).value<Error>().code, QStringLiteral("store.cancelled"));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(dumpAnchorRows(m_path), QStringList());
    // The importer is free again: the same file imports.
    runImport(m_dir->filePath(QStringLiteral("samples.json")));
    QCOMPARE(m_imported->size(), 1);
    QCOMPARE(m_doc->undoStack()->count(), 1);
}

void TestAnchorImporter::oneImportAtATime()
{
    const QString file =
        writeFile(QStringLiteral("samples.json"), QJsonDocument(m_samples.file()).toJson());
    QFuture<void> running = m_importer->importFile(file);
    QVERIFY(running.isValid());
    QVERIFY(!m_importer->importFile(file).isValid());
    // The worker is done, its entries not yet stored on this thread: still one import at a
    // time, and the first one's entries are not lost to a second.
    running.waitForFinished();
    QVERIFY(m_importer->isBusy());
    QVERIFY(!m_importer->importFile(file).isValid());
    QTRY_COMPARE(m_imported->size(), 1);
    QVERIFY(!m_importer->isBusy());
    QCOMPARE(m_failed->size(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 1);
}

QTEST_MAIN(TestAnchorImporter)
#include "tst_anchorimporter.moc"
