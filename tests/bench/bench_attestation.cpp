// SPDX-License-Identifier: Apache-2.0
// Evidence verification rate per attestor beside OpenSSL's raw verify rate for the same
// algorithm, same run, one core; then the lab: time to generate and to replay a timeline.
// One JSON line per case. Run with --quick for a short smoke run, --records N for the lab size.
#include "core/attestation/AwsIidAttestor.h"
#include "core/attestation/CosignAttestor.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/attestation/GcpIitAttestor.h"
#include "core/attestation/K8sPsatAttestor.h"
#include "core/attestation/TpmAttestor.h"
#include "core/attestation/WorkloadAttestor.h"
#include "core/attestation/lab/AgentSigner.h"
#include "core/attestation/lab/CloudProvider.h"
#include "core/attestation/lab/ClusterIssuer.h"
#include "core/attestation/lab/CosignSigner.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/attestation/lab/GcpIdentityProvider.h"
#include "core/attestation/lab/TpmQuoteBuilder.h"
#include "core/spiffe/CertificateAuthority.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <openssl/rsa.h>

#include <cstdio>

using namespace ta::core;

namespace {

template <typename Fn>
double ratePerSecond(qint64 budgetMs, Fn &&op)
{
    QElapsedTimer t;
    t.start();
    qint64 n = 0;
    while (t.elapsed() < budgetMs) {
        for (int i = 0; i < 8; ++i) {
            if (!op())
                return -1;
        }
        n += 8;
    }
    return double(n) * 1000.0 / double(t.elapsed());
}

void emitLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// OpenSSL's raw digest-and-verify of one signature of @p key over @p size bytes.
double rawVerifyRate(qint64 budget, const Key &key, qsizetype size)
{
    const QByteArray msg(size, 'x');
    EvpMdCtxPtr sctx(EVP_MD_CTX_new());
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(msg.constData());
    EVP_DigestSignInit(sctx.get(), nullptr, EVP_sha256(), nullptr, key.get());
    EVP_DigestSign(sctx.get(), nullptr, &len, in, size_t(msg.size()));
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    EVP_DigestSign(sctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                   size_t(msg.size()));
    sig.resize(qsizetype(len));
    return ratePerSecond(budget, [&] {
        EvpMdCtxPtr ctx(EVP_MD_CTX_new());
        return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
               EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(sig.constData()),
                                size_t(sig.size()), in, size_t(msg.size())) == 1;
    });
}

void report(const char *attestor, const char *alg, int signaturesPerRecord, double ours, double raw)
{
    emitLine({{QStringLiteral("bench"), QStringLiteral("attestation_verify")},
              {QStringLiteral("attestor"), QString::fromLatin1(attestor)},
              {QStringLiteral("algorithm"), QString::fromLatin1(alg)},
              {QStringLiteral("signatures_per_record"), signaturesPerRecord},
              {QStringLiteral("ours_per_s"), qRound(ours)},
              {QStringLiteral("openssl_raw_verify_per_s"), qRound(raw)},
              {QStringLiteral("ratio"),
               raw > 0 ? double(qRound(ours * signaturesPerRecord / raw * 1000)) / 1000 : 0.0}});
}

