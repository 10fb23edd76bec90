// SPDX-License-Identifier: Apache-2.0
// Verbs that make and change workspaces: workspace init, td create, td list, ca ...
#include "app/cli/WorkspaceCommands.h"
#include "app/cli/CliSupport.h"

#include "core/attestation/lab/FederatedDemo.h"

#include <QJsonArray>

namespace ta::cli {

int workspaceInit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("The workspace to create."));
    parser.addOption({QStringLiteral("demo"),
                      QStringLiteral("Fill it with the demo trust domains and credentials.")});
    parser.addOption({QStringLiteral("no-passphrase"),
                      QStringLiteral("Store keys in clear (demos and throwaway tests only).")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Create a workspace file."), args, 1, 1))
        return *stop;
    const QString file = parser.positionalArguments().first();
    std::optional<QByteArray> pass;
    if (!parser.isSet(QStringLiteral("no-passphrase"))) {
        auto p = passphrase(parser);
        if (!p)
            return badInput(p.error());
        pass = *p;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("demo"))) {
        if (auto r = core::FederatedDemo::create(file, now, pass); !r)
            return badInput(r.error());
    } else if (auto ws = core::Workspace::create(file, pass); !ws) {
        return badInput(ws.error());
    }
    print(QStringLiteral("Created %1%2\n")
              .arg(file, pass ? QString() : QStringLiteral(" (keys in clear)")));
    return Success;
}

int workspacePassphrase(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    addPassphraseOption(parser);
    parser.addOption({QStringLiteral("new-passphrase-file"),
                      QStringLiteral("Read the new passphrase from FILE (first line); else "
                                     "TRUSTATLAS_NEW_PASSPHRASE, else it is typed twice."),
                      QStringLiteral("FILE")});
    if (auto stop = parseArgs(parser,
                              QStringLiteral("Change the workspace passphrase: every private key "
                                             "is sealed again (AES-256-GCM) in one transaction."),
                              args, 1, 1))
        return *stop;
    const QString file = parser.positionalArguments().first();
    auto ws = openWorkspace(file, parser);
    if (!ws)
        return badInput(ws.error());
    auto pass = newPassphrase(parser);
    if (!pass)
        return badInput(pass.error());
    const bool wasClear = (*ws)->keysInClear();
    if (auto r = (*ws)->changePassphrase(*pass); !r)
        return badInput(r.error());
    print(wasClear ? QStringLiteral("Protected %1 with a passphrase\n").arg(file)
                   : QStringLiteral("Changed the passphrase of %1\n").arg(file));
    return Success;
}

int tdCreate(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("Trust domain name."));
    parser.addOption(
        {QStringLiteral("key"),
         QStringLiteral("CA key type: ec-p256 (default), ec-p384, rsa-2048, rsa-4096."),
         QStringLiteral("TYPE"), QStringLiteral("ec-p256")});
    parser.addOption({QStringLiteral("intermediate"),
                      QStringLiteral("Sign SVIDs with intermediates under one published root.")});
    parser.addOption({QStringLiteral("ca-ttl"), QStringLiteral("Lifetime of each authority."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("x509-ttl"),
                      QStringLiteral("Default X509-SVID lifetime (1h)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("jwt-ttl"), QStringLiteral("Default JWT-SVID lifetime (5m)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    addPassphraseOption(parser);
    if (auto stop =
            parseArgs(parser, QStringLiteral("Create a trust domain with its CA."), args, 2, 2))
        return *stop;
    core::CaSettings settings;
    const auto keyType = core::keyTypeFromName(parser.value(QStringLiteral("key")));
    if (!keyType)
        return badInput(core::ec::CliUnknownKeyType,
                        QStringLiteral("'%1'").arg(parser.value(QStringLiteral("key"))));
    settings.keyType = *keyType;
    settings.intermediate = parser.isSet(QStringLiteral("intermediate"));
    for (auto [option, target] :
         {std::pair{"ca-ttl", &settings.caTtl}, std::pair{"x509-ttl", &settings.x509SvidTtl},
          std::pair{"jwt-ttl", &settings.jwtSvidTtl}}) {
        const QString name = QString::fromLatin1(option);
        if (!parser.isSet(name))
            continue;
        const auto d = parseDuration(parser.value(name));
        if (!d)
            return badInput(core::ec::CliBadDuration,
                            QStringLiteral("--%1: '%2'").arg(name, parser.value(name)));
        *target = *d;
    }
    auto td = core::TrustDomain::fromName(parser.positionalArguments().at(1));
    if (!td)
        return badInput(td.error());
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    auto ca = (*ws)->createTrustDomain(*td, settings, QDateTime::currentDateTimeUtc());
    if (!ca)
        return badInput(ca.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray slots;
        for (const core::AuthoritySlot &s : ca->slots())
            slots.append(QJsonObject{{QStringLiteral("id"), s.id},
                                     {QStringLiteral("kind"), core::authorityKindName(s.kind)},
                                     {QStringLiteral("status"), core::slotStatusName(s.status)}});
        printJson({{QStringLiteral("trust_domain"), td->name()},
                   {QStringLiteral("key_type"), core::keyTypeName(settings.keyType)},
                   {QStringLiteral("authorities"), slots}});
    } else {
        print(QStringLiteral("Created trust domain %1 (%2)\n")
                  .arg(td->name(), core::keyTypeName(settings.keyType)));
    }
    return Success;
}

int tdList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("List trust domains."), args, 1, 1))
        return *stop;
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    QJsonArray list;
    QString text;
    for (const QString &name : (*ws)->trustDomainNames()) {
        auto info = (*ws)->trustDomainInfo(name);
        if (!info)
            return badInput(info.error());
        list.append(
            QJsonObject{{QStringLiteral("name"), name},
                        {QStringLiteral("key_type"), core::keyTypeName(info->settings.keyType)},
                        {QStringLiteral("bundle_sequence"), info->bundleSequence}});
        text += QStringLiteral("%1\t%2\tsequence %3\n")
                    .arg(name, core::keyTypeName(info->settings.keyType))
                    .arg(info->bundleSequence);
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("trust_domains"), list}});
    else
        print(text);
    return Success;
}

