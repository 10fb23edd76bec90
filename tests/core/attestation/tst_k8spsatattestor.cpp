// SPDX-License-Identifier: Apache-2.0
// k8s_psat: accepted tokens and every refusal, one row per rule.
#include "LabFixture.h"

#include "core/attestation/lab/ClusterIssuer.h"

using namespace ta::core;
using namespace ta::core::test;

class TestK8sPsatAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void refusals_data();
    void refusals();
    void allowList_data();
    void allowList();
    void recordedObjects_data();
    void recordedObjects();
    void recordedObjectsDisagree_data();
    void recordedObjectsDisagree();
    void joseHeaderAndDates_data();
    void joseHeaderAndDates();

private:
    /// The fixture pod's Pod and Node objects, as the API server would have served them.
    QJsonObject podObject() const
    {
        return ClusterIssuer::podObject(m_f.pod(),
                                        {{QStringLiteral("app"), QStringLiteral("spire-agent")},
                                         {QStringLiteral("tier"), QStringLiteral("infra")}},
                                        QStringLiteral("192.168.7.10"));
    }
    QJsonObject nodeObject() const
    {
        return ClusterIssuer::nodeObject(
            m_f.pod(),
            {{QStringLiteral("topology.kubernetes.io/zone"), QStringLiteral("eu-1a")},
             {QStringLiteral("pool"), QStringLiteral("gpu")}},
            QStringLiteral("192.168.7.10"));
    }
    /// @p object with the string at the dotted @p path replaced by @p value.
    static QJsonObject withField(QJsonObject object, const QString &path, const QString &value)
    {
        const qsizetype dot = path.indexOf(QLatin1Char('.'));
        if (dot < 0) {
            object.insert(path, value);
            return object;
        }
        const QString head = path.left(dot);
        object.insert(head, withField(object.value(head).toObject(), path.mid(dot + 1), value));
        return object;
    }
    QJsonObject claims(const QDateTime &iat) const
    {
        const qint64 t = iat.toSecsSinceEpoch();
        return {{QStringLiteral("aud"), QJsonArray{QStringLiteral("spire-server")}},
                {QStringLiteral("exp"), t + 3600},
                {QStringLiteral("iat"), t},
                {QStringLiteral("nbf"), t},
                {QStringLiteral("iss"), m_f.cluster.issuer()},
                {QStringLiteral("sub"), QStringLiteral("system:serviceaccount:spire:spire-agent")},
                {QStringLiteral("kubernetes.io"),
                 QJsonObject{{QStringLiteral("namespace"), QStringLiteral("spire")},
                             {QStringLiteral("serviceaccount"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("spire-agent")}}},
                             {QStringLiteral("pod"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("p")},
                                          {QStringLiteral("uid"), QStringLiteral("u")}}},
                             {QStringLiteral("node"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("n")},
                                          {QStringLiteral("uid"), QStringLiteral("nu")}}}}}};
    }
    QJsonObject tokenPayload(const QJsonObject &c, const QString &kid = {}) const
    {
        const QByteArray tok =
            signJwt(m_f.cluster.currentKey(), JwsAlgorithm::ES256,
                    {{QStringLiteral("kid"), kid.isEmpty() ? m_f.cluster.currentKid() : kid}}, c);
        return {{QStringLiteral("token"), QString::fromLatin1(tok)}};
    }
    EvidenceRecord psat(const QJsonObject &payload, const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"), payload, at);
    }

    LabFixture m_f;
};

