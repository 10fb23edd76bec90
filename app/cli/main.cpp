// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliSupport.h"
#include "app/cli/ReportCommands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>

using namespace ta::cli;

namespace {

QString usage()
{
    QString text = QStringLiteral("Usage: trustatlas-cli VERB [options]\n\nVerbs:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n")
                    .arg(c.words.join(QLatin1Char(' ')).leftJustified(20), c.summary);
    text += QStringLiteral("\nEach verb takes --help. Exit status: 0 success or accepted, "
                           "1 refused or failed check, 2 bad usage or input.\n");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    // Only `report --format pdf` lays text out with QtGui's fonts; every other verb runs without
    // a GUI application, so it needs no platform plugin at all.
    std::unique_ptr<QCoreApplication> app;
    if (reportNeedsGui(argc, argv)) {
        useOffscreenPlatform();
        // Setting up a platform says things (no XDG_RUNTIME_DIR, ...) that are noise for a
        // program that shows no window and keeps its stderr to one line on error.
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &, const QString &message) {
                if (type == QtCriticalMsg || type == QtFatalMsg)
                    std::fprintf(stderr, "%s\n", qPrintable(message));
            });
        app = std::make_unique<QGuiApplication>(argc, argv);
        qInstallMessageHandler(previous);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("trustatlas-cli"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1) == QLatin1String("--help") ||
        args.at(1) == QLatin1String("-h")) {
        print(usage());
        if (args.size() < 2)
            return badInput(ta::core::ec::CliMissingArgument, QStringLiteral("give a verb"));
        return Success;
    }
    for (const Command &c : commands()) {
        if (args.size() <= c.words.size() || args.mid(1, c.words.size()) != c.words)
            continue;
        QStringList verbArgs{args.first() + QLatin1Char(' ') + c.words.join(QLatin1Char(' '))};
        verbArgs += args.mid(1 + c.words.size());
        return c.run(verbArgs);
    }
    return badInput(
        ta::core::ec::CliUnknownVerb,
        QStringLiteral("unknown verb '%1'; see --help").arg(args.mid(1, 2).join(QLatin1Char(' '))));
}
