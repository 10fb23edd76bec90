// SPDX-License-Identifier: Apache-2.0
// gcp_iit: accepted instance identity tokens and every refusal, one row per rule.
#include "LabFixture.h"

using namespace ta::core;
using namespace ta::core::test;

class TestGcpIitAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void refusals_data();
    void refusals();
    void allowList_data();
    void allowList();
    void recordedInstance_data();
    void recordedInstance();
    void recordedInstanceRefused_data();
    void recordedInstanceRefused();
    void joseHeaderAndDates_data();
    void joseHeaderAndDates();
    void newTokenIsFresh();

private:
    /// The instance as instances.get returns it: tags, labels (env allowed, team not), metadata
    /// (role and flag allowed, flag without a value; startup-script not allowed).
    QJsonObject
    instanceObject(const QJsonObject &metadata = {
                       {QStringLiteral("role"), QStringLiteral("web")},
                       {QStringLiteral("flag"), QJsonValue::Null},
                       {QStringLiteral("startup-script"), QString(4096, QLatin1Char('x'))}}) const
    {
        return GcpIdentityProvider::instanceObject(
            instance(), {QStringLiteral("http-server"), QStringLiteral("blog")},
            {{QStringLiteral("env"), QStringLiteral("prod")},
             {QStringLiteral("team"), QStringLiteral("blue")}},
            metadata);
    }
    EvidenceRecord withInstance(const QJsonObject &instanceJson) const
    {
        EvidenceRecord r = gcp(token());
        QJsonObject payload = r.payload.object();
        payload.insert(QStringLiteral("instance"), instanceJson);
        r.payload = payload;
        return r;
    }
    GcpIdentityProvider::Instance instance() const
    {
        return {QStringLiteral("big-kahuna-123456"), QStringLiteral("us-west1-b"),
                QStringLiteral("8910111213"), QStringLiteral("blog-server")};
    }
    EvidenceRecord gcp(const QByteArray &token, const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("gcp_iit"), QStringLiteral("node/gce"),
                      {{QStringLiteral("token"), QString::fromLatin1(token)}}, at);
    }
    QByteArray token(const QString &aud = QStringLiteral("spire-gcp-node-attestor"),
                     const QDateTime &iat = t0().addSecs(-5)) const
    {
        return m_f.gcp.mintToken(instance(), aud, iat).value();
    }
    /// A token with @p claims signed by a key that is not Google's, under an unknown kid.
    QByteArray foreignToken() const
    {
        const Key rsa = Key::generate(KeyType::Rsa2048).value();
        const qint64 t = t0().toSecsSinceEpoch();
        return signJwt(rsa, JwsAlgorithm::RS256, {{QStringLiteral("kid"), QStringLiteral("other")}},
                       {{QStringLiteral("iss"), QStringLiteral("https://accounts.google.com")},
                        {QStringLiteral("aud"), QStringLiteral("spire-gcp-node-attestor")},
                        {QStringLiteral("exp"), t + 3600}});
    }

    LabFixture m_f;
};

void TestGcpIitAttestor::accepted()
{
    const AttestationResult r = m_f.replay({gcp(token())});
    expectOutcome(r, {});
    QCOMPARE(r.verdict(), Verdict::Affirming);
    QCOMPARE(r.selectors,
             (QStringList{
                 QStringLiteral("gcp_iit:project-id:big-kahuna-123456"),
                 QStringLiteral("gcp_iit:zone:us-west1-b"),
                 QStringLiteral("gcp_iit:instance-name:blog-server"),
                 QStringLiteral("gcp_iit:sa:1234567890-compute@developer.gserviceaccount.com")}));
    const QJsonObject node = r.claims.value(QLatin1String("node")).toObject();
    QCOMPARE(node.value(QLatin1String("service_account")).toString(),
             GcpIdentityProvider::serviceAccount());
    QVERIFY(!node.contains(QLatin1String("tags"))); // no recorded instance, no instance claims
    QCOMPARE(
        r.agentId,
        QStringLiteral("spiffe://lab.example/spire/agent/gcp_iit/big-kahuna-123456/8910111213"));
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("gcp_jwks:google")});
}

void TestGcpIitAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "key_unknown", "algorithm_not_allowed",
                            "signature_invalid", "audience_mismatch", "expired", "not_yet_valid",
                            "anchor_revoked", "claim_missing", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestGcpIitAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    const Key es = Key::generate(KeyType::EcP256).value();
    const qint64 t = t0().toSecsSinceEpoch();
    if (code == QLatin1String("malformed")) {
        records << gcp("a.b");
    } else if (code == QLatin1String("issuer_unknown")) {
        records << gcp(signJwt(es, JwsAlgorithm::ES256, {},
                               {{QStringLiteral("iss"), QStringLiteral("https://evil.example")}}));
    } else if (code == QLatin1String("key_unknown")) {
        records << gcp(foreignToken());
    } else if (code == QLatin1String("algorithm_not_allowed")) {
        // Google signs with RS256 only; an ES256 token is refused before any key is looked up.
        records << gcp(
            signJwt(es, JwsAlgorithm::ES256, {},
                    {{QStringLiteral("iss"), QStringLiteral("https://accounts.google.com")}}));
    } else if (code == QLatin1String("signature_invalid")) {
        records << gcp(breakSignature(token()));
    } else if (code == QLatin1String("audience_mismatch")) {
        records << gcp(token(QStringLiteral("https://vault.example")));
    } else if (code == QLatin1String("expired")) {
        records << gcp(token(), t0().addSecs(3 * 3600));
    } else if (code == QLatin1String("not_yet_valid")) {
        records << gcp(token(QStringLiteral("spire-gcp-node-attestor"), t0().addSecs(900)));
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("gcp_jwks:google"))
                << gcp(token());
    } else if (code == QLatin1String("claim_missing")) {
        // format=standard tokens carry no google.compute_engine block: nothing to select on.
        Q_UNUSED(t);
        GcpIdentityProvider::Instance i = instance();
        i.zone.clear();
        records << gcp(
            m_f.gcp.mintToken(i, QStringLiteral("spire-gcp-node-attestor"), t0()).value());
    } else if (code == QLatin1String("replayed")) {
        const QByteArray tok = token();
        records << gcp(tok) << gcp(tok, t0().addSecs(1));
    }
    expectOutcome(m_f.replay(records), code);
}

void TestGcpIitAttestor::allowList_data()
{
    QTest::addColumn<QJsonValue>("list"); // undefined: the anchor has no projectid_allow_list
    QTest::addColumn<QString>("code");
    QTest::addColumn<Verdict>("verdict");
    QTest::newRow("listed") << QJsonValue(QJsonArray{QStringLiteral("other"),
                                                     QStringLiteral("big-kahuna-123456")})
                            << QString() << Verdict::Affirming;
    QTest::newRow("not listed") << QJsonValue(QJsonArray{QStringLiteral("big-kahuna-654321")})
                                << QStringLiteral("not_allowed") << Verdict::Contraindicated;
    QTest::newRow("anchor written before allow lists: warned")
        << QJsonValue(QJsonValue::Undefined) << QString() << Verdict::Warning;
}

void TestGcpIitAttestor::allowList()
{
    QFETCH(QJsonValue, list);
    QFETCH(QString, code);
    QFETCH(Verdict, verdict);
    LabFixture f = m_f;
    f.gcpPolicy =
        LabFixture::withSetting(f.gcpPolicy, QStringLiteral("projectid_allow_list"), list);
    const AttestationResult r = f.replay({gcp(token())});
    expectOutcome(r, code);
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QCOMPARE(r.verdict(), verdict);
    if (!code.isEmpty())
        QCOMPARE(r.reasons.first().found, QStringLiteral("big-kahuna-123456"));
    if (verdict == Verdict::Warning)
        QCOMPARE(r.warnings.first().code, QStringLiteral("allow_list_missing"));
}