namespace {

enum class CaVerb { Prepare, Activate, Taint, Revoke };

int caCommand(const QStringList &args, CaVerb verb)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {QStringLiteral("td"), QStringLiteral("Trust domain."), QStringLiteral("NAME")});
    const bool byKind = verb == CaVerb::Prepare || verb == CaVerb::Activate;
    if (byKind)
        parser.addOption({QStringLiteral("kind"), QStringLiteral("x509 (default) or jwt."),
                          QStringLiteral("KIND"), QStringLiteral("x509")});
    else
        parser.addOption(
            {QStringLiteral("authority"), QStringLiteral("Authority ID."), QStringLiteral("ID")});
    addPassphraseOption(parser);
    static const char *const descriptions[] = {
        "Prepare a new authority: published in the bundle, not yet signing.",
        "Activate the prepared authority; the active one becomes old.",
        "Taint an old authority: what it signed must be re-issued.",
        "Revoke a tainted authority: remove it from the bundle."};
    if (auto stop = parseArgs(parser, QString::fromLatin1(descriptions[int(verb)]), args, 1, 1))
        return *stop;
    if (!parser.isSet(QStringLiteral("td")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--td is required"));
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    auto ca = (*ws)->authority(parser.value(QStringLiteral("td")));
    if (!ca)
        return badInput(ca.error());
    core::Result<void> done;
    QString subject;
    if (byKind) {
        const auto kind = core::authorityKindFromName(parser.value(QStringLiteral("kind")));
        if (!kind)
            return badInput(core::ec::CliBadValue, QStringLiteral("--kind must be x509 or jwt"));
        if (verb == CaVerb::Prepare) {
            auto id = ca->prepare(*kind, QDateTime::currentDateTimeUtc());
            done = id ? core::Result<void>() : core::Result<void>(id.error());
            subject = id ? *id : QString();
        } else {
            done = ca->activate(*kind);
            if (done)
                subject = ca->activeSlot(*kind)->id;
        }
    } else {
        subject = parser.value(QStringLiteral("authority"));
        if (subject.isEmpty())
            return badInput(core::ec::CliMissingOption, QStringLiteral("--authority is required"));
        done = verb == CaVerb::Taint ? ca->taint(subject) : ca->revoke(subject);
    }
    if (!done)
        return badInput(done.error());
    if (auto s = (*ws)->saveAuthority(*ca); !s)
        return badInput(s.error());
    print(subject + QLatin1Char('\n'));
    return Success;
}

} // namespace

int caPrepare(const QStringList &args)
{
    return caCommand(args, CaVerb::Prepare);
}
int caActivate(const QStringList &args)
{
    return caCommand(args, CaVerb::Activate);
}
int caTaint(const QStringList &args)
{
    return caCommand(args, CaVerb::Taint);
}
int caRevoke(const QStringList &args)
{
    return caCommand(args, CaVerb::Revoke);
}

} // namespace ta::cli
