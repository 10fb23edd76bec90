// SPDX-License-Identifier: Apache-2.0
// Verbs of federation: relationships (add, edit, remove, list, import, export from SPIRE's JSON),
// the bundle endpoint (serve) and the fetch of a peer's bundle (fetch, --watch).
#include "app/cli/FederationCommands.h"

#include "app/cli/CliSupport.h"
#include "core/federation/BundleEndpointServer.h"
#include "core/federation/BundleRefresher.h"
#include "core/federation/EndpointCredentials.h"
#include "core/federation/FederationErrors.h"
#include "core/federation/FederationStore.h"
#include "core/federation/SpireFederationJson.h"
#include "core/store/StoreErrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace ta::cli {
namespace {

const QString kTd = QStringLiteral("td");
const QString kFor = QStringLiteral("for");
const QString kUrl = QStringLiteral("url");
const QString kProfile = QStringLiteral("profile");
const QString kEndpointId = QStringLiteral("endpoint-spiffe-id");
const QString kBundle = QStringLiteral("bundle");
const QString kCaFile = QStringLiteral("ca-file");
const QString kJson = QStringLiteral("json");

void addRelationshipOptions(QCommandLineParser &parser)
{
    parser.addOption({kTd, QStringLiteral("The peer trust domain, whose bundle is fetched."),
                      QStringLiteral("NAME")});
    parser.addOption({kFor,
                      QStringLiteral("The workspace's trust domain the relationship belongs to "
                                     "(default: the only one other than the peer)."),
                      QStringLiteral("NAME")});
}

void addEndpointOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {kUrl, QStringLiteral("The peer's bundle endpoint URL (https)."), QStringLiteral("URL")});
    parser.addOption(
        {kProfile, QStringLiteral("https_web or https_spiffe."), QStringLiteral("PROFILE")});
    parser.addOption({kEndpointId,
                      QStringLiteral("https_spiffe: the endpoint's SPIFFE ID (default "
                                     "spiffe://PEER/spire/server)."),
                      QStringLiteral("ID")});
    parser.addOption({kBundle,
                      QStringLiteral("https_spiffe: the bootstrap bundle (SPIFFE JSON or PEM) of "
                                     "the endpoint's trust domain."),
                      QStringLiteral("FILE")});
    parser.addOption({kCaFile,
                      QStringLiteral("https_web: the CA certificates (PEM) to pin instead of the "
                                     "system's."),
                      QStringLiteral("FILE")});
}

core::Result<core::TrustDomain> peerOf(const QCommandLineParser &parser)
{
    if (!parser.isSet(kTd))
        return core::makeError(core::ec::CliMissingOption, QStringLiteral("--td"));
    return core::TrustDomain::fromName(parser.value(kTd));
}

// The relationship's own trust domain: --for, else the one trust domain that already federates
// with the peer, else the workspace's only trust domain other than the peer.
core::Result<core::TrustDomain> localOf(core::Workspace &ws, const QCommandLineParser &parser,
                                        const core::TrustDomain &peer)
{
    const QStringList names = ws.trustDomainNames();
    if (parser.isSet(kFor)) {
        if (!names.contains(parser.value(kFor)))
            return core::makeError(core::ec::StoreUnknownTrustDomain, parser.value(kFor));
        return core::TrustDomain::fromName(parser.value(kFor));
    }
    core::FederationStore store(ws);
    auto existing = store.relationshipsWith(peer.name());
    if (!existing)
        return existing.error();
    if (existing->size() == 1)
        return existing->first().localTrustDomain;
    QStringList candidates = names;
    candidates.removeAll(peer.name());
    if (candidates.size() != 1)
        return core::makeError(core::ec::FedAmbiguousLocal,
                               candidates.isEmpty()
                                   ? QStringLiteral("the workspace has no trust domain to federate "
                                                    "with %1; create one with td create")
                                         .arg(peer.name())
                                   : QStringLiteral("give --for, one of %1")
                                         .arg(candidates.join(QStringLiteral(", "))));
    return core::TrustDomain::fromName(candidates.first());
}

