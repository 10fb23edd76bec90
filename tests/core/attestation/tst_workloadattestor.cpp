// SPDX-License-Identifier: Apache-2.0
// unix, k8s, docker, systemd: claims signed by an agent whose node attestation holds, and every
// refusal.
#include "LabFixture.h"

#include "core/attestation/PlainJson.h"
#include "core/attestation/WorkloadAttestor.h"
#include "core/crypto/OsslPtr.h"

#include <openssl/evp.h>

#include <atomic>
#include <optional>
#include <thread>

using namespace ta::core;
using namespace ta::core::test;

namespace {

const QString kAgent = QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a");

/// An ECDSA signature over SHA-256 of @p input, DER-encoded as OpenSSL makes it: what an RSA
/// algorithm's verification of an EC key would accept, were the key's type not checked.
QByteArray derEcdsaSha256(const Key &key, const QByteArray &input)
{
    const EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(input.size())) != 1)
        return {};
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                       size_t(input.size())) != 1)
        return {};
    sig.resize(qsizetype(len));
    return sig;
}

/// A member of the workload claims a result was given ("image", "attestor", ...).
QString workloadClaim(const AttestationResult &r, QLatin1StringView name)
{
    return r.claims.value(QLatin1String("workload")).toObject().value(name).toString();
}

} // namespace

class TestWorkloadAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accepted_data();
    void accepted();
    void refusals_data();
    void refusals();
    void validatedSvidStillExpires();
    void attestorsShareTheirValidatedChains();
    void validatingOneChainHoldsOnlyThatChain();
    void keptChainKeysOwnTheirBytes();
    void claimsFollowEachRecord();
    void aHeaderSeenBeforeIsJudgedAsAnew_data();
    void aHeaderSeenBeforeIsJudgedAsAnew();
    void claimsReadPlainlyOrByQtAlike_data();
    void claimsReadPlainlyOrByQtAlike();
    void plainAndQtReadClaimsShareWhatWasBuilt();
    void aSubjectSeenBeforeIsJudgedAsAnew_data();
    void aSubjectSeenBeforeIsJudgedAsAnew();
    void attestorsKeepTheirOwnClaims();
    void subjectsShareClaimsBuiltFromTheSameInputs();

private:
    EvidenceRecord node(const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"),
                      m_f.psatPayload(at.addSecs(-5)), at);
    }
    EvidenceRecord workload(const AgentSigner &agent, const QString &attestor,
                            const QStringList &selectors, const QDateTime &at = t0().addSecs(60),
                            const QString &jti = QStringLiteral("j1"), const QDateTime &iat = {},
                            const QString &sub = QStringLiteral("workload/api")) const
    {
        return record(attestor, QStringLiteral("workload/api"),
                      agent
                          .sign(sub, selectors, {{QStringLiteral("image"), QStringLiteral("x")}},
                                iat.isValid() ? iat : at, jti)
                          .value(),
                      at);
    }

    /// A token of the fixture's agent (its header) over @p claims as written.
    QByteArray tokenOver(const QByteArray &claims) const
    {
        const QByteArray header = m_agent.sign(QStringLiteral("workload/api"), {}, {}, t0(), {})
                                      .value()
                                      .value(QLatin1String("jws"))
                                      .toString()
                                      .toLatin1()
                                      .split('.')
                                      .at(0);
        const QByteArray input = header + '.' + Jose::base64UrlEncode(claims);
        return input + '.' +
               Jose::base64UrlEncode(Jose::sign(m_agent.key(), JwsAlgorithm::ES256, input).value());
    }
    EvidenceRecord workloadOver(const QByteArray &claims, const QDateTime &at) const
    {
        return record(QStringLiteral("k8s"), QStringLiteral("workload/api"),
                      {{QStringLiteral("jws"), QString::fromLatin1(tokenOver(claims))}}, at);
    }
    /// What a result says, all of it, as one text.
    static QString summary(const AttestationResult &r)
    {
        QStringList out{verdictName(r.verdict()), r.selectors.join(QLatin1Char(',')), r.nonce,
                        r.expiresAt.toString(Qt::ISODate),
                        QString::fromUtf8(QJsonDocument(r.claims).toJson(QJsonDocument::Compact))};
        for (const AttestationReason &reason : r.reasons)
            out << reason.code + QLatin1Char('|') + reason.expected + QLatin1Char('|') +
                       reason.found;
        return out.join(QLatin1Char('\n'));
    }

    LabFixture m_f;
    AgentSigner m_agent;
};

void TestWorkloadAttestor::initTestCase()
{
    m_agent = m_f.agent(kAgent);
}

