// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/store/StoreErrors.h"

#include "core/attestation/lab/TopologyLab.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Workspace.h"

#include <QFile>

namespace ta::core {
namespace {

struct DemoDomain
{
    const char *name;
    KeyType keyType;
    bool intermediate;
};

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

// The estate: prod.example holds the agents (a Kubernetes cluster, cloud VMs on AWS and GCP,
// TPM hosts) and the workloads; staging and the partner get identities through policies.
constexpr const char *kAgentDomain = "prod.example";
constexpr qint64 kSpan = 7 * 86400;
constexpr qint64 kInterval = 4 * 3600;
const char *const kRegistry = "registry.example/";

struct DemoNode
{
    const char *name;
    const char *platform;
};

constexpr DemoNode kNodes[] = {
    {"prod-eu-1", "k8s:prod-eu"},
    {"prod-eu-2", "k8s:prod-eu"},
    {"prod-eu-3", "k8s:prod-eu"},
    {"prod-eu-4", "k8s:prod-eu"},
    {"prod-eu-5", "k8s:prod-eu"},
    {"vm-billing-1", "aws:111122223333"},
    {"vm-billing-2", "aws:111122223333"},
    {"vm-batch-1", "aws:111122223333"},
    {"gce-analytics-1", "gcp:acme-analytics"},
    {"gce-analytics-2", "gcp:acme-analytics"},
    {"edge-tpm-1", "tpm"},
    {"edge-tpm-2", "tpm"},
};

// A group of replicas: NAME-1..NAME-count, spread over the nodes of a platform.
struct DemoWorkloads
{
    const char *name;
    int count;
    const char *ns;       // Kubernetes namespace (k8s nodes); empty elsewhere
    const char *sa;       // service account
    const char *image;    // repository under the registry; empty for none
    int uid;              // first unix uid; -1 for none
    const char *nodes[3]; // the nodes replicas go to, in turn
};

constexpr DemoWorkloads kWorkloadGroups[] = {
    {"payments-api",
     3,
     "payments",
     "api",
     "payments/api",
     -1,
     {"prod-eu-1", "prod-eu-2", "prod-eu-3"}},
    {"payments-ledger", 2, "payments", "ledger", "payments/ledger", -1, {"prod-eu-2", "prod-eu-3"}},
    {"shop-frontend",
     4,
     "shop",
     "frontend",
     "shop/frontend",
     -1,
     {"prod-eu-1", "prod-eu-4", "prod-eu-5"}},
    {"shop-cart", 3, "shop", "cart", "shop/cart", -1, {"prod-eu-4", "prod-eu-5"}},
    {"shop-checkout", 3, "shop", "checkout", "shop/checkout", -1, {"prod-eu-1", "prod-eu-5"}},
    {"search-indexer", 2, "search", "indexer", "search/indexer", -1, {"prod-eu-3"}},
    {"search-query", 3, "search", "query", "search/query", -1, {"prod-eu-2", "prod-eu-4"}},
    {"monitoring-prometheus",
     1,
     "monitoring",
     "prometheus",
     "monitoring/prometheus",
     -1,
     {"prod-eu-5"}},
    {"monitoring-grafana", 1, "monitoring", "grafana", "monitoring/grafana", -1, {"prod-eu-4"}},
    {"staging-api", 2, "staging", "api", "payments/api", -1, {"prod-eu-4", "prod-eu-5"}},
    {"staging-frontend", 2, "staging", "frontend", "shop/frontend", -1, {"prod-eu-5"}},
    {"partner-connector",
     2,
     "partner-sync",
     "connector",
     "partner/connector",
     -1,
     {"prod-eu-3", "prod-eu-4"}},
    {"debug-shell", 1, "debug", "default", "tools/debug", -1, {"prod-eu-2"}},
    {"billing-db", 2, "", "", "", 1001, {"vm-billing-1", "vm-billing-2"}},
    {"billing-report", 2, "", "", "", 1101, {"vm-billing-1", "vm-billing-2"}},
    {"batch-runner", 3, "", "", "", 2001, {"vm-batch-1"}},
    {"batch-scheduler", 1, "", "", "batch/scheduler", -1, {"vm-batch-1"}},
    {"analytics-etl", 3, "", "", "analytics/etl", -1, {"gce-analytics-1"}},
    {"analytics-notebook", 2, "", "", "", 3001, {"gce-analytics-2"}},
    {"pos-agent", 6, "", "", "", 4001, {"edge-tpm-1", "edge-tpm-2"}},
    {"edge-signer", 1, "", "", "", 5001, {"edge-tpm-1"}},
};

QString reg(const char *repository)
{
    return QString::fromLatin1(kRegistry) + QString::fromLatin1(repository);
}

Result<QList<Policy>> demoPolicies()
{
    // payments pins its images to the first release: the image update of day 3 is drift.
    const QString pinned =
        QStringLiteral("['%1@%2', '%3@%4']")
            .arg(reg("payments/api"), TopologyLab::imageDigest(reg("payments/api"), 0),
                 reg("payments/ledger"), TopologyLab::imageDigest(reg("payments/ledger"), 0));
    const QByteArray json = QStringLiteral(R"J({"policies": [
 {"name": "prod-k8s", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}",
  "condition": "verdict == 'affirming' && attestor == 'k8s' && workload.k8s.ns in ['shop', 'search', 'monitoring']",
  "x509_svid_ttl": 3600, "jwt_svid_ttl": 300, "federates_with": ["partner.example"],
  "description": "Kubernetes workloads of the shop, search and monitoring namespaces"},
 {"name": "payments-pinned", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/ns/payments/sa/{workload.k8s.sa}",
  "condition": "verdict == 'affirming' && attestor == 'k8s' && workload.k8s.ns == 'payments' && workload.image in PINNED",
  "x509_svid_ttl": 1800, "federates_with": ["partner.example"],
  "description": "payments only on the digests it was released with"},
 {"name": "k8s-nodes", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/k8s/{node.cluster}/node/{node.node_name}",
  "condition": "verdict == 'affirming' && attestor == 'k8s_psat'", "x509_svid_ttl": 3600},
 {"name": "edge-hosts", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/edge/{tpm.ak_fingerprint}",
  "condition": "verdict == 'affirming' && attestor == 'tpm'", "x509_svid_ttl": 3600},
 {"name": "prod-vms", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/vm/{workload.unix.user}",
  "condition": "verdict == 'affirming' && attestor == 'unix'", "x509_svid_ttl": 3600},
 {"name": "prod-containers", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/container/{workload.name}",
  "condition": "verdict == 'affirming' && attestor == 'docker'", "x509_svid_ttl": 3600},
 {"name": "debug-tools", "effect": "grant", "trust_domain": "prod.example",
  "spiffe_id": "spiffe://prod.example/debug/{workload.name}",
  "condition": "attestor == 'k8s' && workload.k8s.ns == 'debug' && verdict == 'affirming'",
  "description": "added for an incident; the deny below overrides it"},
 {"name": "no-debug-shells", "effect": "deny", "trust_domain": "prod.example",
  "condition": "attestor == 'k8s' && workload.k8s.ns == 'debug'",
  "description": "no production identity for debug shells"},
 {"name": "staging-k8s", "effect": "grant", "trust_domain": "staging.example",
  "spiffe_id": "spiffe://staging.example/ns/staging/sa/{workload.k8s.sa}",
  "condition": "verdict == 'affirming' && attestor == 'k8s' && workload.k8s.ns == 'staging'",
  "x509_svid_ttl": 3600, "federates_with": ["prod.example"]},
 {"name": "partner-connector", "effect": "grant", "trust_domain": "partner.example",
  "spiffe_id": "spiffe://partner.example/connector/{workload.k8s.sa}",
  "condition": "verdict == 'affirming' && attestor == 'k8s' && workload.k8s.ns == 'partner-sync'",
  "x509_svid_ttl": 3600, "federates_with": ["prod.example"]}]})J")
                                .replace(QStringLiteral("PINNED"), pinned)
                                .toUtf8();
    return Policy::listFromJson(json);
}

