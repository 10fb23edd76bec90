// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/TopologyLab.h"
#include "core/attestation/AttestationErrors.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/lab/AgentSigner.h"
#include "core/attestation/lab/CloudProvider.h"
#include "core/attestation/lab/ClusterIssuer.h"
#include "core/attestation/lab/CosignSigner.h"
#include "core/attestation/lab/GcpIdentityProvider.h"
#include "core/attestation/lab/TpmQuoteBuilder.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>
#include <random>

namespace ta::core {
namespace {

const QString kPsatAudience = QStringLiteral("spire-server");
const QString kGcpAudience = QStringLiteral("spire-gcp-node-attestor");
constexpr qint64 kStepMs = 2000; // between two records of one round
constexpr qint64 kEventLeadMs = 30 * 60 * 1000;
constexpr qint64 kEventLagMs = 5 * 60 * 1000;

QString digestOf(const QString &text)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(
               QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString nameOf(const QString &subject)
{
    return subject.mid(subject.indexOf(QLatin1Char('/')) + 1);
}

struct Node
{
    QString subject;
    QString platform;
    QString attestor;
    AgentSigner agent;
    ClusterIssuer::Pod pod;
    QString cluster;
    CloudProvider::Instance aws;
    GcpIdentityProvider::Instance gcp;
    Key ak;
    TpmPcrValues pcrs;
};

struct Workload
{
    QString subject;
    int node = -1;
    QString kind;
    QString image;
    QStringList selectors;
    QJsonObject claims;
};

struct Image
{
    QString repository;
    QStringList digests;
    int current = 0;
};

enum class Kind { Signal, Cosign, Node, Workload };

// One record to write, in time order; ties keep the order of creation.
struct Due
{
    qint64 ms;
    qint64 order;
    Kind kind;
    int index;
};

class Generator
{
public:
    Generator(const LabTopology &t, const LabTimeline &l, CertificateAuthority ca)
        : m_t(t), m_l(l), m_ca(std::move(ca)), m_rng(l.seed)
    {}

    Result<void> setUp(const QDateTime &start, qint64 spanMs);
    QJsonObject anchorsJson() const;
    Result<LabSummary> run(QIODevice &out, const QDateTime &start, qint64 spanMs,
                           const TopologyLab::Progress &progress);

private:
    Result<QJsonObject> nodeEvidence(Node &n, const QDateTime &t, bool drift);
    QByteArray randomBytes(int n)
    {
        QByteArray b(n, Qt::Uninitialized);
        for (char &c : b)
            c = char(m_rng() & 0xff);
        return b;
    }
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }

    const LabTopology &m_t;
    const LabTimeline &m_l;
    CertificateAuthority m_ca;
    std::mt19937_64 m_rng;
    std::map<QString, ClusterIssuer> m_clusters;
    std::optional<CloudProvider> m_aws;
    std::optional<GcpIdentityProvider> m_gcp;
    std::optional<CosignSigner> m_release;
    QList<Node> m_nodes;
    QList<Workload> m_workloads;
    QList<Image> m_images;
    quint64 m_jti = 0;
};

Result<void> Generator::setUp(const QDateTime &start, qint64 spanMs)
{
    for (const QString &p : m_t.platforms) {
        if (p.startsWith(QLatin1String("k8s:"))) {
            const QString cluster = p.mid(4);
            auto issuer =
                ClusterIssuer::create(cluster, QStringLiteral("https://kubernetes.%1.%2")
                                                   .arg(cluster, m_t.effectiveAgentTrustDomain()));
            if (!issuer)
                return makeError(ec::LabSetup, QStringLiteral("cluster issuer ") + cluster);
            m_clusters.emplace(cluster, *issuer);
        } else if (p.startsWith(QLatin1String("aws:")) && !m_aws) {
            auto aws = CloudProvider::create(start.addDays(-1));
            if (!aws)
                return aws.error();
            m_aws = *aws;
        } else if (p.startsWith(QLatin1String("gcp:")) && !m_gcp) {
            auto gcp = GcpIdentityProvider::create();
            if (!gcp)
                return gcp.error();
            m_gcp = *gcp;
        }
    }
    auto release = CosignSigner::create(QStringLiteral("release"));
    if (!release)
        return release.error();
    m_release = *release;

    const TrustDomain td = m_ca.trustDomain();
    for (int i = 0; i < m_t.nodes.size(); ++i) {
        const LabTopology::Node &spec = m_t.nodes.at(i);
        Node n;
        n.subject = spec.subject;
        n.platform = spec.platform;
        n.attestor = LabTopology::attestorOfPlatform(spec.platform);
        const QString name = nameOf(spec.subject);
        const QString group = spec.platform.section(QLatin1Char(':'), 1);
        QStringList agentParts;
        if (n.attestor == QLatin1String("k8s_psat")) {
            n.cluster = group;
            n.pod = {QStringLiteral("spire"),
                     QStringLiteral("spire-agent"),
                     QStringLiteral("spire-agent-") + name,
                     QStringLiteral("pod-uid-") + name,
                     name,
                     QStringLiteral("node-uid-") + name};
            agentParts = {group, n.pod.nodeUid};
        } else if (n.attestor == QLatin1String("aws_iid")) {
            n.aws = {group,
                     QStringLiteral("eu-west-1"),
                     QStringLiteral("eu-west-1a"),
                     QStringLiteral("i-%1").arg(i + 1, 17, 16, QLatin1Char('0')),
                     QStringLiteral("ami-0demo%1").arg(i % 5),
                     QStringLiteral("m5.large")};
            agentParts = {n.aws.accountId, n.aws.region, n.aws.instanceId};
        } else if (n.attestor == QLatin1String("gcp_iit")) {
            n.gcp = {group, QStringLiteral("europe-west1-b"),
                     QString::number(7000000000000000000LL + i), name};
            agentParts = {n.gcp.projectId, n.gcp.instanceId};
        } else {
            auto ak = Key::generate(KeyType::EcP256);
            if (!ak)
                return ak.error();
            n.ak = *ak;
            for (int pcr : {0, 2, 4, 7})
                n.pcrs[QStringLiteral("sha256")][pcr] = QCryptographicHash::hash(
                    QByteArray("golden-") + QByteArray::number(pcr), QCryptographicHash::Sha256);
            agentParts = {QString::fromLatin1(ak->fingerprint())};
        }
        auto agentId = AgentId::make(td, n.attestor, agentParts);
        if (!agentId)
            return agentId.error();
        auto agentKey = Key::generate(KeyType::EcP256);
        if (!agentKey)
            return agentKey.error();
        auto svid = m_ca.mintX509Svid(SpiffeId::fromString(*agentId).value(), agentKey->publicKey(),
                                      {}, spanMs / 1000 + 86400, start.addSecs(-60));
        if (!svid)
            return svid.error();
        n.agent = AgentSigner(*agentKey, svid->chain);
        m_nodes << n;
    }

    QStringList repositories;
    for (const LabTopology::Workload &w : m_t.workloads) {
        if (!w.image.isEmpty() && !repositories.contains(w.image))
            repositories << w.image;
    }
    repositories.sort();
    for (const QString &repo : std::as_const(repositories)) {
        Image img;
        img.repository = repo;
        for (int v = 0; v < 2; ++v)
            img.digests << digestOf(repo + QString::number(v));
        m_images << img;
    }
    for (const LabTopology::Workload &spec : m_t.workloads) {
        Workload w;
        w.subject = spec.subject;
        for (int i = 0; i < m_nodes.size(); ++i) {
            if (m_nodes.at(i).subject == spec.node)
                w.node = i;
        }
        const QString name = nameOf(spec.subject);
        const bool k8s = m_nodes.at(w.node).attestor == QLatin1String("k8s_psat");
        w.image = spec.image;
        if (k8s) {
            w.kind = QStringLiteral("k8s");
            w.selectors = {QStringLiteral("k8s:ns:") + spec.ns,
                           QStringLiteral("k8s:sa:") + spec.serviceAccount,
                           QStringLiteral("k8s:pod-name:") + name + QStringLiteral("-0")};
            w.claims.insert(QStringLiteral("k8s"),
                            QJsonObject{{QStringLiteral("ns"), spec.ns},
                                        {QStringLiteral("sa"), spec.serviceAccount},
                                        {QStringLiteral("pod"), name + QStringLiteral("-0")}});
        } else if (!spec.image.isEmpty()) {
            w.kind = QStringLiteral("docker");
            w.selectors = {QStringLiteral("docker:label:app:") + name};
        } else {
            w.kind = QStringLiteral("unix");
        }
        if (spec.uid >= 0 && w.kind == QLatin1String("unix")) {
            w.selectors << QStringLiteral("unix:uid:%1").arg(spec.uid)
                        << QStringLiteral("unix:user:") + name;
            w.claims.insert(QStringLiteral("unix"), QJsonObject{{QStringLiteral("uid"), spec.uid},
                                                                {QStringLiteral("user"), name}});
        } else if (w.kind == QLatin1String("unix")) {
            w.selectors << QStringLiteral("unix:user:") + name;
            w.claims.insert(QStringLiteral("unix"), QJsonObject{{QStringLiteral("user"), name}});
        }
        w.claims.insert(QStringLiteral("name"), name);
        m_workloads << w;
    }
    return {};
}

QJsonObject Generator::anchorsJson() const
{
    QJsonArray anchors;
    for (const auto &[cluster, issuer] : m_clusters) {
        QJsonObject psat = issuer.anchorJson(kPsatAudience);
        psat.insert(QStringLiteral("service_account_allow_list"),
                    QJsonArray{QStringLiteral("spire:spire-agent")});
        anchors.append(psat);
    }
    if (m_aws)
        anchors.append(m_aws->anchorJson());
    if (m_gcp) {
        QJsonObject gcp = m_gcp->anchorJson(kGcpAudience);
        QJsonArray projects;
        for (const QString &p : m_t.platforms) {
            if (p.startsWith(QLatin1String("gcp:")))
                projects.append(p.mid(4));
        }
        gcp.insert(QStringLiteral("projectid_allow_list"), projects);
        anchors.append(gcp);
    }
    if (!m_images.isEmpty())
        anchors.append(m_release->anchorJson());
    QJsonArray refs;
    for (const Node &n : m_nodes) {
        if (n.attestor != QLatin1String("tpm"))
            continue;
        anchors.append(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                        {QStringLiteral("subject"), n.subject},
                        {QStringLiteral("public_key_pem"), QString::fromLatin1(n.ak.publicPem())}});
        const auto &bank = n.pcrs.value(QStringLiteral("sha256"));
        for (auto it = bank.cbegin(); it != bank.cend(); ++it)
            refs.append(
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                            {QStringLiteral("subject"), n.subject},
                            {QStringLiteral("bank"), QStringLiteral("sha256")},
                            {QStringLiteral("index"), it.key()},
                            {QStringLiteral("value"), QString::fromLatin1(it.value().toHex())}});
    }
    for (const Image &img : m_images) {
        for (const QString &d : img.digests)
            refs.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                                    {QStringLiteral("image"), img.repository},
                                    {QStringLiteral("digest"), d}});
    }
    return {{QStringLiteral("anchors"), anchors}, {QStringLiteral("reference_values"), refs}};
}

