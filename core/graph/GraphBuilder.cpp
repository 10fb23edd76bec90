// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphBuilder.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace ta::core {
namespace {

QString trustDomainOf(const QString &spiffeId)
{
    if (!spiffeId.startsWith(QLatin1String("spiffe://")))
        return {};
    const qsizetype slash = spiffeId.indexOf(QLatin1Char('/'), 9);
    return spiffeId.mid(9, slash < 0 ? -1 : slash - 9);
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? EvidenceRecord::formatTime(t) : QString();
}

bool atOrBefore(const QDateTime &t, const QDateTime &at)
{
    return !at.isValid() || !t.isValid() || t <= at;
}

// The platform an anchor defines by itself (a cluster issuer, a TPM key, a PoP CA); empty for
// those whose platforms only the nodes name (cloud signing certificates, cosign keys).
QStringList platformsOfAnchor(const TrustAnchor &a)
{
    switch (a.kind) {
    case AnchorKind::K8sIssuer:
        return {QStringLiteral("k8s:") + a.name};
    case AnchorKind::TpmAk:
        return {QStringLiteral("tpm")};
    case AnchorKind::X509PopCa:
        return {QStringLiteral("x509pop:") + a.id};
    case AnchorKind::JoinToken:
        return {QStringLiteral("join_token")};
    case AnchorKind::GcpJwks: {
        QStringList out;
        for (const QString &p : a.allowList.value_or(QStringList()))
            out << QStringLiteral("gcp:") + p;
        return out;
    }
    case AnchorKind::AwsSigningCert:
    case AnchorKind::CosignKey:
        break;
    }
    return {};
}

QPair<QString, QString> platformKindAndLabel(const QString &key)
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    const QString type = colon < 0 ? key : key.left(colon);
    const QString name = colon < 0 ? QString() : key.mid(colon + 1);
    if (type == QLatin1String("k8s"))
        return {QStringLiteral("k8s_cluster"), QStringLiteral("cluster ") + name};
    if (type == QLatin1String("aws"))
        return {QStringLiteral("aws_account"), QStringLiteral("AWS ") + name};
    if (type == QLatin1String("gcp"))
        return {QStringLiteral("gcp_project"), QStringLiteral("GCP ") + name};
    if (type == QLatin1String("tpm"))
        return {QStringLiteral("tpm_hosts"), QStringLiteral("TPM hosts")};
    if (type == QLatin1String("x509pop"))
        return {QStringLiteral("x509pop_hosts"), QStringLiteral("x509pop hosts")};
    if (type == QLatin1String("join_token"))
        return {QStringLiteral("join_token_hosts"), QStringLiteral("join-token hosts")};
    return {type, key};
}

class Builder
{
public:
    Builder(const Estate &estate, const GraphBuildOptions &options, const GraphStateInput *state,
            GraphBuildCache *cache)
        : m_e(estate), m_o(options), m_state(state), m_cache(cache)
    {
        m_at = state && state->at.isValid() ? state->at : options.at;
        m_g.setAt(m_at);
    }

    TopologyGraph run()
    {
        // Each subject and credential brings a node or two and about three edges.
        const qsizetype items =
            m_e.subjects.size() + m_e.credentials.size() + (m_state ? m_state->live.size() : 0);
        m_g.reserve(items * 2 + 64, items * 3 + 64);
        if (m_cache)
            m_cache->beginBuild();
        addTrustDomains();
        addFederation();
        addRules();
        addAnchors();
        addSubjects();
        addPlannedPlatforms();
        addCredentials();
        if (m_state)
            addLiveCredentials();
        if (m_cache)
            m_cache->endBuild();
        return std::move(m_g);
    }

private:
    int trustDomain(const QString &name)
    {
        int i = m_g.indexOf(QStringLiteral("td/") + name);
        if (i >= 0)
            return i;
        GraphNode n{
            QStringLiteral("td/") + name,    NodeClass::TrustDomain, name, GraphStatus::None, name,
            {{QStringLiteral("name"), name}}};
        if (!m_known.contains(name))
            n.properties.insert(QStringLiteral("foreign"), true);
        return m_g.addNode(std::move(n));
    }