void TestWorkloadAttestor::accepted_data()
{
    QTest::addColumn<QString>("attestor");
    QTest::addColumn<QStringList>("selectors");
    QTest::newRow("k8s") << QStringLiteral("k8s")
                         << QStringList{QStringLiteral("k8s:ns:payments"),
                                        QStringLiteral("k8s:sa:api")};
    QTest::newRow("unix") << QStringLiteral("unix") << QStringList{QStringLiteral("unix:uid:1000")};
    QTest::newRow("docker") << QStringLiteral("docker")
                            << QStringList{QStringLiteral("docker:label:app:api")};
    QTest::newRow("systemd") << QStringLiteral("systemd")
                             << QStringList{QStringLiteral("systemd:id:api.service")};
}

void TestWorkloadAttestor::accepted()
{
    QFETCH(QString, attestor);
    QFETCH(QStringList, selectors);
    const AttestationResult r = m_f.replay({node(), workload(m_agent, attestor, selectors)});
    expectOutcome(r, {});
    QCOMPARE(r.selectors, selectors);
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("k8s_issuer:prod")});
    const QJsonObject w = r.claims.value(QLatin1String("workload")).toObject();
    QCOMPARE(w.value(QLatin1String("agent_id")).toString(), kAgent);
    QCOMPARE(w.value(QLatin1String("node")).toString(), QStringLiteral("node/a"));
}

void TestWorkloadAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("rule");
    auto row = [](const char *name, const char *code) {
        QTest::newRow(name) << QString::fromLatin1(code) << QString::fromLatin1(name);
    };
    row("no jws", "malformed");
    row("no x5c", "malformed");
    row("agent SVID from another CA", "agent_svid_invalid");
    row("agent SVID of an unknown trust domain", "issuer_unknown");
    row("signed by another key", "signature_invalid");
    row("agent key revoked", "key_revoked");
    row("agent never attested", "agent_not_attested");
    row("node attestation lapsed", "agent_not_attested");
    row("node anchor revoked since", "agent_not_attested");
    row("node drifted since", "agent_not_attested");
    row("selector of another attestor", "selector_foreign");
    row("claims for another subject", "claim_mismatch");
    row("claims older than allowed", "expired");
    row("claims from the future", "not_yet_valid");
    row("nonce replayed", "replayed");
}

