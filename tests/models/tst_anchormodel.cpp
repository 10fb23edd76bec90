// SPDX-License-Identifier: Apache-2.0
#include "AnchorSamples.h"
#include "WorkspaceDump.h"

#include "models/AnchorModel.h"
#include "models/Document.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::AnchorModel;
using ta::models::Document;

class TestAnchorModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowsFollowImportEditAndUndo();
    void describesEveryKind_data();
    void describesEveryKind();
    void validityFollowsTheDocumentClock_data();
    void validityFollowsTheDocumentClock();
    void filtersByKindAndText();

private:
    QString text(AnchorModel &model, int row, AnchorModel::Column column) const
    {
        return model.index(row, int(column)).data().toString();
    }

    ta::tests::AnchorSamples m_samples;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    const QDateTime m_t0 = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
    QDateTime m_now;
};

void TestAnchorModel::initTestCase()
{
    m_samples = ta::tests::AnchorSamples::make(m_t0);
}

void TestAnchorModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_now = m_t0;
    m_doc->setClock([this] { return m_now; });
}

void TestAnchorModel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestAnchorModel::rowsFollowImportEditAndUndo()
{
    AnchorModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Edits move rows, never reset the model: a view keeps its selection.
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QCOMPARE(model.rowCount(), 0);
    auto set = AnchorSet::fromImportJson(QJsonDocument(m_samples.file()).toJson());
    QVERIFY2(set, ta::tests::why(set).constData());
    QVERIFY(m_doc->addAnchors(*set));
    QCOMPARE(model.rowCount(), 9);
    QVERIFY(!model.loadError());
    // Anchors first, then reference values, each in the file's order.
    QCOMPARE(model.listAt(6), AnchorList::Anchors);
    QCOMPARE(model.listAt(7), AnchorList::ReferenceValues);
    QCOMPARE(model.idAt(0), QStringLiteral("k8s_issuer:prod-eu"));
    QCOMPARE(model.idAt(8), set->referenceValues().at(1).id);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.rowOf(model.listAt(row), model.idAt(row)), row);
        QCOMPARE(model.index(row, 0).data(int(AnchorModel::Role::Id)).toString(), model.idAt(row));
    }
    QCOMPARE(model.rowOf(AnchorList::ReferenceValues, model.idAt(0)), -1);

    const int cosign = model.rowOf(AnchorList::Anchors, QStringLiteral("cosign_key:release"));
    const QPersistentModelIndex first = model.index(0, 0);
    QVERIFY(m_doc->removeAnchor(QStringLiteral("cosign_key:release")));
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.rowOf(AnchorList::Anchors, QStringLiteral("cosign_key:release")), -1);
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowOf(AnchorList::Anchors, QStringLiteral("cosign_key:release")), cosign);

    QJsonObject renamed = m_samples.tpm;
    renamed.insert(QStringLiteral("subject"), QStringLiteral("node/lab-b"));
    auto id = m_doc->replaceAnchor(QStringLiteral("tpm_ak:node/lab-a"), renamed);
    QVERIFY2(id, ta::tests::why(id).constData());
    QCOMPARE(*id, QStringLiteral("tpm_ak:node/lab-b"));
    QCOMPARE(model.rowOf(AnchorList::Anchors, *id), 5);
    QCOMPARE(text(model, 5, AnchorModel::Column::Name), QStringLiteral("node/lab-b"));
    // Rows the edits did not touch kept their identity throughout.
    QVERIFY(first.isValid());
    QCOMPARE(first.data(int(AnchorModel::Role::Id)).toString(),
             QStringLiteral("k8s_issuer:prod-eu"));

    m_doc->undoStack()->setIndex(0);
    QCOMPARE(model.rowCount(), 0);
    m_doc->undoStack()->setIndex(m_doc->undoStack()->count());
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.idAt(5), QStringLiteral("tpm_ak:node/lab-b"));
    QCOMPARE(reset.count(), 0);
}

void TestAnchorModel::describesEveryKind_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("detailStart");
    QTest::newRow("k8s_issuer") << "k8s_issuer:prod-eu"
                                << "Kubernetes cluster issuer"
                                << "prod-eu"
                                << "https://k8s.prod-eu.example, audience spire-server, keys: ";
    QTest::newRow("gcp_jwks") << "gcp_jwks:google"
                              << "GCP signing keys (JWKS)"
                              << "google"
                              << "https://accounts.google.com, audience spire-gcp-node-attestor";
    QTest::newRow("x509pop_ca") << "x509pop_ca:datacenter-ca"
                                << "x509pop CA certificate"
                                << "datacenter-ca"
                                << "Certificates: 1, SHA-256 ";
    QTest::newRow("tpm_ak") << "tpm_ak:node/lab-a"
                            << "TPM attestation key"
                            << "node/lab-a"
                            << "EC P-256, SHA-256 ";
    QTest::newRow("cosign_key") << "cosign_key:release"
                                << "Cosign public key"
                                << "release"
                                << "EC P-256, SHA-256 ";
    QTest::newRow("pcr") << "pcr:node/lab-a:sha256:7:7777777777777777"
                         << "Golden PCR value"
                         << "node/lab-a"
                         << "sha256 PCR 7 = 7777777777777777…";
    QTest::newRow("image_digest") << "image_digest:registry.example/pay/api@sha256:" +
                                         QString(64, QLatin1Char('a'))
                                  << "Allowed image digest"
                                  << "registry.example/pay/api"
                                  << "sha256:" + QString(64, QLatin1Char('a'));
}