    void memberOf(int node, const QString &td)
    {
        if (!td.isEmpty())
            m_g.addEdge(node, trustDomain(td), EdgeClass::MemberOf);
    }

    void addTrustDomains()
    {
        for (const EstateTrustDomain &d : m_e.trustDomains)
            m_known.insert(d.name);
        for (const EstateTrustDomain &d : m_e.trustDomains) {
            trustDomain(d.name);
            for (const EstateAuthority &a : d.authorities) {
                if (!atOrBefore(a.createdAt, m_at))
                    continue;
                const QString kind = authorityKindName(a.kind);
                GraphNode n{
                    QStringLiteral("authority/") + a.id,
                    NodeClass::Authority,
                    QStringLiteral("%1 %2 (%3)").arg(kind, a.id.left(8), slotStatusName(a.status)),
                    GraphStatus::None,
                    d.name,
                    {{QStringLiteral("kind"), kind},
                     {QStringLiteral("slot"), slotStatusName(a.status)},
                     {QStringLiteral("tainted"), a.tainted},
                     {QStringLiteral("created_at"), timeText(a.createdAt)},
                     {QStringLiteral("not_after"), timeText(a.notAfter)}}};
                if (a.notAfter.isValid() && m_at.isValid() && a.notAfter <= m_at)
                    n.properties.insert(QStringLiteral("expired"), true);
                const int i = m_g.addNode(std::move(n));
                memberOf(i, d.name);
                m_authorities.insert(a.id, i);
                if (a.status == SlotStatus::Revoked)
                    m_revokedAuthorities.insert(a.id);
                if (a.status == SlotStatus::Active && a.kind == AuthorityKind::X509)
                    m_activeX509.insert(d.name, i);
            }
        }
    }

    void addFederation()
    {
        QSet<QPair<QString, QString>> links;
        for (const EstateFederation &f : m_e.federation)
            links.insert({f.from, f.to});
        for (const EstateFederation &f : m_e.federation) {
            const int e =
                m_g.addEdge(trustDomain(f.from), trustDomain(f.to), EdgeClass::FederatesWith);
            m_g.edge(e).properties = {
                {QStringLiteral("rules"), QJsonArray::fromStringList(f.rules)},
                {QStringLiteral("one_way"), !links.contains({f.to, f.from})}};
            addRelationship(m_g.edge(e), f);
        }
    }

    // fed: the stored relationship behind a federates_with edge, its last fetch, the sequence it
    // holds against the peer's, and a status: valid when the held bundle is the peer's current
    // one, stale when none was fetched or the peer moved on, revoked when it still holds an
    // authority the peer revoked.
    void addRelationship(GraphEdge &edge, const EstateFederation &f)
    {
        QJsonObject &p = edge.properties;
        p.insert(QStringLiteral("relationship"), f.relationship);
        p.insert(QStringLiteral("bundle_checked"), m_e.federationTracked);
        if (!f.relationship)
            return;
        p.insert(QStringLiteral("profile"), f.profile);
        p.insert(QStringLiteral("endpoint"), f.endpointUrl);
        p.insert(QStringLiteral("pinned_ca"), f.pinnedCa);
        if (f.lastFetchedAt.isValid())
            p.insert(QStringLiteral("last_fetched_at"), f.lastFetchedAt.toString(Qt::ISODate));
        p.insert(QStringLiteral("held_sequence"), f.heldSequence);
        if (f.peerSequence >= 0)
            p.insert(QStringLiteral("peer_sequence"), f.peerSequence);
        if (f.refreshHint > 0)
            p.insert(QStringLiteral("refresh_hint"), f.refreshHint);
        const bool stale =
            f.heldSequence < 0 || (f.peerSequence >= 0 && f.heldSequence < f.peerSequence);
        p.insert(QStringLiteral("stale"), stale);
        if (!f.revokedHeld.isEmpty())
            p.insert(QStringLiteral("revoked_held"), QJsonArray::fromStringList(f.revokedHeld));
        edge.status = !f.revokedHeld.isEmpty() ? GraphStatus::Revoked
                      : stale                  ? GraphStatus::Stale
                                               : GraphStatus::Valid;
    }