// The open workspace and the relationship's own trust domain, for the verbs that name one
// relationship by its peer (add, edit, remove).
struct RelationshipTarget
{
    std::unique_ptr<core::Workspace> workspace;
    core::TrustDomain local;
};

core::Result<RelationshipTarget> openTarget(const QCommandLineParser &parser,
                                            const core::TrustDomain &peer)
{
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return ws.error();
    auto local = localOf(**ws, parser, peer);
    if (!local)
        return local.error();
    return RelationshipTarget{std::move(*ws), *local};
}

// Applies the endpoint options given on the command line to @p r.
core::Result<void> applyEndpointOptions(const QCommandLineParser &parser,
                                        core::FederationRelationship &r)
{
    if (parser.isSet(kUrl))
        r.bundleEndpointUrl = QUrl(parser.value(kUrl), QUrl::StrictMode);
    if (parser.isSet(kProfile)) {
        auto profile = core::bundleEndpointProfileFromName(parser.value(kProfile));
        if (!profile)
            return profile.error();
        r.profile = *profile;
    }
    if (parser.isSet(kEndpointId)) {
        auto id = core::SpiffeId::fromString(parser.value(kEndpointId));
        if (!id)
            return id.error();
        r.endpointSpiffeId = *id;
    }
    if (r.profile == core::BundleEndpointProfile::HttpsSpiffe && r.endpointSpiffeId.isNull())
        r.endpointSpiffeId =
            core::FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
    if (r.profile == core::BundleEndpointProfile::HttpsWeb)
        r.endpointSpiffeId = core::SpiffeId();
    if (parser.isSet(kBundle)) {
        auto data = readFile(parser.value(kBundle));
        if (!data)
            return data.error();
        r.bootstrapBundle = *data;
    }
    if (parser.isSet(kCaFile)) {
        auto data = readFile(parser.value(kCaFile));
        if (!data)
            return data.error();
        auto cas = core::Certificate::listFromPem(*data);
        if (!cas)
            return cas.error();
        r.pinnedCaPem = *data;
    }
    return r.validate();
}

QJsonObject relationshipJson(core::FederationStore &store, const core::FederationRelationship &r)
{
    QJsonObject o{
        {QStringLiteral("trust_domain"), r.localTrustDomain.name()},
        {QStringLiteral("peer"), r.peerTrustDomain.name()},
        {QStringLiteral("bundle_endpoint_url"), r.bundleEndpointUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("profile"), core::bundleEndpointProfileName(r.profile)},
        {QStringLiteral("bootstrap_bundle"), !r.bootstrapBundle.isEmpty()},
        {QStringLiteral("pinned_ca"), !r.pinnedCaPem.isEmpty()},
        {QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODate)}};
    if (!r.endpointSpiffeId.isNull())
        o.insert(QStringLiteral("endpoint_spiffe_id"), r.endpointSpiffeId.toString());
    if (r.lastFetchedAt.isValid())
        o.insert(QStringLiteral("last_fetched_at"), r.lastFetchedAt.toString(Qt::ISODate));
    auto history = store.bundleHistory(r.id);
    if (history && !history->isEmpty()) {
        const core::FetchedBundle &latest = history->last();
        o.insert(QStringLiteral("sequence"), qint64(latest.sequence));
        o.insert(QStringLiteral("fetched_bundles"), qint64(history->size()));
        const qint64 hint =
            latest.refreshHint.value_or(core::BundleRefresher::kDefaultRefreshSeconds);
        o.insert(QStringLiteral("refresh_hint"), hint);
        const QDateTime next =
            (r.lastFetchedAt.isValid() ? r.lastFetchedAt : latest.fetchedAt).addSecs(hint);
        o.insert(QStringLiteral("next_fetch_at"), next.toString(Qt::ISODate));
    } else {
        o.insert(QStringLiteral("fetched_bundles"), 0);
    }
    return o;
}

int refusedFetch(const QCommandLineParser &parser, const core::Error &error)
{
    if (parser.isSet(kJson))
        printJson({{QStringLiteral("fetched"), false},
                   {QStringLiteral("error"), error.code},
                   {QStringLiteral("detail"), error.detail}});
    std::fprintf(stderr, "trustatlas-cli: error: %s: %s\n", error.code.toUtf8().constData(),
                 error.detail.simplified().toUtf8().constData());
    return Refused;
}

} // namespace