void TestK8sPsatAttestor::accepted()
{
    const AttestationResult r = m_f.replay({psat(m_f.psatPayload())});
    expectOutcome(r, {});
    QCOMPARE(r.verdict(), Verdict::Affirming);
    QCOMPARE(r.selectors, (QStringList{QStringLiteral("k8s_psat:cluster:prod"),
                                       QStringLiteral("k8s_psat:agent_ns:spire"),
                                       QStringLiteral("k8s_psat:agent_sa:spire-agent"),
                                       QStringLiteral("k8s_psat:agent_pod_name:spire-agent-x1"),
                                       QStringLiteral("k8s_psat:agent_pod_uid:pod-uid-1"),
                                       QStringLiteral("k8s_psat:agent_node_name:node-a"),
                                       QStringLiteral("k8s_psat:agent_node_uid:node-uid-a")}));
    QCOMPARE(r.agentId,
             QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a"));
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("k8s_issuer:prod")});
    QCOMPARE(r.claims.value(QLatin1String("node"))
                 .toObject()
                 .value(QLatin1String("namespace"))
                 .toString(),
             QStringLiteral("spire"));
    QVERIFY(r.expiresAt.isValid());

    // Without node.uid (clusters before 1.30) the node name stands in, with a warning.
    QJsonObject c = claims(t0());
    QJsonObject k8s = c.value(QLatin1String("kubernetes.io")).toObject();
    k8s.insert(QStringLiteral("node"), QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}});
    c.insert(QStringLiteral("kubernetes.io"), k8s);
    const AttestationResult w = m_f.replay({psat(tokenPayload(c))});
    QCOMPARE(w.verdict(), Verdict::Warning);
    QCOMPARE(w.agentId, QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/n"));
}

void TestK8sPsatAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "key_unknown", "algorithm_not_allowed",
                            "signature_invalid", "key_revoked", "anchor_revoked", "anchor_expired",
                            "audience_mismatch", "expired", "not_yet_valid", "claim_missing",
                            "claim_mismatch", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestK8sPsatAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    QJsonObject c = claims(t0());
    if (code == QLatin1String("malformed")) {
        records << psat({{QStringLiteral("token"), QStringLiteral("not-a-jwt")}});
    } else if (code == QLatin1String("issuer_unknown")) {
        c.insert(QStringLiteral("iss"), QStringLiteral("https://k8s.elsewhere.example"));
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("key_unknown")) {
        records << psat(tokenPayload(c, QStringLiteral("no-such-kid")));
    } else if (code == QLatin1String("algorithm_not_allowed")) {
        const Key p384 = Key::generate(KeyType::EcP384).value();
        records << psat({{QStringLiteral("token"),
                          QString::fromLatin1(
                              signJwt(p384, JwsAlgorithm::ES384,
                                      {{QStringLiteral("kid"), m_f.cluster.currentKid()}}, c))}});
    } else if (code == QLatin1String("signature_invalid")) {
        records << psat(
            {{QStringLiteral("token"),
              QString::fromLatin1(breakSignature(
                  tokenPayload(c).value(QLatin1String("token")).toString().toLatin1()))}});
    } else if (code == QLatin1String("key_revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"),
                          QString::fromLatin1(m_f.cluster.currentKey().fingerprint()))
                << psat(m_f.psatPayload());
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("k8s_issuer:prod"))
                << psat(m_f.psatPayload());
    } else if (code == QLatin1String("anchor_expired")) {
        records << signal(QStringLiteral("expire"), QStringLiteral("anchor"),
                          QStringLiteral("k8s_issuer:prod"))
                << psat(m_f.psatPayload());
    } else if (code == QLatin1String("audience_mismatch")) {
        c.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("vault")});
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("expired")) {
        records << psat(m_f.psatPayload(), t0().addSecs(2 * 3600));
    } else if (code == QLatin1String("not_yet_valid")) {
        records << psat(m_f.psatPayload(t0().addSecs(600)));
    } else if (code == QLatin1String("claim_missing")) {
        QJsonObject k8s = c.value(QLatin1String("kubernetes.io")).toObject();
        k8s.remove(QStringLiteral("pod"));
        c.insert(QStringLiteral("kubernetes.io"), k8s);
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("claim_mismatch")) {
        c.insert(QStringLiteral("sub"), QStringLiteral("system:serviceaccount:default:other"));
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("replayed")) {
        const QJsonObject payload = m_f.psatPayload();
        records << psat(payload) << psat(payload, t0().addSecs(5));
    }
    expectOutcome(m_f.replay(records), code);
}

