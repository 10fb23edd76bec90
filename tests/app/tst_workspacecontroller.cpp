// SPDX-License-Identifier: Apache-2.0
#include "app/gui/Settings.h"
#include "app/gui/WorkspaceController.h"
#include "core/store/Workspace.h"
#include "models/Document.h"
#include "views/PassphraseDialog.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using ta::app::Settings;
using ta::app::WorkspaceController;

namespace {

// Answers the next modal passphrase dialog with @p passphrase, or cancels it when empty.
void answerPassphrase(const QString &passphrase)
{
    QTimer::singleShot(0, qApp, [passphrase] {
        auto *dialog =
            qobject_cast<ta::views::PassphraseDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        if (passphrase.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(passphrase);
        dialog->accept();
    });
}

} // namespace

class TestWorkspaceController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void opensClearWorkspace();
    void opensProtectedWorkspaceThroughTheDialog();
    void cancelledPassphraseKeepsRecentFile();
    void failedOpenLeavesRecentFiles_data();
    void failedOpenLeavesRecentFiles();
    void demoMadeOnceThenReopened();
    void demoGeneratedOffTheGuiThread();
    void cancelledDemoLeavesNothing();
    void unsealReportsItsWork();
    void cancelledCreateLeavesNoFile();

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QTemporaryDir m_dir;
};

void TestWorkspaceController::opensClearWorkspace()
{
    const QString file = path("clear.atlas");
    QVERIFY(ta::core::Workspace::create(file, std::nullopt).ok());
    Settings settings(path("settings.ini"));
    WorkspaceController controller(settings, nullptr);
    QSignalSpy changed(&controller, &WorkspaceController::documentChanged);
    QVERIFY(controller.open(file));
    QCOMPARE(changed.size(), 1);
    QVERIFY(controller.document());
    QCOMPARE(controller.document()->path(), file);
    QCOMPARE(settings.recentFiles(), QStringList{file});
    // A second open replaces the document.
    QVERIFY(controller.open(file));
    QCOMPARE(changed.size(), 2);
}

void TestWorkspaceController::opensProtectedWorkspaceThroughTheDialog()
{
    const QString file = path("sealed.atlas");
    QVERIFY(ta::core::Workspace::create(file, QByteArray("pw")).ok());
    Settings settings(path("settings.ini"));
    WorkspaceController controller(settings, nullptr);
    answerPassphrase(QStringLiteral("pw"));
    QVERIFY(controller.open(file));
    QVERIFY(controller.document());
    QVERIFY(!controller.document()->keysInClear());
}

void TestWorkspaceController::cancelledPassphraseKeepsRecentFile()
{
    const QString file = path("cancel.atlas");
    QVERIFY(ta::core::Workspace::create(file, QByteArray("pw")).ok());
    Settings settings(path("cancel.ini"));
    settings.addRecentFile(file);
    WorkspaceController controller(settings, nullptr);
    QSignalSpy failed(&controller, &WorkspaceController::failed);
    answerPassphrase({});
    QVERIFY(!controller.open(file));
    QVERIFY(!controller.document());
    // Cancelling is not a failure, and the file stays offered.
    QCOMPARE(failed.size(), 0);
    QCOMPARE(settings.recentFiles(), QStringList{file});
}

void TestWorkspaceController::failedOpenLeavesRecentFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("not a workspace") << QByteArray("just text, not SQLite at all, long enough");
}

void TestWorkspaceController::failedOpenLeavesRecentFiles()
{
    QFETCH(QByteArray, content);
    const QString file = path("gone.atlas");
    QFile::remove(file);
    if (!content.isEmpty()) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    Settings settings(path("failed.ini"));
    settings.addRecentFile(path("other.atlas"));
    settings.addRecentFile(file);
    WorkspaceController controller(settings, nullptr);
    QSignalSpy failed(&controller, &WorkspaceController::failed);
    QVERIFY(!controller.open(file));
    QCOMPARE(failed.size(), 1);
    QVERIFY(!controller.lastError().isEmpty());
    QCOMPARE(failed.first().first().toString(), controller.lastError());
    QCOMPARE(settings.recentFiles(), QStringList{path("other.atlas")});
}

