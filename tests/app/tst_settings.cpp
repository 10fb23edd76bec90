// SPDX-License-Identifier: Apache-2.0
#include "app/gui/Settings.h"

#include <QTemporaryDir>
#include <QTest>

using ta::app::Settings;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recentFilesMostRecentFirstWithoutDuplicates();
    void recentFilesCapped();
    void removeRecentFile();
    void valuesSurviveARestart();
};

void TestSettings::recentFilesMostRecentFirstWithoutDuplicates()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    QVERIFY(s.recentFiles().isEmpty());
    s.addRecentFile(QStringLiteral("/a.atlas"));
    s.addRecentFile(QStringLiteral("/b.atlas"));
    s.addRecentFile(QStringLiteral("/a.atlas"));
    QCOMPARE(s.recentFiles(),
             (QStringList{QStringLiteral("/a.atlas"), QStringLiteral("/b.atlas")}));
}

void TestSettings::recentFilesCapped()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    for (int i = 0; i < Settings::maxRecentFiles + 3; ++i)
        s.addRecentFile(QStringLiteral("/f%1.atlas").arg(i));
    const QStringList files = s.recentFiles();
    QCOMPARE(files.size(), Settings::maxRecentFiles);
    QCOMPARE(files.first(), QStringLiteral("/f%1.atlas").arg(Settings::maxRecentFiles + 2));
    // The oldest went first.
    QVERIFY(!files.contains(QStringLiteral("/f0.atlas")));
    QVERIFY(files.contains(QStringLiteral("/f3.atlas")));
}

void TestSettings::removeRecentFile()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    s.addRecentFile(QStringLiteral("/a.atlas"));
    s.addRecentFile(QStringLiteral("/b.atlas"));
    s.removeRecentFile(QStringLiteral("/a.atlas"));
    s.removeRecentFile(QStringLiteral("/never.atlas"));
    QCOMPARE(s.recentFiles(), QStringList{QStringLiteral("/b.atlas")});
}

void TestSettings::valuesSurviveARestart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        Settings s(file);
        s.addRecentFile(QStringLiteral("/x.atlas"));
        s.setLastDirectory(QStringLiteral("/home/auditor"));
        s.setWindowGeometry(QByteArray("\x01\x02geometry", 10));
        s.setWindowState(QByteArray("state\x00\xff", 7));
    }
    Settings again(file);
    QCOMPARE(again.recentFiles(), QStringList{QStringLiteral("/x.atlas")});
    QCOMPARE(again.lastDirectory(), QStringLiteral("/home/auditor"));
    QCOMPARE(again.windowGeometry(), QByteArray("\x01\x02geometry", 10));
    QCOMPARE(again.windowState(), QByteArray("state\x00\xff", 7));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
