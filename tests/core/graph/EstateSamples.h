// SPDX-License-Identifier: Apache-2.0
// A hand-built estate whose graph and analyses have known answers:
//  - a.example <-> b.example federate both ways; c.example -> a.example one way only;
//  - a.example's X.509 authority expires in 3 days with no prepared successor; b.example has one;
//    c.example's first authority is revoked;
//  - node/k1 (k8s cluster "prod") runs workload/w1 (two identities, one of them a 30-day TTL
//    rule's) and workload/w3 (refused at t0+40m);
//  - node/j1 attested by a join token alone runs workload/w2, whose identity "weak" rests on it;
//  - rule "idle" grants nothing;
//  - credentials: cred1 (w1's api, 1 hour), cred2 (revoked), cred3 (by c's revoked authority),
//    cred4 (w2's weak, 10 hours).
#pragma once

#include "core/graph/Estate.h"
#include "core/graph/EstateLoader.h"

namespace ta::samples {

inline const QDateTime kT0 = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);

inline core::EstateSubject subject(const QString &name, bool workload, const QString &attestor,
                                   const QString &agentOrNode, const QStringList &anchors)
{
    core::EstateSubject s;
    s.subject = name;
    s.workload = workload;
    s.attestor = attestor;
    s.trustDomain = QStringLiteral("a.example");
    if (workload) {
        s.node = agentOrNode;
        s.agentId = QStringLiteral("spiffe://a.example/spire/agent/x/") + agentOrNode;
    } else {
        s.agentId = QStringLiteral("spiffe://a.example/spire/agent/x/") + name;
    }
    s.anchorIds = anchors;
    return s;
}

inline core::EstateObservation seen(qint64 minutes, int grantSet = -1,
                                    core::Verdict verdict = core::Verdict::Affirming)
{
    core::EstateObservation o;
    o.time = kT0.addSecs(minutes * 60);
    o.verdict = verdict;
    o.grantSet = grantSet;
    if (verdict == core::Verdict::Contraindicated)
        o.reasons << QStringLiteral("digest_not_allowed");
    return o;
}

inline core::EstateCredential credential(const QString &id, const QString &spiffeId,
                                         const QString &authority, qint64 lifeMinutes,
                                         bool revoked = false)
{
    core::EstateCredential c;
    c.id = QStringLiteral("credential/") + id;
    c.trustDomain = spiffeId.mid(9, spiffeId.indexOf(QLatin1Char('/'), 9) - 9);
    c.serial = id;
    c.spiffeId = spiffeId;
    c.notBefore = kT0;
    c.notAfter = kT0.addSecs(lifeMinutes * 60);
    c.revoked = revoked;
    c.authorityId = authority;
    return c;
}

inline core::EstateRule rule(const QString &name, const QString &spiffeId, qint32 ttl = 0,
                             const QStringList &federatesWith = {},
                             const QString &td = QStringLiteral("a.example"))
{
    core::EstateRule r;
    r.id = QStringLiteral("rule/policy/") + name;
    r.name = name;
    r.trustDomain = td;
    r.spiffeId = spiffeId;
    r.x509SvidTtl = ttl;
    r.federatesWith = federatesWith;
    return r;
}

