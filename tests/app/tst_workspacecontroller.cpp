// SPDX-License-Identifier: Apache-2.0
#include "app/gui/Settings.h"
#include "app/gui/WorkspaceController.h"
#include "core/store/Workspace.h"
#include "models/Document.h"
#include "views/PassphraseDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using ta::app::Settings;
using ta::app::WorkspaceController;

namespace {

// The passphrase dialog the controller left asking after its call returned: shown, not running
// a nested event loop (the call came back), and the only one.
ta::views::PassphraseDialog *askingDialog(const WorkspaceController &controller)
{
    ta::views::PassphraseDialog *found = nullptr;
    int visible = 0;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *d = qobject_cast<ta::views::PassphraseDialog *>(w); d && d->isVisible()) {
            found = d;
            ++visible;
        }
    }
    if (visible != 1 || found != controller.passphraseDialog())
        return nullptr;
    return found;
}

void fill(ta::views::PassphraseDialog *dialog, const char *field, const QString &text)
{
    dialog->findChild<QLineEdit *>(QString::fromLatin1(field))->setText(text);
}

// A controller with its own settings file, the demo folder it is asked to open, and spies on
// what it tells.
struct DemoRequest
{
    DemoRequest(const QString &data, const QString &settingsFile)
        : data(data), settings(settingsFile), controller(settings, nullptr)
    {}
    const QString data;
    Settings settings;
    WorkspaceController controller;
    QSignalSpy started{&controller, &WorkspaceController::workStarted};
    QSignalSpy changed{&controller, &WorkspaceController::documentChanged};
    QSignalSpy failed{&controller, &WorkspaceController::failed};
};

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
    void demoAskedAgainAsItsGenerationEnds();
    void cancelledDemoLeavesNothing();
    void unsealReportsItsWork();
    void cancelledCreateLeavesNoFile();
    void createdThroughTheDialog();
    void createdWithKeysInClear();
    void cancelledCreateBeforeTheAttemptLeavesNothing();
    void wrongPassphraseStaysInTheDialog();

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
    QSignalSpy changed(&controller, &WorkspaceController::documentChanged);
    // The call returns with the dialog up: nothing is open yet, and nothing failed.
    QVERIFY(!controller.open(file));
    QVERIFY(controller.lastError().isEmpty());
    QVERIFY(!controller.document());
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    QVERIFY(dialog->isModal());
    QPointer<ta::views::PassphraseDialog> guard(dialog);
    fill(dialog, "passphrase", QStringLiteral("pw"));
    dialog->accept();
    QTRY_VERIFY(controller.document());
    QCOMPARE(changed.size(), 1);
    QVERIFY(!controller.document()->keysInClear());
    QCOMPARE(settings.recentFiles().value(0), file);
    // The dialog went away with its answer.
    QTRY_VERIFY(!guard);
    QVERIFY(!controller.passphraseDialog());
}