void TestGcpIitAttestor::recordedInstance_data()
{
    QTest::addColumn<QJsonObject>("policy"); // replaces the fixture's anchor settings
    QTest::addColumn<QJsonObject>("metadata");
    QTest::addColumn<QStringList>("added"); // selectors after project-id, zone, instance-name, sa
    const QJsonObject fixture = m_f.gcpPolicy;
    const QJsonObject metadata{{QStringLiteral("role"), QStringLiteral("web")},
                               {QStringLiteral("flag"), QJsonValue::Null},
                               {QStringLiteral("startup-script"), QString(4096, QLatin1Char('x'))}};
    QTest::newRow("tags, allowed labels and metadata, missing value with a trailing colon")
        << fixture << metadata
        << QStringList{QStringLiteral("gcp_iit:tag:http-server"),
                       QStringLiteral("gcp_iit:tag:blog"), QStringLiteral("gcp_iit:label:env:prod"),
                       QStringLiteral("gcp_iit:metadata:flag:"),
                       QStringLiteral("gcp_iit:metadata:role:web")};
    QJsonObject none = fixture;
    none.remove(QStringLiteral("allowed_label_keys"));
    none.remove(QStringLiteral("allowed_metadata_keys"));
    QTest::newRow("no keys allowed: tags only")
        << none << metadata
        << QStringList{QStringLiteral("gcp_iit:tag:http-server"),
                       QStringLiteral("gcp_iit:tag:blog")};
    QJsonObject small = fixture;
    small.insert(QStringLiteral("max_metadata_value_size"), 3);
    QTest::newRow("allowed value exactly at the limit")
        << small << QJsonObject{{QStringLiteral("role"), QStringLiteral("web")}}
        << QStringList{QStringLiteral("gcp_iit:tag:http-server"),
                       QStringLiteral("gcp_iit:tag:blog"), QStringLiteral("gcp_iit:label:env:prod"),
                       QStringLiteral("gcp_iit:metadata:role:web")};
}

void TestGcpIitAttestor::recordedInstance()
{
    QFETCH(QJsonObject, policy);
    QFETCH(QJsonObject, metadata);
    QFETCH(QStringList, added);
    LabFixture f = m_f;
    f.gcpPolicy = policy;
    const AttestationResult r = f.replay({withInstance(instanceObject(metadata))});
    expectOutcome(r, {});
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QCOMPARE(r.verdict(), Verdict::Affirming);
    // The instance's service account is the token's: one sa selector, not two.
    QCOMPARE(r.selectors,
             QStringList(
                 {QStringLiteral("gcp_iit:project-id:big-kahuna-123456"),
                  QStringLiteral("gcp_iit:zone:us-west1-b"),
                  QStringLiteral("gcp_iit:instance-name:blog-server"),
                  QStringLiteral("gcp_iit:sa:1234567890-compute@developer.gserviceaccount.com")}) +
                 added);
    const QJsonObject node = r.claims.value(QLatin1String("node")).toObject();
    QCOMPARE(node.value(QLatin1String("tags")).toArray(),
             (QJsonArray{QStringLiteral("http-server"), QStringLiteral("blog")}));
    QCOMPARE(node.value(QLatin1String("service_accounts")).toArray(),
             QJsonArray{GcpIdentityProvider::serviceAccount()});
    QCOMPARE(node.value(QLatin1String("labels")).toObject().contains(QLatin1String("env")),
             policy.contains(QLatin1String("allowed_label_keys")));
    QVERIFY(!node.value(QLatin1String("labels")).toObject().contains(QLatin1String("team")));
    QVERIFY(!node.value(QLatin1String("metadata"))
                 .toObject()
                 .contains(QLatin1String("startup-script")));
}

