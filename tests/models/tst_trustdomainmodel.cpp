// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceDump.h"

#include "models/Document.h"
#include "models/TrustDomainModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::models::TrustDomainModel;

class TestTrustDomainModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowEditsAndUndo();
    void columnsShowSettings();
    void sortsThroughProxy();
};

namespace {

std::unique_ptr<Document> makeDocument(const QTemporaryDir &dir)
{
    auto ws = Workspace::create(dir.filePath(QStringLiteral("t.atlas")), std::nullopt);
    if (!ws)
        return {};
    return std::make_unique<Document>(std::move(*ws));
}

} // namespace

void TestTrustDomainModel::rowsFollowEditsAndUndo()
{
    QTemporaryDir dir;
    auto doc = makeDocument(dir);
    QVERIFY(doc);
    TrustDomainModel model(doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    // Edits insert and remove rows, never reset: a view keeps its selection.
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);

    QVERIFY(doc->createTrustDomain(QStringLiteral("b.example"), CaSettings{}));
    const QPersistentModelIndex b = model.index(0, 0);
    QVERIFY(doc->createTrustDomain(QStringLiteral("a.example"), CaSettings{}));
    QCOMPARE(b.row(), 1);
    QCOMPARE(model.rowCount(), 2);
    // Name order, as the workspace lists them.
    QCOMPARE(model.nameAt(0), QStringLiteral("a.example"));
    QCOMPARE(model.rowOf(QStringLiteral("b.example")), 1);

    doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("b.example"));
    QCOMPARE(model.rowOf(QStringLiteral("a.example")), -1);
    doc->undoStack()->redo();
    QCOMPARE(model.rowCount(), 2);

    QCOMPARE(b.data().toString(), QStringLiteral("b.example"));
    QVERIFY(doc->prepareAuthority(QStringLiteral("b.example"), AuthorityKind::X509));
    QCOMPARE(b.data().toString(), QStringLiteral("b.example"));
    QVERIFY(doc->deleteTrustDomain(QStringLiteral("b.example")));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!b.isValid());
    doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(reset.count(), 0);
}

void TestTrustDomainModel::columnsShowSettings()
{
    QTemporaryDir dir;
    auto doc = makeDocument(dir);
    QVERIFY(doc);
    CaSettings settings;
    settings.keyType = KeyType::Rsa2048;
    QVERIFY(doc->createTrustDomain(QStringLiteral("rsa.example"), settings));
    TrustDomainModel model(doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int keyType = int(TrustDomainModel::Column::KeyType);
    const int sequence = int(TrustDomainModel::Column::BundleSequence);
    QCOMPARE(model.index(0, keyType).data().toString(), QStringLiteral("rsa-2048"));
    const qint64 before = model.index(0, sequence).data().toLongLong();
    QVERIFY(before > 0);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Trust domain"));

    // Preparing an authority publishes it: the bundle sequence shown moves forward.
    // Only that row changes; the model is not reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(doc->prepareAuthority(QStringLiteral("rsa.example"), AuthorityKind::Jwt));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QVERIFY(model.index(0, sequence).data().toLongLong() > before);
}

void TestTrustDomainModel::sortsThroughProxy()
{
    QTemporaryDir dir;
    auto doc = makeDocument(dir);
    QVERIFY(doc);
    for (const char *name : {"m.example", "z.example", "a.example"})
        QVERIFY(doc->createTrustDomain(QString::fromLatin1(name), CaSettings{}));
    TrustDomainModel model(doc.get());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(0, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("z.example"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("a.example"));
    proxy.setFilterFixedString(QStringLiteral("m."));
    QCOMPARE(proxy.rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestTrustDomainModel)
#include "tst_trustdomainmodel.moc"
