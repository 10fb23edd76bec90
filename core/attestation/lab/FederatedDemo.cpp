// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/FederatedDemo.h"

#include "core/attestation/lab/DemoWorkspace.h"
#include "core/federation/FederationStore.h"

#include <QFile>
#include <QUrl>

namespace ta::core {

Result<void> FederatedDemo::addRelationships(Workspace &workspace, const QDateTime &now)
{
    // (local, peer): the local trust domain fetches the peer's bundle and trusts its SVIDs.
    const char *const links[][2] = {{"prod.example", "partner.example"},
                                    {"partner.example", "prod.example"},
                                    {"staging.example", "prod.example"}};
    QList<QPair<FederationRelationship, TrustBundle>> all;
    for (const auto &link : links) {
        auto local = TrustDomain::fromName(QString::fromLatin1(link[0]));
        auto peer = TrustDomain::fromName(QString::fromLatin1(link[1]));
        if (!local)
            return local.error();
        if (!peer)
            return peer.error();
        auto bundle = workspace.bundle(peer->name());
        if (!bundle)
            return bundle.error();
        FederationRelationship r;
        r.localTrustDomain = *local;
        r.peerTrustDomain = *peer;
        r.profile = BundleEndpointProfile::HttpsSpiffe;
        r.bundleEndpointUrl = QUrl(QStringLiteral("https://spire.%1:8443/").arg(peer->name()));
        r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(*peer);
        r.bootstrapBundle = bundle->toJwks();
        all.append({r, *bundle});
    }
    FederationStore store(workspace);
    return store.addAll(all, now);
}

Result<void> FederatedDemo::create(const QString &path, const QDateTime &now,
                                   const std::optional<QByteArray> &passphrase)
{
    if (auto r = DemoWorkspace::create(path, now, passphrase); !r)
        return r;
    Result<void> added;
    {
        auto ws = Workspace::open(path, passphrase.value_or(QByteArray()));
        added = ws ? addRelationships(**ws, now) : Result<void>(ws.error());
    }
    if (!added) {
        // Nothing half made: the demo is all or nothing (the file is closed by now).
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return added;
    }
    return {};
}

} // namespace ta::core