void TestWorkloadAttestor::refusals()
{
    QFETCH(QString, code);
    QFETCH(QString, rule);
    const QStringList sel{QStringLiteral("k8s:ns:payments")};
    QList<EvidenceRecord> records{node()};
    if (rule == QLatin1String("no jws")) {
        records << record(QStringLiteral("k8s"), QStringLiteral("workload/api"), {});
    } else if (rule == QLatin1String("no x5c")) {
        records << record(
            QStringLiteral("k8s"), QStringLiteral("workload/api"),
            {{QStringLiteral("jws"),
              QString::fromLatin1(signJwt(m_agent.key(), JwsAlgorithm::ES256, {}, {}))}});
    } else if (rule == QLatin1String("agent SVID from another CA")) {
        LabFixture other;
        records << workload(other.agent(kAgent), QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("agent SVID of an unknown trust domain")) {
        const auto td = TrustDomain::fromName(QStringLiteral("elsewhere.example")).value();
        const auto ca = CertificateAuthority::create(td, CaSettings{}, t0().addDays(-1)).value();
        const Key k = Key::generate(KeyType::EcP256).value();
        const auto svid = ca.mintX509Svid(
            SpiffeId::fromString(QStringLiteral("spiffe://elsewhere.example/agent")).value(),
            k.publicKey(), {}, 3600, t0());
        records << workload(AgentSigner(k, svid.value().chain), QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("signed by another key")) {
        records << workload(AgentSigner(Key::generate(KeyType::EcP256).value(), m_agent.chain()),
                            QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("agent key revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"),
                          QString::fromLatin1(m_agent.key().fingerprint()), t0().addSecs(30))
                << workload(m_agent, QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("agent never attested")) {
        records.clear();
        records << workload(m_agent, QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("node attestation lapsed")) {
        records << workload(m_agent, QStringLiteral("k8s"), sel, t0().addSecs(3 * 3600));
    } else if (rule == QLatin1String("node anchor revoked since")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("k8s_issuer:prod"), t0().addSecs(30))
                << workload(m_agent, QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("node drifted since")) {
        // The node's next evidence fails (token for another audience): its agent stops vouching.
        const QByteArray bad =
            m_f.cluster.mintToken(m_f.pod(), QStringLiteral("vault"), t0(), 3600).value();
        records << record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"),
                          {{QStringLiteral("token"), QString::fromLatin1(bad)}}, t0().addSecs(30))
                << workload(m_agent, QStringLiteral("k8s"), sel);
    } else if (rule == QLatin1String("selector of another attestor")) {
        records << workload(m_agent, QStringLiteral("k8s"), {QStringLiteral("unix:uid:0")});
    } else if (rule == QLatin1String("claims for another subject")) {
        records << workload(m_agent, QStringLiteral("k8s"), sel, t0().addSecs(60),
                            QStringLiteral("j1"), {}, QStringLiteral("workload/admin"));
    } else if (rule == QLatin1String("claims older than allowed")) {
        records << workload(m_agent, QStringLiteral("k8s"), sel, t0().addSecs(900),
                            QStringLiteral("j1"), t0());
    } else if (rule == QLatin1String("claims from the future")) {
        records << workload(m_agent, QStringLiteral("k8s"), sel, t0().addSecs(60),
                            QStringLiteral("j1"), t0().addSecs(600));
    } else if (rule == QLatin1String("nonce replayed")) {
        records << workload(m_agent, QStringLiteral("k8s"), sel)
                << workload(m_agent, QStringLiteral("k8s"), sel, t0().addSecs(61));
    }
    expectOutcome(m_f.replay(records), code);
}

void TestWorkloadAttestor::validatedSvidStillExpires()
{
    // A chain validated once is remembered by the attestor; the memory must not outlive the
    // certificates: past the SVID's notAfter it is refused as if never seen.
    EvidenceVerifier v = m_f.verifier();
    const QStringList sel{QStringLiteral("k8s:ns:payments")};
    expectOutcome(v.verify(node()), {});
    expectOutcome(v.verify(workload(m_agent, QStringLiteral("k8s"), sel)), {});
    const QDateTime later = t0().addSecs(25 * 3600);
    expectOutcome(v.verify(node(later)), {});
    expectOutcome(v.verify(workload(m_agent, QStringLiteral("k8s"), sel, later.addSecs(60),
                                    QStringLiteral("j2"))),
                  QStringLiteral("agent_svid_invalid"));
}

void TestWorkloadAttestor::attestorsShareTheirValidatedChains()
{
    // One agent signs for several workload attestors: its chain is validated once for them all
    // when they share their chains (as one verifier's do), and once per attestor otherwise.
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(node()), {});
    const AttestationState &state = v.state();
    auto anchors = AnchorSet::fromImportJson(QJsonDocument(m_f.anchorsJson()).toJson()).value();
    const TrustBundleSet bundles = m_f.bundles();
    AttestationSettings settings;
    settings.trustDomain = m_f.td;
    const AttestationContext context{anchors, state, bundles, settings};

    const auto shared = std::make_shared<WorkloadAttestor::ValidatedChains>();
    const WorkloadAttestor unixAttestor(QStringLiteral("unix"), shared);
    const WorkloadAttestor docker(QStringLiteral("docker"), shared);
    const WorkloadAttestor alone(QStringLiteral("systemd"));
    expectOutcome(
        unixAttestor.verify(
            workload(m_agent, QStringLiteral("unix"), {QStringLiteral("unix:uid:1000")}), context),
        {});
    QCOMPARE(shared->size(), 1);
    expectOutcome(docker.verify(workload(m_agent, QStringLiteral("docker"),
                                         {QStringLiteral("docker:label:app:api")}, t0().addSecs(61),
                                         QStringLiteral("j2")),
                                context),
                  {});
    QCOMPARE(shared->size(), 1);
    // Another agent's chain is another entry.
    const AgentSigner other = m_f.agent(kAgent);
    expectOutcome(unixAttestor.verify(workload(other, QStringLiteral("unix"),
                                               {QStringLiteral("unix:uid:1000")}, t0().addSecs(62),
                                               QStringLiteral("j3")),
                                      context),
                  {});
    QCOMPARE(shared->size(), 2);
    // An attestor made without shared chains keeps its own.
    expectOutcome(alone.verify(workload(m_agent, QStringLiteral("systemd"),
                                        {QStringLiteral("systemd:id:api.service")},
                                        t0().addSecs(63), QStringLiteral("j4")),
                               context),
                  {});
    QCOMPARE(shared->size(), 2);
}

void TestWorkloadAttestor::validatingOneChainHoldsOnlyThatChain()
{
    // A thread validating chain A does not hold up chain B; a second validation of A waits
    // until the first is done, then looks again (one validation per chain).
    using Chains = WorkloadAttestor::ValidatedChains;
    Chains chains;
    std::optional<Chains::Validating> a;
    a.emplace(chains, Chains::ChainKey{0, QByteArray("chain A")});
    std::atomic<bool> otherDone{false};
    std::thread other([&] {
        const Chains::Validating b(chains, Chains::ChainKey{0, QByteArray("chain B")});
        otherDone = true;
    });
    const bool otherRan = QTest::qWaitFor([&] { return otherDone.load(); }, 10000);
    a.reset(); // releases A whatever happened, so that the thread ends
    other.join();
    QVERIFY2(otherRan, "chain B waited for chain A");

    a.emplace(chains, Chains::ChainKey{0, QByteArray("chain A")});
    std::atomic<bool> sameDone{false};
    std::thread same([&] {
        const Chains::Validating again(chains, Chains::ChainKey{0, QByteArray("chain A")});
        sameDone = true;
    });
    QTest::qWait(200);
    const bool ranEarly = sameDone.load();
    a.reset();
    same.join();
    QVERIFY2(!ranEarly, "chain A was validated twice at once");
    QVERIFY(sameDone.load());
}

void TestWorkloadAttestor::keptChainKeysOwnTheirBytes()
{
    // The verifier looks chains up by a header that points into the record's token; what it
    // keeps must not change when that token's buffer is used again.
    using Chains = WorkloadAttestor::ValidatedChains;
    Chains chains;
    QByteArray token("header-one.claims.signature");
    const qsizetype dot = token.indexOf('.');
    const Chains::ChainKey lookup{7, QByteArray::fromRawData(token.constData(), dot)};
    const QDateTime at = t0();
    WorkloadAttestor::ValidatedSvid svid;
    svid.agentId = QStringLiteral("spiffe://example.org/agent");
    svid.notBefore = at.addSecs(-60);
    svid.notAfter = at.addSecs(60);
    chains.insert(lookup, svid);
    { // held while validating: the same bytes wait, and are released after
        const Chains::Validating validating(chains, lookup);
        token.replace(0, dot, "header-two");
    }
    const QByteArray first("header-one");
    const auto found = chains.find({7, first}, at);
    QVERIFY(found);
    QCOMPARE(found->agentId, svid.agentId);
    QVERIFY(!chains.find({7, QByteArray("header-two")}, at));
    QVERIFY(!chains.find({8, first}, at)); // another bundle set
    QVERIFY(!chains.find({7, first}, at.addSecs(61)));
    QCOMPARE(chains.size(), 1);
}

void TestWorkloadAttestor::claimsFollowEachRecord()
{
    // A record whose workload claims and selectors, agent and node are its subject's previous
    // record's is given that record's claims and selectors; any change gives them built anew,
    // and so does going back.
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(node()), {});
    int n = 0;
    const auto verify = [&](const QString &attestor, const QString &subject, const QString &image,
                            const QString &selector = QStringLiteral("ns:payments")) {
        ++n;
        const QStringList selectors{attestor + QLatin1Char(':') + selector};
        const auto signedClaims =
            m_agent.sign(subject, selectors, {{QStringLiteral("image"), image}},
                         t0().addSecs(60 + n), QStringLiteral("j%1").arg(n));
        const AttestationResult r =
            v.verify(record(attestor, subject, signedClaims.value(), t0().addSecs(60 + n)));
        expectOutcome(r, {});
        [&] { QCOMPARE(r.selectors, selectors); }();
        return r.claims;
    };
    const auto expected = [](const QString &attestor, const QString &image) {
        return QJsonObject{{QStringLiteral("workload"),
                            QJsonObject{{QStringLiteral("image"), image},
                                        {QStringLiteral("attestor"), attestor},
                                        {QStringLiteral("agent_id"), kAgent},
                                        {QStringLiteral("node"), QStringLiteral("node/a")}}}};
    };
    const QString k8s = QStringLiteral("k8s");
    const QString api = QStringLiteral("workload/api");
    const QString x = QStringLiteral("x");
    const QString y = QStringLiteral("y");
    QCOMPARE(verify(k8s, api, x), expected(k8s, x));
    QCOMPARE(verify(k8s, api, x), expected(k8s, x));
    QCOMPARE(verify(k8s, api, y), expected(k8s, y));
    QCOMPARE(verify(k8s, api, x), expected(k8s, x));
    // Other selectors with the same claims, then the same selectors with other claims.
    QCOMPARE(verify(k8s, api, x, QStringLiteral("sa:api")), expected(k8s, x));
    QCOMPARE(verify(k8s, api, x), expected(k8s, x));
    QCOMPARE(verify(k8s, api, y), expected(k8s, y));
    // Another subject with the same claims, and the same subject under another attestor.
    QCOMPARE(verify(k8s, QStringLiteral("workload/web"), x), expected(k8s, x));
    QCOMPARE(verify(QStringLiteral("docker"), api, x), expected(QStringLiteral("docker"), x));
    QCOMPARE(verify(k8s, api, y), expected(k8s, y));
}

void TestWorkloadAttestor::aHeaderSeenBeforeIsJudgedAsAnew_data()
{
    // A token's parts changed one at a time: header.claims.signature.
    QTest::addColumn<QString>("change");
    for (const char *change :
         {"none", "claims not JSON", "claims not base64", "four parts", "two parts",
          "signature over other claims", "signature cut short", "another subject",
          "foreign selector", "unknown alg", "alg of another curve", "alg without a curve",
          "critical extension", "header not base64"})
        QTest::newRow(change) << QString::fromLatin1(change);
}

void TestWorkloadAttestor::aHeaderSeenBeforeIsJudgedAsAnew()
{
    // A header whose chain validated is not decoded again for the next record that carries it.
    // Whatever else that record holds, it is judged exactly as by a verifier that never saw
    // the header.
    QFETCH(QString, change);
    const QStringList sel{QStringLiteral("k8s:ns:payments")};
    auto token = [&](const QString &sub, const QStringList &selectors,
                     const QString &jti = QStringLiteral("j1")) {
        return m_agent
            .sign(sub, selectors, {{QStringLiteral("image"), QStringLiteral("x")}},
                  t0().addSecs(60), jti)
            .value()
            .value(QLatin1String("jws"))
            .toString()
            .toLatin1();
    };
    const QByteArray good = token(QStringLiteral("workload/api"), sel);
    QList<QByteArray> parts = good.split('.');
    QByteArray header = parts.at(0);
    const QByteArray b64 = "-_-_!";
    if (change == QLatin1String("claims not JSON"))
        parts[1] = Jose::base64UrlEncode("nope");
    else if (change == QLatin1String("claims not base64"))
        parts[1] = b64;
    else if (change == QLatin1String("four parts"))
        parts << "x";
    else if (change == QLatin1String("two parts"))
        parts.removeLast();
    else if (change == QLatin1String("signature over other claims"))
        parts[1] = token(QStringLiteral("workload/api"), {QStringLiteral("k8s:ns:other")})
                       .split('.')
                       .at(1);
    else if (change == QLatin1String("signature cut short"))
        parts[2].chop(4);
    else if (change == QLatin1String("another subject"))
        parts = token(QStringLiteral("workload/admin"), sel).split('.');
    else if (change == QLatin1String("foreign selector"))
        parts = token(QStringLiteral("workload/api"), {QStringLiteral("unix:uid:0")}).split('.');
    if (change == QLatin1String("unknown alg") || change.startsWith(QLatin1String("alg ")) ||
        change == QLatin1String("critical extension") ||
        change == QLatin1String("header not base64")) {
        QJsonObject h = QJsonDocument::fromJson(Jose::base64UrlDecode(header).value()).object();
        if (change == QLatin1String("unknown alg"))
            h.insert(QStringLiteral("alg"), QStringLiteral("ES999"));
        else if (change == QLatin1String("alg of another curve")) // the agent's key is P-256
            h.insert(QStringLiteral("alg"), QStringLiteral("ES384"));
        else if (change == QLatin1String("alg without a curve"))
            h.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
        else
            h.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("b64")});
        header = Jose::base64UrlEncode(QJsonDocument(h).toJson(QJsonDocument::Compact));
        if (change == QLatin1String("header not base64"))
            header += b64;
        parts[0] = header;
        if (change == QLatin1String("alg without a curve")) {
            const QByteArray der = derEcdsaSha256(m_agent.key(), parts[0] + '.' + parts[1]);
            QVERIFY(!der.isEmpty());
            parts[2] = Jose::base64UrlEncode(der);
        }
    }
    const QByteArray changed = parts.join('.');
    auto at = [](const QByteArray &jws, const QDateTime &time) {
        return record(QStringLiteral("k8s"), QStringLiteral("workload/api"),
                      {{QStringLiteral("jws"), QString::fromLatin1(jws)}}, time);
    };

    // One verifier sees the header first, on a record of its own: that header before claims
    // of another jti, and their signature.
    EvidenceVerifier seen = m_f.verifier();
    expectOutcome(seen.verify(node()), {});
    const QList<QByteArray> before =
        token(QStringLiteral("workload/api"), sel, QStringLiteral("j0")).split('.');
    QCOMPARE(before.at(0), good.split('.').at(0)); // one agent, one header
    const AttestationResult warm =
        seen.verify(at(header + '.' + before.at(1) + '.' + before.at(2), t0().addSecs(59)));
    if (header == before.at(0))
        expectOutcome(warm, {});
    const AttestationResult again = seen.verify(at(changed, t0().addSecs(60)));
    EvidenceVerifier fresh = m_f.verifier();
    expectOutcome(fresh.verify(node()), {});
    const AttestationResult anew = fresh.verify(at(changed, t0().addSecs(60)));

    auto reasons = [](const AttestationResult &r) {
        QStringList out;
        for (const AttestationReason &reason : r.reasons)
            out << reason.code + QLatin1Char('|') + reason.expected + QLatin1Char('|') +
                       reason.found;
        return out;
    };
    QCOMPARE(reasons(again), reasons(anew));
    QCOMPARE(again.verdict(), anew.verdict());
    QCOMPARE(again.accepted(), change == QLatin1String("none"));
    if (change.startsWith(QLatin1String("alg ")))
        expectOutcome(again, QStringLiteral("signature_invalid")); // the key cannot make it
}

