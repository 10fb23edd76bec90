// SPDX-License-Identifier: Apache-2.0
// The audit report verb: the same report as the app's File > Export Audit Report.
#include "app/cli/ReportCommands.h"

#include "app/cli/CliSupport.h"
#include "app/cli/KeptResults.h"
#include "core/FrontEndErrors.h"
#include "core/policy/Policy.h"
#include "models/report/AuditReportBuilder.h"
#include "models/report/AuditReportWriter.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace ta::cli {

bool reportNeedsGui(int argc, char **argv)
{
    if (argc < 2 || std::strcmp(argv[1], "report") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format=pdf") == 0 || std::strcmp(argv[i], "-format=pdf") == 0)
            return true;
        if ((std::strcmp(argv[i], "--format") == 0 || std::strcmp(argv[i], "-format") == 0) &&
            i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0)
            return true;
    }
    return false;
}

void useOffscreenPlatform()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

int report(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {QStringLiteral("format"), QStringLiteral("html or pdf."), QStringLiteral("FORMAT")});
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("Where to write."), QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("Judge the graph, findings and expiries at this instant (RFC 3339 or "
                        "'now'; default now)."),
         QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("freshness"),
                      QStringLiteral("How long an accepted attestation holds (default 1h)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("what-if"),
                      QStringLiteral("Add a what-if section: this policy set against the latest "
                                     "policies, over the same evidence."),
                      QStringLiteral("P.json")});
    parser.addOption({QStringLiteral("progress"),
                      QStringLiteral("Say on stderr, one line each, when the report starts to "
                                     "replay the evidence and when it starts to write the file "
                                     "(said on a terminal without asking).")});
    addPassphraseOption(parser);
    addVerifyAllOption(parser);
    if (auto stop = parseArgs(
            parser,
            QStringLiteral(
                "Write the audit report: trust domains and CA slots, federation relationships, "
                "the graph's findings, policies and registration entries with their versions, "
                "the decision summary of a simulation over the workspace's evidence, the graph "
                "picture, and a what-if comparison with --what-if. The file is written whole or "
                "not at all. Exit 0 once written, 2 on bad input."),
            args, 1, 1))
        return *stop;
    const auto format =
        models::AuditReportWriter::formatFromName(parser.value(QStringLiteral("format")));
    if (!format)
        return badInput(
            core::makeError(core::ec::CliBadFormat, QStringLiteral("--format: html or pdf")));
    if (!parser.isSet(QStringLiteral("out")))
        return badInput(core::ec::CliMissingOption,
                        QStringLiteral("--out is required; see --help"));
    const QString out = parser.value(QStringLiteral("out"));
    // Fail before the long work when the report could not be written anyway.
    const QFileInfo target(out);
    const QFileInfo folder(target.absolutePath());
    if (out.isEmpty() || target.isDir() || !folder.isDir() || !folder.isWritable())
        return badInput(core::makeError(
            core::ec::IoUnwritable,
            out + QStringLiteral(": ") +
                (target.isDir() ? QStringLiteral("is a folder")
                                : QStringLiteral("no writable folder %1")
                                      .arg(QDir::toNativeSeparators(folder.filePath())))));
    models::AuditReportOptions options;
    if (parser.isSet(QStringLiteral("at"))) {
        const auto at = parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return badInput(
                core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("at"))));
        options.at = *at;
    }
    if (parser.isSet(QStringLiteral("freshness"))) {
        const auto f = parseDuration(parser.value(QStringLiteral("freshness")));
        if (!f || *f <= 0)
            return badInput(core::makeError(core::ec::CliBadDuration,
                                            parser.value(QStringLiteral("freshness"))));
        options.freshness = *f;
    }
    if (parser.isSet(QStringLiteral("what-if"))) {
        const QString path = parser.value(QStringLiteral("what-if"));
        auto data = readJsonFile(path);
        if (!data)
            return badInput(data.error());
        auto policies = core::Policy::listFromJson(*data);
        if (!policies)
            return badInput(core::makeError(policies.error().code,
                                            path + QStringLiteral(": ") + policies.error().detail));
        options.whatIfPolicies = *policies;
        options.whatIfLabel =
            QStringLiteral("The latest policies against %1.").arg(QFileInfo(path).fileName());
    }
    catchInterrupt();
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    // Attested as `simulate` attests: the results kept in the workspace are read, or kept.
    options.keptResults = openKeptResults(parser, **ws);
    options.keptWork = std::make_shared<core::TimelineReplay::StoredWork>();
    auto builder = models::AuditReportBuilder::prepare(**ws, options);
    if (!builder)
        return badInput(builder.error());
    const bool progress = parser.isSet(QStringLiteral("progress")) || isatty(fileno(stderr));
    auto built = builder->build([] { return interrupted(); },
                                [progress](models::AuditReportBuilder::Step step) {
                                    if (!progress)
                                        return;
                                    std::fputs(step == models::AuditReportBuilder::Step::Replaying
                                                   ? "trustatlas-cli: report: replaying the "
                                                     "evidence\n"
                                                   : "trustatlas-cli: report: laying out the "
                                                     "graph\n",
                                               stderr);
                                });
    if (interrupted())
        return interruptedExit();
    if (!built)
        return badInput(built.error());
    tellWhereResultsCameFrom(*options.keptWork, options.keptResults);
    if (progress)
        std::fprintf(stderr, "trustatlas-cli: report: writing %s\n",
                     QDir::toNativeSeparators(out).toUtf8().constData());
    // A Ctrl+C while the PDF renders leaves the old file, or none, in place.
    if (auto w =
            models::AuditReportWriter::write(*built, *format, out, [] { return interrupted(); });
        !w)
        return interrupted() ? interruptedExit() : badInput(w.error());
    return Success;
}

} // namespace ta::cli