    void addRules()
    {
        for (const EstateRule &r : m_e.rules) {
            QJsonObject p{{QStringLiteral("kind"),
                           r.entry ? QStringLiteral("entry") : QStringLiteral("policy")},
                          {QStringLiteral("effect"),
                           r.deny ? QStringLiteral("deny") : QStringLiteral("grant")},
                          {QStringLiteral("spiffe_id"), r.spiffeId}};
            if (!r.condition.isEmpty())
                p.insert(QStringLiteral("condition"), r.condition);
            if (!r.selectors.isEmpty())
                p.insert(QStringLiteral("selectors"), QJsonArray::fromStringList(r.selectors));
            if (!r.parentId.isEmpty())
                p.insert(QStringLiteral("parent_id"), r.parentId);
            if (!r.federatesWith.isEmpty())
                p.insert(QStringLiteral("federates_with"),
                         QJsonArray::fromStringList(r.federatesWith));
            if (r.x509SvidTtl)
                p.insert(QStringLiteral("x509_svid_ttl"), r.x509SvidTtl);
            if (r.jwtSvidTtl)
                p.insert(QStringLiteral("jwt_svid_ttl"), r.jwtSvidTtl);
            const int i = m_g.addNode(
                GraphNode{r.id, NodeClass::Rule, r.name, GraphStatus::None, r.trustDomain, p});
            memberOf(i, r.trustDomain);
        }
    }

    int platform(const QString &key, const QString &trustDomain = {})
    {
        const QString id = QStringLiteral("platform/") + key;
        int i = m_g.indexOf(id);
        if (i >= 0)
            return i;
        const QString td = trustDomain.isEmpty() ? m_e.agentTrustDomain : trustDomain;
        const auto [kind, label] = platformKindAndLabel(key);
        i = m_g.addNode(GraphNode{id,
                                  NodeClass::Platform,
                                  label,
                                  GraphStatus::None,
                                  td,
                                  {{QStringLiteral("kind"), kind}}});
        memberOf(i, td);
        return i;
    }

    // Designed platforms no subject or anchor brought yet.
    void addPlannedPlatforms()
    {
        QStringList keys = m_e.plannedPlatforms.keys();
        keys.sort();
        for (const QString &key : std::as_const(keys))
            platform(key, m_e.plannedPlatforms.value(key));
    }

