// SPDX-License-Identifier: Apache-2.0
#include "core/graph/EstateLoader.h"
#include "core/graph/FederationEstateLoader.h"

#include "core/attestation/lab/TopologyLab.h"
#include "core/graph/GraphErrors.h"
#include "core/policy/Decision.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/PolicySubject.h"
#include "core/simulation/SimulationErrors.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QJsonArray>

namespace ta::core {
namespace {

QDateTime parseStoredTime(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QString trustDomainOf(const QString &spiffeId)
{
    if (!spiffeId.startsWith(QLatin1String("spiffe://")))
        return {};
    const qsizetype slash = spiffeId.indexOf(QLatin1Char('/'), 9);
    return spiffeId.mid(9, slash < 0 ? -1 : slash - 9);
}

QString platformOf(const AttestationResult &r)
{
    const QJsonObject node = r.claims.value(QLatin1String("node")).toObject();
    if (r.attestor == QLatin1String("k8s_psat"))
        return QStringLiteral("k8s:") + node.value(QLatin1String("cluster")).toString();
    if (r.attestor == QLatin1String("aws_iid"))
        return QStringLiteral("aws:") + node.value(QLatin1String("account_id")).toString();
    if (r.attestor == QLatin1String("gcp_iit"))
        return QStringLiteral("gcp:") + node.value(QLatin1String("project_id")).toString();
    if (r.attestor == QLatin1String("x509pop"))
        return QStringLiteral("x509pop:") + r.anchorIds.value(0);
    return r.attestor; // tpm, join_token: one group each
}

QString referenceSetOf(const AnchorSet &anchors, const QString &valueId)
{
    const ReferenceValue *v = anchors.referenceValue(valueId);
    if (!v)
        return {};
    return v->kind == ReferenceKind::Pcr ? QStringLiteral("refs:pcr:") + v->subject
                                         : QStringLiteral("refs:image:") + v->image;
}

} // namespace

int EstateLoader::internGrants(QList<EstateGrant> grants)
{
    // Thousands of re-attestations of one subject give the same identities: store them once.
    if (grants.isEmpty())
        return -1;
    QString key;
    for (const EstateGrant &g : grants)
        key +=
            g.spiffeId + QLatin1Char('\x1f') + g.rules.join(QLatin1Char(',')) + QLatin1Char('\x1e');
    auto it = m_grantIndex.constFind(key);
    if (it != m_grantIndex.cend())
        return *it;
    const int i = int(m_estate.grantSets.size());
    m_estate.grantSets.append(std::move(grants));
    m_grantIndex.insert(key, i);
    return i;
}

void EstateLoader::addResult(const AttestationResult &r)
{
    Estate &estate = m_estate;
    if (r.attestor == QLatin1String("signal")) {
        if (!r.accepted())
            return;
        const QString kind = r.claims.value(QLatin1String("signal"))
                                 .toObject()
                                 .value(QLatin1String("kind"))
                                 .toString();
        for (const QString &id : r.anchorIds) {
            if (kind == QLatin1String("revoke-key"))
                estate.keyRevokedAnchors.insert(id, r.time);
            else if (kind == QLatin1String("revoke-anchor") || kind == QLatin1String("expire"))
                estate.revokedAnchors.insert(id, r.time);
        }
        return;
    }
    const bool workload = r.claims.contains(QLatin1String("workload"));
    const bool node =
        !workload && (r.claims.contains(QLatin1String("node")) || !r.agentId.isEmpty());
    int si = m_subjectIndex.value(r.subject, -1);
    // A refused record carries no claims: it still counts for a subject seen before, so that a
    // node whose evidence drifts shows as refused rather than going quietly stale.
    if (!workload && !node && (si < 0 || r.accepted()))
        return; // images (cosign) and operator records are not subjects of the topology
    if (si < 0) {
        si = int(estate.subjects.size());
        EstateSubject s;
        s.subject = r.subject;
        s.workload = workload;
        s.attestor = r.attestor;
        estate.subjects.append(s);
        m_subjectIndex.insert(r.subject, si);
    }
    EstateSubject &s = estate.subjects[si];
    EstateObservation o;
    o.time = r.time;
    o.verdict = r.verdict();
    o.expiresAt = r.expiresAt;
    for (const AttestationReason &reason : r.reasons)
        o.reasons << reason.code;
    if (r.accepted()) {
        s.attestor = r.attestor;
        s.selectors = r.selectors;
        s.anchorIds = r.anchorIds;
        s.referenceSets.clear();
        for (const QString &v : r.referenceValueIds) {
            const QString set = referenceSetOf(estate.anchors, v);
            if (!set.isEmpty() && !s.referenceSets.contains(set))
                s.referenceSets << set;
        }
        if (workload) {
            const QJsonObject w = r.claims.value(QLatin1String("workload")).toObject();
            s.agentId = w.value(QLatin1String("agent_id")).toString();
            s.node = w.value(QLatin1String("node")).toString();
        } else {
            s.agentId = r.agentId;
            s.platform = platformOf(r);
            m_nodeSelectorsByAgent.insert(r.agentId, r.selectors);
        }
        s.trustDomain = trustDomainOf(s.agentId);
        if (m_engine) {
            const PolicySubject subject = PolicySubject::fromAttestationResult(
                r, workload ? m_nodeSelectorsByAgent.value(s.agentId) : QStringList());
            const Decision d =
                Decision::make(*m_engine, m_matcher, subject, PolicyEngine::Detail::Verdicts,
                               r.time.toSecsSinceEpoch());
            QList<EstateGrant> grants;
            for (const PolicyIdentity &id : d.policies.identities) {
                EstateGrant g{id.spiffeId, {}, id.x509SvidTtl};
                for (const QString &p : id.policies)
                    g.rules << QStringLiteral("rule/policy/") + p;
                grants << g;
            }
            if (d.entries) {
                for (const RegistrationEntry &e : d.entries->granted) {
                    auto it = std::find_if(grants.begin(), grants.end(), [&](const EstateGrant &g) {
                        return g.spiffeId == e.spiffeId;
                    });
                    if (it == grants.end())
                        grants << EstateGrant{
                            e.spiffeId, {QStringLiteral("rule/entry/") + e.id}, e.x509SvidTtl};
                    else
                        it->rules << QStringLiteral("rule/entry/") + e.id;
                }
            }
            o.grantSet = internGrants(std::move(grants));
        }
    }
    s.history.append(o);
}

void EstateLoader::deriveFederation(Estate &estate)
{
    QHash<QPair<QString, QString>, int> index;
    for (const EstateFederation &f : std::as_const(estate.federation))
        index.insert({f.from, f.to}, int(index.size()));
    for (const EstateRule &rule : std::as_const(estate.rules)) {
        if (rule.deny)
            continue;
        const QString from = rule.trustDomain;
        for (const QString &to : rule.federatesWith) {
            if (from.isEmpty() || to.isEmpty() || from == to)
                continue;
            auto it = index.constFind({from, to});
            if (it == index.cend()) {
                index.insert({from, to}, int(estate.federation.size()));
                estate.federation.append(EstateFederation{from, to, {rule.id}});
            } else if (!estate.federation[*it].rules.contains(rule.id)) {
                estate.federation[*it].rules << rule.id;
            }
        }
    }
}

Result<EstateRuleSource> EstateLoader::readAllButEvidence(Workspace &workspace, Estate &estate,
                                                          const EstateLoadOptions &options)
{
    if (auto r = readTrustDomains(workspace, estate); !r)
        return r.error();
    if (auto r = readAnchors(workspace, estate); !r)
        return r.error();
    auto rules = readRules(workspace, estate, options.policyVersion);
    if (!rules)
        return rules.error();
    if (auto r = readFederation(workspace, estate); !r)
        return r.error();
    if (auto r = readCredentials(workspace, estate); !r)
        return r.error();
    return rules;
}

Result<Estate> EstateLoader::load(Workspace &workspace, const EstateLoadOptions &options,
                                  const ReplaySetup &setup)
{
    Estate estate;
    auto rules = readAllButEvidence(workspace, estate, options);
    if (!rules)
        return rules.error();
    if (auto r = replayEvidence(workspace, estate, *rules, options, setup); !r)
        return r.error();
    applyDesign(workspace, estate);
    return estate;
}

Result<EstateLoader::Prepared> EstateLoader::prepare(Workspace &workspace,
                                                     const EstateLoadOptions &options,
                                                     const ReplaySetup &setup)
{
    Prepared p;
    auto rules = readAllButEvidence(workspace, p.estate, options);
    if (!rules)
        return rules.error();
    p.rules = std::move(*rules);
    auto input = readReplayInput(workspace, options, setup);
    if (!input)
        return input.error();
    p.input = std::move(*input);
    p.design = TopologyLab::loadDesign(workspace);
    return p;
}

Result<Estate> EstateLoader::complete(Prepared prepared, const EstateLoadOptions &options)
{
    if (auto r = replayEvidence(prepared.input, prepared.estate, prepared.rules, options); !r)
        return r.error();
    // As applyDesign(), from the design read beforehand.
    if (!prepared.estate.agentTrustDomain.isEmpty() && prepared.design)
        addDesign(prepared.estate, *prepared.design);
    return std::move(prepared.estate);
}

Result<void> EstateLoader::readTrustDomains(Workspace &workspace, Estate &estate)
{
    estate.trustDomains.clear();
    // Slots straight from their table: no key is unsealed to draw a graph.
    auto st = workspace.database().prepare(QStringLiteral(
        "SELECT t.name, s.authority_id, s.kind, s.status, s.tainted, s.created_at, s.not_after "
        "FROM trust_domains t LEFT JOIN authority_slots s ON s.trust_domain_id = t.id "
        "ORDER BY t.name, s.id"));
    if (!st)
        return st.error();
    while (st->next()) {
        const QString name = st->text(0);
        if (estate.trustDomains.isEmpty() || estate.trustDomains.last().name != name)
            estate.trustDomains.append(EstateTrustDomain{name, {}});
        if (st->isNull(1))
            continue;
        EstateAuthority a;
        a.id = st->text(1);
        a.kind = authorityKindFromName(st->text(2)).value_or(AuthorityKind::X509);
        a.status = slotStatusFromName(st->text(3)).value_or(SlotStatus::Old);
        a.tainted = st->int64(4) != 0;
        a.createdAt = parseStoredTime(st->text(5));
        a.notAfter = parseStoredTime(st->text(6));
        estate.trustDomains.last().authorities.append(a);
    }
    if (st->error())
        return *st->error();
    return {};
}

Result<void> EstateLoader::readAnchors(Workspace &workspace, Estate &estate)
{
    AttestationStore store(workspace.database());
    auto anchors = store.anchors();
    if (!anchors)
        return anchors.error();
    estate.anchors = *anchors;
    return {};
}

Result<EstateRuleSource> EstateLoader::readRules(Workspace &workspace, Estate &estate,
                                                 int policyVersion)
{
    EstateRuleSource source;
    RuleStore rules(workspace.database());
    auto content = rules.load(RuleKind::Policies, policyVersion);
    if (!content)
        return content.error();
    if (!content->isEmpty()) {
        auto list = Policy::listFromJson(*content);
        if (!list)
            return list.error();
        source.policies = *list;
    }
    auto entries = rules.entries();
    if (!entries)
        return entries.error();
    source.entries = *entries;
    estate.rules.clear();
    for (const Policy &p : std::as_const(source.policies)) {
        EstateRule r;
        r.id = QStringLiteral("rule/policy/") + p.name;
        r.name = p.name;
        r.deny = p.effect == PolicyEffect::Deny;
        r.trustDomain = p.trustDomain;
        r.spiffeId = p.spiffeIdTemplate;
        r.condition = p.condition;
        r.federatesWith = p.federatesWith;
        r.x509SvidTtl = p.x509SvidTtl;
        r.jwtSvidTtl = p.jwtSvidTtl;
        estate.rules << r;
    }
    for (const RegistrationEntry &e : std::as_const(source.entries)) {
        EstateRule r;
        r.id = QStringLiteral("rule/entry/") + e.id;
        r.name = e.id;
        r.entry = true;
        r.trustDomain = trustDomainOf(e.spiffeId);
        r.spiffeId = e.spiffeId;
        r.parentId = e.parentId;
        for (const Selector &s : e.selectors)
            r.selectors << s.toString();
        r.federatesWith = e.federatesWith;
        r.x509SvidTtl = e.x509SvidTtl;
        r.jwtSvidTtl = e.jwtSvidTtl;
        estate.rules << r;
    }
    return source;
}

Result<void> EstateLoader::readFederation(Workspace &workspace, Estate &estate)
{
    estate.federation.clear();
    estate.federationTracked = false;
    deriveFederation(estate);
    return FederationEstateLoader::load(workspace, estate);
}

Result<void> EstateLoader::readCredentials(Workspace &workspace, Estate &estate)
{
    auto credentials = workspace.credentials();
    if (!credentials)
        return credentials.error();
    estate.credentials.clear();
    for (const CredentialRecord &c : std::as_const(*credentials)) {
        EstateCredential e;
        e.id = QStringLiteral("credential/%1/%2/%3")
                   .arg(c.trustDomain, authorityKindName(c.kind), c.serial.left(16));
        e.trustDomain = c.trustDomain;
        e.kind = c.kind;
        e.serial = c.serial;
        e.spiffeId = c.spiffeId;
        e.notBefore = c.notBefore;
        e.notAfter = c.notAfter;
        e.revoked = c.status == CredentialRecord::Status::Revoked;
        e.authorityId = c.authorityId;
        estate.credentials << e;
    }
    return {};
}

Result<std::optional<TimelineReplay>> EstateLoader::makeReplay(Workspace &workspace,
                                                               const EstateLoadOptions &options,
                                                               const ReplaySetup &setup)
{
    TimelineReplay::Options o;
    o.trustDomain = options.agentTrustDomain;
    o.nodeAttestationTtl = options.freshness;
    auto replay = TimelineReplay::fromWorkspace(workspace, o);
    if (!replay && replay.error().code == ec::ReplayNoTrustDomain)
        return std::optional<TimelineReplay>(); // nothing can be attested
    if (!replay)
        return replay.error();
    if (setup) {
        if (auto r = setup(*replay); !r)
            return r.error();
    }
    return std::optional<TimelineReplay>(std::move(*replay));
}

Result<EstateReplayInput> EstateLoader::readReplayInput(Workspace &workspace,
                                                        const EstateLoadOptions &options,
                                                        const ReplaySetup &setup)
{
    auto replay = makeReplay(workspace, options, setup);
    if (!replay)
        return replay.error();
    if (*replay && !setup) {
        // Read here, on the workspace's thread: the replay runs away from it.
        QList<EvidenceRecord> records;
        AttestationStore store(workspace.database());
        auto read = store.forEachEvidence([&](const EvidenceRecord &rec) { records << rec; });
        if (!read)
            return read.error();
        (*replay)->setRecords(std::move(records));
    }
    return EstateReplayInput{std::move(*replay)};
}

Result<void> EstateLoader::replayEvidence(Workspace &workspace, Estate &estate,
                                          const EstateRuleSource &rules,
                                          const EstateLoadOptions &options,
                                          const ReplaySetup &setup)
{
    // Streamed from the store unless @p setup gives records: a timeline of a million records is
    // never held whole.
    auto replay = makeReplay(workspace, options, setup);
    if (!replay)
        return replay.error();
    return replayEvidence(EstateReplayInput{std::move(*replay)}, estate, rules, options);
}

Result<void> EstateLoader::replayEvidence(const EstateReplayInput &input, Estate &estate,
                                          const EstateRuleSource &rules,
                                          const EstateLoadOptions &options)
{
    estate.subjects.clear();
    estate.grantSets.clear();
    estate.revokedAnchors.clear();
    estate.keyRevokedAnchors.clear();
    estate.freshness = options.freshness;
    estate.agentTrustDomain.clear();
    if (!input.replay)
        return {}; // no trust domain: nothing can be attested
    // A copy (its records are shared, not copied) that this run's progress is set on.
    TimelineReplay replay = *input.replay;
    estate.agentTrustDomain = replay.settings().trustDomain.name();
    auto engine = PolicyEngine::compile(rules.policies);
    if (!engine)
        return engine.error();
    const EntryMatcher matcher(rules.entries);
    const EntryMatcher *matcherPtr = rules.entries.isEmpty() ? nullptr : &matcher;

    replay.setThreads(options.threads);
    bool cancelled = false;
    if (options.progress) {
        replay.setProgress(
            [&](qint64 done, qint64) {
                if (!cancelled && !options.progress(done))
                    cancelled = true;
            },
            1024);
        replay.setCancelled([&cancelled] { return cancelled; });
    }
    EstateLoader loader(estate, &*engine, matcherPtr);
    auto n = replay.replay([&loader](const AttestationResult &r) { loader.addResult(r); });
    if (!n && n.error().code == ec::ReplayCancelled)
        return makeError(ec::EstateCancelled);
    if (!n)
        return n.error();
    return {};
}

void EstateLoader::applyDesign(Workspace &workspace, Estate &estate)
{
    if (estate.agentTrustDomain.isEmpty())
        return;
    if (const auto design = TopologyLab::loadDesign(workspace))
        addDesign(estate, *design);
}

void EstateLoader::addDesign(Estate &estate, const LabTopology &design)
{
    QHash<QString, int> index;
    for (int i = 0; i < estate.subjects.size(); ++i)
        index.insert(estate.subjects.at(i).subject, i);
    const QString td = design.effectiveAgentTrustDomain();
    for (const QString &p : design.platforms)
        estate.plannedPlatforms.insert(p, td);
    QHash<QString, QString> platformOfNode;
    for (const LabTopology::Node &n : design.nodes) {
        platformOfNode.insert(n.subject, n.platform);
        auto it = index.constFind(n.subject);
        if (it != index.cend()) {
            estate.subjects[*it].planned = true;
            continue;
        }
        EstateSubject s;
        s.subject = n.subject;
        s.attestor = LabTopology::attestorOfPlatform(n.platform);
        s.platform = n.platform;
        s.trustDomain = td;
        s.planned = true;
        estate.subjects << s;
    }
    // Selectors as the design spells them (LabTopology::toJson).
    const QJsonArray designed = design.toJson().value(QLatin1String("nodes")).toArray();
    QHash<QString, QStringList> selectors;
    for (const QJsonValue &v : designed) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("class")).toString() != QLatin1String("workload"))
            continue;
        for (const QJsonValue &sel : o.value(QLatin1String("properties"))
                                         .toObject()
                                         .value(QLatin1String("selectors"))
                                         .toArray())
            selectors[o.value(QLatin1String("id")).toString()] << sel.toString();
    }
    for (const LabTopology::Workload &w : design.workloads) {
        auto it = index.constFind(w.subject);
        if (it != index.cend()) {
            estate.subjects[*it].planned = true;
            continue;
        }
        EstateSubject s;
        s.subject = w.subject;
        s.workload = true;
        const QString platform = platformOfNode.value(w.node);
        s.attestor = platform.startsWith(QLatin1String("k8s:")) ? QStringLiteral("k8s")
                     : w.image.isEmpty()                        ? QStringLiteral("unix")
                                                                : QStringLiteral("docker");
        s.node = w.node;
        s.trustDomain = td;
        s.selectors = selectors.value(w.subject);
        s.planned = true;
        estate.subjects << s;
    }
}

} // namespace ta::core