int federationAdd(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    addRelationshipOptions(parser);
    addEndpointOptions(parser);
    parser.addOption({kJson, QStringLiteral("Print the relationship as JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Add a federation relationship with a peer."),
                              args, 1, 1))
        return *stop;
    auto peer = peerOf(parser);
    if (!peer)
        return badInput(peer.error());
    if (!parser.isSet(kUrl) || !parser.isSet(kProfile))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--url and --profile"));
    auto target = openTarget(parser, *peer);
    if (!target)
        return badInput(target.error());
    core::Workspace &workspace = *target->workspace;
    const core::TrustDomain &local = target->local;
    core::FederationRelationship r;
    r.localTrustDomain = local;
    r.peerTrustDomain = *peer;
    if (auto a = applyEndpointOptions(parser, r); !a)
        return badInput(a.error());
    core::FederationStore store(workspace);
    auto id = store.add(r, QDateTime::currentDateTimeUtc());
    if (!id)
        return badInput(id.error());
    auto stored = store.relationship(local.name(), peer->name());
    if (!stored)
        return badInput(stored.error());
    if (parser.isSet(kJson))
        printJson(relationshipJson(store, *stored));
    else
        print(QStringLiteral("%1 federates with %2 (%3)\n")
                  .arg(local.name(), peer->name(), core::bundleEndpointProfileName(r.profile)));
    return Success;
}

int federationEdit(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    addRelationshipOptions(parser);
    addEndpointOptions(parser);
    parser.addOption({kJson, QStringLiteral("Print the relationship as JSON.")});
    addPassphraseOption(parser);
    if (auto stop =
            parseArgs(parser, QStringLiteral("Change a federation relationship."), args, 1, 1))
        return *stop;
    auto peer = peerOf(parser);
    if (!peer)
        return badInput(peer.error());
    auto target = openTarget(parser, *peer);
    if (!target)
        return badInput(target.error());
    core::Workspace &workspace = *target->workspace;
    const core::TrustDomain &local = target->local;
    core::FederationStore store(workspace);
    auto r = store.relationship(local.name(), peer->name());
    if (!r)
        return badInput(r.error());
    if (auto a = applyEndpointOptions(parser, *r); !a)
        return badInput(a.error());
    if (auto u = store.update(*r); !u)
        return badInput(u.error());
    if (parser.isSet(kJson))
        printJson(relationshipJson(store, store.relationship(local.name(), peer->name()).value()));
    return Success;
}

int federationRemove(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    addRelationshipOptions(parser);
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser,
                              QStringLiteral("Remove a federation relationship and its fetched "
                                             "bundles."),
                              args, 1, 1))
        return *stop;
    auto peer = peerOf(parser);
    if (!peer)
        return badInput(peer.error());
    auto target = openTarget(parser, *peer);
    if (!target)
        return badInput(target.error());
    core::Workspace &workspace = *target->workspace;
    const core::TrustDomain &local = target->local;
    core::FederationStore store(workspace);
    if (auto r = store.remove(local.name(), peer->name()); !r)
        return badInput(r.error());
    return Success;
}