void TestWorkspaceController::cancelledPassphraseKeepsRecentFile()
{
    const QString file = path("cancel.atlas");
    QVERIFY(ta::core::Workspace::create(file, QByteArray("pw")).ok());
    Settings settings(path("cancel.ini"));
    settings.addRecentFile(file);
    WorkspaceController controller(settings, nullptr);
    QSignalSpy failed(&controller, &WorkspaceController::failed);
    QSignalSpy changed(&controller, &WorkspaceController::documentChanged);
    QVERIFY(!controller.open(file));
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    QPointer<ta::views::PassphraseDialog> guard(dialog);
    dialog->reject();
    QTRY_VERIFY(!guard);
    QVERIFY(!controller.document());
    QCOMPARE(changed.size(), 0);
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
    DemoRequest demo(path("bgdemo"), path("bgdemo.ini"));
    WorkspaceController &controller = demo.controller;
    const QString &data = demo.data;
    QSignalSpy &started = demo.started;
    QSignalSpy &changed = demo.changed;
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

// Asked again once the worker has made the demo's side file, before this thread has moved it
// into place and opened it: the request is the running one's. It used to find no demo, delete
// the side file and start a second generation writing it, which the first one's handler could
// then rename into place half-written.
void TestWorkspaceController::demoAskedAgainAsItsGenerationEnds()
{
    DemoRequest demo(path("againdemo"), path("againdemo.ini"));
    QFuture<void> future = demo.controller.openDemoInBackground(demo.data);
    future.waitForFinished(); // no event handled here: the side file is made, not yet in place
    QVERIFY(QFile::exists(WorkspaceController::demoPartPath(demo.data)));
    QVERIFY(!QFile::exists(WorkspaceController::demoPath(demo.data)));
    (void)demo.controller.openDemoInBackground(demo.data);
    QCOMPARE(demo.started.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(demo.controller.document(), 60000);
    QCOMPARE(demo.failed.size(), 0);
    QCOMPARE(demo.changed.size(), 1);
    QVERIFY(QFile::exists(WorkspaceController::demoPath(demo.data)));
    QVERIFY(!QFile::exists(WorkspaceController::demoPartPath(demo.data)));
    QVERIFY(!demo.controller.document()->workspace().trustDomainNames().isEmpty());
}

void TestWorkspaceController::cancelledDemoLeavesNothing()
{
    DemoRequest demo(path("canceldemo"), path("canceldemo.ini"));
    WorkspaceController &controller = demo.controller;
    const QString &data = demo.data;
    QSignalSpy &failed = demo.failed;
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
    QVERIFY(!controller.open(file));
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    fill(dialog, "passphrase", QStringLiteral("pw"));
    dialog->accept();
    QTRY_VERIFY(controller.document());
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
    QSignalSpy changed(&controller, &WorkspaceController::documentChanged);
    controller.create(file);
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    QPointer<ta::views::PassphraseDialog> guard(dialog);
    fill(dialog, "passphrase", QStringLiteral("pw"));
    fill(dialog, "repeat", QStringLiteral("pw"));
    dialog->accept();
    QVERIFY(dialog->isBusy());
    dialog->reject();
    // Still up until the worker returned.
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!guard, 30000);
    QVERIFY(!controller.document());
    QCOMPARE(changed.size(), 0);
    QVERIFY(!QFile::exists(file));
}

void TestWorkspaceController::createdThroughTheDialog()
{
    const QString file = path("made.atlas");
    Settings settings(path("made.ini"));
    WorkspaceController controller(settings, nullptr);
    QSignalSpy started(&controller, &WorkspaceController::workStarted);
    controller.create(file);
    QVERIFY(controller.lastError().isEmpty());
    QVERIFY(!controller.document());
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    fill(dialog, "passphrase", QStringLiteral("secret"));
    fill(dialog, "repeat", QStringLiteral("secret"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(controller.document(), 30000);
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("Creating made.atlas"));
    QCOMPARE(controller.document()->path(), file);
    QVERIFY(!controller.document()->keysInClear());
    QCOMPARE(settings.recentFiles(), QStringList{file});
    // Sealed with that passphrase: another one does not open it.
    QVERIFY(!ta::core::Workspace::open(file, QByteArray("other")));
}

void TestWorkspaceController::createdWithKeysInClear()
{
    const QString file = path("inclear.atlas");
    Settings settings(path("inclear.ini"));
    WorkspaceController controller(settings, nullptr);
    controller.create(file);
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    dialog->findChild<QCheckBox *>(QStringLiteral("inClear"))->setChecked(true);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(controller.document(), 30000);
    QVERIFY(controller.document()->keysInClear());
    // In clear, the next open needs no dialog.
    QVERIFY(controller.open(file));
    QVERIFY(!controller.passphraseDialog());
}

void TestWorkspaceController::cancelledCreateBeforeTheAttemptLeavesNothing()
{
    const QString file = path("never.atlas");
    Settings settings(path("never.ini"));
    WorkspaceController controller(settings, nullptr);
    QSignalSpy changed(&controller, &WorkspaceController::documentChanged);
    QSignalSpy started(&controller, &WorkspaceController::workStarted);
    controller.create(file);
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    QPointer<ta::views::PassphraseDialog> guard(dialog);
    fill(dialog, "passphrase", QStringLiteral("pw"));
    dialog->reject();
    QTRY_VERIFY(!guard);
    QTest::qWait(20);
    QVERIFY(!controller.document());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(started.size(), 0);
    QVERIFY(!QFile::exists(file));
    QVERIFY(settings.recentFiles().isEmpty());
}

void TestWorkspaceController::wrongPassphraseStaysInTheDialog()
{
    const QString file = path("wrong.atlas");
    QVERIFY(ta::core::Workspace::create(file, QByteArray("right")).ok());
    Settings settings(path("wrong.ini"));
    settings.addRecentFile(file);
    WorkspaceController controller(settings, nullptr);
    QSignalSpy failed(&controller, &WorkspaceController::failed);
    QVERIFY(!controller.open(file));
    auto *dialog = askingDialog(controller);
    QVERIFY(dialog);
    fill(dialog, "passphrase", QStringLiteral("wrong"));
    dialog->accept();
    // The refusal is shown in the dialog, which stays up for another try.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(!controller.document());
    QCOMPARE(failed.size(), 0);
    QCOMPARE(settings.recentFiles(), QStringList{file});
    fill(dialog, "passphrase", QStringLiteral("right"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(controller.document(), 30000);
}

QTEST_MAIN(TestWorkspaceController)
#include "tst_workspacecontroller.moc"