inline core::Estate handBuiltEstate()
{
    using namespace core;
    Estate e;
    e.agentTrustDomain = QStringLiteral("a.example");
    e.freshness = 3600;
    const auto slot = [](const char *id, AuthorityKind kind, SlotStatus status, qint64 daysLeft) {
        return EstateAuthority{QString::fromLatin1(id), kind, status, false, kT0.addDays(-30),
                               kT0.addDays(daysLeft)};
    };
    e.trustDomains = {
        {QStringLiteral("a.example"),
         {slot("auth-a1", AuthorityKind::X509, SlotStatus::Active, 3),
          slot("auth-aj", AuthorityKind::Jwt, SlotStatus::Active, 300)}},
        {QStringLiteral("b.example"),
         {slot("auth-b1", AuthorityKind::X509, SlotStatus::Active, 3),
          slot("auth-b2", AuthorityKind::X509, SlotStatus::Prepared, 400)}},
        {QStringLiteral("c.example"),
         {slot("auth-c0", AuthorityKind::X509, SlotStatus::Revoked, 10),
          slot("auth-c1", AuthorityKind::X509, SlotStatus::Active, 300)}},
    };
    TrustAnchor k8s;
    k8s.id = QStringLiteral("k8s_issuer:prod");
    k8s.kind = AnchorKind::K8sIssuer;
    k8s.name = QStringLiteral("prod");
    (void)e.anchors.addAnchor(k8s);
    TrustAnchor join;
    join.id = QStringLiteral("join_token:t1");
    join.kind = AnchorKind::JoinToken;
    join.name = QStringLiteral("t1");
    (void)e.anchors.addAnchor(join);
    ReferenceValue digest;
    digest.id = QStringLiteral("image_digest:reg/api@sha256:aa");
    digest.kind = ReferenceKind::ImageDigest;
    digest.image = QStringLiteral("reg/api");
    digest.digest = QStringLiteral("sha256:aa");
    (void)e.anchors.addReferenceValue(digest);

    e.rules = {rule(QStringLiteral("api"), QStringLiteral("spiffe://a.example/api"), 3600,
                    {QStringLiteral("b.example")}),
               rule(QStringLiteral("long"), QStringLiteral("spiffe://a.example/long"), 30 * 86400),
               rule(QStringLiteral("weak"), QStringLiteral("spiffe://a.example/weak")),
               rule(QStringLiteral("idle"), QStringLiteral("spiffe://a.example/idle")),
               rule(QStringLiteral("b-api"), QStringLiteral("spiffe://b.example/api"), 0,
                    {QStringLiteral("a.example")}, QStringLiteral("b.example")),
               rule(QStringLiteral("c-api"), QStringLiteral("spiffe://c.example/api"), 0,
                    {QStringLiteral("a.example")}, QStringLiteral("c.example"))};
    e.grantSets = {
        {{QStringLiteral("spiffe://a.example/api"), {QStringLiteral("rule/policy/api")}, 3600},
         {QStringLiteral("spiffe://a.example/long"),
          {QStringLiteral("rule/policy/long")},
          30 * 86400}},
        {{QStringLiteral("spiffe://a.example/weak"), {QStringLiteral("rule/policy/weak")}, 0}},
    };

    EstateSubject k1 = subject(QStringLiteral("node/k1"), false, QStringLiteral("k8s_psat"), {},
                               {QStringLiteral("k8s_issuer:prod")});
    k1.platform = QStringLiteral("k8s:prod");
    k1.history = {seen(0), seen(30)};
    EstateSubject j1 = subject(QStringLiteral("node/j1"), false, QStringLiteral("join_token"), {},
                               {QStringLiteral("join_token:t1")});
    j1.platform = QStringLiteral("join_token");
    j1.history = {seen(0)};
    EstateSubject w1 = subject(QStringLiteral("workload/w1"), true, QStringLiteral("k8s"),
                               QStringLiteral("node/k1"), {});
    w1.referenceSets = {QStringLiteral("refs:image:reg/api")};
    w1.history = {seen(1, 0), seen(31, 0)};
    EstateSubject w2 = subject(QStringLiteral("workload/w2"), true, QStringLiteral("unix"),
                               QStringLiteral("node/j1"), {});
    w2.history = {seen(1, 1), seen(31, 1)};
    EstateSubject w3 = subject(QStringLiteral("workload/w3"), true, QStringLiteral("k8s"),
                               QStringLiteral("node/k1"), {});
    w3.history = {seen(1), seen(40, -1, Verdict::Contraindicated)};
    e.subjects = {k1, j1, w1, w2, w3};

    e.credentials = {credential(QStringLiteral("cred1"), QStringLiteral("spiffe://a.example/api"),
                                QStringLiteral("auth-a1"), 60),
                     credential(QStringLiteral("cred2"), QStringLiteral("spiffe://a.example/api"),
                                QStringLiteral("auth-a1"), 60, true),
                     credential(QStringLiteral("cred3"), QStringLiteral("spiffe://c.example/api"),
                                QStringLiteral("auth-c0"), 600),
                     credential(QStringLiteral("cred4"), QStringLiteral("spiffe://a.example/weak"),
                                QStringLiteral("auth-a1"), 600)};
    EstateLoader::deriveFederation(e);
    return e;
}

} // namespace ta::samples