void TestWorkspaceController::demoMadeOnceThenReopened()
{
    const QString data = path("data");
    Settings settings(path("demo.ini"));
    WorkspaceController controller(settings, nullptr);
    QVERIFY2(controller.openDemo(data), qPrintable(controller.lastError()));
    const QString demo = WorkspaceController::demoPath(data);
    QVERIFY(QFile::exists(demo));
    const QStringList domains = controller.document()->workspace().trustDomainNames();
    QVERIFY(!domains.isEmpty());
    const QByteArray bundle = controller.document()->workspace().bundle(domains.first())->toJwks();
    // The second start opens the same file: the same keys, not a fresh demo.
    QVERIFY(controller.openDemo(data));
    QCOMPARE(controller.document()->workspace().bundle(domains.first())->toJwks(), bundle);
}

void TestWorkspaceController::demoGeneratedOffTheGuiThread()
{
    // The menu's demo: the generation runs on a worker while the event loop turns, and the demo
    // opens on the GUI thread afterwards (issue 11, long work off the GUI thread).
    const QString data = path("bgdemo");
    Settings settings(path("bgdemo.ini"));
    WorkspaceController controller(settings, nullptr);
    QSignalSpy started(&controller, &WorkspaceController::workStarted);
    QSignalSpy changed(&controller, &WorkspaceController::documentChanged);
    QFuture<void> future = controller.openDemoInBackground(data);
    QCOMPARE(started.size(), 1);
    QVERIFY(!future.isFinished());
    QVERIFY(!controller.document());
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(5);
    // Asking again while it runs does not start a second generation.
    QVERIFY(!controller.openDemoInBackground(data).isFinished());
    QCOMPARE(started.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(controller.document(), 60000);
    QVERIFY(ticks > 0);
    QCOMPARE(changed.size(), 1);
    QVERIFY(QFile::exists(WorkspaceController::demoPath(data)));
    QVERIFY(!QFile::exists(WorkspaceController::demoPartPath(data)));
    QVERIFY(!controller.document()->workspace().trustDomainNames().isEmpty());
    // Made once: the next request opens the same file at once, with no work to show.
    QVERIFY(controller.openDemoInBackground(data).isFinished());
    QCOMPARE(started.size(), 1);
    QCOMPARE(changed.size(), 2);
}

void TestWorkspaceController::cancelledDemoLeavesNothing()
{
    const QString data = path("canceldemo");
    Settings settings(path("canceldemo.ini"));
    WorkspaceController controller(settings, nullptr);
    QSignalSpy failed(&controller, &WorkspaceController::failed);
    QFuture<void> future = controller.openDemoInBackground(data);
    // Cancel once the worker is writing the side file.
    QTRY_VERIFY(QFile::exists(WorkspaceController::demoPartPath(data)));
    future.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
    QTest::qWait(50);
    QVERIFY(!controller.document());
    QCOMPARE(failed.size(), 0);
    QVERIFY(!QFile::exists(WorkspaceController::demoPath(data)));
    QVERIFY(!QFile::exists(WorkspaceController::demoPartPath(data)));
    // And the next request makes a whole demo.
    controller.openDemoInBackground(data);
    QTRY_VERIFY_WITH_TIMEOUT(controller.document(), 60000);
}

void TestWorkspaceController::unsealReportsItsWork()
{
    // The passphrase dialog's key derivation is long work the status bar shows.
    const QString file = path("unseal.atlas");
    QVERIFY(ta::core::Workspace::create(file, QByteArray("pw")).ok());
    Settings settings(path("unseal.ini"));
    WorkspaceController controller(settings, nullptr);
    QSignalSpy started(&controller, &WorkspaceController::workStarted);
    answerPassphrase(QStringLiteral("pw"));
    QVERIFY(controller.open(file));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("Unlocking unseal.atlas"));
    QVERIFY(started.at(0).at(1).value<QFuture<void>>().isFinished());
}

void TestWorkspaceController::cancelledCreateLeavesNoFile()
{
    // Cancel while the worker creates the file: the dialog closes when the worker returns, and
    // the file it made goes again.
    const QString file = path("created.atlas");
    Settings settings(path("created.ini"));
    WorkspaceController controller(settings, nullptr);
    QTimer::singleShot(0, qApp, [] {
        auto *dialog =
            qobject_cast<ta::views::PassphraseDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("pw"));
        dialog->findChild<QLineEdit *>(QStringLiteral("repeat"))->setText(QStringLiteral("pw"));
        dialog->accept();
        QVERIFY(dialog->isBusy());
        dialog->reject();
        // Still up until the worker returned.
        QVERIFY(dialog->isVisible());
    });
    QVERIFY(!controller.create(file));
    QVERIFY(!controller.document());
    QVERIFY(!QFile::exists(file));
}

QTEST_MAIN(TestWorkspaceController)
#include "tst_workspacecontroller.moc"
