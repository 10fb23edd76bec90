// SPDX-License-Identifier: Apache-2.0
#include "WorkspaceDump.h"

#include "models/AuthoritySlotModel.h"
#include "models/Document.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::AuthoritySlotModel;
using ta::models::Document;

class TestAuthoritySlotModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsSlotsOfSelectedTrustDomain();
    void followsRotationAndUndo();
    void emptiesWhenTrustDomainDeleted();

private:
    QString statusOf(const AuthoritySlotModel &model, const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
};

void TestAuthoritySlotModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("a.example"), CaSettings{}));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("b.example"), CaSettings{}));
}

void TestAuthoritySlotModel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

QString TestAuthoritySlotModel::statusOf(const AuthoritySlotModel &model, const QString &id) const
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex idx = model.index(r, int(AuthoritySlotModel::Column::Status));
        if (idx.data(int(AuthoritySlotModel::Role::AuthorityId)).toString() == id)
            return idx.data().toString();
    }
    return {};
}

void TestAuthoritySlotModel::showsSlotsOfSelectedTrustDomain()
{
    AuthoritySlotModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setTrustDomain(QStringLiteral("a.example"));
    // A new CA: one active X.509 and one active JWT authority.
    QCOMPARE(model.rowCount(), 2);
    QStringList kinds;
    for (int r = 0; r < 2; ++r) {
        kinds << model.index(r, int(AuthoritySlotModel::Column::Kind)).data().toString();
        QCOMPARE(model.index(r, int(AuthoritySlotModel::Column::Status)).data().toString(),
                 QStringLiteral("Active"));
    }
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("JWT"), QStringLiteral("X.509")}));
    const auto ca = m_doc->workspace().authority(QStringLiteral("a.example"));
    QVERIFY(ca);
    QVERIFY(!statusOf(model, ca->activeSlot(AuthorityKind::X509)->id).isEmpty());
    model.setTrustDomain(QStringLiteral("b.example"));
    QVERIFY(statusOf(model, ca->activeSlot(AuthorityKind::X509)->id).isEmpty());
}

void TestAuthoritySlotModel::followsRotationAndUndo()
{
    AuthoritySlotModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString td = QStringLiteral("a.example");
    model.setTrustDomain(td);
    // Only choosing another trust domain resets; edits of this one move rows.
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    const QString firstId = m_doc->workspace().authority(td)->activeSlot(AuthorityKind::X509)->id;
    const QPersistentModelIndex first = model.index(0, 0);
    QVERIFY(m_doc->prepareAuthority(td, AuthorityKind::X509));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(m_doc->activateAuthority(td, AuthorityKind::X509));
    QCOMPARE(statusOf(model, firstId), QStringLiteral("Old"));
    QVERIFY(m_doc->taintAuthority(td, firstId));
    QCOMPARE(statusOf(model, firstId), QStringLiteral("Old, tainted"));
    m_doc->undoStack()->undo();
    QCOMPARE(statusOf(model, firstId), QStringLiteral("Old"));
    m_doc->undoStack()->undo();
    QCOMPARE(statusOf(model, firstId), QStringLiteral("Active"));
    m_doc->undoStack()->redo();
    m_doc->undoStack()->redo();
    QVERIFY(m_doc->revokeAuthority(td, firstId));
    QCOMPARE(statusOf(model, firstId), QStringLiteral("Revoked, tainted"));
    QVERIFY(first.isValid());
    QCOMPARE(first.data(int(AuthoritySlotModel::Role::AuthorityId)).toString(), firstId);
    QCOMPARE(reset.count(), 0);
}

void TestAuthoritySlotModel::emptiesWhenTrustDomainDeleted()
{
    AuthoritySlotModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTrustDomain(QStringLiteral("b.example"));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(m_doc->deleteTrustDomain(QStringLiteral("b.example")));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.loadError());
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestAuthoritySlotModel)
#include "tst_authorityslotmodel.moc"
