// SPDX-License-Identifier: Apache-2.0
#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/WorkspaceController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TrustAtlas"));
    QApplication::setApplicationName(QStringLiteral("trustatlas"));
    QApplication::setApplicationDisplayName(QStringLiteral("Trust Atlas"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/trustatlas.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.trustatlas.TrustAtlas"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    // English first, for its plural forms ("1 node", "3 nodes"); the user's language over it.
    QTranslator english;
    if (english.load(QStringLiteral(":/i18n/trustatlas_en.qm")))
        QApplication::installTranslator(&english);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("trustatlas"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Design and audit SPIFFE workload identity."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("file"),
        QApplication::translate("main", "The workspace to open; the demo workspace by default."));
    parser.process(app);

    ta::app::Settings settings;
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    ta::app::MainWindow window(settings, dataDir);
    window.show();
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        window.controller()->openDemoInBackground(dataDir);
    else
        window.controller()->open(files.first());
    return app.exec();
}