void TestK8sPsatAttestor::allowList_data()
{
    QTest::addColumn<QJsonValue>("list"); // undefined: the anchor has no allow list
    QTest::addColumn<QString>("code");    // the refusal, empty when accepted
    QTest::addColumn<QString>("warning"); // the one warning, empty when affirming
    QTest::newRow("listed") << QJsonValue(QJsonArray{QStringLiteral("default:x"),
                                                     QStringLiteral("spire:spire-agent")})
                            << QString() << QString();
    QTest::newRow("not listed") << QJsonValue(QJsonArray{QStringLiteral("spire:other-agent")})
                                << QStringLiteral("not_allowed") << QString();
    QTest::newRow("same name in another namespace")
        << QJsonValue(QJsonArray{QStringLiteral("kube-system:spire-agent")})
        << QStringLiteral("not_allowed") << QString();
    QTest::newRow("anchor written before allow lists")
        << QJsonValue(QJsonValue::Undefined) << QString() << QStringLiteral("allow_list_missing");
}

void TestK8sPsatAttestor::allowList()
{
    QFETCH(QJsonValue, list);
    QFETCH(QString, code);
    QFETCH(QString, warning);
    LabFixture f = m_f;
    f.psatPolicy =
        LabFixture::withSetting(f.psatPolicy, QStringLiteral("service_account_allow_list"), list);
    const AttestationResult r = f.replay({psat(f.psatPayload())});
    expectOutcome(r, code);
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    if (!code.isEmpty()) {
        QCOMPARE(r.reasons.first().found, QStringLiteral("spire:spire-agent"));
        return;
    }
    QStringList warnings;
    for (const AttestationReason &w : r.warnings)
        warnings << w.code;
    QCOMPARE(warnings.join(QLatin1Char(',')), warning);
    QCOMPARE(r.verdict(), warning.isEmpty() ? Verdict::Affirming : Verdict::Warning);
}

void TestK8sPsatAttestor::recordedObjects_data()
{
    QTest::addColumn<bool>("withPod");
    QTest::addColumn<bool>("withNode");
    QTest::addColumn<QJsonArray>("podLabelKeys");
    QTest::addColumn<QStringList>("added"); // selectors beyond the token's, in order
    QTest::addColumn<QString>("nodeIp");
    const QJsonArray app{QStringLiteral("app")};
    QTest::newRow("pod and node")
        << true << true << app
        << QStringList{QStringLiteral("k8s_psat:agent_node_ip:192.168.7.10"),
                       QStringLiteral(
                           "k8s_psat:agent_node_label:topology.kubernetes.io/zone:eu-1a"),
                       QStringLiteral("k8s_psat:agent_pod_label:app:spire-agent")}
        << QStringLiteral("192.168.7.10");
    QTest::newRow("pod only: node IP from the pod's hostIP")
        << true << false << app
        << QStringList{QStringLiteral("k8s_psat:agent_node_ip:192.168.7.10"),
                       QStringLiteral("k8s_psat:agent_pod_label:app:spire-agent")}
        << QStringLiteral("192.168.7.10");
    QTest::newRow("node only: node IP from its InternalIP")
        << false << true << app
        << QStringList{QStringLiteral("k8s_psat:agent_node_ip:192.168.7.10"),
                       QStringLiteral(
                           "k8s_psat:agent_node_label:topology.kubernetes.io/zone:eu-1a")}
        << QStringLiteral("192.168.7.10");
    QTest::newRow("pod labels not allowed")
        << true << true << QJsonArray{}
        << QStringList{QStringLiteral("k8s_psat:agent_node_ip:192.168.7.10"),
                       QStringLiteral(
                           "k8s_psat:agent_node_label:topology.kubernetes.io/zone:eu-1a")}
        << QStringLiteral("192.168.7.10");
    QTest::newRow("two pod label keys allowed, one absent")
        << true << false
        << QJsonArray{QStringLiteral("tier"), QStringLiteral("app"), QStringLiteral("absent")}
        << QStringList{QStringLiteral("k8s_psat:agent_node_ip:192.168.7.10"),
                       QStringLiteral("k8s_psat:agent_pod_label:app:spire-agent"),
                       QStringLiteral("k8s_psat:agent_pod_label:tier:infra")}
        << QStringLiteral("192.168.7.10");
    QTest::newRow("neither: no IP, no labels, no error")
        << false << false << app << QStringList{} << QString();
}

