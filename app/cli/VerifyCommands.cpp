// SPDX-License-Identifier: Apache-2.0
// Verbs that validate SVIDs against a bundle file: verify x509, verify jwt. They need no
// workspace: an auditor checks what a peer would accept.
#include "app/cli/VerifyCommands.h"
#include "core/FrontEndErrors.h"

#include "app/cli/CliSupport.h"
#include "core/JsonInput.h"
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/X509SvidValidator.h"

#include <QJsonArray>

namespace ta::cli {
namespace {

void addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("bundle"), QStringLiteral("SPIFFE bundle (JWKS) or PEM file."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("td"), QStringLiteral("The bundle's trust domain."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("at"),
                      QStringLiteral("Validate at this RFC 3339 instant (default now)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the verdict as JSON.")});
}

struct Common
{
    core::TrustBundle bundle;
    QDateTime at;
};

core::Result<Common> readCommon(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("bundle")) || !parser.isSet(QStringLiteral("td")))
        return core::makeError(core::ec::CliMissingOption,
                               QStringLiteral("--bundle and --td are required"));
    auto td = core::TrustDomain::fromName(parser.value(QStringLiteral("td")));
    if (!td)
        return td.error();
    auto data = readFile(parser.value(QStringLiteral("bundle")));
    if (!data)
        return data.error();
    // A SPIFFE bundle is a JSON object; anything else is read as PEM.
    const bool json = data->trimmed().startsWith('{');
    if (json) {
        if (auto r = core::JsonInput::check(*data); !r)
            return core::makeError(r.error().code, parser.value(QStringLiteral("bundle")) +
                                                       QStringLiteral(": ") + r.error().detail);
    }
    auto bundle =
        json ? core::TrustBundle::fromJwks(*td, *data) : core::TrustBundle::fromPem(*td, *data);
    if (!bundle)
        return bundle.error();
    Common c{*bundle, QDateTime::currentDateTimeUtc()};
    if (parser.isSet(QStringLiteral("at"))) {
        const auto at = parseInstant(parser.value(QStringLiteral("at")));
        if (!at)
            return core::makeError(core::ec::CliBadTime, parser.value(QStringLiteral("at")));
        c.at = *at;
    }
    return c;
}

int refused(const QCommandLineParser &parser, const core::Error &error)
{
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("valid"), false},
                   {QStringLiteral("error"), error.code},
                   {QStringLiteral("detail"), error.detail}});
    else
        print(QStringLiteral("REFUSED %1\n").arg(error.toString()));
    return Refused;
}

} // namespace

int verifyX509(const QStringList &args)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("chain"),
                      QStringLiteral("The SVID: leaf then intermediates, PEM."),
                      QStringLiteral("FILE")});
    if (auto stop = parseArgs(parser, QStringLiteral("Validate an X509-SVID against a bundle."),
                              args, 0, 0))
        return *stop;
    auto common = readCommon(parser);
    if (!common)
        return badInput(common.error());
    if (!parser.isSet(QStringLiteral("chain")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--chain is required"));
    auto data = readFile(parser.value(QStringLiteral("chain")));
    if (!data)
        return badInput(data.error());
    auto chain = core::Certificate::listFromPem(*data);
    if (!chain)
        return badInput(chain.error());
    auto verdict = core::X509SvidValidator::validate(*chain, common->bundle.trustDomain(),
                                                     common->bundle.x509Authorities(), common->at);
    if (!verdict)
        return refused(parser, verdict.error());
    const core::Certificate &leaf = chain->first();
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("valid"), true},
                   {QStringLiteral("spiffe_id"), verdict->id.toString()},
                   {QStringLiteral("serial"), leaf.serialHex()},
                   {QStringLiteral("not_after"), leaf.notAfter().toString(Qt::ISODate)},
                   {QStringLiteral("path_length"), int(verdict->path.size())}});
    else
        print(QStringLiteral("OK %1\n").arg(verdict->id.toString()));
    return Success;
}

int verifyJwt(const QStringList &args)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addOption({QStringLiteral("audience"), QStringLiteral("The audience expected."),
                      QStringLiteral("AUD")});
    parser.addPositionalArgument(QStringLiteral("TOKEN"),
                                 QStringLiteral("The JWT-SVID, or - for stdin."));
    if (auto stop =
            parseArgs(parser, QStringLiteral("Validate a JWT-SVID against a bundle."), args, 1, 1))
        return *stop;
    auto common = readCommon(parser);
    if (!common)
        return badInput(common.error());
    if (!parser.isSet(QStringLiteral("audience")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--audience is required"));
    QByteArray token = parser.positionalArguments().first().toUtf8();
    if (token == "-") {
        auto data = readFile(QStringLiteral("-"));
        if (!data)
            return badInput(data.error());
        token = data->trimmed();
    }
    auto verdict = core::JwtSvid::validate(token, common->bundle,
                                           parser.value(QStringLiteral("audience")), common->at);
    if (!verdict)
        return refused(parser, verdict.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("valid"), true},
                   {QStringLiteral("spiffe_id"), verdict->subject().toString()},
                   {QStringLiteral("audience"), QJsonArray::fromStringList(verdict->audience())},
                   {QStringLiteral("expiry"), verdict->expiry().toString(Qt::ISODate)},
                   {QStringLiteral("kid"), verdict->keyId()}});
    else
        print(QStringLiteral("OK %1\n").arg(verdict->subject().toString()));
    return Success;
}

} // namespace ta::cli