    void addAnchors()
    {
        const QString td = m_e.agentTrustDomain;
        for (const TrustAnchor &a : m_e.anchors.anchors()) {
            QJsonObject p{{QStringLiteral("kind"), anchorKindName(a.kind)},
                          {QStringLiteral("name"), a.name}};
            if (a.notAfter.isValid())
                p.insert(QStringLiteral("not_after"), timeText(a.notAfter));
            auto rev = m_e.revokedAnchors.constFind(a.id);
            if (rev != m_e.revokedAnchors.cend() && atOrBefore(*rev, m_at))
                p.insert(QStringLiteral("revoked_at"), timeText(*rev));
            auto krev = m_e.keyRevokedAnchors.constFind(a.id);
            if (krev != m_e.keyRevokedAnchors.cend() && atOrBefore(*krev, m_at))
                p.insert(QStringLiteral("key_revoked_at"), timeText(*krev));
            const int i =
                m_g.addNode(GraphNode{QStringLiteral("anchor/") + a.id, NodeClass::Anchor,
                                      a.name.isEmpty() ? a.id : a.name, GraphStatus::None, td, p});
            const QStringList platforms = platformsOfAnchor(a);
            for (const QString &key : platforms)
                m_g.addEdge(i, platform(key), EdgeClass::MemberOf);
            if (platforms.isEmpty())
                memberOf(i, td);
        }
        // Reference values gather into sets: one per node's golden PCRs, one per image.
        QHash<QString, int> counts;
        for (const ReferenceValue &v : m_e.anchors.referenceValues()) {
            const bool pcr = v.kind == ReferenceKind::Pcr;
            const QString set = pcr ? QStringLiteral("refs:pcr:") + v.subject
                                    : QStringLiteral("refs:image:") + v.image;
            const QString id = QStringLiteral("anchor/") + set;
            int i = m_g.indexOf(id);
            if (i < 0) {
                i = m_g.addNode(
                    GraphNode{id,
                              NodeClass::Anchor,
                              pcr ? QStringLiteral("PCRs of ") + v.subject
                                  : QStringLiteral("digests of ") + v.image,
                              GraphStatus::None,
                              td,
                              {{QStringLiteral("kind"), pcr ? QStringLiteral("pcr_values")
                                                            : QStringLiteral("image_digests")},
                               {QStringLiteral("name"), pcr ? v.subject : v.image}}});
                if (pcr)
                    m_g.addEdge(i, platform(QStringLiteral("tpm")), EdgeClass::MemberOf);
                else
                    memberOf(i, td);
            }
            counts[id] += 1;
        }
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            m_g.node(m_g.indexOf(it.key())).properties.insert(QStringLiteral("values"), it.value());
    }

    // The subject's last observation at or before the instant, or nullptr.
    const EstateObservation *lastAt(const EstateSubject &s) const
    {
        if (s.history.isEmpty())
            return nullptr;
        if (!m_at.isValid())
            return &s.history.last();
        auto it = std::upper_bound(
            s.history.cbegin(), s.history.cend(), m_at,
            [](const QDateTime &t, const EstateObservation &o) { return t < o.time; });
        if (it == s.history.cbegin())
            return nullptr;
        return &*(it - 1);
    }

    GraphStatus statusOf(const EstateSubject &s, const EstateObservation &o, QString &why) const
    {
        if (o.verdict == Verdict::Contraindicated) {
            why = o.reasons.join(QLatin1Char(','));
            return GraphStatus::Refused;
        }
        for (const QString &a : s.anchorIds) {
            auto rev = m_e.revokedAnchors.constFind(a);
            if (rev != m_e.revokedAnchors.cend() && *rev >= o.time && atOrBefore(*rev, m_at)) {
                why = QStringLiteral("anchor_revoked");
                return GraphStatus::Refused;
            }
        }
        if (m_state) {
            if (m_stateAttested.contains(s.subject))
                return o.verdict == Verdict::Warning ? GraphStatus::Warning : GraphStatus::Attested;
            why = QStringLiteral("evidence_stale");
            return GraphStatus::Stale;
        }
        // As the simulation has it: an attestation lapses a freshness after its last accepted
        // record (the evidence's own expiry only bounds when it may be presented).
        const QDateTime until = o.time.addSecs(m_e.freshness);
        if (m_at.isValid() && until < m_at) {
            why = QStringLiteral("evidence_stale");
            return GraphStatus::Stale;
        }
        return o.verdict == Verdict::Warning ? GraphStatus::Warning : GraphStatus::Attested;
    }

    int identity(const QString &spiffeId)
    {
        int i = m_g.indexOf(spiffeId);
        if (i >= 0)
            return i;
        const QString td = trustDomainOf(spiffeId);
        const auto make = [&spiffeId] {
            return GraphNodeContent{spiffeId.mid(9), {{QStringLiteral("spiffe_id"), spiffeId}}};
        };
        const GraphNodeContent *kept = m_cache ? m_cache->identity(spiffeId) : nullptr;
        if (!kept && m_cache)
            kept = &m_cache->keepIdentity(spiffeId, make());
        const GraphNodeContent content = kept ? *kept : make();
        i = m_g.addNode(GraphNode{spiffeId, NodeClass::Identity, content.label, GraphStatus::None,
                                  td, content.properties});
        memberOf(i, td);
        return i;
    }