Result<QJsonObject> Generator::nodeEvidence(Node &n, const QDateTime &t, bool drift)
{
    if (n.attestor == QLatin1String("k8s_psat")) {
        // Drift: a token minted for another audience.
        auto token = m_clusters.at(n.cluster).mintToken(
            n.pod, drift ? QStringLiteral("not-spire") : kPsatAudience, t, 3600);
        if (!token)
            return token.error();
        return QJsonObject{{QStringLiteral("token"), QString::fromLatin1(*token)}};
    }
    if (n.attestor == QLatin1String("aws_iid")) {
        QByteArray doc = CloudProvider::document(n.aws, t.addDays(-3));
        auto sig = m_aws->sign(doc, t);
        if (!sig)
            return sig.error();
        // Drift: the document was edited after it was signed.
        if (drift)
            doc.replace(n.aws.imageId.toLatin1(), "ami-tampered");
        return QJsonObject{{QStringLiteral("document"), QString::fromUtf8(doc)},
                           {QStringLiteral("pkcs7"), QString::fromLatin1(*sig)}};
    }
    if (n.attestor == QLatin1String("gcp_iit")) {
        // Drift: a token two hours old, expired.
        auto token = m_gcp->mintToken(n.gcp, kGcpAudience, drift ? t.addSecs(-7200) : t);
        if (!token)
            return token.error();
        return QJsonObject{{QStringLiteral("token"), QString::fromLatin1(*token)}};
    }
    TpmPcrValues pcrs = n.pcrs;
    // Drift: PCR 7 (secure boot policy) no longer has its golden value.
    if (drift)
        pcrs[QStringLiteral("sha256")][7] =
            QCryptographicHash::hash("unregistered firmware", QCryptographicHash::Sha256);
    TpmQuoteBuilder b;
    b.setNonce(randomBytes(16)).setPcrValues(pcrs);
    return b.buildEvidencePayload(n.ak);
}

