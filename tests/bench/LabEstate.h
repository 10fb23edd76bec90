// SPDX-License-Identifier: Apache-2.0
// The lab estate the graph and canvas benchmarks share: about N graph nodes of three federating
// trust domains, a cluster, a cloud account and TPM hosts.
#pragma once

#include "core/graph/Estate.h"

#include <algorithm>

namespace ta::bench {

using namespace ta::core;

inline const QDateTime kStart(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);

// A lab estate of about @p target graph nodes: three trust domains federating, a cluster, a
// cloud account and TPM hosts, three workloads per node, an identity per two workloads and an
// X.509 credential per workload.
inline Estate labEstate(int target)
{
    Estate e;
    e.agentTrustDomain = QStringLiteral("prod.example");
    const QStringList tds{QStringLiteral("prod.example"), QStringLiteral("staging.example"),
                          QStringLiteral("partner.example")};
    for (const QString &td : tds)
        e.trustDomains << EstateTrustDomain{
            td,
            {EstateAuthority{QStringLiteral("ca-") + td, AuthorityKind::X509, SlotStatus::Active,
                             false, kStart.addDays(-10), kStart.addDays(300)}}};
    e.federation = {{tds[0], tds[2], {}}, {tds[2], tds[0], {}}, {tds[1], tds[0], {}}};
    TrustAnchor k8s;
    k8s.id = QStringLiteral("k8s_issuer:prod");
    k8s.kind = AnchorKind::K8sIssuer;
    k8s.name = QStringLiteral("prod");
    (void)e.anchors.addAnchor(k8s);
    TrustAnchor aws;
    aws.id = QStringLiteral("aws_signing_cert:eu");
    aws.kind = AnchorKind::AwsSigningCert;
    aws.name = QStringLiteral("eu");
    (void)e.anchors.addAnchor(aws);
    const int nodes = std::max(1, int(target / 9.0));
    for (int r = 0; r < 20; ++r) {
        EstateRule rule;
        rule.id = QStringLiteral("rule/policy/r%1").arg(r);
        rule.name = QStringLiteral("r%1").arg(r);
        rule.trustDomain = tds[r % 3];
        e.rules << rule;
    }
    for (int i = 0; i < nodes; ++i) {
        const int kind = i % 3;
        EstateSubject n;
        n.subject = QStringLiteral("node/n%1").arg(i);
        n.attestor = kind == 0   ? QStringLiteral("k8s_psat")
                     : kind == 1 ? QStringLiteral("aws_iid")
                                 : QStringLiteral("tpm");
        n.agentId =
            QStringLiteral("spiffe://prod.example/spire/agent/%1/%2").arg(n.attestor).arg(i);
        n.trustDomain = tds[i % 3];
        n.platform = kind == 0   ? QStringLiteral("k8s:prod")
                     : kind == 1 ? QStringLiteral("aws:1111")
                                 : QStringLiteral("tpm");
        if (kind < 2)
            n.anchorIds = {kind == 0 ? k8s.id : aws.id};
        n.history = {EstateObservation{kStart, Verdict::Affirming, {}, -1, {}}};
        e.subjects << n;
        for (int w = 0; w < 3; ++w) {
            const int wi = i * 3 + w;
            EstateSubject s;
            s.subject = QStringLiteral("workload/w%1").arg(wi);
            s.workload = true;
            s.attestor = QStringLiteral("k8s");
            s.agentId = n.agentId;
            s.node = n.subject;
            s.trustDomain = n.trustDomain;
            const QString id = QStringLiteral("spiffe://%1/app/%2").arg(n.trustDomain).arg(wi / 2);
            const QString rule = QStringLiteral("rule/policy/r%1").arg(wi % 20);
            e.grantSets << QList<EstateGrant>{EstateGrant{id, {rule}, 3600}};
            s.history = {EstateObservation{
                kStart.addSecs(60), Verdict::Affirming, {}, int(e.grantSets.size() - 1), {}}};
            e.subjects << s;
            EstateCredential c;
            c.id = QStringLiteral("credential/c%1").arg(wi);
            c.trustDomain = n.trustDomain;
            c.serial = QString::number(wi, 16);
            c.spiffeId = id;
            c.subject = s.subject;
            c.notBefore = kStart.addSecs(60);
            c.notAfter = kStart.addSecs(3660);
            c.authorityId = QStringLiteral("ca-") + n.trustDomain;
            e.credentials << c;
        }
    }
    return e;
}

} // namespace ta::bench