    int subjectNode(const QString &subject, bool workload, const QString &td)
    {
        int i = m_g.indexOf(subject);
        if (i >= 0)
            return i;
        return m_g.addNode(GraphNode{subject,
                                     workload ? NodeClass::Workload : NodeClass::Node,
                                     subject.mid(subject.indexOf(QLatin1Char('/')) + 1),
                                     GraphStatus::None,
                                     td,
                                     {}});
    }

    void addSubjects()
    {
        if (m_state) {
            for (const QString &s : m_state->attested)
                m_stateAttested.insert(s);
        }
        // Nodes first, so that workloads find the node they run on.
        for (int pass = 0; pass < 2; ++pass) {
            for (const EstateSubject &s : m_e.subjects) {
                if (s.workload != (pass == 1))
                    continue;
                const EstateObservation *o = lastAt(s);
                if (o)
                    addSubject(s, *o);
                else if (s.planned && s.history.isEmpty())
                    addPlanned(s);
            }
        }
        // Subjects a simulation attests that the evidence read here never showed.
        if (m_state) {
            for (const QString &s : m_state->attested) {
                if (m_g.contains(s))
                    continue;
                const bool workload = s.startsWith(QLatin1String("workload/"));
                const int i = subjectNode(s, workload, m_e.agentTrustDomain);
                m_g.node(i).status = GraphStatus::Attested;
            }
        }
    }

    // A designed subject no evidence shows yet: where it will run and what attests it.
    void addPlanned(const EstateSubject &s)
    {
        const QString td = s.trustDomain.isEmpty() ? m_e.agentTrustDomain : s.trustDomain;
        const int i = subjectNode(s.subject, s.workload, td);
        GraphNode &n = m_g.node(i);
        n.status = GraphStatus::Planned;
        SubjectNodeKey key;
        key.planned = true;
        key.workload = s.workload;
        key.attestor = s.attestor;
        key.where = s.workload ? s.node : s.platform;
        key.selectors = s.selectors;
        n.properties = subjectProperties(s.subject, std::move(key));
        if (!s.workload) {
            if (!s.platform.isEmpty())
                m_g.addEdge(i, platform(s.platform, td), EdgeClass::MemberOf);
        } else {
            const int node = m_g.indexOf(s.node);
            if (node >= 0)
                m_g.addEdge(i, node, EdgeClass::RunsOn, GraphStatus::Planned);
        }
    }

    // A subject's properties: kept from the last build when made from the same inputs.
    QJsonObject subjectProperties(const QString &subject, SubjectNodeKey key)
    {
        if (m_cache) {
            if (const QJsonObject *kept = m_cache->subject(subject, key))
                return *kept;
        }
        QJsonObject p{{QStringLiteral("attestor"), key.attestor},
                      {QStringLiteral("selectors"), QJsonArray::fromStringList(key.selectors)}};
        p.insert(key.workload ? QStringLiteral("node") : QStringLiteral("platform"), key.where);
        if (key.planned) {
            p.insert(QStringLiteral("planned"), true);
        } else {
            p.insert(QStringLiteral("agent_id"), key.agentId);
            p.insert(QStringLiteral("last_seen"), timeText(key.seen));
            p.insert(QStringLiteral("verdict"), verdictName(key.verdict));
            if (!key.reason.isEmpty())
                p.insert(QStringLiteral("reason"), key.reason);
            if (key.granted)
                p.insert(QStringLiteral("identities"), QJsonArray::fromStringList(key.identities));
        }
        if (!m_cache)
            return p;
        return m_cache->keepSubject(subject, std::move(key), std::move(p));
    }

