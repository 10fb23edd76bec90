// SPDX-License-Identifier: Apache-2.0
// The Federation dock: the add dialog checked as one types, add, edit and remove from the keyboard
// with undo, and a refresh against a real bundle endpoint over TLS on loopback.
#include "core/federation/BundleEndpointServer.h"
#include "core/federation/EndpointCredentials.h"
#include "core/federation/FederationStore.h"
#include "models/Document.h"
#include "models/FederationModel.h"
#include "models/FederationRefreshScheduler.h"
#include "views/FederationDialog.h"
#include "views/FederationPanel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::models::FederationModel;
using ta::models::FederationRefreshScheduler;
using ta::views::FederationDialog;
using ta::views::FederationPanel;
using State = ta::models::FederationRefreshStatus::State;

class TestFederationPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dialogChecksAsOneTypes_data();
    void dialogChecksAsOneTypes();
    void addEditRemoveFromTheKeyboard();
    void refreshShowsStatusAndHistory();
    void screenshot();

private:
    /// Shortcuts act in the active window only; without a window manager nothing activates it.
    static bool activate(QWidget &w)
    {
        w.activateWindow();
        return QTest::qWaitForWindowActive(&w);
    }
    QPushButton *ok(FederationDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QString feedback(FederationDialog &d)
    {
        return d.findChild<QLabel *>(QStringLiteral("feedback"))->text();
    }
    QString cell(FederationPanel &p, int row, FederationModel::Column c)
    {
        return p.model()->index(row, int(c)).data().toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
};

void TestFederationPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("f.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("a.test"), CaSettings{}));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("b.test"), CaSettings{}));
    m_doc->undoStack()->clear();
}

void TestFederationPanel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestFederationPanel::dialogChecksAsOneTypes_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("profile");
    QTest::addColumn<QString>("endpointId");
    QTest::addColumn<bool>("accepted");
    const int spiffe = int(BundleEndpointProfile::HttpsSpiffe);
    const int web = int(BundleEndpointProfile::HttpsWeb);
    QTest::newRow("spiffe, default endpoint ID")
        << "b.test"
        << "https://127.0.0.1:8443/" << spiffe << "" << true;
    QTest::newRow("spiffe, given endpoint ID")
        << "partner.example"
        << "https://spire.partner.example/" << spiffe << "spiffe://partner.example/bundle" << true;
    QTest::newRow("web") << "partner.example"
                         << "https://partner.example/bundle" << web << "" << true;
    QTest::newRow("no peer") << ""
                             << "https://127.0.0.1:8443/" << spiffe << "" << false;
    QTest::newRow("bad peer") << "B.test"
                              << "https://127.0.0.1:8443/" << spiffe << "" << false;
    QTest::newRow("itself") << "a.test"
                            << "https://127.0.0.1:8443/" << spiffe << "" << false;
    QTest::newRow("http") << "b.test"
                          << "http://127.0.0.1:8443/" << spiffe << "" << false;
    QTest::newRow("no URL") << "b.test"
                            << "" << web << "" << false;
    QTest::newRow("bad endpoint ID")
        << "b.test"
        << "https://127.0.0.1:8443/" << spiffe << "spiffe://B/x" << false;
}

void TestFederationPanel::dialogChecksAsOneTypes()
{
    QFETCH(QString, peer);
    QFETCH(QString, url);
    QFETCH(int, profile);
    QFETCH(QString, endpointId);
    QFETCH(bool, accepted);
    FederationDialog dialog(m_doc.get(), QStringLiteral("a.test"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!ok(dialog)->isEnabled());
    auto *profiles = dialog.findChild<QComboBox *>(QStringLiteral("profile"));
    profiles->setCurrentIndex(profiles->findData(profile));
    // The endpoint ID and bootstrap bundle belong to https_spiffe, the pinned CA to https_web.
    auto *idEdit = dialog.findChild<QLineEdit *>(QStringLiteral("endpointSpiffeId"));
    auto *pinned = dialog.findChild<QPlainTextEdit *>(QStringLiteral("pinnedCa"));
    const bool spiffe = profile == int(BundleEndpointProfile::HttpsSpiffe);
    QCOMPARE(idEdit->isVisible(), spiffe);
    QCOMPARE(pinned->isVisible(), !spiffe);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("peer")), peer);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("endpointUrl")), url);
    if (spiffe)
        QTest::keyClicks(idEdit, endpointId);
    QCOMPARE(ok(dialog)->isEnabled(), accepted);
    QCOMPARE(feedback(dialog).isEmpty(), accepted);
    if (accepted && spiffe && endpointId.isEmpty())
        QCOMPARE(dialog.relationship()->endpointSpiffeId.toString(),
                 QStringLiteral("spiffe://%1/spire/server").arg(peer));
}