void TestGcpIitAttestor::recordedInstanceRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("names"); // the start of the reason's expected value
    const QString zones =
        QStringLiteral("https://www.googleapis.com/compute/v1/projects/%1/zones/%2");
    QTest::newRow("instance id") << "id" << QJsonValue(QStringLiteral("8910111214"))
                                 << "claim_mismatch"
                                 << "instance.id";
    QTest::newRow("instance name")
        << "name" << QJsonValue(QStringLiteral("db-server")) << "claim_mismatch"
        << "instance.name";
    QTest::newRow("zone") << "zone"
                          << QJsonValue(zones.arg(QStringLiteral("big-kahuna-123456"),
                                                  QStringLiteral("us-west1-c")))
                          << "claim_mismatch"
                          << "instance.zone";
    QTest::newRow("project") << "zone"
                             << QJsonValue(zones.arg(QStringLiteral("big-kahuna-654321"),
                                                     QStringLiteral("us-west1-b")))
                             << "claim_mismatch"
                             << "instance.zone (project)";
    QTest::newRow("zone without a project")
        << "zone" << QJsonValue(QStringLiteral("us-west1-b")) << "claim_mismatch"
        << "instance.zone (project)";
    QTest::newRow("token's service account not the instance's")
        << "serviceAccounts"
        << QJsonValue(QJsonArray{QJsonObject{
               {QStringLiteral("email"), QStringLiteral("other@p.iam.gserviceaccount.com")}}})
        << "claim_mismatch"
        << "instance.serviceAccounts";
    QTest::newRow("not an instance")
        << "kind" << QJsonValue(QStringLiteral("compute#disk")) << "malformed"
        << "payload.instance";
    QTest::newRow("allowed metadata value over 128 bytes")
        << "metadata"
        << QJsonValue(
               QJsonObject{{QStringLiteral("items"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("key"), QStringLiteral("role")},
                                {QStringLiteral("value"), QString(129, QLatin1Char('w'))}}}}})
        << "value_too_large"
        << "metadata role: at most 128 bytes";
    QTest::newRow("allowed metadata value over 128 bytes in UTF-8")
        << "metadata"
        << QJsonValue(QJsonObject{
               {QStringLiteral("items"),
                QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("flag")},
                                       {QStringLiteral("value"), QString(65, QChar(0x00e9))}}}}})
        << "value_too_large"
        << "metadata flag: at most 128 bytes";
}

void TestGcpIitAttestor::recordedInstanceRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, names);
    QJsonObject instanceJson = instanceObject();
    instanceJson.insert(field, value);
    const AttestationResult r = m_f.replay({withInstance(instanceJson)});
    expectOutcome(r, code);
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QCOMPARE(r.reasons.size(), 1);
    QVERIFY2(r.reasons.first().expected.startsWith(names), qPrintable(r.reasons.first().expected));
}

void TestGcpIitAttestor::joseHeaderAndDates_data()
{
    // Issue 8, finding 4, signed by Google's own key: only the header or a date is wrong.
    QTest::addColumn<QJsonObject>("header");
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<QString>("code");
    QTest::newRow("genuine claims re-signed") << QJsonObject{} << QJsonObject{} << "";
    QTest::newRow("crit") << QJsonObject{{QStringLiteral("crit"),
                                          QJsonArray{QStringLiteral("urn:x")}},
                                         {QStringLiteral("urn:x"), true}}
                          << QJsonObject{} << "crit_unknown";
    QTest::newRow("exp 1e300") << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), 1e300}}
                               << "claim_invalid";
    QTest::newRow("exp -1") << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), -1}}
                            << "claim_invalid";
    QTest::newRow("nbf 1e300") << QJsonObject{} << QJsonObject{{QStringLiteral("nbf"), 1e300}}
                               << "claim_invalid";
    QTest::newRow("iat -1e300") << QJsonObject{} << QJsonObject{{QStringLiteral("iat"), -1e300}}
                                << "claim_invalid";
}

void TestGcpIitAttestor::joseHeaderAndDates()
{
    QFETCH(QJsonObject, header);
    QFETCH(QJsonObject, claims);
    QFETCH(QString, code);
    const auto genuine = Jose::splitCompact(token()).value();
    QJsonObject c = QJsonDocument::fromJson(genuine.payload).object();
    for (auto it = claims.constBegin(); it != claims.constEnd(); ++it)
        c.insert(it.key(), it.value());
    header.insert(QStringLiteral("kid"), m_f.gcp.kid());
    expectOutcome(m_f.replay({gcp(signJwt(m_f.gcp.key(), JwsAlgorithm::RS256, header, c))}), code);
}

void TestGcpIitAttestor::newTokenIsFresh()
{
    // Trust on first use, yet a new token with its own iat is fresh evidence; the same token
    // again is a replay.
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(gcp(token())), {});
    expectOutcome(v.verify(gcp(token(QStringLiteral("spire-gcp-node-attestor"), t0().addSecs(30)),
                               t0().addSecs(60))),
                  {});
    expectOutcome(v.verify(gcp(token(), t0().addSecs(90))), QStringLiteral("replayed"));
}

QTEST_GUILESS_MAIN(TestGcpIitAttestor)
#include "tst_gcpiitattestor.moc"