int federationList(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {kFor, QStringLiteral("Only this trust domain's relationships."), QStringLiteral("NAME")});
    parser.addOption({kJson, QStringLiteral("Print JSON.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("List federation relationships."), args, 1, 1))
        return *stop;
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::FederationStore store(**ws);
    auto all = store.relationships(parser.value(kFor));
    if (!all)
        return badInput(all.error());
    QJsonArray list;
    for (const core::FederationRelationship &r : *all)
        list.append(relationshipJson(store, r));
    if (parser.isSet(kJson)) {
        printJson({{QStringLiteral("relationships"), list}});
        return Success;
    }
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        print(QStringLiteral("%1 -> %2  %3  %4  sequence %5\n")
                  .arg(o.value(QLatin1String("trust_domain")).toString(),
                       o.value(QLatin1String("peer")).toString(),
                       o.value(QLatin1String("profile")).toString(),
                       o.value(QLatin1String("bundle_endpoint_url")).toString(),
                       o.contains(QLatin1String("sequence"))
                           ? QString::number(o.value(QLatin1String("sequence")).toInteger())
                           : QStringLiteral("-")));
    }
    return Success;
}

int federationImport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addPositionalArgument(
        QStringLiteral("JSON"),
        QStringLiteral("`spire-server federation list -output json`, or the "
                       "server configuration's federates_with as JSON."));
    parser.addOption({kFor, QStringLiteral("The trust domain the relationships belong to."),
                      QStringLiteral("NAME")});
    parser.addOption({kJson, QStringLiteral("Print a summary as JSON.")});
    addPassphraseOption(parser);
    if (auto stop =
            parseArgs(parser, QStringLiteral("Import SPIRE federation relationships."), args, 2, 2))
        return *stop;
    auto data = readJsonFile(parser.positionalArguments().at(1));
    if (!data)
        return badInput(data.error());
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    QStringList names = (*ws)->trustDomainNames();
    if (!parser.isSet(kFor) && names.size() != 1)
        return badInput(
            core::ec::FedAmbiguousLocal,
            QStringLiteral("give --for, one of %1").arg(names.join(QStringLiteral(", "))));
    const QString localName = parser.isSet(kFor) ? parser.value(kFor) : names.first();
    if (!names.contains(localName))
        return badInput(core::ec::StoreUnknownTrustDomain, localName);
    auto entries =
        core::SpireFederationJson::read(core::TrustDomain::fromName(localName).value(), *data);
    if (!entries)
        return badInput(entries.error());
    core::FederationStore store(**ws);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QPair<core::FederationRelationship, core::TrustBundle>> items;
    qint64 bundles = 0;
    for (const core::SpireFederationEntry &e : *entries) {
        items.append({e.relationship, e.bundle});
        bundles += e.bundle.isNull() ? 0 : 1;
    }
    const qint64 added = items.size();
    // All or nothing: a refused entry leaves the workspace as it was.
    auto done = store.addAll(items, now);
    if (!done)
        return badInput(done.error());
    if (parser.isSet(kJson))
        printJson({{QStringLiteral("relationships"), added}, {QStringLiteral("bundles"), bundles}});
    return Success;
}

int federationExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {kFor, QStringLiteral("Only this trust domain's relationships."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("spire-list (federation list -output json) or spire-config "
                                     "(federates_with)."),
                      QStringLiteral("FORMAT"), QStringLiteral("spire-list")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Write here instead of stdout."),
                      QStringLiteral("FILE")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(
            parser, QStringLiteral("Export federation relationships as SPIRE's JSON."), args, 1, 1))
        return *stop;
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("spire-list") && format != QLatin1String("spire-config"))
        return badInput(core::ec::CliBadFormat, format);
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::FederationStore store(**ws);
    auto all = store.relationships(parser.value(kFor));
    if (!all)
        return badInput(all.error());
    QByteArray out;
    if (format == QLatin1String("spire-config")) {
        out = core::SpireFederationJson::writeConfig(*all);
    } else {
        QList<core::SpireFederationEntry> entries;
        for (const core::FederationRelationship &r : *all) {
            core::SpireFederationEntry e;
            e.relationship = r;
            auto latest = store.latestBundle(r.id);
            if (!latest)
                return badInput(latest.error());
            if (*latest) {
                auto b = core::TrustBundle::fromJwks(r.peerTrustDomain, (*latest)->json);
                if (!b)
                    return badInput(b.error());
                e.bundle = *b;
            }
            entries << e;
        }
        out = core::SpireFederationJson::writeList(entries);
    }
    if (parser.isSet(QStringLiteral("out"))) {
        if (auto w = writeFile(parser.value(QStringLiteral("out")), out, false); !w)
            return badInput(w.error());
        return Success;
    }
    print(QString::fromUtf8(out));
    return Success;
}