void TestFederationPanel::addEditRemoveFromTheKeyboard()
{
    FederationPanel panel(m_doc.get(), nullptr);
    panel.setTrustDomain(QStringLiteral("b.test"));
    panel.resize(900, 400);
    panel.show();
    QVERIFY(activate(panel));
    panel.table()->setFocus();
    QVERIFY(!panel.editRelationshipAction()->isEnabled());

    // Insert opens the add dialog on the trust domain followed; Enter in it adds.
    QTest::keyClick(panel.table(), Qt::Key_Insert);
    QPointer<FederationDialog> dialog = panel.openDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("localTrustDomain"))->currentText(),
             QStringLiteral("b.test"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("peer")),
                     QStringLiteral("partner.example"));
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("endpointUrl"));
    QTest::keyClicks(url, QStringLiteral("https://spire.partner.example:8443/"));
    QTest::keyClick(url, Qt::Key_Return);
    QTRY_VERIFY(!dialog);
    QCOMPARE(panel.model()->rowCount(), 1);
    QCOMPARE(cell(panel, 0, FederationModel::Column::Peer), QStringLiteral("partner.example"));
    QCOMPARE(panel.table()->currentIndex().row(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 1);

    // F2 edits the selected one: its two trust domains are fixed, the endpoint is not.
    QVERIFY(activate(panel));
    panel.table()->setFocus();
    QTest::keyClick(panel.table(), Qt::Key_F2);
    dialog = panel.openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isEditing());
    QVERIFY(!dialog->findChild<QComboBox *>(QStringLiteral("localTrustDomain"))->isEnabled());
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("peer"))->isReadOnly());
    url = dialog->findChild<QLineEdit *>(QStringLiteral("endpointUrl"));
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("https://spire.partner.example:9443/"));
    QTest::keyClick(url, Qt::Key_Return);
    QTRY_VERIFY(!dialog);
    QCOMPARE(cell(panel, 0, FederationModel::Column::Endpoint),
             QStringLiteral("https://spire.partner.example:9443/"));

    // Delete removes it; undo brings it back, then the edit is undone too.
    QVERIFY(activate(panel));
    panel.table()->setFocus();
    QTest::keyClick(panel.table(), Qt::Key_Delete);
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(!panel.removeRelationshipAction()->isEnabled());
    m_doc->undoStack()->undo();
    QCOMPARE(panel.model()->rowCount(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(cell(panel, 0, FederationModel::Column::Endpoint),
             QStringLiteral("https://spire.partner.example:8443/"));
    m_doc->undoStack()->undo();
    QCOMPARE(panel.model()->rowCount(), 0);

    // A refused add keeps the dialog open with the reason: the pair exists already.
    QVERIFY(m_doc->addFederation([&] {
        FederationRelationship r;
        r.localTrustDomain = TrustDomain::fromName(u"b.test").value();
        r.peerTrustDomain = TrustDomain::fromName(u"a.test").value();
        r.bundleEndpointUrl = QUrl(QStringLiteral("https://127.0.0.1:1/"));
        r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
        return r;
    }()));
    panel.addRelationshipAction()->trigger();
    dialog = panel.openDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("peer")),
                     QStringLiteral("a.test"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("endpointUrl")),
                     QStringLiteral("https://127.0.0.1:2/"));
    ok(*dialog)->click();
    QVERIFY(dialog->isVisible());
    QVERIFY2(feedback(*dialog).contains(QStringLiteral("federates with that peer already")),
             qPrintable(feedback(*dialog)));
    dialog->reject();
    QCOMPARE(panel.model()->rowCount(), 1);
}

