// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceDump.h"

#include "models/CredentialModel.h"
#include "models/Document.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::CredentialModel;
using ta::models::Document;

class TestCredentialModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rowsFollowIssueRevokeAndUndo();
    void expiryFollowsTheDocumentClock();
    void filtersByTrustDomainAndSortsByExpiry();

private:
    qint64 issue(const QString &td, const QString &path, qint64 ttl = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    QDateTime m_now;
};

void TestCredentialModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_now = QDateTime::currentDateTimeUtc();
    m_doc->setClock([this] { return m_now; });
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("a.example"), CaSettings{}));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("b.example"), CaSettings{}));
}

void TestCredentialModel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

qint64 TestCredentialModel::issue(const QString &td, const QString &path, qint64 ttl)
{
    X509IssueRequest request;
    request.trustDomain = td;
    request.spiffeId = QStringLiteral("spiffe://%1%2").arg(td, path);
    request.ttl = ttl;
    auto issued = m_doc->issueX509(request);
    return issued ? issued->record.id : -1;
}

void TestCredentialModel::rowsFollowIssueRevokeAndUndo()
{
    CredentialModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    // Edits re-read the credentials they name and never reset the model.
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    const qint64 id = issue(QStringLiteral("a.example"), QStringLiteral("/web"));
    QVERIFY(id > 0);
    QCOMPARE(model.rowCount(), 1);
    const QPersistentModelIndex web = model.index(0, 0);
    const int status = int(CredentialModel::Column::Status);
    QCOMPARE(model.index(0, int(CredentialModel::Column::SpiffeId)).data().toString(),
             QStringLiteral("spiffe://a.example/web"));
    QCOMPARE(model.index(0, int(CredentialModel::Column::Type)).data().toString(),
             QStringLiteral("X509-SVID"));
    QCOMPARE(model.index(0, status).data().toString(), QStringLiteral("Valid"));
    QCOMPARE(model.index(0, 0).data(int(CredentialModel::Role::Id)).toLongLong(), id);

    const qint64 other = issue(QStringLiteral("b.example"), QStringLiteral("/api"));
    QCOMPARE(model.rowOf(other), 1);
    QVERIFY(m_doc->revokeCredential(id));
    QCOMPARE(model.index(0, status).data().toString(), QStringLiteral("Revoked"));
    QCOMPARE(web.row(), 0);
    m_doc->undoStack()->undo();
    QCOMPARE(model.index(0, status).data().toString(), QStringLiteral("Valid"));
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(other), -1);
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 0);
    m_doc->undoStack()->redo();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(id), 0);
    // Deleting a trust domain takes its credentials with it; undo brings them back.
    QVERIFY(m_doc->deleteTrustDomain(QStringLiteral("a.example")));
    QCOMPARE(model.rowCount(), 0);
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(reset.count(), 0);
}

void TestCredentialModel::expiryFollowsTheDocumentClock()
{
    CredentialModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(issue(QStringLiteral("a.example"), QStringLiteral("/short"), 60) > 0);
    QCOMPARE(model.stateAt(0), CredentialModel::State::Valid);
    m_now = m_now.addSecs(120);
    QCOMPARE(model.stateAt(0), CredentialModel::State::Expired);
    QCOMPARE(model.index(0, int(CredentialModel::Column::Status)).data().toString(),
             QStringLiteral("Expired"));
}

void TestCredentialModel::filtersByTrustDomainAndSortsByExpiry()
{
    CredentialModel model(m_doc.get());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(int(CredentialModel::Role::TrustDomain));
    proxy.setSortRole(int(CredentialModel::Role::Sort));
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(issue(QStringLiteral("a.example"), QStringLiteral("/long"), 3000) > 0);
    QVERIFY(issue(QStringLiteral("a.example"), QStringLiteral("/short"), 300) > 0);
    QVERIFY(issue(QStringLiteral("b.example"), QStringLiteral("/other"), 600) > 0);
    proxy.setFilterRegularExpression(
        QRegularExpression(QRegularExpression::anchoredPattern(QStringLiteral("a.example"))));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.sort(int(CredentialModel::Column::Expires), Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("spiffe://a.example/short"));
    QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("spiffe://a.example/long"));
    // A new credential lands in the filtered, sorted view.
    QVERIFY(issue(QStringLiteral("a.example"), QStringLiteral("/mid"), 1000) > 0);
    QCOMPARE(proxy.rowCount(), 3);
    QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("spiffe://a.example/mid"));
}

QTEST_GUILESS_MAIN(TestCredentialModel)
#include "tst_credentialmodel.moc"
