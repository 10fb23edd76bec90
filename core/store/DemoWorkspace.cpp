// SPDX-License-Identifier: Apache-2.0
#include "core/store/DemoWorkspace.h"
#include "core/store/StoreErrors.h"

#include "core/attestation/lab/EvidenceLab.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>

namespace ta::core {
namespace {

struct DemoDomain
{
    const char *name;
    KeyType keyType;
    bool intermediate;
};

// prod.example comes from the evidence lab (its anchors and a recorded timeline); the others
// are made here.
constexpr const char *kLabDomain = "prod.example";
constexpr DemoDomain kDomains[] = {
    {"staging.example", KeyType::EcP256, false},
    {"partner.example", KeyType::EcP384, true},
};

struct DemoWorkload
{
    const char *trustDomain;
    const char *path;
    const char *dns;
};

constexpr DemoWorkload kWorkloads[] = {
    {"prod.example", "/ns/payments/sa/api", "api.payments.svc"},
    {"prod.example", "/ns/payments/sa/ledger", "ledger.payments.svc"},
    {"prod.example", "/ns/web/sa/frontend", "frontend.web.svc"},
    {"staging.example", "/ns/payments/sa/api", "api.payments.staging"},
    {"partner.example", "/billing/exporter", ""},
};

Result<void> build(const QString &path, const QDateTime &now,
                   const std::optional<QByteArray> &passphrase)
{
    // The lab makes the workspace with prod.example, its attesters' anchors and a short
    // evidence timeline (re-attestations, image updates, a rotated and revoked issuer key).
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return makeError(ec::StoreDemoScratch, scratch.errorString());
    LabSettings lab;
    lab.nodes = 3;
    lab.workloads = 8;
    lab.records = 240;
    lab.driftRate = 0.05;
    lab.trustDomain = QString::fromLatin1(kLabDomain);
    lab.start = now.addSecs(-3600);
    auto made = EvidenceLab::generate(path, scratch.filePath(QStringLiteral("anchors.json")),
                                      scratch.filePath(QStringLiteral("evidence.jsonl")), lab,
                                      passphrase);
    if (!made)
        return made.error();
    auto ws = Workspace::open(path, passphrase.value_or(QByteArray()));
    if (!ws)
        return ws.error();
    // The lab's authorities live only as long as its timeline; rotate prod to month-long ones,
    // leaving the lab's published (old) so the agents' SVIDs in the evidence still validate.
    {
        auto ca = (*ws)->authority(QString::fromLatin1(kLabDomain));
        if (!ca)
            return ca.error();
        CaSettings settings = ca->settings();
        settings.caTtl = CaSettings{}.caTtl;
        settings.x509SvidTtl = CaSettings{}.x509SvidTtl;
        ca->setSettings(settings);
        for (AuthorityKind kind : {AuthorityKind::X509, AuthorityKind::Jwt}) {
            if (auto p = ca->prepare(kind, now); !p)
                return p.error();
            if (auto a = ca->activate(kind); !a)
                return a;
        }
        if (auto s = (*ws)->saveAuthority(*ca); !s)
            return s;
    }
    for (const DemoDomain &d : kDomains) {
        auto td = TrustDomain::fromName(QString::fromLatin1(d.name));
        if (!td)
            return td.error();
        CaSettings settings;
        settings.keyType = d.keyType;
        settings.intermediate = d.intermediate;
        auto ca = (*ws)->createTrustDomain(*td, settings, now.addDays(-7));
        if (!ca)
            return ca.error();
    }
    // Staging has rotated once: its first authority is old and tainted, a prepared one waits.
    {
        auto ca = (*ws)->authority(QStringLiteral("staging.example"));
        if (!ca)
            return ca.error();
        const QString first = ca->activeSlot(AuthorityKind::X509)->id;
        if (auto p = ca->prepare(AuthorityKind::X509, now.addDays(-1)); !p)
            return p.error();
        if (auto a = ca->activate(AuthorityKind::X509); !a)
            return a;
        if (auto t = ca->taint(first); !t)
            return t;
        if (auto p = ca->prepare(AuthorityKind::X509, now); !p)
            return p.error();
        if (auto s = (*ws)->saveAuthority(*ca); !s)
            return s;
    }
    CredentialIssuer issuer(**ws);
    for (const DemoWorkload &w : kWorkloads) {
        const QString td = QString::fromLatin1(w.trustDomain);
        X509IssueRequest x509;
        x509.trustDomain = td;
        x509.spiffeId = QStringLiteral("spiffe://") + td + QString::fromLatin1(w.path);
        if (*w.dns)
            x509.dnsNames = {QString::fromLatin1(w.dns)};
        if (auto r = issuer.issueX509(x509, now); !r)
            return r.error();
        JwtIssueRequest jwt;
        jwt.trustDomain = td;
        jwt.spiffeId = x509.spiffeId;
        jwt.audience = {QStringLiteral("spiffe://prod.example/ns/payments/sa/ledger")};
        if (auto r = issuer.issueJwt(jwt, now); !r)
            return r.error();
    }
    return {};
}

} // namespace

QStringList DemoWorkspace::trustDomainNames()
{
    QStringList out{QString::fromLatin1(kLabDomain)};
    for (const DemoDomain &d : kDomains)
        out << QString::fromLatin1(d.name);
    return out;
}

Result<void> DemoWorkspace::create(const QString &path, const QDateTime &now,
                                   const std::optional<QByteArray> &passphrase)
{
    if (QFile::exists(path))
        return makeError(ec::StoreFileExists, path);
    auto r = build(path, now, passphrase);
    if (!r) {
        // Nothing half-made is left behind for the next start to trip over.
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
    }
    return r;
}

} // namespace ta::core