Result<LabSummary> Generator::run(QIODevice &out, const QDateTime &start, qint64 spanMs,
                                  const TopologyLab::Progress &progress)
{
    LabSummary sum;
    sum.start = start;
    auto at = [&](double share) { return share < 0 ? -1 : qint64(double(spanMs) * share); };
    const qint64 staleMs = at(m_l.staleAt);
    const qint64 driftMs = at(m_l.driftAt);
    const qint64 updateMs = m_images.isEmpty() ? -1 : at(m_l.imageUpdateAt);
    const qint64 revokeMs = m_clusters.empty() ? -1 : at(m_l.keyRevokeAt);
    const qint64 intervalMs = qMax<qint64>(60, m_l.interval) * 1000;

    std::vector<Due> due;
    qint64 order = 0;
    auto add = [&](qint64 ms, Kind kind, int index) { due.push_back({ms, order++, kind, index}); };
    auto stale = [&](int node, qint64 ms) {
        return staleMs >= 0 && ms >= staleMs && m_l.staleNodes.contains(m_nodes.at(node).subject);
    };
    // A round: every node, then every workload, a few seconds apart.
    auto round = [&](qint64 ms, const QList<int> &onlyNodes) {
        qint64 step = 0;
        for (int n = 0; n < m_nodes.size(); ++n) {
            if ((onlyNodes.isEmpty() || onlyNodes.contains(n)) && !stale(n, ms))
                add(ms + step++ * kStepMs, Kind::Node, n);
        }
        for (int w = 0; w < m_workloads.size(); ++w) {
            const int n = m_workloads.at(w).node;
            if ((onlyNodes.isEmpty() || onlyNodes.contains(n)) && !stale(n, ms))
                add(ms + step++ * kStepMs, Kind::Workload, w);
        }
    };
    for (int i = 0; i < m_images.size(); ++i)
        add(0, Kind::Cosign, i);
    const qint64 roundMs =
        qint64(m_nodes.size() + m_workloads.size() + 1) * kStepMs; // a round's own length
    qint64 last = 0;
    for (qint64 ms = 0; ms + roundMs <= spanMs || ms == 0; ms += intervalMs) {
        round(ms + kStepMs, {});
        last = ms;
    }
    // A last round that ends with the span, so the timeline's end shows the estate attested.
    if (spanMs - roundMs > last + roundMs)
        round(spanMs - roundMs, {});
    if (updateMs >= 0) {
        int updated = 0;
        for (int i = 0; i < m_images.size(); ++i) {
            if (m_images.at(i).repository == m_l.updatedImage)
                updated = i;
        }
        add(updateMs, Kind::Cosign, updated);
    }
    if (revokeMs >= 0) {
        add(revokeMs, Kind::Signal, 0);
        QList<int> k8s;
        const QString first = m_clusters.begin()->first;
        for (int n = 0; n < m_nodes.size(); ++n) {
            if (m_nodes.at(n).cluster == first)
                k8s << n;
        }
        round(revokeMs + kStepMs, k8s);
    }
    // Every subject reports shortly before each event and again after it, so that the event
    // meets live credentials (revoked by it) however sparse the rounds are.
    for (qint64 e : {updateMs, revokeMs, m_l.driftedNodes.isEmpty() ? qint64(-1) : driftMs}) {
        if (e < 0)
            continue;
        round(qMax<qint64>(kStepMs, e - kEventLeadMs), {});
        if (e != revokeMs && e + kEventLagMs + roundMs <= spanMs)
            round(e + kEventLagMs, {});
    }
    std::sort(due.begin(), due.end(), [](const Due &a, const Due &b) {
        return a.ms != b.ms ? a.ms < b.ms : a.order < b.order;
    });

    QDateTime t = start;
    bool updated = false;
    // Progress runs over two passes: making the records, then storing them.
    const qint64 total = qint64(due.size()) * 2;
    qint64 made = 0;
    for (const Due &d : due) {
        if (progress && !progress(made++, total))
            return makeError(ec::StoreCancelled);
        t = start.addMSecs(d.ms);
        EvidenceRecord rec;
        rec.time = t;
        bool drift = false;
        switch (d.kind) {
        case Kind::Signal: {
            ClusterIssuer &issuer = m_clusters.begin()->second;
            rec.attestor = QStringLiteral("signal");
            rec.subject = QStringLiteral("operator/lab");
            rec.payload =
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("revoke-key")},
                            {QStringLiteral("fingerprint"), QString::fromLatin1(issuer.rotate())}};
            ++sum.signals;
            break;
        }
        case Kind::Cosign: {
            Image &img = m_images[d.index];
            if (d.ms > 0 && !updated) {
                img.current = 1;
                updated = true;
            }
            auto payload = m_release->sign(img.repository, img.digests.at(img.current));
            if (!payload)
                return payload.error();
            rec.attestor = QStringLiteral("cosign");
            rec.subject = QStringLiteral("image/") + img.repository;
            rec.payload = *payload;
            ++sum.imageSignatures;
            break;
        }
        case Kind::Node: {
            Node &node = m_nodes[d.index];
            drift = (driftMs >= 0 && d.ms >= driftMs && m_l.driftedNodes.contains(node.subject)) ||
                    (m_l.driftRate > 0 && uniform() < m_l.driftRate);
            auto payload = nodeEvidence(node, t, drift);
            if (!payload)
                return payload.error();
            rec.attestor = node.attestor;
            rec.subject = node.subject;
            rec.payload = *payload;
            ++sum.nodeAttestations;
            break;
        }
        case Kind::Workload: {
            const Workload &w = m_workloads.at(d.index);
            QStringList selectors = w.selectors;
            QJsonObject claims = w.claims;
            if (!w.image.isEmpty()) {
                const Image &img =
                    *std::find_if(m_images.cbegin(), m_images.cend(),
                                  [&](const Image &i) { return i.repository == w.image; });
                const QString ref = img.repository + QLatin1Char('@') + img.digests.at(img.current);
                claims.insert(QStringLiteral("image"), ref);
                selectors << (w.kind == QLatin1String("k8s")
                                  ? QStringLiteral("k8s:container-image:")
                                  : QStringLiteral("docker:image_id:")) +
                                 ref;
            }
            auto payload = m_nodes.at(w.node).agent.sign(
                w.subject, selectors, claims, t,
                QStringLiteral("topo-%1-%2").arg(m_l.seed).arg(++m_jti));
            if (!payload)
                return payload.error();
            rec.attestor = w.kind;
            rec.subject = w.subject;
            rec.payload = *payload;
            ++sum.workloadAttestations;
            break;
        }
        }
        if (drift)
            ++sum.drifted;
        QByteArray line = rec.toJsonLine();
        line += '\n';
        if (out.write(line) != line.size())
            return makeError(ec::LabWrite, out.errorString());
        ++sum.records;
    }
    sum.end = t;
    return sum;
}

