// SPDX-License-Identifier: Apache-2.0
#include "models/Document.h"
#include "views/NewTrustDomainDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::views::NewTrustDomainDialog;

class TestNewTrustDomainDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void liveValidation_data();
    void liveValidation();
    void createsWithChosenSettingsAndUndoes();
    void existingNameStaysInDialog();
    void keysGeneratedOffTheGuiThread();
    void cancelDuringGenerationWritesNothing();

private:
    QPushButton *ok(NewTrustDomainDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QString feedback(NewTrustDomainDialog &d)
    {
        return d.findChild<QLabel *>(QStringLiteral("feedback"))->text();
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
};

void TestNewTrustDomainDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("n.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
}

void TestNewTrustDomainDialog::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestNewTrustDomainDialog::liveValidation_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << "" << false;
    QTest::newRow("valid") << "payments.example" << true;
    QTest::newRow("uppercase") << "Payments.example" << false;
    QTest::newRow("with scheme") << "spiffe://x.example" << false;
    QTest::newRow("port") << "x.example:443" << false;
}

void TestNewTrustDomainDialog::liveValidation()
{
    QFETCH(QString, typed);
    QFETCH(bool, accepted);
    NewTrustDomainDialog dialog(m_doc.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    QTest::keyClicks(name, typed);
    QCOMPARE(ok(dialog)->isEnabled(), accepted);
    // A refusal says why; an acceptable name shows nothing.
    QCOMPARE(feedback(dialog).isEmpty(), accepted);
}

void TestNewTrustDomainDialog::createsWithChosenSettingsAndUndoes()
{
    NewTrustDomainDialog dialog(m_doc.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")),
                     QStringLiteral("prod.example"));
    auto *keyType = dialog.findChild<QComboBox *>(QStringLiteral("keyType"));
    keyType->setCurrentIndex(keyType->findData(int(KeyType::EcP384)));
    dialog.findChild<QCheckBox *>()->setChecked(true);
    QTest::mouseClick(ok(dialog), Qt::LeftButton);
    // The keys are generated on a worker; the dialog accepts once they are stored.
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.createdName(), QStringLiteral("prod.example"));
    auto info = m_doc->workspace().trustDomainInfo(QStringLiteral("prod.example"));
    QVERIFY(info.ok());
    QCOMPARE(info->settings.keyType, KeyType::EcP384);
    QVERIFY(info->settings.intermediate);
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->workspace().trustDomainNames().isEmpty());
}

void TestNewTrustDomainDialog::existingNameStaysInDialog()
{
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    NewTrustDomainDialog dialog(m_doc.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")),
                     QStringLiteral("prod.example"));
    QTest::mouseClick(ok(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isBusy());
    // The dialog stays open with the reason, and the name can be corrected.
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.createdName().isEmpty());
    QVERIFY(!feedback(dialog).isEmpty());
    QCOMPARE(m_doc->workspace().trustDomainNames().size(), 1);
}

void TestNewTrustDomainDialog::keysGeneratedOffTheGuiThread()
{
    // RSA 4096: long enough to see the event loop turn while the worker generates.
    NewTrustDomainDialog dialog(m_doc.get());
    QSignalSpy started(&dialog, &NewTrustDomainDialog::workStarted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")),
                     QStringLiteral("rsa.example"));
    auto *keyType = dialog.findChild<QComboBox *>(QStringLiteral("keyType"));
    keyType->setCurrentIndex(keyType->findData(int(KeyType::Rsa4096)));
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (dialog.isBusy())
            ++ticks;
    });
    ticker.start(1);
    QTest::mouseClick(ok(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("Generating keys for rsa.example"));
    // Nothing stored until the keys are back.
    QVERIFY(m_doc->workspace().trustDomainNames().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 60000);
    QVERIFY(ticks > 0);
    QCOMPARE(m_doc->workspace().trustDomainNames(), QStringList{QStringLiteral("rsa.example")});
    // One undoable step, pushed on the GUI thread.
    QCOMPARE(m_doc->undoStack()->count(), 1);
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->workspace().trustDomainNames().isEmpty());
    m_doc->undoStack()->redo();
    QCOMPARE(m_doc->workspace().trustDomainNames(), QStringList{QStringLiteral("rsa.example")});
}

void TestNewTrustDomainDialog::cancelDuringGenerationWritesNothing()
{
    NewTrustDomainDialog dialog(m_doc.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")),
                     QStringLiteral("gone.example"));
    auto *keyType = dialog.findChild<QComboBox *>(QStringLiteral("keyType"));
    keyType->setCurrentIndex(keyType->findData(int(KeyType::Rsa4096)));
    QTest::mouseClick(ok(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    dialog.reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 60000);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.createdName().isEmpty());
    QVERIFY(m_doc->workspace().trustDomainNames().isEmpty());
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

QTEST_MAIN(TestNewTrustDomainDialog)
#include "tst_newtrustdomaindialog.moc"