void TestK8sPsatAttestor::recordedObjects()
{
    QFETCH(bool, withPod);
    QFETCH(bool, withNode);
    QFETCH(QJsonArray, podLabelKeys);
    QFETCH(QStringList, added);
    QFETCH(QString, nodeIp);
    LabFixture f = m_f;
    f.psatPolicy.insert(QStringLiteral("allowed_pod_label_keys"), podLabelKeys);
    QJsonObject payload = f.psatPayload();
    if (withPod)
        payload.insert(QStringLiteral("pod"), podObject());
    if (withNode)
        payload.insert(QStringLiteral("node"), nodeObject());
    const AttestationResult r = f.replay({psat(payload)});
    expectOutcome(r, {});
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QCOMPARE(r.verdict(), Verdict::Affirming);
    // SPIRE's order: the node IP between the pod's selectors and the node's, labels last.
    QStringList want{QStringLiteral("k8s_psat:cluster:prod"),
                     QStringLiteral("k8s_psat:agent_ns:spire"),
                     QStringLiteral("k8s_psat:agent_sa:spire-agent"),
                     QStringLiteral("k8s_psat:agent_pod_name:spire-agent-x1"),
                     QStringLiteral("k8s_psat:agent_pod_uid:pod-uid-1")};
    if (!nodeIp.isEmpty())
        want << added.takeFirst();
    want << QStringLiteral("k8s_psat:agent_node_name:node-a")
         << QStringLiteral("k8s_psat:agent_node_uid:node-uid-a") << added;
    QCOMPARE(r.selectors, want);
    const QJsonObject node = r.claims.value(QLatin1String("node")).toObject();
    QCOMPARE(node.value(QLatin1String("node_ip")).toString(), nodeIp);
    QCOMPARE(node.contains(QLatin1String("pod_labels")), withPod);
    QCOMPARE(node.contains(QLatin1String("labels")), withNode);
    if (withNode) // only the allowed keys reach the claims: "pool" is not among them
        QCOMPARE(node.value(QLatin1String("labels")).toObject(),
                 (QJsonObject{
                     {QStringLiteral("topology.kubernetes.io/zone"), QStringLiteral("eu-1a")}}));
    if (withPod) {
        QJsonObject podLabels;
        const QJsonObject all = podObject()
                                    .value(QLatin1String("metadata"))
                                    .toObject()
                                    .value(QLatin1String("labels"))
                                    .toObject();
        for (const QJsonValue &key : podLabelKeys) {
            if (all.contains(key.toString()))
                podLabels.insert(key.toString(), all.value(key.toString()));
        }
        QCOMPARE(node.value(QLatin1String("pod_labels")).toObject(), podLabels);
    }
}

void TestK8sPsatAttestor::recordedObjectsDisagree_data()
{
    QTest::addColumn<QString>("object"); // "pod" or "node"
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // what the reason's expected value names
    const QString mismatch = QStringLiteral("claim_mismatch");
    for (const char *path : {"metadata.uid", "metadata.name", "metadata.namespace", "spec.nodeName",
                             "spec.serviceAccountName"})
        QTest::newRow(qPrintable(QStringLiteral("pod %1").arg(QLatin1String(path))))
            << "pod" << QString::fromLatin1(path) << "other" << mismatch
            << QStringLiteral("pod.") + QLatin1String(path);
    QTest::newRow("pod uid missing") << "pod"
                                     << "metadata.uid"
                                     << "" << mismatch << "pod.metadata.uid";
    QTest::newRow("node metadata.name") << "node"
                                        << "metadata.name"
                                        << "node-b" << mismatch << "node.metadata.name";
    QTest::newRow("node metadata.uid") << "node"
                                       << "metadata.uid"
                                       << "node-uid-b" << mismatch << "node.metadata.uid";
    QTest::newRow("node without the pod's host IP") << "node"
                                                    << "status.addresses"
                                                    << "" << mismatch << "node.status.addresses";
    QTest::newRow("pod object is a Node") << "pod"
                                          << "kind"
                                          << "Node"
                                          << "malformed"
                                          << "payload.pod";
    QTest::newRow("node object is a Pod") << "node"
                                          << "kind"
                                          << "Pod"
                                          << "malformed"
                                          << "payload.node";
}