int federationServe(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    parser.addOption(
        {kTd, QStringLiteral("The trust domain whose bundle is served."), QStringLiteral("NAME")});
    parser.addOption(
        {kProfile, QStringLiteral("https_web or https_spiffe."), QStringLiteral("PROFILE")});
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address and port (port 0: any free)."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("spiffe-id"),
                      QStringLiteral("https_spiffe: the endpoint's SPIFFE ID (default "
                                     "spiffe://NAME/spire/server)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("cert"),
                      QStringLiteral("https_web: the certificate chain (PEM, leaf first)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("key"), QStringLiteral("https_web: its private key (PEM)."),
                      QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("ttl"),
         QStringLiteral("https_spiffe: the endpoint SVID's lifetime (default: the trust "
                        "domain's); renewed at half of it."),
         QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("refresh-hint"),
                      QStringLiteral("Set the trust domain's bundle refresh hint first (stored)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("max-requests"),
                      QStringLiteral("Stop after answering this many requests."),
                      QStringLiteral("N")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Serve a trust domain's bundle endpoint."),
                              args, 1, 1))
        return *stop;
    auto name = peerOf(parser);
    if (!name)
        return badInput(name.error());
    if (!parser.isSet(kProfile) || !parser.isSet(QStringLiteral("listen")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--profile and --listen"));
    auto profile = core::bundleEndpointProfileFromName(parser.value(kProfile));
    if (!profile)
        return badInput(profile.error());
    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    QString hostText = listen.left(colon);
    if (hostText.startsWith(QLatin1Char('[')) && hostText.endsWith(QLatin1Char(']')))
        hostText = hostText.mid(1, hostText.size() - 2);
    const QHostAddress host(hostText);
    if (colon <= 0 || !portOk || port > 65535 || host.isNull())
        return badInput(core::ec::CliBadValue,
                        QStringLiteral("--listen %1: give IP:PORT").arg(listen));
    qint64 maxRequests = 0;
    if (parser.isSet(QStringLiteral("max-requests"))) {
        bool ok = false;
        maxRequests = parser.value(QStringLiteral("max-requests")).toLongLong(&ok);
        if (!ok || maxRequests <= 0)
            return badInput(core::ec::CliBadNumber, parser.value(QStringLiteral("max-requests")));
    }
    qint64 ttl = 0;
    if (parser.isSet(QStringLiteral("ttl"))) {
        const auto d = parseDuration(parser.value(QStringLiteral("ttl")));
        if (!d || *d <= 0)
            return badInput(core::ec::CliBadDuration, parser.value(QStringLiteral("ttl")));
        ttl = *d;
    }
    auto ws = openWorkspace(parser.positionalArguments().first(), parser);
    if (!ws)
        return badInput(ws.error());
    core::Workspace *w = ws->get();
    const QString td = name->name();
    if (!w->trustDomainNames().contains(td))
        return badInput(core::ec::StoreUnknownTrustDomain, td);
    if (parser.isSet(QStringLiteral("refresh-hint"))) {
        const auto hint = parseDuration(parser.value(QStringLiteral("refresh-hint")));
        if (!hint || *hint <= 0)
            return badInput(core::ec::CliBadDuration, parser.value(QStringLiteral("refresh-hint")));
        if (auto h = w->setRefreshHint(td, *hint); !h)
            return badInput(h.error());
    }
    core::BundleEndpointServer server([w, td] { return w->bundle(td); });
    if (*profile == core::BundleEndpointProfile::HttpsWeb) {
        if (!parser.isSet(QStringLiteral("cert")) || !parser.isSet(QStringLiteral("key")))
            return badInput(core::ec::CliMissingOption,
                            QStringLiteral("https_web needs --cert and --key"));
        auto cert = readFile(parser.value(QStringLiteral("cert")));
        if (!cert)
            return badInput(cert.error());
        auto key = readFile(parser.value(QStringLiteral("key")));
        if (!key)
            return badInput(key.error());
        auto credential = core::EndpointCredentials::fromPem(*cert, *key);
        if (!credential)
            return badInput(credential.error());
        if (auto s = server.setCredential(*credential); !s)
            return badInput(s.error());
    } else {
        core::SpiffeId id;
        if (parser.isSet(QStringLiteral("spiffe-id"))) {
            auto parsed = core::SpiffeId::fromString(parser.value(QStringLiteral("spiffe-id")));
            if (!parsed)
                return badInput(parsed.error());
            id = *parsed;
        } else {
            id = core::FederationRelationship::defaultEndpointSpiffeId(*name);
        }
        if (!id.memberOf(*name))
            return badInput(core::ec::FedSpiffeIdMismatch,
                            QStringLiteral("%1 is not of %2").arg(id.toString(), td));
        auto s = server.setCredentialSource([w, id, ttl](const QDateTime &now) {
            return core::EndpointCredentials::mintSvid(*w, id, now, ttl);
        });
        if (!s)
            return badInput(s.error());
    }
    if (auto l = server.listen(host, quint16(port)); !l)
        return badInput(l.error());
    QObject::connect(&server, &core::BundleEndpointServer::renewalFailed, &server,
                     [](const QString &error) {
                         std::fprintf(stderr, "trustatlas-cli: warning: renewal failed: %s\n",
                                      error.toUtf8().constData());
                     });
    if (maxRequests > 0)
        QObject::connect(
            &server, &core::BundleEndpointServer::answered, &server, [&server, maxRequests] {
                if (server.requestsAnswered() >= maxRequests)
                    // Let the last answer leave before the loop ends.
                    QTimer::singleShot(200, &server, [] { QCoreApplication::exit(0); });
            });
    printJson({{QStringLiteral("listening"),
                QStringLiteral("%1:%2").arg(host.toString()).arg(server.port())},
               {QStringLiteral("trust_domain"), td},
               {QStringLiteral("profile"), core::bundleEndpointProfileName(*profile)}});
    return QCoreApplication::exec() == 0 ? Success : Refused;
}

int federationFetch(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The workspace."));
    addRelationshipOptions(parser);
    addEndpointOptions(parser);
    parser.addOption({QStringLiteral("out"), QStringLiteral("Also write the fetched bundle here."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Give up a fetch after this long (default 10s)."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("max-bytes"),
                      QStringLiteral("The largest answer accepted (default 1 MiB)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("watch"),
                      QStringLiteral("Keep fetching, as the bundle's refresh hint says.")});
    parser.addOption({QStringLiteral("count"),
                      QStringLiteral("With --watch: stop after this many fetches."),
                      QStringLiteral("N")});
    parser.addOption({kJson, QStringLiteral("Print one JSON line per fetch.")});
    addPassphraseOption(parser);
    if (auto stop = parseArgs(parser, QStringLiteral("Fetch, validate and store a peer's bundle."),
                              args, 1, 1))
        return *stop;
    auto peer = peerOf(parser);
    if (!peer)
        return badInput(peer.error());
    int timeoutMs = 10000;
    if (parser.isSet(QStringLiteral("timeout"))) {
        const auto d = parseDuration(parser.value(QStringLiteral("timeout")));
        if (!d || *d <= 0 || *d > 3600)
            return badInput(core::ec::CliBadDuration, parser.value(QStringLiteral("timeout")));
        timeoutMs = int(*d * 1000);
    }
    qint64 maxBytes = 1024 * 1024;
    if (parser.isSet(QStringLiteral("max-bytes"))) {
        bool ok = false;
        maxBytes = parser.value(QStringLiteral("max-bytes")).toLongLong(&ok);
        if (!ok || maxBytes <= 0)
            return badInput(core::ec::CliBadNumber, parser.value(QStringLiteral("max-bytes")));
    }
    qint64 count = parser.isSet(QStringLiteral("watch")) ? 0 : 1;
    if (parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        count = parser.value(QStringLiteral("count")).toLongLong(&ok);
        if (!ok || count <= 0)
            return badInput(core::ec::CliBadNumber, parser.value(QStringLiteral("count")));
    }
    auto target = openTarget(parser, *peer);
    if (!target)
        return badInput(target.error());
    core::Workspace &workspace = *target->workspace;
    const core::TrustDomain &local = target->local;
    core::FederationStore store(workspace);
    core::FederationRelationship r;
    auto held = store.relationship(local.name(), peer->name());
    const bool exists = held.ok();
    if (exists) {
        r = *held;
    } else {
        if (!parser.isSet(kUrl) || !parser.isSet(kProfile))
            return badInput(core::ec::FedUnknownRelationship,
                            QStringLiteral("%1 -> %2: give --url and --profile")
                                .arg(local.name(), peer->name()));
        r.localTrustDomain = local;
        r.peerTrustDomain = *peer;
    }
    if (auto a = applyEndpointOptions(parser, r); !a)
        return badInput(a.error());

    core::BundleRefresher refresher(workspace);
    qint64 fetches = 0;
    int status = Success;
    QTimer next;
    next.setSingleShot(true);
    auto start = [&] {
        // The relationship is stored (or its options saved) only once a fetch succeeded.
        auto request = core::BundleRefresher::requestFor(workspace, r);
        if (!request) {
            status = refusedFetch(parser, request.error());
            QCoreApplication::exit(0);
            return;
        }
        request->timeoutMs = timeoutMs;
        request->maxResponseBytes = maxBytes;
        refresher.refresh(r, *request);
    };
    QObject::connect(&next, &QTimer::timeout, &refresher, start);
    QObject::connect(&refresher, &core::BundleRefresher::finished, &refresher, [&] {
        ++fetches;
        core::Result<core::BundleUpdate> outcome = refresher.result();
        const auto &fetched = refresher.fetched();
        // The relationship did not exist yet: it is created with the first good bundle.
        if (fetched && r.id == 0) {
            auto id = store.add(r, QDateTime::currentDateTimeUtc());
            if (!id) {
                outcome = id.error();
            } else {
                r.id = *id;
                outcome =
                    store.storeFetched(r.id, fetched->bundle, QDateTime::currentDateTimeUtc());
            }
        } else if (outcome && fetches == 1 && exists) {
            if (auto u = store.update(r); !u)
                outcome = u.error();
        }
        if (!outcome) {
            status = refusedFetch(parser, outcome.error());
        } else {
            status = Success;
            const bool stored = *outcome == core::BundleUpdate::Stored;
            if (parser.isSet(QStringLiteral("out"))) {
                if (auto w = writeFile(parser.value(QStringLiteral("out")), fetched->body, false);
                    !w)
                    status = badInput(w.error());
            }
            QJsonObject line{
                {QStringLiteral("fetched"), true},
                {QStringLiteral("trust_domain"), r.localTrustDomain.name()},
                {QStringLiteral("peer"), r.peerTrustDomain.name()},
                {QStringLiteral("sequence"), qint64(fetched->bundle.sequence())},
                {QStringLiteral("stored"), stored},
                {QStringLiteral("x509_authorities"),
                 qint64(fetched->bundle.x509Authorities().size())},
                {QStringLiteral("jwt_authorities"),
                 qint64(fetched->bundle.jwtAuthorities().size())},
                {QStringLiteral("next_fetch_at"), refresher.nextRefresh().toString(Qt::ISODate)},
                {QStringLiteral("elapsed_us"), refresher.client().elapsedMicroseconds()}};
            if (parser.isSet(kJson))
                printJson(line);
            else
                print(QStringLiteral("%1 bundle of %2, sequence %3\n")
                          .arg(stored ? QStringLiteral("stored") : QStringLiteral("unchanged"),
                               r.peerTrustDomain.name())
                          .arg(fetched->bundle.sequence()));
        }
        if (count > 0 && fetches >= count) {
            QCoreApplication::exit(0);
            return;
        }
        // A failed fetch is retried after the refresh hint too, at most 30 s later.
        qint64 waitMs = QDateTime::currentDateTimeUtc().msecsTo(refresher.nextRefresh());
        if (!outcome)
            waitMs = std::min<qint64>(waitMs, 30000);
        next.start(int(std::clamp<qint64>(waitMs, 0, 24 * 3600 * 1000)));
    });
    QTimer::singleShot(0, &refresher, start);
    QCoreApplication::exec();
    return status;
}

} // namespace ta::cli