Result<void> setMeta(Database &db, const QString &key, const QByteArray &value)
{
    auto st = db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, value);
    return st->exec();
}

Result<void> createTrustDomains(Workspace &workspace, const LabTopology &topology,
                                const QDateTime &notBefore, qint64 caTtl)
{
    const QStringList existing = workspace.trustDomainNames();
    for (const QString &name : topology.trustDomains) {
        if (existing.contains(name))
            continue;
        CaSettings settings;
        settings.caTtl = caTtl;
        auto td = TrustDomain::fromName(name);
        if (!td)
            return td.error();
        auto ca = workspace.createTrustDomain(*td, settings, notBefore);
        if (!ca)
            return ca.error();
    }
    return {};
}

// The policies as a new version, the design and its agent domain in the meta table.
Result<void> recordDesignIn(Database &db, const LabTopology &topology, const QDateTime &now)
{
    if (!topology.policies.isEmpty()) {
        RuleStore rules(db);
        if (auto v = rules.save(RuleKind::Policies, Policy::listToJson(topology.policies),
                                QStringLiteral("designed topology"), now);
            !v)
            return v.error();
    }
    if (auto r = setMeta(db, QStringLiteral("agent_trust_domain"),
                         topology.effectiveAgentTrustDomain().toUtf8());
        !r)
        return r;
    return setMeta(db, QStringLiteral("design"),
                   QJsonDocument(topology.toJson()).toJson(QJsonDocument::Compact));
}