LabTopology demoTopology()
{
    LabTopology t;
    t.agentTrustDomain = QString::fromLatin1(kAgentDomain);
    t.trustDomains = DemoWorkspace::trustDomainNames();
    for (const DemoNode &n : kNodes) {
        const QString platform = QString::fromLatin1(n.platform);
        if (!t.platforms.contains(platform))
            t.platforms << platform;
        t.nodes << LabTopology::Node{QStringLiteral("node/") + QString::fromLatin1(n.name),
                                     platform};
    }
    for (const DemoWorkloads &g : kWorkloadGroups) {
        int nodeCount = 0;
        while (nodeCount < 3 && g.nodes[nodeCount])
            ++nodeCount;
        for (int i = 0; i < g.count; ++i) {
            LabTopology::Workload w;
            w.subject =
                QStringLiteral("workload/%1-%2").arg(QString::fromLatin1(g.name)).arg(i + 1);
            w.node = QStringLiteral("node/") + QString::fromLatin1(g.nodes[i % nodeCount]);
            w.ns = QString::fromLatin1(g.ns);
            w.serviceAccount = QString::fromLatin1(g.sa);
            if (*g.image)
                w.image = reg(g.image);
            if (g.uid >= 0)
                w.uid = g.uid + i;
            t.workloads << w;
        }
    }
    return t;
}

Result<void> build(const QString &path, const QDateTime &now,
                   const std::optional<QByteArray> &passphrase)
{
    auto ws = Workspace::create(path, passphrase);
    if (!ws)
        return ws.error();
    // A week of evidence up to now: every subject re-attests every 4 hours; on day 3 the
    // payments API image is updated (payments pins the old digest), on day 4 the cluster's
    // token signing key is rotated and the old one revoked, a GCP VM stops reporting on day 5
    // (stale), and a TPM host boots unregistered firmware late on day 6 (PCR 7 drift, refused).
    LabTopology topology = demoTopology();
    auto policies = demoPolicies();
    if (!policies)
        return policies.error();
    topology.policies = *policies;
    LabTimeline timeline;
    timeline.start = now.addSecs(-kSpan);
    timeline.span = kSpan;
    timeline.interval = kInterval;
    timeline.imageUpdateAt = 3.0 / 7;
    timeline.updatedImage = reg("payments/api");
    timeline.keyRevokeAt = 4.0 / 7;
    timeline.staleNodes = {QStringLiteral("node/gce-analytics-2")};
    timeline.staleAt = 5.0 / 7;
    timeline.driftedNodes = {QStringLiteral("node/edge-tpm-2")};
    timeline.driftAt = 6.5 / 7;
    // The domains the lab does not make first: staging with its own key type, the partner with
    // an intermediate CA.
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
    auto made = TopologyLab::generate(**ws, topology, timeline);
    if (!made)
        return made.error();
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
    QStringList out{QString::fromLatin1(kAgentDomain)};
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