void TestWorkloadAttestor::claimsReadPlainlyOrByQtAlike_data()
{
    // The claims as written, which PlainJson reads when they are plain; the checks must come
    // to the same result as on the same claims read by Qt's parser.
    QTest::addColumn<QByteArray>("claims");
    QTest::addColumn<QString>("code");
    const QByteArray iat = QByteArray::number(t0().addSecs(60).toSecsSinceEpoch());
    const QByteArray sel = R"("selectors":["k8s:ns:payments"])";
    const QByteArray rest = R"("jti":"j1",)" + sel + R"(,"sub":"workload/api")";
    auto row = [](const char *name, const QByteArray &claims, const char *code) {
        QTest::newRow(name) << claims << QString::fromLatin1(code);
    };
    row("as recorders write them", R"({"claims":{"image":"x"},"iat":)" + iat + ',' + rest + '}',
        "");
    row("another member", R"({"claims":{},"exp":1,"iat":)" + iat + ',' + rest + '}', "");
    row("no workload claims", R"({"iat":)" + iat + ',' + rest + '}', "");
    row("workload claims not all strings",
        R"({"claims":{"n":1,"o":{}},"iat":)" + iat + ',' + rest + '}', "");
    row("workload claims not an object", R"({"claims":["x"],"iat":)" + iat + ',' + rest + '}', "");
    row("iat a string", R"({"claims":{},"iat":")" + iat + R"(",)" + rest + '}', "claim_missing");
    row("iat a fraction", R"({"claims":{},"iat":)" + iat + ".5," + rest + '}', "");
    row("iat zero", R"({"claims":{},"iat":0,)" + rest + '}', "expired");
    row("iat past a NumericDate",
        R"({"claims":{},"iat":1)" + QByteArray(18, '0') + ',' + rest + '}', "claim_invalid");
    row("no iat", R"({"claims":{},)" + rest + '}', "claim_missing");
    row("no sub", R"({"claims":{},"iat":)" + iat + R"(,"jti":"j1",)" + sel + '}', "claim_mismatch");
    row("sub a number", R"({"claims":{},"iat":)" + iat + R"(,"jti":"j1",)" + sel + R"(,"sub":7})",
        "claim_mismatch");
    row("sub escaped",
        R"({"claims":{},"iat":)" + iat + R"(,"jti":"j1",)" + sel + R"(,"sub":"workload\/api"})",
        "");
    row("sub twice", R"({"claims":{},"iat":)" + iat + R"(,"sub":"workload/admin",)" + rest + '}',
        "");
    row("jti empty",
        R"({"claims":{},"iat":)" + iat + R"(,"jti":"",)" + sel + R"(,"sub":"workload/api"})",
        "claim_missing");
    row("no selectors",
        R"({"claims":{},"iat":)" + iat + R"(,"jti":"j1","selectors":[],)" +
            R"("sub":"workload/api"})",
        "claim_missing");
    row("a selector that is a number",
        R"({"claims":{},"iat":)" + iat + R"(,"jti":"j1","selectors":[1],"sub":"workload/api"})",
        "selector_foreign");
    row("a foreign selector",
        R"({"claims":{},"iat":)" + iat +
            R"(,"jti":"j1","selectors":["unix:uid:0"],"sub":"workload/api"})",
        "selector_foreign");
}