Result<void> checkSettings(const LabTopology &topology, const LabTimeline &timeline)
{
    if (auto ok = topology.validate(); !ok)
        return ok;
    if (timeline.span <= 0 || timeline.interval <= 0 || timeline.driftRate < 0 ||
        timeline.driftRate > 1)
        return makeError(ec::LabBadSettings,
                         QStringLiteral("span and interval > 0, drift rate in 0..1"));
    // A bound on what one call writes (a year of 1-minute rounds over thousands of subjects is
    // a typo, not a lab): at most 10 million records.
    const qint64 rounds = timeline.span / qMax<qint64>(60, timeline.interval) + 8;
    if (timeline.span > 366 * 86400 ||
        rounds * (topology.nodes.size() + topology.workloads.size()) > 10'000'000)
        return makeError(ec::LabBadSettings,
                         QStringLiteral("more than 10 million records or a span over a year"));
    return {};
}

} // namespace

Result<void> TopologyLab::saveDesign(Workspace &workspace, const LabTopology &topology,
                                     const QDateTime &now)
{
    if (auto ok = topology.validate(); !ok)
        return ok.error();
    // Authorities from a month back, for three months: evidence generated later for the design
    // (its timeline reaching into the past) meets valid agent SVIDs.
    if (auto r = createTrustDomains(workspace, topology, now.addDays(-30), 90 * 86400); !r)
        return r;
    return recordDesignIn(workspace.database(), topology, now);
}