    void addSubject(const EstateSubject &s, const EstateObservation &o)
    {
        QString why;
        const GraphStatus status = statusOf(s, o, why);
        const QString td = s.trustDomain.isEmpty() ? m_e.agentTrustDomain : s.trustDomain;
        const int i = subjectNode(s.subject, s.workload, td);
        m_g.node(i).status = status;
        SubjectNodeKey key;
        key.workload = s.workload;
        key.attestor = s.attestor;
        key.agentId = s.agentId;
        key.where = s.workload ? s.node : s.platform;
        key.seen = o.time;
        key.verdict = o.verdict;
        key.selectors = s.selectors;
        key.reason = why;
        if (!s.workload) {
            m_agents.insert(s.agentId, i);
            if (!s.platform.isEmpty())
                m_g.addEdge(i, platform(s.platform), EdgeClass::MemberOf);
        } else {
            int node = m_g.indexOf(s.node);
            if (node < 0 && !s.agentId.isEmpty())
                node = m_agents.value(s.agentId, -1);
            if (node >= 0)
                m_g.addEdge(i, node, EdgeClass::RunsOn, status);
        }
        for (const QString &a : s.anchorIds) {
            const int anchor = m_g.indexOf(QStringLiteral("anchor/") + a);
            if (anchor >= 0) {
                m_g.addEdge(i, anchor, EdgeClass::AttestedBy, status);
                if (!s.workload) {
                    // A cloud signing certificate defines no platform itself; its nodes' do.
                    if (m_g.findEdge(anchor, m_g.indexOf(QStringLiteral("td/") + td),
                                     EdgeClass::MemberOf) >= 0 &&
                        !s.platform.isEmpty())
                        m_g.addEdge(anchor, platform(s.platform), EdgeClass::MemberOf);
                }
            }
        }
        for (const QString &set : s.referenceSets) {
            const int anchor = m_g.indexOf(QStringLiteral("anchor/") + set);
            if (anchor >= 0)
                m_g.addEdge(i, anchor, EdgeClass::AttestedBy, status);
        }
        // The identities of the last accepted result by then.
        int grantSet = -1;
        for (const EstateObservation *p = &o; p >= s.history.constData(); --p) {
            if (p->verdict != Verdict::Contraindicated) {
                grantSet = p->grantSet;
                break;
            }
        }
        key.granted = grantSet >= 0;
        const bool holding = status == GraphStatus::Attested || status == GraphStatus::Warning;
        if (key.granted) {
            for (const EstateGrant &g : m_e.grantSets.at(grantSet)) {
                const int id = identity(g.spiffeId);
                for (const QString &rule : g.rules) {
                    const int r = m_g.indexOf(rule);
                    if (r >= 0)
                        m_g.addEdge(r, id, EdgeClass::Grants);
                }
                if (holding) {
                    key.identities.append(g.spiffeId);
                    m_holders[g.spiffeId].append(i);
                }
            }
        }
        m_g.node(i).properties = subjectProperties(s.subject, std::move(key));
    }

    GraphStatus credentialStatus(bool revoked, const QDateTime &notBefore,
                                 const QDateTime &notAfter, const QString &authorityId) const
    {
        if (revoked || m_revokedAuthorities.contains(authorityId))
            return GraphStatus::Revoked;
        if (!m_at.isValid())
            return GraphStatus::Valid;
        if (notAfter.isValid() && notAfter <= m_at)
            return GraphStatus::Expired;
        if (notAfter.isValid() && notBefore.isValid()) {
            const double life = double(notBefore.msecsTo(notAfter));
            if (double(m_at.msecsTo(notAfter)) < life * m_o.expiringShare)
                return GraphStatus::Expiring;
        }
        return GraphStatus::Valid;
    }

    void linkCredential(int c, const QString &spiffeId, int authority, GraphStatus status,
                        const QList<int> &holders)
    {
        m_g.addEdge(c, identity(spiffeId), EdgeClass::Identifies, status);
        if (authority >= 0)
            m_g.addEdge(c, authority, EdgeClass::IssuedBy, status);
        for (int h : holders)
            m_g.addEdge(h, c, EdgeClass::Holds, status);
    }