void TestWorkloadAttestor::claimsReadPlainlyOrByQtAlike()
{
    QFETCH(QByteArray, claims);
    QFETCH(QString, code);
    // The same claims with white space after the brace: never plain, so read by Qt's parser.
    const QByteArray spaced = "{ " + claims.mid(1);
    QVERIFY(!PlainJson::object(spaced));
    auto verify = [&](const QByteArray &text) {
        EvidenceVerifier v = m_f.verifier();
        expectOutcome(v.verify(node()), {});
        return v.verify(workloadOver(text, t0().addSecs(60)));
    };
    const AttestationResult plain = verify(claims);
    QCOMPARE(summary(plain), summary(verify(spaced)));
    expectOutcome(plain, code);
}

void TestWorkloadAttestor::plainAndQtReadClaimsShareWhatWasBuilt()
{
    // Each subject's claims are built once and shared while they stay the same: whichever way
    // the token's claims were read, and after they change, each record gets its own.
    const QByteArray iat = QByteArray::number(t0().addSecs(60).toSecsSinceEpoch());
    auto claims = [&](const char *image, int jti, bool plain) {
        return QByteArray(plain ? "{" : "{ ") + R"("claims":{"image":")" + image + R"("},"iat":)" +
               iat + R"(,"jti":"j)" + QByteArray::number(jti) +
               R"(","selectors":["k8s:ns:payments"],"sub":"workload/api"})";
    };
    // The recorders' form is read plainly; the spaced one is not.
    QVERIFY(PlainJson::object(claims("x", 1, true)));
    QVERIFY(!PlainJson::object(claims("x", 1, false)));
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(node()), {});
    auto image = [](const AttestationResult &r) {
        return workloadClaim(r, QLatin1StringView("image"));
    };
    const struct
    {
        const char *image;
        bool plain;
    } steps[] = {{"x", true},  {"x", false}, {"x", true}, {"y", true},
                 {"y", false}, {"x", false}, {"x", true}};
    QJsonObject first;
    int jti = 0;
    for (const auto &step : steps) {
        ++jti;
        const AttestationResult r =
            v.verify(workloadOver(claims(step.image, jti, step.plain), t0().addSecs(60 + jti)));
        expectOutcome(r, {});
        QCOMPARE(image(r), QString::fromLatin1(step.image));
        if (jti == 1)
            first = r.claims;
        if (QByteArrayView(step.image) == "x")
            QCOMPARE(r.claims, first);
    }
}

