// SPDX-License-Identifier: Apache-2.0
// The passphrase dialog asks and hands the passphrase to its caller's attempt, which runs on a
// worker thread; the dialog itself opens and creates nothing.
#include "core/store/Workspace.h"
#include "views/ErrorMessages.h"
#include "views/PassphraseDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace ta::core;
using ta::views::PassphraseDialog;

class TestPassphraseDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongPassphraseIsRefusedClearly();
    void attemptRunsOffTheGuiThreadWhileTheDialogWaits();
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
    // The attempt a caller gives: open the workspace with what was typed.
    std::unique_ptr<Workspace> opened;
    PassphraseDialog dialog(PassphraseDialog::Mode::Open, path);
    dialog.setAttempt([&](const std::optional<QByteArray> &passphrase) {
        auto ws = Workspace::open(path, passphrase.value_or(QByteArray()));
        if (!ws)
            return ta::views::ErrorMessages::text(ws.error());
        opened = std::move(*ws);
        return QString();
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"));
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!ok(dialog)->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("guess"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.errorText(), QStringLiteral("The passphrase is wrong."));
    QVERIFY(!opened);
    // The wrong text is selected, so typing replaces it.
    QCOMPARE(edit->selectedText(), QStringLiteral("guess"));
    QTest::keyClicks(edit, QStringLiteral("s3cret-passphrase"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.passphrase().value(), QByteArrayLiteral("s3cret-passphrase"));
    QVERIFY(opened);
    QVERIFY(!opened->keysInClear());
    // The keys really unseal with it.
    QVERIFY(opened->authority(QStringLiteral("a.example")));
}

void TestPassphraseDialog::attemptRunsOffTheGuiThreadWhileTheDialogWaits()
{
    QTemporaryDir dir;
    PassphraseDialog dialog(PassphraseDialog::Mode::Open, dir.filePath(QStringLiteral("x.atlas")));
    QSemaphore release;
    std::atomic<bool> onGuiThread{true};
    dialog.setAttempt([&](const std::optional<QByteArray> &) {
        onGuiThread = QThread::currentThread() == qApp->thread();
        release.acquire();
        return QString();
    });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"));
    QTest::keyClicks(edit, QStringLiteral("pw"));
    QTest::keyClick(edit, Qt::Key_Return);
    // While the attempt runs, the fields wait and say so, and the event loop keeps turning.
    QVERIFY(dialog.isBusy());
    QVERIFY(!edit->isEnabled());
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("progress"))->isVisible());
    QTest::qWait(50);
    QVERIFY(dialog.isVisible());
    // A second Enter does not start a second attempt.
    QTest::keyClick(edit, Qt::Key_Return);
    release.release();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!onGuiThread);
}

void TestPassphraseDialog::createAsksTwiceOrForClearKeys()
{
    QTemporaryDir dir;
    const auto creator = [](const QString &path, std::unique_ptr<Workspace> &into) {
        return [path, &into](const std::optional<QByteArray> &passphrase) {
            auto ws = Workspace::create(path, passphrase);
            if (!ws)
                return ta::views::ErrorMessages::text(ws.error());
            into = std::move(*ws);
            return QString();
        };
    };
    {
        std::unique_ptr<Workspace> made;
        const QString path = dir.filePath(QStringLiteral("new.atlas"));
        PassphraseDialog dialog(PassphraseDialog::Mode::Create, path);
        dialog.setAttempt(creator(path, made));
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
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(made);
        QVERIFY(!made->keysInClear());
    }
    auto reopened = Workspace::open(dir.filePath(QStringLiteral("new.atlas")),
                                    QByteArrayLiteral("one passphrase"));
    QVERIFY(reopened);
    {
        std::unique_ptr<Workspace> made;
        const QString path = dir.filePath(QStringLiteral("clear.atlas"));
        PassphraseDialog dialog(PassphraseDialog::Mode::Create, path);
        dialog.setAttempt(creator(path, made));
        dialog.show();
        QVERIFY(!ok(dialog)->isEnabled());
        dialog.findChild<QCheckBox *>(QStringLiteral("inClear"))->setChecked(true);
        QVERIFY(ok(dialog)->isEnabled());
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.passphrase());
        QVERIFY(made);
        QVERIFY(made->keysInClear());
    }
    // An existing file is refused in the dialog, not overwritten.
    std::unique_ptr<Workspace> made;
    const QString path = dir.filePath(QStringLiteral("clear.atlas"));
    PassphraseDialog again(PassphraseDialog::Mode::Create, path);
    again.setAttempt(creator(path, made));
    again.show();
    again.findChild<QCheckBox *>(QStringLiteral("inClear"))->setChecked(true);
    QTest::mouseClick(ok(again), Qt::LeftButton);
    QTRY_VERIFY(!again.isBusy());
    QVERIFY(again.isVisible());
    QCOMPARE(again.errorText(), QStringLiteral("A file of that name exists already."));
    QVERIFY(!made);
}

QTEST_MAIN(TestPassphraseDialog)
#include "tst_passphrasedialog.moc"
