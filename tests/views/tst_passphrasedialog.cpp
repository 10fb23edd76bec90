// SPDX-License-Identifier: Apache-2.0
#include "views/PassphraseDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;
using ta::views::PassphraseDialog;

class TestPassphraseDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongPassphraseIsRefusedClearly();
    void createAsksTwiceOrForClearKeys();

private:
    static QPushButton *ok(QDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
};

void TestPassphraseDialog::wrongPassphraseIsRefusedClearly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.atlas"));
    {
        auto ws = Workspace::create(path, QByteArrayLiteral("s3cret-passphrase"));
        QVERIFY(ws);
        QVERIFY((*ws)->createTrustDomain(TrustDomain::fromName(QStringLiteral("a.example")).value(),
                                         CaSettings{}, QDateTime::currentDateTimeUtc()));
    }
    PassphraseDialog dialog(PassphraseDialog::Mode::Open, path);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!ok(dialog)->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("guess"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.errorText(), QStringLiteral("The passphrase is wrong."));
    QVERIFY(!dialog.takeWorkspace());
    // The wrong text is selected, so typing replaces it.
    QCOMPARE(edit->selectedText(), QStringLiteral("guess"));
    QTest::keyClicks(edit, QStringLiteral("s3cret-passphrase"));
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    auto ws = dialog.takeWorkspace();
    QVERIFY(ws);
    QVERIFY(!ws->keysInClear());
    // The keys really unseal with it.
    QVERIFY(ws->authority(QStringLiteral("a.example")));
}

void TestPassphraseDialog::createAsksTwiceOrForClearKeys()
{
    QTemporaryDir dir;
    {
        PassphraseDialog dialog(PassphraseDialog::Mode::Create,
                                dir.filePath(QStringLiteral("new.atlas")));
        dialog.show();
        auto *first = dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *repeat = dialog.findChild<QLineEdit *>(QStringLiteral("repeat"));
        QTest::keyClicks(first, QStringLiteral("one passphrase"));
        QTest::keyClicks(repeat, QStringLiteral("another"));
        QVERIFY(!ok(dialog)->isEnabled());
        repeat->clear();
        QTest::keyClicks(repeat, QStringLiteral("one passphrase"));
        QVERIFY(ok(dialog)->isEnabled());
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto ws = dialog.takeWorkspace();
        QVERIFY(ws);
        QVERIFY(!ws->keysInClear());
    }
    auto reopened = Workspace::open(dir.filePath(QStringLiteral("new.atlas")),
                                    QByteArrayLiteral("one passphrase"));
    QVERIFY(reopened);
    {
        PassphraseDialog dialog(PassphraseDialog::Mode::Create,
                                dir.filePath(QStringLiteral("clear.atlas")));
        dialog.show();
        QVERIFY(!ok(dialog)->isEnabled());
        dialog.findChild<QCheckBox *>(QStringLiteral("inClear"))->setChecked(true);
        QVERIFY(ok(dialog)->isEnabled());
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        auto ws = dialog.takeWorkspace();
        QVERIFY(ws);
        QVERIFY(ws->keysInClear());
    }
    // An existing file is refused in the dialog, not overwritten.
    PassphraseDialog again(PassphraseDialog::Mode::Create,
                           dir.filePath(QStringLiteral("clear.atlas")));
    again.show();
    again.findChild<QCheckBox *>(QStringLiteral("inClear"))->setChecked(true);
    QTest::mouseClick(ok(again), Qt::LeftButton);
    QVERIFY(again.isVisible());
    QCOMPARE(again.errorText(), QStringLiteral("A file of that name exists already."));
}

QTEST_MAIN(TestPassphraseDialog)
#include "tst_passphrasedialog.moc"
