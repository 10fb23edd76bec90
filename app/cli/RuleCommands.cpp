// SPDX-License-Identifier: Apache-2.0
// Verbs over the workspace's versioned rules: import spire-entries, export spire-entries.
#include "app/cli/RuleCommands.h"

#include "app/cli/CliSupport.h"
#include "core/store/RuleStore.h"

#include <QHash>

namespace ta::cli {

int importSpireEntries(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addPositionalArgument(
        QStringLiteral("ENTRIES"),
        QStringLiteral("JSON of 'spire-server entry show -output json', or "
                       "a file for 'spire-server entry create -data'."));
    parser.addOption({QStringLiteral("replace"),
                      QStringLiteral("Replace all entries instead of merging by entry ID.")});
    parser.addOption({QStringLiteral("comment"), QStringLiteral("Note kept with the new version."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser,
                              QStringLiteral("Import SPIRE registration entries as a new "
                                             "version of the workspace's entries."),
                              args, 2, 2))
        return *stop;
    auto data = readJsonFile(parser.positionalArguments().at(1));
    if (!data)
        return badInput(data.error());
    auto incoming = core::RegistrationEntry::listFromJson(*data);
    if (!incoming)
        return badInput(incoming.error());
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    QList<core::RegistrationEntry> merged;
    int added = 0;
    int updated = 0;
    if (!parser.isSet(QStringLiteral("replace"))) {
        auto current = rules.entries();
        if (!current)
            return badInput(current.error());
        merged = *current;
    }
    QHash<QString, qsizetype> byId;
    for (qsizetype i = 0; i < merged.size(); ++i)
        byId.insert(merged[i].id, i);
    for (const core::RegistrationEntry &e : *incoming) {
        if (!e.id.isEmpty() && byId.contains(e.id)) {
            merged[byId.value(e.id)] = e;
            ++updated;
        } else {
            merged.append(e);
            ++added;
        }
    }
    const QString comment =
        parser.isSet(QStringLiteral("comment"))
            ? parser.value(QStringLiteral("comment"))
            : QStringLiteral("import %1").arg(parser.positionalArguments().at(1));
    auto version = rules.saveEntries(merged, comment, QDateTime::currentDateTimeUtc());
    if (!version)
        return badInput(version.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("version"), *version},
                   {QStringLiteral("added"), added},
                   {QStringLiteral("updated"), updated},
                   {QStringLiteral("total"), int(merged.size())}});
    else
        print(QStringLiteral("Entries version %1: %2 added, %3 updated, %4 in all\n")
                  .arg(*version)
                  .arg(added)
                  .arg(updated)
                  .arg(merged.size()));
    return Success;
}

int exportSpireEntries(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("version"),
                      QStringLiteral("Export this version (default latest)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
                      QStringLiteral("FILE")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser,
                              QStringLiteral("Export registration entries as "
                                             "'spire-server entry show -output json' does."),
                              args, 1, 1))
        return *stop;
    int version = 0;
    if (parser.isSet(QStringLiteral("version"))) {
        bool ok = false;
        version = parser.value(QStringLiteral("version")).toInt(&ok);
        if (!ok || version <= 0)
            return badInput(core::ec::CliBadVersion,
                            QStringLiteral("--version takes a positive number"));
    }
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::RuleStore rules((*ws)->database());
    auto entries = rules.entries(version);
    if (!entries)
        return badInput(entries.error());
    const QByteArray json = core::RegistrationEntry::listToJson(*entries);
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto w = writeFile(parser.value(QStringLiteral("out")), json, false); !w)
            return badInput(w.error());
    } else {
        print(QString::fromUtf8(json));
    }
    return Success;
}

} // namespace ta::cli
