// SPDX-License-Identifier: Apache-2.0
// Verbs that issue from a workspace: svid x509, svid jwt, bundle export.
#include "app/cli/SvidCommands.h"
#include "core/FrontEndErrors.h"

#include "app/cli/CliSupport.h"
#include "core/crypto/CertificateRequest.h"
#include "core/store/CredentialIssuer.h"

#include <QDir>
#include <QJsonArray>

namespace ta::cli {
namespace {

void addTtlOption(QCommandLineParser &parser, const char *defaultText)
{
    parser.addOption(
        {QStringLiteral("ttl"),
         QStringLiteral("Lifetime, e.g. 90s, 5m, 1h (default: the trust domain's, %1).")
             .arg(QString::fromLatin1(defaultText)),
         QStringLiteral("DURATION")});
}

core::Result<qint64> ttlOf(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("ttl")))
        return qint64(0);
    const auto d = parseDuration(parser.value(QStringLiteral("ttl")));
    if (!d)
        return core::makeError(core::ec::CliBadDuration, parser.value(QStringLiteral("ttl")));
    return *d;
}

core::Result<core::SpiffeId> spiffeIdOf(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("spiffe-id")))
        return core::makeError(core::ec::CliMissingOption, QStringLiteral("--spiffe-id"));
    return core::SpiffeId::fromString(parser.value(QStringLiteral("spiffe-id")));
}

} // namespace