void TestAnchorModel::describesEveryKind()
{
    QFETCH(QString, id);
    QFETCH(QString, kind);
    QFETCH(QString, name);
    QFETCH(QString, detailStart);
    AnchorModel model(m_doc.get());
    QVERIFY(m_doc->addAnchors(
        AnchorSet::fromImportJson(QJsonDocument(m_samples.file()).toJson()).value()));
    const AnchorList list =
        id.startsWith(QLatin1String("pcr:")) || id.startsWith(QLatin1String("image_digest:"))
            ? AnchorList::ReferenceValues
            : AnchorList::Anchors;
    const int row = model.rowOf(list, id);
    QVERIFY2(row >= 0, qPrintable(id));
    QCOMPARE(text(model, row, AnchorModel::Column::Kind), kind);
    QCOMPARE(text(model, row, AnchorModel::Column::Name), name);
    QVERIFY2(text(model, row, AnchorModel::Column::Detail).startsWith(detailStart),
             qPrintable(text(model, row, AnchorModel::Column::Detail)));
    QCOMPARE(text(model, row, AnchorModel::Column::Id), id);
}

void TestAnchorModel::validityFollowsTheDocumentClock_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("tpm");
    QTest::addColumn<int>("token");
    QTest::addColumn<int>("ca");
    using V = AnchorModel::Validity;
    // tpm_ak: valid one day from t0; join token: 600 s from t0; CA: its root's own validity.
    QTest::newRow("before the window")
        << qint64(-60) << int(V::NotYetValid) << int(V::NotYetValid) << int(V::Valid);
    QTest::newRow("inside") << qint64(60) << int(V::Valid) << int(V::Valid) << int(V::Valid);
    QTest::newRow("token TTL over")
        << qint64(600) << int(V::Valid) << int(V::Expired) << int(V::Valid);
    QTest::newRow("after the anchor's end")
        << qint64(86400) << int(V::Expired) << int(V::Expired) << int(V::Valid);
    QTest::newRow("after the CA certificate's end")
        << qint64(86400) * 3650 << int(V::Expired) << int(V::Expired) << int(V::Expired);
}

void TestAnchorModel::validityFollowsTheDocumentClock()
{
    QFETCH(qint64, offset);
    QFETCH(int, tpm);
    QFETCH(int, token);
    QFETCH(int, ca);
    QJsonObject windowed = m_samples.tpm;
    windowed.insert(QStringLiteral("not_before"), m_t0.toString(Qt::ISODate));
    windowed.insert(QStringLiteral("not_after"), m_t0.addDays(1).toString(Qt::ISODate));
    QVERIFY(m_doc->addAnchor(windowed));
    QVERIFY(m_doc->addAnchor(m_samples.joinToken));
    QVERIFY(m_doc->addAnchor(m_samples.x509pop));
    QVERIFY(m_doc->addReferenceValue(m_samples.pcr));
    AnchorModel model(m_doc.get());
    m_now = m_t0.addSecs(offset);
    QCOMPARE(int(model.validityAt(0)), tpm);
    QCOMPARE(int(model.validityAt(1)), token);
    QCOMPARE(int(model.validityAt(2)), ca);
    QCOMPARE(model.validityAt(3), AnchorModel::Validity::Unlimited);
    const QString shown = text(model, 0, AnchorModel::Column::Validity);
    QVERIFY2(shown.startsWith(tpm == int(AnchorModel::Validity::Expired)       ? "Expired "
                              : tpm == int(AnchorModel::Validity::NotYetValid) ? "From "
                                                                               : "Until "),
             qPrintable(shown));
    // The CA anchor's window is its certificate's: it ends when the root does.
    const auto cert =
        Certificate::fromPem(m_samples.x509pop.value(QLatin1String("pem")).toString().toLatin1());
    QCOMPARE(model.windowAt(2).second, cert->notAfter());
}

void TestAnchorModel::filtersByKindAndText()
{
    AnchorModel model(m_doc.get());
    QVERIFY(m_doc->addAnchors(
        AnchorSet::fromImportJson(QJsonDocument(m_samples.file()).toJson()).value()));
    QSortFilterProxyModel byKind;
    byKind.setSourceModel(&model);
    byKind.setFilterRole(int(AnchorModel::Role::KindName));
    QSortFilterProxyModel byText;
    byText.setSourceModel(&byKind);
    byText.setFilterKeyColumn(-1);
    byText.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&byText,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    byKind.setFilterFixedString(QStringLiteral("pcr"));
    QCOMPARE(byText.rowCount(), 1);
    byKind.setFilterFixedString(QString());
    byText.setFilterFixedString(QStringLiteral("NODE/LAB-A"));
    QCOMPARE(byText.rowCount(), 2); // the TPM key and the golden PCR value of that node
    byText.setFilterFixedString(QStringLiteral("audience spire-server"));
    QCOMPARE(byText.rowCount(), 1);
    QCOMPARE(byText.index(0, 0).data(int(AnchorModel::Role::Id)).toString(),
             QStringLiteral("k8s_issuer:prod-eu"));
}

QTEST_GUILESS_MAIN(TestAnchorModel)
#include "tst_anchormodel.moc"
