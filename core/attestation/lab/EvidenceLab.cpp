// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/EvidenceLab.h"
#include "core/attestation/AttestationErrors.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/X509PopAttestor.h"
#include "core/attestation/lab/AgentSigner.h"
#include "core/attestation/lab/CloudProvider.h"
#include "core/attestation/lab/ClusterIssuer.h"
#include "core/attestation/lab/CosignSigner.h"
#include "core/attestation/lab/GcpIdentityProvider.h"
#include "core/attestation/lab/TpmQuoteBuilder.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/store/AttestationStore.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <queue>
#include <random>

namespace ta::core {
namespace {

enum class Platform { Psat, Aws, Gcp, X509Pop, Tpm };
constexpr int kPlatforms = 5;
constexpr qint64 kReattestMs = 30 * 60 * 1000;
const QString kPsatAudience = QStringLiteral("spire-server");
const QString kGcpAudience = QStringLiteral("spire-gcp-node-attestor");

struct LabNode
{
    QString subject;
    Platform platform = Platform::Psat;
    AgentSigner agent;
    ClusterIssuer::Pod pod;
    CloudProvider::Instance aws;
    GcpIdentityProvider::Instance gcp;
    Key popKey;
    Certificate popCert;
    Key ak;
    TpmPcrValues pcrs;
    /// API objects recorded beside this node's evidence (pod and node, instance and profile),
    /// built once: payload fields merged into each of its node attestations.
    QJsonObject recorded;
};

struct LabWorkload
{
    QString subject;
    int node = 0;
    QString kind;
    int image = -1;
    QStringList selectors;
};

struct LabImage
{
    QString repository;
    QStringList digests; // allowed versions
    int current = 0;
};

QString digestOf(const QString &text)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(
               QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

class Generator
{
public:
    Generator(const LabSettings &s, CertificateAuthority ca)
        : m_s(s), m_ca(std::move(ca)), m_rng(s.seed)
    {}

    Result<void> setUp(const QDateTime &start, qint64 spanMs);
    QJsonObject anchorsJson() const;
    Result<LabSummary> run(QFile &out, const QDateTime &start, qint64 stepMs);

private:
    Result<void> addNode(int i, const QDateTime &start, qint64 spanMs);
    static QJsonObject recordedObjects(const LabNode &node, int i);
    Result<QJsonObject> nodeEvidence(LabNode &node, const QDateTime &t, bool drift);
    Result<QJsonObject> workloadEvidence(const LabWorkload &w, const QDateTime &t);
    double uniform() { return std::uniform_real_distribution<double>(0, 1)(m_rng); }
    int pick(int n) { return int(std::uniform_int_distribution<int>(0, n - 1)(m_rng)); }
    QByteArray randomBytes(int n)
    {
        QByteArray b(n, Qt::Uninitialized);
        for (char &c : b)
            c = char(m_rng() & 0xff);
        return b;
    }

    LabSettings m_s;
    CertificateAuthority m_ca;
    std::mt19937_64 m_rng;
    std::optional<ClusterIssuer> m_cluster;
    std::optional<CloudProvider> m_aws;
    std::optional<GcpIdentityProvider> m_gcp;
    std::optional<CosignSigner> m_release;
    std::optional<CosignSigner> m_rogue;
    Key m_popCaKey;
    Certificate m_popCa;
    QList<LabNode> m_nodes;
    QList<LabWorkload> m_workloads;
    QList<LabImage> m_images;
    quint64 m_jti = 0;
};

Result<void> Generator::setUp(const QDateTime &start, qint64 spanMs)
{
    auto cluster = ClusterIssuer::create(QStringLiteral("lab-cluster"),
                                         QStringLiteral("https://kubernetes.lab.example"));
    auto aws = CloudProvider::create(start);
    auto gcp = GcpIdentityProvider::create();
    auto release = CosignSigner::create(QStringLiteral("release"));
    auto rogue = CosignSigner::create(QStringLiteral("rogue"));
    auto popCaKey = Key::generate(KeyType::EcP256);
    if (!cluster || !aws || !gcp || !release || !rogue || !popCaKey)
        return makeError(ec::LabSetup, QStringLiteral("attester keys"));
    m_cluster = *cluster;
    m_aws = *aws;
    m_gcp = *gcp;
    m_release = *release;
    m_rogue = *rogue;
    m_popCaKey = *popCaKey;
    CertificateSpec caSpec;
    caSpec.role = CertificateSpec::Role::SigningCa;
    caSpec.organization = QStringLiteral("Lab");
    caSpec.commonName = QStringLiteral("Lab x509pop CA");
    caSpec.notBefore = start.addDays(-1);
    caSpec.notAfter = start.addMSecs(spanMs).addDays(30);
    auto popCa = CertificateBuilder::build(caSpec, m_popCaKey, m_popCaKey, nullptr);
    if (!popCa)
        return popCa.error();
    m_popCa = *popCa;

    const int imageCount = qMax(2, m_s.workloads / 10);
    for (int i = 0; i < imageCount; ++i) {
        LabImage img;
        img.repository = QStringLiteral("registry.lab.example/team%1/app%1").arg(i);
        for (int v = 0; v < 4; ++v)
            img.digests << digestOf(img.repository + QString::number(v));
        m_images << img;
    }
    for (int i = 0; i < m_s.nodes; ++i) {
        if (auto r = addNode(i, start, spanMs); !r)
            return r;
    }
    static const char *kinds[] = {"unix", "docker", "systemd"};
    for (int i = 0; i < m_s.workloads; ++i) {
        LabWorkload w;
        w.node = m_s.nodes > 0 ? i % m_s.nodes : 0;
        w.subject = QStringLiteral("workload/app-%1").arg(i);
        const bool k8sNode = !m_nodes.isEmpty() && m_nodes.at(w.node).platform == Platform::Psat;
        w.kind = k8sNode ? QStringLiteral("k8s") : QString::fromLatin1(kinds[i % 3]);
        if (w.kind == QLatin1String("k8s") || w.kind == QLatin1String("docker"))
            w.image = i % imageCount;
        const QString name = QStringLiteral("app-%1").arg(i);
        if (w.kind == QLatin1String("k8s"))
            w.selectors = {QStringLiteral("k8s:ns:team%1").arg(w.image),
                           QStringLiteral("k8s:sa:") + name,
                           QStringLiteral("k8s:pod-name:%1-0").arg(name)};
        else if (w.kind == QLatin1String("docker"))
            w.selectors = {QStringLiteral("docker:label:app:") + name};
        else if (w.kind == QLatin1String("unix"))
            w.selectors = {QStringLiteral("unix:uid:%1").arg(1000 + i),
                           QStringLiteral("unix:user:") + name,
                           QStringLiteral("unix:path:/usr/bin/") + name};
        else
            w.selectors = {QStringLiteral("systemd:id:%1.service").arg(name)};
        m_workloads << w;
    }
    return {};
}

Result<void> Generator::addNode(int i, const QDateTime &start, qint64 spanMs)
{
    LabNode n;
    n.platform = Platform(i % kPlatforms);
    n.subject = QStringLiteral("node/lab-%1").arg(i);
    QStringList agentParts;
    QString attestor;
    switch (n.platform) {
    case Platform::Psat:
        attestor = QStringLiteral("k8s_psat");
        n.pod = {QStringLiteral("spire"),
                 QStringLiteral("spire-agent"),
                 QStringLiteral("spire-agent-%1").arg(i),
                 QStringLiteral("pod-uid-%1").arg(i),
                 QStringLiteral("k8s-node-%1").arg(i),
                 QStringLiteral("node-uid-%1").arg(i)};
        agentParts = {m_cluster->cluster(), n.pod.nodeUid};
        break;
    case Platform::Aws:
        attestor = QStringLiteral("aws_iid");
        n.aws = {QStringLiteral("111122223333"),
                 QStringLiteral("eu-west-1"),
                 QStringLiteral("eu-west-1a"),
                 QStringLiteral("i-%1").arg(i, 17, 16, QLatin1Char('0')),
                 QStringLiteral("ami-0abc%1").arg(i % 7),
                 QStringLiteral("m5.large")};
        agentParts = {n.aws.accountId, n.aws.region, n.aws.instanceId};
        break;
    case Platform::Gcp:
        attestor = QStringLiteral("gcp_iit");
        n.gcp = {QStringLiteral("lab-project"), QStringLiteral("europe-west1-b"),
                 QString::number(7000000000000000000LL + i), QStringLiteral("gce-%1").arg(i)};
        agentParts = {n.gcp.projectId, n.gcp.instanceId};
        break;
    case Platform::X509Pop: {
        attestor = QStringLiteral("x509pop");
        auto key = Key::generate(KeyType::EcP256);
        if (!key)
            return key.error();
        CertificateSpec spec;
        spec.role = CertificateSpec::Role::Leaf;
        spec.commonName = QStringLiteral("pop-node-%1").arg(i);
        spec.notBefore = start.addDays(-1);
        spec.notAfter = start.addMSecs(spanMs).addDays(7);
        auto cert = CertificateBuilder::build(spec, *key, m_popCaKey, &m_popCa);
        if (!cert)
            return cert.error();
        n.popKey = *key;
        n.popCert = *cert;
        agentParts = {QString::fromLatin1(
            QCryptographicHash::hash(cert->toDer(), QCryptographicHash::Sha1).toHex())};
        break;
    }
    case Platform::Tpm: {
        attestor = QStringLiteral("tpm");
        auto ak = Key::generate(KeyType::EcP256);
        if (!ak)
            return ak.error();
        n.ak = *ak;
        for (int pcr : {0, 2, 4, 7})
            n.pcrs[QStringLiteral("sha256")][pcr] = QCryptographicHash::hash(
                QByteArray("golden-") + QByteArray::number(pcr), QCryptographicHash::Sha256);
        agentParts = {QString::fromLatin1(ak->fingerprint())};
        break;
    }
    }
    // Every other node of a platform comes with the API objects SPIRE's server would look up.
    if ((i / kPlatforms) % 2 == 0)
        n.recorded = recordedObjects(n, i);
    auto agentId = AgentId::make(m_ca.trustDomain(), attestor, agentParts);
    if (!agentId)
        return agentId.error();
    auto agentKey = Key::generate(KeyType::EcP256);
    if (!agentKey)
        return agentKey.error();
    auto svid = m_ca.mintX509Svid(SpiffeId::fromString(*agentId).value(), agentKey->publicKey(), {},
                                  spanMs / 1000 + 86400, start.addSecs(-60));
    if (!svid)
        return svid.error();
    n.agent = AgentSigner(*agentKey, svid->chain);
    m_nodes << n;
    return {};
}

QJsonObject Generator::recordedObjects(const LabNode &n, int i)
{
    const QString ip =
        QStringLiteral("10.%1.%2.%3").arg(i >> 16 & 0xff).arg(i >> 8 & 0xff).arg(i & 0xff);
    switch (n.platform) {
    case Platform::Psat:
        return {{QStringLiteral("pod"),
                 ClusterIssuer::podObject(
                     n.pod, {{QStringLiteral("app"), QStringLiteral("spire-agent")}}, ip)},
                {QStringLiteral("node"),
                 ClusterIssuer::nodeObject(n.pod,
                                           {{QStringLiteral("topology.kubernetes.io/zone"),
                                             QStringLiteral("lab-zone-%1").arg(i % 3)}},
                                           ip)}};
    case Platform::Aws:
        return {{QStringLiteral("instance"),
                 CloudProvider::describeInstance(n.aws,
                                                 {{QStringLiteral("Name"), n.subject.mid(5)},
                                                  {QStringLiteral("env"), QStringLiteral("lab")}},
                                                 {{QStringLiteral("sg-0lab%1").arg(i % 4),
                                                   QStringLiteral("lab-nodes-%1").arg(i % 4)}},
                                                 QStringLiteral("lab-node"))},
                {QStringLiteral("instance_profile"),
                 CloudProvider::instanceProfile(n.aws, QStringLiteral("lab-node"),
                                                {QStringLiteral("lab-node-role")})}};
    case Platform::Gcp:
        return {
            {QStringLiteral("instance"),
             GcpIdentityProvider::instanceObject(
                 n.gcp, {QStringLiteral("lab")}, {{QStringLiteral("env"), QStringLiteral("lab")}},
                 {{QStringLiteral("role"), QStringLiteral("worker")}})}};
    case Platform::X509Pop:
    case Platform::Tpm:
        break;
    }
    return {};
}

QJsonObject Generator::anchorsJson() const
{
    // The SPIRE server settings: the agents' service account and the lab's project allowed, the
    // label and metadata keys the recorded objects carry turned into selectors.
    QJsonObject psat = m_cluster->anchorJson(kPsatAudience);
    psat.insert(QStringLiteral("service_account_allow_list"),
                QJsonArray{QStringLiteral("spire:spire-agent")});
    psat.insert(QStringLiteral("allowed_node_label_keys"),
                QJsonArray{QStringLiteral("topology.kubernetes.io/zone")});
    psat.insert(QStringLiteral("allowed_pod_label_keys"), QJsonArray{QStringLiteral("app")});
    QJsonObject gcp = m_gcp->anchorJson(kGcpAudience);
    gcp.insert(QStringLiteral("projectid_allow_list"), QJsonArray{QStringLiteral("lab-project")});
    gcp.insert(QStringLiteral("allowed_label_keys"), QJsonArray{QStringLiteral("env")});
    gcp.insert(QStringLiteral("allowed_metadata_keys"), QJsonArray{QStringLiteral("role")});
    QJsonArray anchors{psat, gcp, m_aws->anchorJson(), m_release->anchorJson(),
                       QJsonObject{{QStringLiteral("kind"), QStringLiteral("x509pop_ca")},
                                   {QStringLiteral("name"), QStringLiteral("lab-pop-ca")},
                                   {QStringLiteral("pem"), QString::fromLatin1(m_popCa.toPem())}}};
    QJsonArray refs;
    for (const LabNode &n : m_nodes) {
        if (n.platform != Platform::Tpm)
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
    for (const LabImage &img : m_images) {
        for (const QString &d : img.digests)
            refs.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                                    {QStringLiteral("image"), img.repository},
                                    {QStringLiteral("digest"), d}});
    }
    return {{QStringLiteral("anchors"), anchors}, {QStringLiteral("reference_values"), refs}};
}

Result<QJsonObject> Generator::nodeEvidence(LabNode &n, const QDateTime &t, bool drift)
{
    switch (n.platform) {
    case Platform::Psat: {
        // Drift: a token minted for another audience.
        auto token = m_cluster->mintToken(
            n.pod, drift ? QStringLiteral("not-spire") : kPsatAudience, t, 3600);
        if (!token)
            return token.error();
        return QJsonObject{{QStringLiteral("token"), QString::fromLatin1(*token)}};
    }
    case Platform::Aws: {
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
    case Platform::Gcp: {
        // Drift: a token two hours old, expired.
        auto token = m_gcp->mintToken(n.gcp, kGcpAudience, drift ? t.addSecs(-7200) : t);
        if (!token)
            return token.error();
        return QJsonObject{{QStringLiteral("token"), QString::fromLatin1(*token)}};
    }
    case Platform::X509Pop: {
        const QByteArray challenge = randomBytes(32);
        // Drift: the proof signed by a key that is not the certificate's.
        const QByteArray sig =
            X509PopAttestor::signChallenge(drift ? m_popCaKey : n.popKey, challenge);
        return QJsonObject{
            {QStringLiteral("chain"), QJsonArray{QString::fromLatin1(n.popCert.toPem())}},
            {QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64())},
            {QStringLiteral("signature"), QString::fromLatin1(sig.toBase64())}};
    }
    case Platform::Tpm: {
        TpmPcrValues pcrs = n.pcrs;
        // Drift: PCR 7 (secure boot policy) no longer has its golden value.
        if (drift)
            pcrs[QStringLiteral("sha256")][7] =
                QCryptographicHash::hash(randomBytes(8), QCryptographicHash::Sha256);
        TpmQuoteBuilder b;
        b.setNonce(randomBytes(16)).setPcrValues(pcrs);
        return b.buildEvidencePayload(n.ak);
    }
    }
    return makeError(ec::LabPlatform);
}

Result<QJsonObject> Generator::workloadEvidence(const LabWorkload &w, const QDateTime &t)
{
    QJsonObject claims;
    if (w.image >= 0) {
        const LabImage &img = m_images.at(w.image);
        claims.insert(QStringLiteral("image"),
                      img.repository + QLatin1Char('@') + img.digests.at(img.current));
    }
    QStringList selectors = w.selectors;
    if (w.kind == QLatin1String("k8s"))
        selectors << QStringLiteral("k8s:container-image:") +
                         claims.value(QLatin1String("image")).toString();
    else if (w.kind == QLatin1String("docker"))
        selectors << QStringLiteral("docker:image_id:") +
                         m_images.at(w.image).digests.at(m_images.at(w.image).current);
    return m_nodes.at(w.node).agent.sign(w.subject, selectors, claims, t,
                                         QStringLiteral("lab-%1-%2").arg(m_s.seed).arg(++m_jti));
}

Result<LabSummary> Generator::run(QFile &out, const QDateTime &start, qint64 stepMs)
{
    LabSummary sum;
    sum.start = start;
    using Due = std::pair<qint64, int>;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> due;
    for (int i = 0; i < m_nodes.size(); ++i)
        due.push({0, i});
    const qint64 rotateAt = m_s.records / 2;
    QDateTime t = start;
    for (qint64 i = 0; i < m_s.records; ++i) {
        if (m_s.cancelled && m_s.cancelled())
            return makeError(ec::StoreCancelled);
        const qint64 ms = i * stepMs;
        t = start.addMSecs(ms);
        EvidenceRecord rec;
        rec.time = t;
        bool drift = false;
        if (i == rotateAt && m_nodes.size() > 0) {
            // Key rotation at the cluster issuer: the old key is revoked and every k8s node
            // re-attests with a token under the new key.
            rec.attestor = QStringLiteral("signal");
            rec.subject = QStringLiteral("operator/lab");
            rec.payload = QJsonObject{
                {QStringLiteral("kind"), QStringLiteral("revoke-key")},
                {QStringLiteral("fingerprint"), QString::fromLatin1(m_cluster->rotate())}};
            for (int n = 0; n < m_nodes.size(); ++n) {
                if (m_nodes.at(n).platform == Platform::Psat)
                    due.push({ms, n});
            }
            ++sum.signals;
        } else if (!due.empty() && due.top().first <= ms) {
            const int n = due.top().second;
            due.pop();
            drift = i >= m_nodes.size() && uniform() < m_s.driftRate;
            LabNode &node = m_nodes[n];
            auto payload = nodeEvidence(node, t, drift);
            if (!payload)
                return payload.error();
            for (auto it = node.recorded.constBegin(); it != node.recorded.constEnd(); ++it)
                payload->insert(it.key(), it.value());
            static const char *names[] = {"k8s_psat", "aws_iid", "gcp_iit", "x509pop", "tpm"};
            rec.attestor = QString::fromLatin1(names[int(node.platform)]);
            rec.subject = node.subject;
            rec.payload = *payload;
            // A drifted node is fixed and re-attests a minute later.
            due.push({ms + (drift ? 60000 : kReattestMs), n});
            ++sum.nodeAttestations;
        } else if (!m_images.isEmpty() &&
                   (m_workloads.isEmpty() || uniform() < 0.02 + m_s.driftRate / 2)) {
            LabImage &img = m_images[pick(int(m_images.size()))];
            drift = uniform() < m_s.driftRate / (0.02 + m_s.driftRate / 2);
            Result<QJsonObject> payload = QJsonObject();
            if (!drift) {
                img.current = (img.current + 1) % int(img.digests.size());
                payload = m_release->sign(img.repository, img.digests.at(img.current));
            } else if (uniform() < 0.5) {
                payload =
                    m_release->sign(img.repository, digestOf(img.repository + QString::number(i)));
            } else {
                payload = m_rogue->sign(img.repository, img.digests.at(img.current));
            }
            if (!payload)
                return payload.error();
            rec.attestor = QStringLiteral("cosign");
            rec.subject = QStringLiteral("image/") + img.repository;
            rec.payload = *payload;
            ++sum.imageSignatures;
        } else if (!m_workloads.isEmpty()) {
            const LabWorkload &w = m_workloads.at(pick(int(m_workloads.size())));
            auto payload = workloadEvidence(w, t);
            if (!payload)
                return payload.error();
            rec.attestor = w.kind;
            rec.subject = w.subject;
            rec.payload = *payload;
            ++sum.workloadAttestations;
        } else {
            continue;
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

} // namespace

Result<LabSummary> EvidenceLab::generate(const QString &workspacePath, const QString &anchorsPath,
                                         const QString &evidencePath, const LabSettings &settings,
                                         const std::optional<QByteArray> &passphrase)
{
    if (settings.nodes < 0 || settings.workloads < 0 || settings.records < 0 ||
        settings.driftRate < 0 || settings.driftRate > 1)
        return makeError(ec::LabBadSettings);
    const QDateTime start =
        settings.start.isValid()
            ? settings.start.toUTC()
            : QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    // Records come close enough that node re-attestations (each node every 30 min) stay near a
    // tenth of the timeline, the rest being workloads and images; at most one record every 2 s,
    // and the whole timeline within 20 days so that every certificate and CA authority outlives it.
    const qint64 density =
        qBound<qint64>(qint64(1), qint64(180000) / qMax(1, settings.nodes), qint64(2000));
    const qint64 stepMs = qMax<qint64>(
        qint64(1),
        qMin<qint64>(density, settings.records > 0 ? qint64(20) * 86400 * 1000 / settings.records
                                                   : density));
    const qint64 spanMs = stepMs * qMax<qint64>(1, settings.records);
    auto td = TrustDomain::fromName(settings.trustDomain);
    if (!td)
        return td.error();
    auto ws = Workspace::create(workspacePath, passphrase);
    if (!ws)
        return ws.error();
    CaSettings caSettings;
    caSettings.caTtl = spanMs / 1000 + 2 * 86400;
    caSettings.x509SvidTtl = spanMs / 1000 + 86400;
    auto ca = (*ws)->createTrustDomain(*td, caSettings, start.addSecs(-3600));
    if (!ca)
        return ca.error();
    Generator gen(settings, *ca);
    if (auto r = gen.setUp(start, spanMs); !r)
        return r.error();
    const QByteArray anchorsJson = QJsonDocument(gen.anchorsJson()).toJson(QJsonDocument::Indented);
    auto anchors = AnchorSet::fromImportJson(anchorsJson);
    if (!anchors)
        return anchors.error();
    AttestationStore store((*ws)->database());
    if (auto r = store.saveAnchors(*anchors, start); !r)
        return r.error();
    QFile anchorsFile(anchorsPath);
    if (!anchorsFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        anchorsFile.write(anchorsJson) != anchorsJson.size())
        return makeError(ec::LabWrite, anchorsPath);
    anchorsFile.close();
    QFile out(evidencePath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ec::LabWrite, evidencePath);
    auto sum = gen.run(out, start.addSecs(1), stepMs);
    out.close();
    if (!sum)
        return sum.error();
    if (settings.importEvidence) {
        QFile in(evidencePath);
        if (!in.open(QIODevice::ReadOnly))
            return makeError(ec::LabRead, evidencePath);
        auto n = store.importEvidence(in, evidencePath, settings.cancelled);
        if (!n)
            return n.error();
    }
    return *sum;
}

} // namespace ta::core