EvidenceRecord rec(const char *attestor, const QString &subject, const QJsonObject &payload,
                   const QDateTime &t)
{
    EvidenceRecord r;
    r.time = t;
    r.attestor = QString::fromLatin1(attestor);
    r.subject = subject;
    r.payload = payload;
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const qint64 budget = quick ? 200 : 2000;
    const qsizetype at = args.indexOf(QStringLiteral("--records"));
    const qint64 labRecords = at >= 0 ? args.value(at + 1).toLongLong() : (quick ? 10000 : 100000);
    const QDateTime now =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);

    const auto td = TrustDomain::fromName(QStringLiteral("bench.example")).value();
    const auto ca = CertificateAuthority::create(td, CaSettings{}, now.addDays(-1)).value();
    const auto cluster =
        ClusterIssuer::create(QStringLiteral("prod"), QStringLiteral("https://k8s")).value();
    const auto gcp = GcpIdentityProvider::create().value();
    const auto aws = CloudProvider::create(now).value();
    const auto cosign = CosignSigner::create(QStringLiteral("release")).value();
    const Key ak = Key::generate(KeyType::EcP256).value();
    TpmPcrValues pcrs;
    pcrs[QStringLiteral("sha256")][7] =
        QCryptographicHash::hash("pcr7", QCryptographicHash::Sha256);
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('d'));
    const QJsonObject anchorsJson{
        {QStringLiteral("anchors"),
         QJsonArray{
             cluster.anchorJson(QStringLiteral("spire-server")),
             gcp.anchorJson(QStringLiteral("gcp")), aws.anchorJson(), cosign.anchorJson(),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                         {QStringLiteral("subject"), QStringLiteral("node/tpm")},
                         {QStringLiteral("public_key_pem"), QString::fromLatin1(ak.publicPem())}}}},
        {QStringLiteral("reference_values"),
         QJsonArray{
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                         {QStringLiteral("image"), QStringLiteral("r/app")},
                         {QStringLiteral("digest"), digest}},
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                         {QStringLiteral("subject"), QStringLiteral("node/tpm")},
                         {QStringLiteral("index"), 7},
                         {QStringLiteral("value"),
                          QString::fromLatin1(pcrs[QStringLiteral("sha256")][7].toHex())}}}}};
    const AnchorSet anchors =
        AnchorSet::fromImportJson(QJsonDocument(anchorsJson).toJson()).value();
    TrustBundleSet bundles;
    TrustBundle bundle(td);
    for (const Certificate &c : ca.x509Authorities())
        (void)bundle.addX509Authority(c);
    bundles.insert(bundle);
    AttestationSettings settings;
    settings.trustDomain = td;
    AttestationState state;
    const AttestationContext ctx{anchors, state, bundles, settings};

    // Each attestor verifies the same record over and over: the attestor alone, no replay guard.
    const ClusterIssuer::Pod pod{QStringLiteral("spire"), QStringLiteral("agent"),
                                 QStringLiteral("p"),     QStringLiteral("u"),
                                 QStringLiteral("n"),     QStringLiteral("nu")};
    const EvidenceRecord psat =
        rec("k8s_psat", QStringLiteral("node/a"),
            {{QStringLiteral("token"),
              QString::fromLatin1(
                  cluster.mintToken(pod, QStringLiteral("spire-server"), now, 3600).value())}},
            now);
    const K8sPsatAttestor psatAttestor;
    report("k8s_psat", "ES256", 1,
           ratePerSecond(budget, [&] { return psatAttestor.verify(psat, ctx).accepted(); }),
           rawVerifyRate(budget, cluster.currentKey(), 700));

    const Key rsa = Key::generate(KeyType::Rsa2048).value();
    const double rawRsa = rawVerifyRate(budget, rsa, 900);
    const GcpIdentityProvider::Instance inst{QStringLiteral("p"), QStringLiteral("z"),
                                             QStringLiteral("1"), QStringLiteral("vm")};
    const EvidenceRecord gcpRec =
        rec("gcp_iit", QStringLiteral("node/g"),
            {{QStringLiteral("token"),
              QString::fromLatin1(gcp.mintToken(inst, QStringLiteral("gcp"), now).value())}},
            now);
    const GcpIitAttestor gcpAttestor;
    report("gcp_iit", "RS256", 1,
           ratePerSecond(budget, [&] { return gcpAttestor.verify(gcpRec, ctx).accepted(); }),
           rawRsa);

    const CloudProvider::Instance ec2{QStringLiteral("1"),     QStringLiteral("r"),
                                      QStringLiteral("ra"),    QStringLiteral("i-1"),
                                      QStringLiteral("ami-1"), QStringLiteral("t")};
    const QByteArray doc = CloudProvider::document(ec2, now);
    const EvidenceRecord awsRec =
        rec("aws_iid", QStringLiteral("node/e"),
            {{QStringLiteral("document"), QString::fromUtf8(doc)},
             {QStringLiteral("pkcs7"), QString::fromLatin1(aws.sign(doc, now).value())}},
            now);
    const AwsIidAttestor awsAttestor;
    report("aws_iid", "RSA-2048 PKCS#7", 1,
           ratePerSecond(budget, [&] { return awsAttestor.verify(awsRec, ctx).accepted(); }),
           rawRsa);

    const Key p256 = Key::generate(KeyType::EcP256).value();
    const double rawEc = rawVerifyRate(budget, p256, 250);
    const EvidenceRecord cosignRec = rec("cosign", QStringLiteral("image/app"),
                                         cosign.sign(QStringLiteral("r/app"), digest).value(), now);
    const CosignAttestor cosignAttestor;
    report("cosign", "ECDSA P-256", 1,
           ratePerSecond(budget, [&] { return cosignAttestor.verify(cosignRec, ctx).accepted(); }),
           rawEc);

    TpmQuoteBuilder qb;
    qb.setNonce("bench-nonce").setPcrValues(pcrs);
    const EvidenceRecord tpmRec =
        rec("tpm", QStringLiteral("node/tpm"), qb.buildEvidencePayload(ak).value(), now);
    const TpmAttestor tpmAttestor;
    report("tpm", "ECDSA P-256", 1,
           ratePerSecond(budget, [&] { return tpmAttestor.verify(tpmRec, ctx).accepted(); }),
           rawEc);

    // Workload: the agent's X509-SVID path (one verify) and the JWS (one verify).
    const QString agentId = QStringLiteral("spiffe://bench.example/spire/agent/k8s_psat/prod/nu");
    const Key agentKey = Key::generate(KeyType::EcP256).value();
    const AgentSigner agent(agentKey,
                            ca.mintX509Svid(SpiffeId::fromString(agentId).value(),
                                            agentKey.publicKey(), {}, 3600, now.addSecs(-60))
                                ->chain);
    state.attestNode(
        {QStringLiteral("node/a"), agentId, now.addSecs(-10), now.addSecs(3600), {}, {}});
    const EvidenceRecord wl =
        rec("k8s", QStringLiteral("workload/api"),
            agent
                .sign(QStringLiteral("workload/api"), {QStringLiteral("k8s:ns:a")}, {}, now,
                      QStringLiteral("j"))
                .value(),
            now);
    const WorkloadAttestor k8s(QStringLiteral("k8s"));
    // After the first record the agent's SVID path is remembered (WorkloadAttestor's cache), so
    // a record costs one signature check: the JWS.
    report("k8s", "ECDSA P-256 (JWS; SVID path once per agent)", 1,
           ratePerSecond(budget, [&] { return k8s.verify(wl, ctx).accepted(); }), rawEc);

    // The lab: generate a timeline (streamed to disk), then replay it through the verifier.
    QTemporaryDir dir;
    LabSettings lab;
    lab.nodes = int(qMax<qint64>(5, labRecords / 1000));
    lab.workloads = lab.nodes * 4;
    lab.records = labRecords;
    lab.importEvidence = false;
    QElapsedTimer t;
    t.start();
    auto sum = EvidenceLab::generate(dir.filePath(QStringLiteral("lab.atlas")),
                                     dir.filePath(QStringLiteral("a.json")),
                                     dir.filePath(QStringLiteral("e.jsonl")), lab, std::nullopt);
    if (!sum) {
        std::fprintf(stderr, "%s\n", qPrintable(sum.error().toString()));
        return 1;
    }
    const qint64 genMs = t.elapsed();
    const qint64 bytes = QFileInfo(dir.filePath(QStringLiteral("e.jsonl"))).size();
    auto fileAnchors = AnchorSet::fromImportJson([&] {
        QFile f(dir.filePath(QStringLiteral("a.json")));
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }());
    auto ws = Workspace::open(dir.filePath(QStringLiteral("lab.atlas")), {});
    if (!fileAnchors || !ws)
        return 1;
    TrustBundleSet labBundles;
    labBundles.insert((*ws)->bundle(lab.trustDomain).value());
    AttestationSettings labSettings;
    labSettings.trustDomain = TrustDomain::fromName(lab.trustDomain).value();
    // The same replay on one thread, then with the signature pre-pass on every core.
    struct Run
    {
        qint64 records = 0;
        qint64 refused = 0;
        qint64 ms = 0;
        qint64 reused = 0;
    };
    auto replay = [&](int threads) -> std::optional<Run> {
        EvidenceVerifier verifier(*fileAnchors, labBundles, labSettings);
        verifier.setThreads(threads);
        QFile in(dir.filePath(QStringLiteral("e.jsonl")));
        if (!in.open(QIODevice::ReadOnly))
            return std::nullopt;
        Run run;
        t.restart();
        auto n = verifier.verifyStream(
            in, [&](const AttestationResult &r) { run.refused += !r.accepted(); });
        run.ms = qMax<qint64>(1, t.elapsed());
        if (!n)
            return std::nullopt;
        run.records = *n;
        run.reused = verifier.signaturesReused();
        return run;
    };
    const auto one = replay(1);
    const int cores = QThread::idealThreadCount();
    const auto all = replay(0);
    if (!one || !all || one->refused != all->refused)
        return 1;
    auto perSecond = [](const Run &r) { return qRound(double(r.records) * 1000.0 / double(r.ms)); };
    emitLine(
        {{QStringLiteral("bench"), QStringLiteral("lab_timeline")},
         {QStringLiteral("records"), one->records},
         {QStringLiteral("nodes"), lab.nodes},
         {QStringLiteral("workloads"), lab.workloads},
         {QStringLiteral("generate_ms"), genMs},
         {QStringLiteral("jsonl_bytes"), bytes},
         {QStringLiteral("verify_ms_1_thread"), one->ms},
         {QStringLiteral("verify_per_s_1_thread"), perSecond(*one)},
         {QStringLiteral("cores"), cores},
         {QStringLiteral("verify_ms_all_cores"), all->ms},
         {QStringLiteral("verify_per_s_all_cores"), perSecond(*all)},
         {QStringLiteral("speedup"), double(qRound(double(one->ms) / double(all->ms) * 100)) / 100},
         {QStringLiteral("signatures_reused"), all->reused},
         {QStringLiteral("refused"), one->refused}});
    return 0;
}
