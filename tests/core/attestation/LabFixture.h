// SPDX-License-Identifier: Apache-2.0
// Shared by the attestation tests: the lab's attesters, their anchors, a trust domain with a CA
// for agent SVIDs, and a verifier to replay records through.
#pragma once

#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/attestation/lab/AgentSigner.h"
#include "core/attestation/lab/CloudProvider.h"
#include "core/attestation/lab/ClusterIssuer.h"
#include "core/attestation/lab/CosignSigner.h"
#include "core/attestation/lab/GcpIdentityProvider.h"
#include "core/crypto/Jose.h"
#include "core/spiffe/CertificateAuthority.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <optional>

namespace ta::core::test {

inline QDateTime t0()
{
    return QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
}

inline EvidenceRecord record(const QString &attestor, const QString &subject,
                             const QJsonObject &payload, const QDateTime &time = t0())
{
    EvidenceRecord r;
    r.time = time;
    r.attestor = attestor;
    r.subject = subject;
    r.payload = payload;
    return r;
}

inline EvidenceRecord signal(const QString &kind, const QString &field, const QString &value,
                             const QDateTime &time = t0().addSecs(-1))
{
    return record(QStringLiteral("signal"), QStringLiteral("operator/test"),
                  {{QStringLiteral("kind"), kind}, {field, value}}, time);
}

/// Compact JWS with arbitrary header fields and claims, for rows that need a token no honest
/// attester would mint.
inline QByteArray signJwt(const Key &key, JwsAlgorithm alg, const QJsonObject &header,
                          const QJsonObject &claims)
{
    return Jose::signCompact(header, QJsonDocument(claims).toJson(QJsonDocument::Compact), key, alg)
        .value();
}

/// Flips one bit in the signature part of a compact JWS.
inline QByteArray breakSignature(QByteArray token)
{
    const qsizetype dot = token.lastIndexOf('.');
    QByteArray sig = Jose::base64UrlDecode(token.mid(dot + 1)).value();
    sig[sig.size() / 2] = char(sig.at(sig.size() / 2) ^ 0x01);
    return token.left(dot + 1) + Jose::base64UrlEncode(sig);
}

struct LabFixture
{
    TrustDomain td = TrustDomain::fromName(QStringLiteral("lab.example")).value();
    CertificateAuthority ca =
        CertificateAuthority::create(td, CaSettings{}, t0().addDays(-1)).value();
    ClusterIssuer cluster =
        ClusterIssuer::create(QStringLiteral("prod"), QStringLiteral("https://k8s.prod.example"))
            .value();
    GcpIdentityProvider gcp = GcpIdentityProvider::create().value();
    CloudProvider aws = CloudProvider::create(t0()).value();
    CosignSigner release = CosignSigner::create(QStringLiteral("release")).value();
    QJsonArray extraAnchors;
    QJsonArray referenceValues;
    /// SPIRE server settings merged into the cluster's k8s_issuer anchor and Google's gcp_jwks
    /// anchor; a test removes a field to play an anchors file written before it existed.
    QJsonObject psatPolicy{
        {QStringLiteral("service_account_allow_list"),
         QJsonArray{QStringLiteral("spire:spire-agent")}},
        {QStringLiteral("allowed_node_label_keys"),
         QJsonArray{QStringLiteral("topology.kubernetes.io/zone")}},
        {QStringLiteral("allowed_pod_label_keys"), QJsonArray{QStringLiteral("app")}}};
    QJsonObject gcpPolicy{
        {QStringLiteral("projectid_allow_list"), QJsonArray{QStringLiteral("big-kahuna-123456")}},
        {QStringLiteral("allowed_label_keys"), QJsonArray{QStringLiteral("env")}},
        {QStringLiteral("allowed_metadata_keys"),
         QJsonArray{QStringLiteral("role"), QStringLiteral("flag")}}};

