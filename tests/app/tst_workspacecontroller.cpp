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
        auto *dialog = qobject_cast<ta::views::PassphraseDialog *>(QApplication::activeModalWidget());
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

QTEST_MAIN(TestWorkspaceController)
#include "tst_workspacecontroller.moc"