void TestWorkloadAttestor::aSubjectSeenBeforeIsJudgedAsAnew_data()
{
    claimsReadPlainlyOrByQtAlike_data();
    const QByteArray iat = QByteArray::number(t0().addSecs(60).toSecsSinceEpoch());
    auto row = [&](const char *name, const QByteArray &selectors, const char *code) {
        QTest::newRow(name) << R"({"claims":{},"iat":)" + iat + R"(,"jti":"j1","selectors":)" +
                                   selectors + R"(,"sub":"workload/api"})"
                            << QString::fromLatin1(code);
    };
    row("the selectors before", R"(["k8s:ns:payments"])", "");
    row("one more selector", R"(["k8s:ns:payments","k8s:sa:api"])", "");
    row("one foreign selector more", R"(["k8s:ns:payments","docker:id:1"])", "selector_foreign");
    row("a selector of the prefix alone", R"(["k8s:"])", "selector_foreign");
}

void TestWorkloadAttestor::aSubjectSeenBeforeIsJudgedAsAnew()
{
    // A subject's record whose workload claims and selectors are written as its previous
    // record's is given what that record was given, without its selectors being read or checked
    // again. Whatever else the record holds, it is judged exactly as by a verifier that never
    // saw the subject.
    QFETCH(QByteArray, claims);
    QFETCH(QString, code);
    const QByteArray before =
        R"({"claims":{},"iat":)" + QByteArray::number(t0().addSecs(59).toSecsSinceEpoch()) +
        R"(,"jti":"j0","selectors":["k8s:ns:payments"],"sub":"workload/api"})";
    QVERIFY(PlainJson::object(before));
    EvidenceVerifier seen = m_f.verifier();
    expectOutcome(seen.verify(node()), {});
    expectOutcome(seen.verify(workloadOver(before, t0().addSecs(59))), {});
    const AttestationResult again = seen.verify(workloadOver(claims, t0().addSecs(60)));
    EvidenceVerifier fresh = m_f.verifier();
    expectOutcome(fresh.verify(node()), {});
    const AttestationResult anew = fresh.verify(workloadOver(claims, t0().addSecs(60)));
    QCOMPARE(summary(again), summary(anew));
    expectOutcome(again, code);
}