void TestK8sPsatAttestor::recordedObjectsDisagree()
{
    QFETCH(QString, object);
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QJsonObject pod = podObject();
    QJsonObject node = nodeObject();
    QJsonObject &changed = object == QLatin1String("pod") ? pod : node;
    changed = withField(changed, path, value);
    QJsonObject payload = m_f.psatPayload();
    payload.insert(QStringLiteral("pod"), pod);
    payload.insert(QStringLiteral("node"), node);
    const AttestationResult r = m_f.replay({psat(payload)});
    expectOutcome(r, code);
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QCOMPARE(r.reasons.size(), 1);
    QVERIFY2(r.reasons.first().expected.startsWith(field), qPrintable(r.reasons.first().expected));
}

void TestK8sPsatAttestor::joseHeaderAndDates_data()
{
    // Issue 8, finding 4: a critical extension nobody understands, and NumericDates that do not
    // fit an instant, are refused; nothing overflows.
    QTest::addColumn<QJsonObject>("header"); // beside kid and alg
    QTest::addColumn<QJsonObject>("claims"); // replacing the fixture's
    QTest::addColumn<QString>("code");
    QTest::newRow("crit naming an unknown extension")
        << QJsonObject{{QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}},
                       {QStringLiteral("exp"), 1}}
        << QJsonObject{} << "crit_unknown";
    QTest::newRow("crit empty") << QJsonObject{{QStringLiteral("crit"), QJsonArray{}}}
                                << QJsonObject{} << "crit_unknown";
    QTest::newRow("crit not an array")
        << QJsonObject{{QStringLiteral("crit"), QStringLiteral("b64")}} << QJsonObject{}
        << "crit_unknown";
    QTest::newRow("exp 1e300") << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), 1e300}}
                               << "claim_invalid";
    QTest::newRow("exp largest double")
        << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), 1.7976931348623157e308}}
        << "claim_invalid";
    QTest::newRow("exp negative") << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), -1e300}}
                                  << "claim_invalid";
    QTest::newRow("exp past year 9999")
        << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), 253402300800.0}} << "claim_invalid";
    QTest::newRow("exp a string") << QJsonObject{}
                                  << QJsonObject{{QStringLiteral("exp"),
                                                  QStringLiteral("tomorrow")}}
                                  << "claim_invalid";
    QTest::newRow("nbf 1e300") << QJsonObject{} << QJsonObject{{QStringLiteral("nbf"), 1e300}}
                               << "claim_invalid";
    QTest::newRow("nbf negative") << QJsonObject{} << QJsonObject{{QStringLiteral("nbf"), -1e300}}
                                  << "claim_invalid";
    QTest::newRow("iat 1e300") << QJsonObject{} << QJsonObject{{QStringLiteral("iat"), 1e300}}
                               << "claim_invalid";
    QTest::newRow("exp at year 9999 is still a date")
        << QJsonObject{} << QJsonObject{{QStringLiteral("exp"), 253402300799.0}} << "";
    QTest::newRow("fractional dates")
        << QJsonObject{}
        << QJsonObject{{QStringLiteral("nbf"), double(t0().toSecsSinceEpoch()) - 0.5}} << "";
}

void TestK8sPsatAttestor::joseHeaderAndDates()
{
    QFETCH(QJsonObject, header);
    QFETCH(QJsonObject, claims);
    QFETCH(QString, code);
    QJsonObject c = this->claims(t0());
    for (auto it = claims.constBegin(); it != claims.constEnd(); ++it)
        c.insert(it.key(), it.value());
    header.insert(QStringLiteral("kid"), m_f.cluster.currentKid());
    const QByteArray tok = signJwt(m_f.cluster.currentKey(), JwsAlgorithm::ES256, header, c);
    const AttestationResult r =
        m_f.replay({psat({{QStringLiteral("token"), QString::fromLatin1(tok)}})});
    expectOutcome(r, code);
    if (code.isEmpty())
        QVERIFY(r.expiresAt.isValid());
}

QTEST_GUILESS_MAIN(TestK8sPsatAttestor)
#include "tst_k8spsatattestor.moc"
