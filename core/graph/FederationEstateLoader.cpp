// SPDX-License-Identifier: Apache-2.0
#include "core/graph/FederationEstateLoader.h"
#include "core/federation/FederationStore.h"

#include <QSet>

namespace ta::core {
namespace {

// Fingerprints of X.509 authorities and key IDs of JWT authorities of @p td's revoked slots.
Result<QSet<QString>> revokedAuthorities(Workspace &workspace, const QString &td)
{
    auto st = workspace.database().prepare(QStringLiteral(
        "SELECT s.kind, s.cert_pem, s.kid FROM authority_slots s JOIN trust_domains t "
        "ON t.id = s.trust_domain_id WHERE t.name = ? AND s.status = 'revoked'"));
    if (!st)
        return st.error();
    st->bind(1, td);
    QSet<QString> out;
    while (st->next()) {
        if (st->text(0) == QLatin1String("jwt")) {
            out.insert(QStringLiteral("jwt:") + st->text(2));
        } else if (auto cert = Certificate::fromPem(st->blob(1))) {
            out.insert(QStringLiteral("x509:") + QString::fromLatin1(cert->fingerprint().toHex()));
        }
    }
    if (st->error())
        return *st->error();
    return out;
}

} // namespace

Result<void> FederationEstateLoader::load(Workspace &workspace, Estate &estate)
{
    FederationStore store(workspace);
    auto relationships = store.relationships();
    if (!relationships)
        return relationships.error();
    estate.federationTracked = !relationships->isEmpty();
    const QStringList local = workspace.trustDomainNames();
    for (const FederationRelationship &r : std::as_const(*relationships)) {
        const QString from = r.localTrustDomain.name();
        const QString to = r.peerTrustDomain.name();
        EstateFederation *link = nullptr;
        for (EstateFederation &f : estate.federation) {
            if (f.from == from && f.to == to)
                link = &f;
        }
        if (!link) {
            estate.federation.append(EstateFederation{from, to, {}});
            link = &estate.federation.last();
        }
        link->relationship = true;
        link->profile = bundleEndpointProfileName(r.profile);
        link->endpointUrl = r.bundleEndpointUrl.toString(QUrl::FullyEncoded);
        link->pinnedCa = !r.pinnedCaPem.isEmpty();
        link->lastFetchedAt = r.lastFetchedAt;
        auto latest = store.latestBundle(r.id);
        if (!latest)
            return latest.error();
        TrustBundle held;
        if (*latest) {
            link->heldSequence = qint64((*latest)->sequence);
            link->refreshHint = (*latest)->refreshHint.value_or(0);
            auto parsed = TrustBundle::fromJwks(r.peerTrustDomain, (*latest)->json);
            if (parsed)
                held = *parsed;
        }
        if (!local.contains(to))
            continue;
        auto current = workspace.bundle(to);
        if (!current)
            return current.error();
        link->peerSequence = qint64(current->sequence());
        if (held.isNull())
            continue;
        auto revoked = revokedAuthorities(workspace, to);
        if (!revoked)
            return revoked.error();
        for (const Certificate &c : held.x509Authorities()) {
            const QString key =
                QStringLiteral("x509:") + QString::fromLatin1(c.fingerprint().toHex());
            if (revoked->contains(key))
                link->revokedHeld << key;
        }
        for (const QString &kid : held.jwtAuthorities().keys()) {
            if (revoked->contains(QStringLiteral("jwt:") + kid))
                link->revokedHeld << QStringLiteral("jwt:") + kid;
        }
    }
    return {};
}

} // namespace ta::core