void TestWorkloadAttestor::attestorsKeepTheirOwnClaims()
{
    // One verifier's workload attestors keep what they built for each subject in one table, at
    // the subject's number. A subject attested by one of them, then by another with the same
    // workload claims, agent and node, is given the claims the second builds (they name it),
    // not the first's; and back.
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(node()), {});
    auto attestorOf = [](const AttestationResult &r) {
        return workloadClaim(r, QLatin1StringView("attestor"));
    };
    const AttestationResult k8s = v.verify(workload(
        m_agent, QStringLiteral("k8s"), {QStringLiteral("k8s:ns:payments")}, t0().addSecs(60)));
    expectOutcome(k8s, {});
    const int number = v.subjectNumber();
    const AttestationResult docker = v.verify(workload(m_agent, QStringLiteral("docker"),
                                                       {QStringLiteral("docker:label:app:api")},
                                                       t0().addSecs(61), QStringLiteral("j2")));
    expectOutcome(docker, {});
    QCOMPARE(v.subjectNumber(), number);
    QCOMPARE(attestorOf(k8s), QStringLiteral("k8s"));
    QCOMPARE(attestorOf(docker), QStringLiteral("docker"));
    QCOMPARE(docker.selectors, QStringList{QStringLiteral("docker:label:app:api")});
    const AttestationResult again =
        v.verify(workload(m_agent, QStringLiteral("k8s"), {QStringLiteral("k8s:ns:payments")},
                          t0().addSecs(62), QStringLiteral("j3")));
    expectOutcome(again, {});
    QCOMPARE(attestorOf(again), QStringLiteral("k8s"));
    QCOMPARE(again.claims, k8s.claims);
    // What one attestor checked, another does not reuse: a record for docker carrying the k8s
    // record's selectors, as written there, is refused as by a verifier that never saw them.
    expectOutcome(
        v.verify(workload(m_agent, QStringLiteral("docker"), {QStringLiteral("k8s:ns:payments")},
                          t0().addSecs(63), QStringLiteral("j4"))),
        QStringLiteral("selector_foreign"));
}