void TestFederationPanel::refreshShowsStatusAndHistory()
{
    const Workspace *w = &m_doc->workspace();
    const SpiffeId id = SpiffeId::fromString(u"spiffe://b.test/spire/server").value();
    BundleEndpointServer server([w] { return w->bundle(QStringLiteral("b.test")); });
    QVERIFY(server.setCredentialSource(
        [w, id](const QDateTime &now) { return EndpointCredentials::mintSvid(*w, id, now); }));
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    FederationRelationship r;
    r.localTrustDomain = TrustDomain::fromName(u"a.test").value();
    r.peerTrustDomain = TrustDomain::fromName(u"b.test").value();
    r.bundleEndpointUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.port()));
    r.endpointSpiffeId = id;
    QVERIFY(m_doc->addFederation(r));

    FederationRefreshScheduler scheduler(m_doc.get());
    FederationPanel panel(m_doc.get(), &scheduler);
    panel.resize(900, 400);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.autoRefreshAction()->isChecked());
    QCOMPARE(cell(panel, 0, FederationModel::Column::Status), QStringLiteral("Not fetched yet"));
    auto *history = panel.findChild<QTreeWidget *>(QStringLiteral("bundleHistory"));
    QCOMPARE(history->topLevelItemCount(), 0);

    QVERIFY(activate(panel));
    // F5 fetches the selected relationship now; the status, held sequence and history follow.
    panel.table()->setFocus();
    QTest::keyClick(panel.table(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(cell(panel, 0, FederationModel::Column::Status),
                              QStringLiteral("New bundle stored"), 15000);
    const TrustBundle bundle = w->bundle(QStringLiteral("b.test")).value();
    QCOMPARE(cell(panel, 0, FederationModel::Column::HeldSequence),
             QString::number(bundle.sequence()));
    QCOMPARE(history->topLevelItemCount(), 1);
    QCOMPARE(history->topLevelItem(0)->text(0), QString::number(bundle.sequence()));
    QCOMPARE(history->topLevelItem(0)->text(3),
             QString::number(bundle.x509Authorities().size() + bundle.jwtAuthorities().size()));
    QVERIFY(!panel.model()
                 ->index(0, int(FederationModel::Column::Status))
                 .data(Qt::DecorationRole)
                 .isNull());

    // Turning the background refresh on schedules the next fetch.
    panel.autoRefreshAction()->trigger();
    QVERIFY(scheduler.isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(panel, 0, FederationModel::Column::NextFetch).endsWith(QStringLiteral(" UTC")), 15000);
}

void TestFederationPanel::screenshot()
{
    const QString dir = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("TA_SCREENSHOT_DIR not set");
    FederationRelationship r;
    r.localTrustDomain = TrustDomain::fromName(u"a.test").value();
    r.peerTrustDomain = TrustDomain::fromName(u"b.test").value();
    r.bundleEndpointUrl = QUrl(QStringLiteral("https://127.0.0.1:1/"));
    r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
    QVERIFY(m_doc->addFederation(r));
    FederationRefreshScheduler scheduler(m_doc.get());
    FederationPanel panel(m_doc.get(), &scheduler);
    panel.resize(1100, 360);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    scheduler.refreshAll();
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(r.id ? r.id : 1).state, State::Failed, 15000);
    QVERIFY(panel.grab().save(dir + QStringLiteral("/federation-panel.png")));
    FederationDialog dialog(m_doc.get(), QStringLiteral("a.test"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(dir + QStringLiteral("/federation-dialog.png")));
}

QTEST_MAIN(TestFederationPanel)
#include "tst_federationpanel.moc"