    void addCredentials()
    {
        for (const EstateCredential &c : m_e.credentials) {
            if (m_at.isValid() && c.notBefore.isValid() && c.notBefore > m_at)
                continue;
            const GraphStatus status =
                credentialStatus(c.revoked, c.notBefore, c.notAfter, c.authorityId);
            const GraphNodeContent content = credentialContent(c);
            const int i = m_g.addNode(GraphNode{c.id, NodeClass::Credential, content.label, status,
                                                c.trustDomain, content.properties});
            QList<int> holders;
            if (!c.subject.isEmpty()) {
                const int h = m_g.indexOf(c.subject);
                if (h >= 0)
                    holders << h;
            } else {
                holders = m_holders.value(c.spiffeId);
            }
            linkCredential(i, c.spiffeId, m_authorities.value(c.authorityId, -1), status, holders);
        }
    }

    // A credential's label and properties: kept from the last build when made from the same
    // inputs.
    GraphNodeContent credentialContent(const EstateCredential &c)
    {
        CredentialNodeKey key{c.kind, c.serial, c.spiffeId, c.notBefore, c.notAfter};
        if (m_cache) {
            if (const GraphNodeContent *kept = m_cache->credential(c.id, key))
                return *kept;
        }
        const QString kind = authorityKindName(c.kind);
        GraphNodeContent made{QStringLiteral("%1 %2").arg(kind, c.serial.left(12)),
                              {{QStringLiteral("kind"), kind},
                               {QStringLiteral("serial"), c.serial},
                               {QStringLiteral("spiffe_id"), c.spiffeId},
                               {QStringLiteral("not_before"), timeText(c.notBefore)},
                               {QStringLiteral("not_after"), timeText(c.notAfter)}}};
        if (!m_cache)
            return made;
        return m_cache->keepCredential(c.id, std::move(key), std::move(made));
    }

    void addLiveCredentials()
    {
        for (const LiveCredentialInput &c : m_state->live) {
            const QString td = trustDomainOf(c.spiffeId);
            const GraphStatus status = credentialStatus(false, c.notBefore, c.notAfter, QString());
            QJsonObject p{{QStringLiteral("kind"), QStringLiteral("x509")},
                          {QStringLiteral("spiffe_id"), c.spiffeId},
                          {QStringLiteral("subject"), c.subject},
                          {QStringLiteral("not_after"), timeText(c.notAfter)}};
            if (!c.rule.isEmpty())
                p.insert(QStringLiteral("rule"), c.rule);
            const int i =
                m_g.addNode(GraphNode{QStringLiteral("credential/") + c.credential,
                                      NodeClass::Credential, c.credential, status, td, p});
            QList<int> holders;
            if (!c.subject.isEmpty())
                holders << subjectNode(c.subject, c.subject.startsWith(QLatin1String("workload/")),
                                       m_e.agentTrustDomain);
            // The simulation signs with the domain's active X.509 authority.
            linkCredential(i, c.spiffeId, m_activeX509.value(td, -1), status, holders);
        }
    }

    const Estate &m_e;
    const GraphBuildOptions &m_o;
    const GraphStateInput *m_state;
    GraphBuildCache *m_cache;
    QDateTime m_at;
    TopologyGraph m_g;
    QSet<QString> m_known;
    QSet<QString> m_stateAttested;
    QHash<QString, int> m_authorities;
    QSet<QString> m_revokedAuthorities;
    QHash<QString, int> m_activeX509;
    QHash<QString, int> m_agents;
    QHash<QString, QList<int>> m_holders;
};

} // namespace

TopologyGraph GraphBuilder::build(const Estate &estate, const GraphBuildOptions &options,
                                  const GraphStateInput *state, GraphBuildCache *cache)
{
    return Builder(estate, options, state, cache).run();
}

} // namespace ta::core