void TestWorkloadAttestor::subjectsShareClaimsBuiltFromTheSameInputs()
{
    // Claims built anew are kept by attestor, agent, node and the workload claims' text: another
    // subject with the same four is given them, built once; a change in any one builds anew. At
    // most the limit (3 here) are kept; a full set starts again.
    WorkloadAttestor::BuiltClaims built(3);
    int builds = 0;
    const int a = 0;
    const int b = 0;
    const QString agent = QStringLiteral("spiffe://prod.example/spire/agent/k8s_psat/c/1");
    const QString node = QStringLiteral("node/a");
    // The number of the build whose claims @p subject is given.
    auto buildOf = [&](const void *owner, const char *subject, const char *text,
                       const QString &agentId, const QString &nodeSubject) {
        const QString s = QString::fromLatin1(subject);
        QStringList selectors{QStringLiteral("k8s:ns:a")};
        const QJsonObject out = built.claims(
            owner, {s}, WorkloadAttestor::ClaimedWorkload(QLatin1StringView(text)), agentId,
            nodeSubject, selectors, QLatin1StringView(R"(["k8s:ns:a"])"), [&] {
                ++builds;
                return QJsonObject{{QStringLiteral("build"), builds}};
            });
        return out.value(QLatin1String("build")).toInt();
    };
    const char *x = R"({"image":"x"})";
    QCOMPARE(buildOf(&a, "workload/api", x, agent, node), 1);
    QCOMPARE(buildOf(&a, "workload/web", x, agent, node), 1);
    QCOMPARE(builds, 1);
    QCOMPARE(built.sharedSize(), 1);
    QCOMPARE(buildOf(&b, "workload/db", x, agent, node), 2);
    QCOMPARE(buildOf(&a, "workload/4", x, agent + QLatin1Char('2'), node), 3);
    QCOMPARE(built.sharedSize(), 3);
    // Full: the set starts again with this one.
    QCOMPARE(buildOf(&a, "workload/5", x, agent, QStringLiteral("node/b")), 4);
    QCOMPARE(built.sharedSize(), 1);
    QCOMPARE(buildOf(&a, "workload/6", R"({"image":"y"})", agent, node), 5);
    // The first four's claims are no longer kept for sharing: built again.
    QCOMPARE(buildOf(&a, "workload/7", x, agent, node), 6);
    QCOMPARE(buildOf(&a, "workload/8", x, agent, node), 6);
    // A subject's own last claims still come first.
    QCOMPARE(buildOf(&a, "workload/api", x, agent, node), 1);
    QCOMPARE(builds, 6);
    // Claims read by Qt's parser (no text), here none: not those of api's text, though its
    // entry keeps no object to compare with.
    QStringList selectors{QStringLiteral("k8s:ns:a")};
    const QJsonObject none = built.claims(&a, {QStringLiteral("workload/api")},
                                          WorkloadAttestor::ClaimedWorkload(QJsonObject()), agent,
                                          node, selectors, QLatin1StringView(), [&] {
                                              ++builds;
                                              return QJsonObject{{QStringLiteral("build"), builds}};
                                          });
    QCOMPARE(none.value(QLatin1String("build")).toInt(), 7);
}

QTEST_GUILESS_MAIN(TestWorkloadAttestor)

#include "tst_workloadattestor.moc"