    /// @p policy with @p field set to @p value, or without it when @p value is undefined.
    static QJsonObject withSetting(QJsonObject policy, const QString &field,
                                   const QJsonValue &value)
    {
        if (value.isUndefined())
            policy.remove(field);
        else
            policy.insert(field, value);
        return policy;
    }

    static QJsonObject merged(QJsonObject anchor, const QJsonObject &policy)
    {
        for (auto it = policy.constBegin(); it != policy.constEnd(); ++it)
            anchor.insert(it.key(), it.value());
        return anchor;
    }

    QJsonObject anchorsJson() const
    {
        QJsonArray anchors{
            merged(cluster.anchorJson(QStringLiteral("spire-server")), psatPolicy),
            merged(gcp.anchorJson(QStringLiteral("spire-gcp-node-attestor")), gcpPolicy),
            aws.anchorJson(), release.anchorJson()};
        for (const QJsonValue &v : extraAnchors)
            anchors.append(v);
        return {{QStringLiteral("anchors"), anchors},
                {QStringLiteral("reference_values"), referenceValues}};
    }

    /// The bundle of the fixture's trust domain, alone in a set.
    TrustBundleSet bundles() const
    {
        TrustBundleSet set;
        TrustBundle b(td);
        for (const Certificate &c : ca.x509Authorities())
            (void)b.addX509Authority(c);
        set.insert(b);
        return set;
    }

    EvidenceVerifier verifier() const
    {
        auto set = AnchorSet::fromImportJson(QJsonDocument(anchorsJson()).toJson());
        if (!set)
            qFatal("anchors: %s", qPrintable(set.error().toString()));
        AttestationSettings s;
        s.trustDomain = td;
        return EvidenceVerifier(*set, bundles(), s);
    }

    /// Replays @p records and returns the last result.
    AttestationResult replay(const QList<EvidenceRecord> &records) const
    {
        EvidenceVerifier v = verifier();
        AttestationResult last;
        for (const EvidenceRecord &r : records)
            last = v.verify(r);
        return last;
    }

    /// An agent with an X509-SVID for @p agentId from the fixture's CA.
    AgentSigner agent(const QString &agentId, const QDateTime &at = t0().addSecs(-600)) const
    {
        Key key = Key::generate(KeyType::EcP256).value();
        auto svid =
            ca.mintX509Svid(SpiffeId::fromString(agentId).value(), key.publicKey(), {}, 86400, at);
        return AgentSigner(key, svid.value().chain);
    }

    ClusterIssuer::Pod pod() const
    {
        return {QStringLiteral("spire"),          QStringLiteral("spire-agent"),
                QStringLiteral("spire-agent-x1"), QStringLiteral("pod-uid-1"),
                QStringLiteral("node-a"),         QStringLiteral("node-uid-a")};
    }

    QJsonObject psatPayload(const QDateTime &iat = t0().addSecs(-5)) const
    {
        return {{QStringLiteral("token"),
                 QString::fromLatin1(
                     cluster.mintToken(pod(), QStringLiteral("spire-server"), iat, 3600).value())}};
    }
};

/// Checks @p r against the expected code: empty means accepted.
inline void expectOutcome(const AttestationResult &r, const QString &expectedCode)
{
    QStringList codes;
    for (const AttestationReason &reason : r.reasons)
        codes << reason.code;
    if (expectedCode.isEmpty()) {
        QVERIFY2(r.accepted(), qPrintable(codes.join(QLatin1Char(',')) + QLatin1Char(' ') +
                                          QString::fromUtf8(QJsonDocument(r.toJson()).toJson())));
        QVERIFY(r.verdict() != Verdict::Contraindicated);
    } else {
        QCOMPARE(r.verdict(), Verdict::Contraindicated);
        QVERIFY2(
            codes.contains(expectedCode),
            qPrintable(
                QStringLiteral("want %1, got %2").arg(expectedCode, codes.join(QLatin1Char(',')))));
        QVERIFY(r.selectors.isEmpty());
    }
}

} // namespace ta::core::test