std::optional<LabTopology> TopologyLab::loadDesign(Workspace &workspace)
{
    auto st =
        workspace.database().prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'design'"));
    if (!st || !st->next())
        return std::nullopt;
    auto t = LabTopology::fromJson(QJsonDocument::fromJson(st->blob(0)).object());
    if (!t)
        return std::nullopt;
    return *t;
}

QString TopologyLab::imageDigest(const QString &repository, int version)
{
    return digestOf(repository + QString::number(version));
}

QString TopologyLab::agentTrustDomain(Workspace &workspace)
{
    auto st = workspace.database().prepare(
        QStringLiteral("SELECT value FROM meta WHERE key = 'agent_trust_domain'"));
    if (!st || !st->next())
        return {};
    return QString::fromUtf8(st->blob(0));
}

Result<LabSummary> TopologyLab::generate(Workspace &workspace, const LabTopology &topology,
                                         const LabTimeline &timeline)
{
    if (auto ok = checkSettings(topology, timeline); !ok)
        return ok.error();
    const QDateTime start = timeline.start.isValid()
                                ? timeline.start.toUTC()
                                : QDateTime::fromSecsSinceEpoch(
                                      QDateTime::currentSecsSinceEpoch() - timeline.span, Qt::UTC);
    const QString agentTd = topology.effectiveAgentTrustDomain();
    // Authorities outlive the timeline by a month, so the agents' SVIDs stay valid.
    if (auto r = createTrustDomains(workspace, topology, start.addSecs(-3600),
                                    timeline.span + 30 * 86400);
        !r)
        return r.error();
    auto ca = workspace.authority(agentTd);
    if (!ca)
        return ca.error();
    LabTimeline fixed = timeline;
    fixed.start = start;
    return generateInto(workspace.database(), topology, fixed, *ca);
}

Result<LabSummary> TopologyLab::generateInto(Database &db, const LabTopology &topology,
                                             const LabTimeline &timeline,
                                             const CertificateAuthority &agentCa,
                                             const Progress &progress)
{
    if (auto ok = checkSettings(topology, timeline); !ok)
        return ok.error();
    if (agentCa.trustDomain().name() != topology.effectiveAgentTrustDomain())
        return makeError(ec::LabBadSettings,
                         QStringLiteral("the CA is not the agent trust domain's"));
    const qint64 spanMs = timeline.span * 1000;
    const QDateTime start = timeline.start.isValid()
                                ? timeline.start.toUTC()
                                : QDateTime::fromSecsSinceEpoch(
                                      QDateTime::currentSecsSinceEpoch() - timeline.span, Qt::UTC);
    Generator gen(topology, timeline, agentCa);
    if (auto r = gen.setUp(start, spanMs); !r)
        return r.error();
    auto anchors =
        AnchorSet::fromImportJson(QJsonDocument(gen.anchorsJson()).toJson(QJsonDocument::Compact));
    if (!anchors)
        return anchors.error();
    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    auto sum = gen.run(buffer, start, spanMs, progress);
    if (!sum)
        return sum.error();
    // Anchors, evidence and the design together, or nothing (a cancel or a failure on the way).
    const qint64 total = sum->records * 2;
    qint64 stored = sum->records;
    AttestationStore store(db);
    auto r = db.transaction([&]() -> Result<void> {
        if (auto a = store.saveAnchors(*anchors, start); !a)
            return a;
        buffer.seek(0);
        auto n = store.importEvidence(buffer, QStringLiteral("topology-lab"),
                                      [&] { return progress && !progress(stored++, total); });
        if (!n)
            return n.error();
        return recordDesignIn(db, topology, sum->end);
    });
    if (!r)
        return r.error();
    if (progress)
        progress(total, total);
    return *sum;
}

} // namespace ta::core