int svidX509(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("spiffe-id"), QStringLiteral("The SVID's SPIFFE ID."),
                      QStringLiteral("ID")});
    addTtlOption(parser, "1h");
    parser.addOption({QStringLiteral("dns"), QStringLiteral("A DNS name (repeatable)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Folder for svid.pem, key.pem, bundle.pem."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("csr"),
                      QStringLiteral("Take the public key from this PKCS#10 request."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("public-key"), QStringLiteral("Take this public key (PEM)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("key-type"),
                      QStringLiteral("Type of a generated key (ec-p256)."), QStringLiteral("TYPE"),
                      QStringLiteral("ec-p256")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Issue an X509-SVID."), args, 1, 1))
        return *stop;
    auto id = spiffeIdOf(parser);
    if (!id)
        return badInput(id.error());
    auto ttl = ttlOf(parser);
    if (!ttl)
        return badInput(ttl.error());
    if (!parser.isSet(QStringLiteral("out")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--out is required"));
    const QDir out(parser.value(QStringLiteral("out")));
    if (!out.exists() && !QDir().mkpath(out.path()))
        return badInput(core::ec::CliUnwritableFile,
                        QStringLiteral("cannot create %1").arg(out.path()));

    core::X509IssueRequest req;
    req.trustDomain = id->trustDomain().name();
    req.spiffeId = id->toString();
    req.dnsNames = parser.values(QStringLiteral("dns"));
    req.ttl = *ttl;
    const auto keyType = core::keyTypeFromName(parser.value(QStringLiteral("key-type")));
    if (!keyType)
        return badInput(core::ec::CliUnknownKeyType,
                        QStringLiteral("'%1'").arg(parser.value(QStringLiteral("key-type"))));
    req.keyType = *keyType;
    if (parser.isSet(QStringLiteral("csr")) && parser.isSet(QStringLiteral("public-key")))
        return badInput(core::ec::CliConflictingOptions,
                        QStringLiteral("give --csr or --public-key, not both"));
    if (parser.isSet(QStringLiteral("csr"))) {
        auto data = readFile(parser.value(QStringLiteral("csr")));
        if (!data)
            return badInput(data.error());
        auto csr = core::CertificateRequest::parse(*data);
        if (!csr)
            return badInput(csr.error());
        req.publicKey = csr->publicKey();
    } else if (parser.isSet(QStringLiteral("public-key"))) {
        auto data = readFile(parser.value(QStringLiteral("public-key")));
        if (!data)
            return badInput(data.error());
        auto key = core::Key::fromPem(*data);
        if (!key)
            return badInput(key.error());
        req.publicKey = key->publicKey();
    }

    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::CredentialIssuer issuer(**ws);
    auto issued = issuer.issueX509(req, QDateTime::currentDateTimeUtc());
    if (!issued)
        return badInput(issued.error());

    QStringList written;
    auto write = [&](const QString &name, const QByteArray &data, bool secret) {
        auto w = writeFile(out.filePath(name), data, secret);
        if (w)
            written << out.filePath(name);
        return w;
    };
    if (auto w =
            write(QStringLiteral("svid.pem"), core::Certificate::listToPem(issued->chain), false);
        !w)
        return badInput(w.error());
    if (!issued->privateKey.isNull()) {
        if (auto w = write(QStringLiteral("key.pem"), issued->privateKey.privatePkcs8Pem(), true);
            !w)
            return badInput(w.error());
    }
    if (auto w = write(QStringLiteral("bundle.pem"), core::Certificate::listToPem(issued->bundle),
                       false);
        !w)
        return badInput(w.error());

    const core::CredentialRecord &r = issued->record;
    if (parser.isSet(QStringLiteral("json"))) {
        printJson({{QStringLiteral("spiffe_id"), r.spiffeId},
                   {QStringLiteral("serial"), r.serial},
                   {QStringLiteral("not_before"), r.notBefore.toString(Qt::ISODate)},
                   {QStringLiteral("not_after"), r.notAfter.toString(Qt::ISODate)},
                   {QStringLiteral("authority_id"), r.authorityId},
                   {QStringLiteral("files"), QJsonArray::fromStringList(written)}});
    } else {
        print(QStringLiteral("Issued %1 (serial %2, valid until %3)\n")
                  .arg(r.spiffeId, r.serial, r.notAfter.toString(Qt::ISODate)));
    }
    return Success;
}

int svidJwt(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption({QStringLiteral("spiffe-id"), QStringLiteral("The token's subject."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("audience"), QStringLiteral("An audience (repeatable)."),
                      QStringLiteral("AUD")});
    addTtlOption(parser, "5m");
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Issue a JWT-SVID and print it."), args, 1, 1))
        return *stop;
    auto id = spiffeIdOf(parser);
    if (!id)
        return badInput(id.error());
    auto ttl = ttlOf(parser);
    if (!ttl)
        return badInput(ttl.error());
    if (parser.values(QStringLiteral("audience")).isEmpty())
        return badInput(core::ec::CliMissingOption, QStringLiteral("--audience is required"));
    core::JwtIssueRequest req;
    req.trustDomain = id->trustDomain().name();
    req.spiffeId = id->toString();
    req.audience = parser.values(QStringLiteral("audience"));
    req.ttl = *ttl;
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::CredentialIssuer issuer(**ws);
    auto issued = issuer.issueJwt(req, QDateTime::currentDateTimeUtc());
    if (!issued)
        return badInput(issued.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson({{QStringLiteral("token"), QString::fromLatin1(issued->svid.token())},
                   {QStringLiteral("spiffe_id"), issued->record.spiffeId},
                   {QStringLiteral("expiry"), issued->svid.expiry().toString(Qt::ISODate)},
                   {QStringLiteral("kid"), issued->svid.keyId()}});
    else
        print(QString::fromLatin1(issued->svid.token()) + QLatin1Char('\n'));
    return Success;
}

int bundleExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {QStringLiteral("td"), QStringLiteral("Trust domain."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("spiffe (JWKS, default) or pem."),
                      QStringLiteral("FORMAT"), QStringLiteral("spiffe")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
                      QStringLiteral("FILE")});
    addPassphraseOption(parser);
    if (auto stop =
            parseArgs(parser, QStringLiteral("Export a trust domain's bundle."), args, 1, 1))
        return *stop;
    if (!parser.isSet(QStringLiteral("td")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--td is required"));
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("spiffe") && format != QLatin1String("pem"))
        return badInput(core::ec::CliBadValue, QStringLiteral("--format must be spiffe or pem"));
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    auto bundle = (*ws)->bundle(parser.value(QStringLiteral("td")));
    if (!bundle)
        return badInput(bundle.error());
    const QByteArray data = format == QLatin1String("pem") ? bundle->toPem() : bundle->toJwks();
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto w = writeFile(parser.value(QStringLiteral("out")), data, false); !w)
            return badInput(w.error());
    } else {
        print(QString::fromUtf8(data));
    }
    return Success;
}

} // namespace ta::cli
