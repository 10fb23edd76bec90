// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphAnalysis.h"

#include <QJsonArray>
#include <QSet>

#include <deque>

namespace ta::core {
namespace {

QString tdId(const QString &name)
{
    return name.startsWith(QLatin1String("td/")) ? name : QStringLiteral("td/") + name;
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

// The node a subject's attestation rests on: itself for a node, the node it runs on otherwise.
int hostOf(const TopologyGraph &g, int subject)
{
    if (g.node(subject).cls == NodeClass::Node)
        return subject;
    for (int e : g.outEdges(subject)) {
        if (g.edge(e).cls == EdgeClass::RunsOn)
            return g.edge(e).to;
    }
    return -1;
}

QDateTime timeOf(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t;
}

// The top-level conjuncts of a CEL condition, each with whitespace outside string literals
// dropped, so that "a && (b || c)" gives {"a", "(b||c)"}; "true" and "" give none.
QSet<QString> conjunctsOf(const QString &condition)
{
    QSet<QString> out;
    QString current;
    int depth = 0;
    QChar quote;
    auto flush = [&] {
        if (!current.isEmpty() && current != QLatin1String("true"))
            out.insert(current);
        current.clear();
    };
    for (qsizetype i = 0; i < condition.size(); ++i) {
        const QChar c = condition.at(i);
        if (!quote.isNull()) {
            current += c;
            if (c == QLatin1Char('\\') && i + 1 < condition.size())
                current += condition.at(++i);
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            current += c;
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
            current += c;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            --depth;
            current += c;
        } else if (depth == 0 && c == QLatin1Char('&') && i + 1 < condition.size() &&
                   condition.at(i + 1) == QLatin1Char('&')) {
            flush();
            ++i;
        } else if (!c.isSpace()) {
            current += c;
        }
    }
    flush();
    return out;
}

// A rule as the shadowing check compares it.
struct RuleShape
{
    int index = -1;
    QString id;
    bool entry = false;
    bool deny = false;
    QString trustDomain;
    QString spiffeId;
    QString parentId;
    /// Conjuncts (policies) or selectors (entries): the rule matches when all hold.
    QSet<QString> requirements;
};

// Whether @p b matches whenever @p a does (b's requirements a subset of a's).
bool coversAll(const RuleShape &b, const RuleShape &a)
{
    for (const QString &r : b.requirements) {
        if (!a.requirements.contains(r))
            return false;
    }
    return true;
}

} // namespace

QJsonObject ReachResult::toJson() const
{
    return {{QStringLiteral("from"), from},
            {QStringLiteral("to"), to},
            {QStringLiteral("reachable"), reachable},
            {QStringLiteral("mutual"), mutual},
            {QStringLiteral("rules"), QJsonArray::fromStringList(rules)},
            {QStringLiteral("workloads"), QJsonArray::fromStringList(workloads)},
            {QStringLiteral("accepted_by"), QJsonArray::fromStringList(acceptedBy)},
            {QStringLiteral("bundle_held"), bundleHeld},
            {QStringLiteral("bundle_checked"), bundleChecked}};
}

qsizetype BlastRadius::total() const
{
    qsizetype n = 0;
    for (const QStringList &l : affected)
        n += l.size();
    return n;
}

QJsonObject BlastRadius::toJson() const
{
    QJsonObject groups;
    for (auto it = affected.cbegin(); it != affected.cend(); ++it)
        groups.insert(it.key(), QJsonArray::fromStringList(it.value()));
    return {{QStringLiteral("root"), root},
            {QStringLiteral("total"), qint64(total())},
            {QStringLiteral("affected"), groups}};
}

QJsonObject GraphPath::toJson() const
{
    return {{QStringLiteral("found"), found()},
            {QStringLiteral("nodes"), QJsonArray::fromStringList(nodes)},
            {QStringLiteral("edges"), QJsonArray::fromStringList(edges)}};
}

QJsonObject GraphFinding::toJson() const
{
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("detail"), detail}};
}

ReachResult GraphAnalysis::reach(const TopologyGraph &g, const QString &fromTd, const QString &toTd)
{
    ReachResult r;
    r.from = fromTd.startsWith(QLatin1String("td/")) ? fromTd.mid(3) : fromTd;
    r.to = toTd.startsWith(QLatin1String("td/")) ? toTd.mid(3) : toTd;
    const int from = g.indexOf(tdId(fromTd));
    const int to = g.indexOf(tdId(toTd));
    if (from < 0 || to < 0)
        return r;
    for (int i : g.nodesOf(NodeClass::Workload)) {
        if (g.node(i).trustDomain == r.from)
            r.workloads << g.node(i).id;
    }
    if (from == to) {
        r.reachable = r.mutual = true;
        return r;
    }
    // SPIFFE federation is not transitive: only a direct relation carries a bundle.
    // An SVID of a is accepted by b only when a rule of b federates with a and, where the
    // workspace keeps relationships, b holds a's current bundle (the edge b -> a).
    const auto accepts = [&g](int holder, int peer, ReachResult *into) {
        const int e = g.findEdge(holder, peer, EdgeClass::FederatesWith);
        if (e < 0)
            return false;
        const QJsonObject &link = g.edge(e).properties;
        const QStringList rules = stringsOf(link.value(QLatin1String("rules")));
        const bool checked = link.value(QLatin1String("bundle_checked")).toBool();
        const bool held = link.value(QLatin1String("relationship")).toBool() &&
                          !link.value(QLatin1String("stale")).toBool(true);
        if (into) {
            into->rules = rules;
            into->bundleChecked = checked;
            into->bundleHeld = held;
        }
        return !rules.isEmpty() && (!checked || held);
    };
    // Mutual means accepted both ways, not merely an edge back: a relationship without a rule
    // carries a bundle nobody uses.
    r.mutual = accepts(from, to, nullptr);
    r.reachable = accepts(to, from, &r);
    if (!r.reachable)
        return r;
    QSet<QString> identities;
    for (const QString &rule : std::as_const(r.rules)) {
        const int ri = g.indexOf(rule);
        if (ri < 0)
            continue;
        for (int ge : g.outEdges(ri)) {
            if (g.edge(ge).cls == EdgeClass::Grants)
                identities.insert(g.node(g.edge(ge).to).id);
        }
    }
    for (int i : g.nodesOf(NodeClass::Workload)) {
        const GraphNode &w = g.node(i);
        if (w.trustDomain != r.to)
            continue;
        for (const QString &id : stringsOf(w.properties.value(QLatin1String("identities")))) {
            if (identities.contains(id)) {
                r.acceptedBy << w.id;
                break;
            }
        }
    }
    return r;
}

BlastRadius GraphAnalysis::blastRadius(const TopologyGraph &g, const QString &id)
{
    BlastRadius out;
    const int root = g.indexOf(id);
    if (root < 0)
        return out;
    out.root = id;
    QSet<int> seen{root};
    std::deque<int> queue{root};
    auto visit = [&](int i) {
        if (seen.contains(i))
            return;
        seen.insert(i);
        queue.push_back(i);
        out.affected[nodeClassName(g.node(i).cls)] << g.node(i).id;
    };
    while (!queue.empty()) {
        const int i = queue.front();
        queue.pop_front();
        const NodeClass cls = g.node(i).cls;
        for (int e : g.inEdges(i)) {
            const GraphEdge &edge = g.edge(e);
            switch (edge.cls) {
            case EdgeClass::AttestedBy: // subjects resting on an anchor
            case EdgeClass::RunsOn:     // workloads on a node
            case EdgeClass::IssuedBy:   // credentials of an authority
            case EdgeClass::Identifies: // credentials of an identity
                visit(edge.from);
                break;
            case EdgeClass::MemberOf:
                // A platform's nodes and anchors fall with it; a domain's members do not
                // depend on its node, which is only where they are drawn.
                if (cls == NodeClass::Platform)
                    visit(edge.from);
                break;
            default:
                break;
            }
        }
        for (int e : g.outEdges(i)) {
            const GraphEdge &edge = g.edge(e);
            if (edge.cls == EdgeClass::Holds || edge.cls == EdgeClass::Grants)
                visit(edge.to);
        }
    }
    for (QStringList &l : out.affected)
        l.sort();
    return out;
}

GraphPath GraphAnalysis::path(const TopologyGraph &g, const QString &fromId, const QString &toId)
{
    GraphPath out;
    const int from = g.indexOf(fromId);
    const int to = g.indexOf(toId);
    if (from < 0 || to < 0)
        return out;
    // Breadth first over edges in both directions; each node remembers the edge it came by.
    QHash<int, int> via{{from, -1}};
    std::deque<int> queue{from};
    while (!queue.empty() && !via.contains(to)) {
        const int i = queue.front();
        queue.pop_front();
        for (const auto *list : {&g.outEdges(i), &g.inEdges(i)}) {
            for (int e : *list) {
                const int next = g.edge(e).from == i ? g.edge(e).to : g.edge(e).from;
                if (via.contains(next))
                    continue;
                via.insert(next, e);
                queue.push_back(next);
            }
        }
    }
    if (!via.contains(to))
        return out;
    for (int i = to; i != from;) {
        const int e = via.value(i);
        const GraphEdge &edge = g.edge(e);
        out.nodes.prepend(g.node(i).id);
        const bool forward = edge.to == i;
        out.edges.prepend(forward ? edgeClassName(edge.cls)
                                  : QStringLiteral("<-") + edgeClassName(edge.cls));
        i = forward ? edge.from : edge.to;
    }
    out.nodes.prepend(g.node(from).id);
    return out;
}

QList<GraphFinding> GraphAnalysis::shadowedRules(const TopologyGraph &g)
{
    QList<RuleShape> rules;
    for (int i : g.nodesOf(NodeClass::Rule)) {
        const GraphNode &n = g.node(i);
        RuleShape r;
        r.index = i;
        r.id = n.id;
        r.entry = n.properties.value(QLatin1String("kind")).toString() == QLatin1String("entry");
        r.deny = n.properties.value(QLatin1String("effect")).toString() == QLatin1String("deny");
        r.trustDomain = n.trustDomain;
        r.spiffeId = n.properties.value(QLatin1String("spiffe_id")).toString();
        r.parentId = n.properties.value(QLatin1String("parent_id")).toString();
        if (r.entry) {
            for (const QString &sel : stringsOf(n.properties.value(QLatin1String("selectors"))))
                r.requirements.insert(sel);
        } else {
            r.requirements = conjunctsOf(n.properties.value(QLatin1String("condition")).toString());
        }
        rules << r;
    }
    QList<GraphFinding> out;
    for (const RuleShape &a : std::as_const(rules)) {
        if (a.deny)
            continue;
        // A deny first: it takes the identity away wherever the grant holds.
        const RuleShape *by = nullptr;
        QString reason;
        for (const RuleShape &b : std::as_const(rules)) {
            if (&a == &b || a.entry != b.entry)
                continue;
            if (a.entry) {
                // SPIRE entries: same parent and ID, and b's selectors a subset of a's. Of two
                // with the same selectors, the later one is the redundant one.
                if (b.parentId != a.parentId || b.spiffeId != a.spiffeId || !coversAll(b, a))
                    continue;
                if (b.requirements == a.requirements && b.index > a.index)
                    continue;
                by = &b;
                reason = QStringLiteral("redundant");
                break;
            }
            if (b.trustDomain != a.trustDomain || !coversAll(b, a))
                continue;
            if (b.deny && (b.spiffeId.isEmpty() || b.spiffeId == a.spiffeId)) {
                by = &b;
                reason = QStringLiteral("denied");
                break;
            }
            if (!b.deny && !by && b.spiffeId == a.spiffeId &&
                (b.requirements != a.requirements || b.index < a.index)) {
                by = &b;
                reason = QStringLiteral("redundant");
            }
        }
        if (by)
            out << GraphFinding{
                QStringLiteral("shadowed_rule"),
                reason == QLatin1String("denied") ? QStringLiteral("medium")
                                                  : QStringLiteral("low"),
                a.id,
                {{QStringLiteral("by"), by->id}, {QStringLiteral("reason"), reason}}};
    }
    return out;
}

QList<GraphFinding> GraphAnalysis::findings(const TopologyGraph &g, const FindingOptions &o)
{
    QList<GraphFinding> out;
    const QDateTime at = g.at().isValid() ? g.at() : QDateTime::currentDateTimeUtc();

    // Identities and who holds them, from the subjects' granted identities.
    QHash<QString, QList<int>> holders;
    for (int i = 0; i < g.nodeCount(); ++i) {
        const GraphNode &n = g.node(i);
        if (n.cls != NodeClass::Workload && n.cls != NodeClass::Node)
            continue;
        const QStringList ids = stringsOf(n.properties.value(QLatin1String("identities")));
        for (const QString &id : ids)
            holders[id] << i;
        if (n.cls == NodeClass::Workload && ids.size() > 1)
            out << GraphFinding{QStringLiteral("multiple_identities"),
                                QStringLiteral("medium"),
                                n.id,
                                {{QStringLiteral("identities"), QJsonArray::fromStringList(ids)}}};
        if (n.status == GraphStatus::Stale)
            out << GraphFinding{
                QStringLiteral("stale_evidence"),
                QStringLiteral("medium"),
                n.id,
                {{QStringLiteral("last_seen"), n.properties.value(QLatin1String("last_seen"))}}};
    }

    // An identity every holder of which rests on a node attested by a join token alone.
    QStringList ids = holders.keys();
    ids.sort();
    for (const QString &id : std::as_const(ids)) {
        bool weak = true;
        for (int h : holders.value(id)) {
            const int host = hostOf(g, h);
            if (host < 0 || g.node(host).properties.value(QLatin1String("attestor")).toString() !=
                                QLatin1String("join_token")) {
                weak = false;
                break;
            }
        }
        if (weak)
            out << GraphFinding{QStringLiteral("weak_attestor"),
                                QStringLiteral("high"),
                                id,
                                {{QStringLiteral("attestor"), QStringLiteral("join_token")}}};
    }

    for (const GraphEdge &e : g.edges()) {
        if (e.cls == EdgeClass::FederatesWith &&
            e.properties.value(QLatin1String("one_way")).toBool())
            out << GraphFinding{QStringLiteral("one_way_federation"),
                                QStringLiteral("low"),
                                g.node(e.from).label + QStringLiteral("->") + g.node(e.to).label,
                                {{QStringLiteral("from"), g.node(e.from).label},
                                 {QStringLiteral("to"), g.node(e.to).label}}};
    }

    // fed: what the federation relationships say about each link.
    for (const GraphEdge &e : g.edges()) {
        if (e.cls != EdgeClass::FederatesWith)
            continue;
        const QString from = g.node(e.from).label;
        const QString to = g.node(e.to).label;
        const QString link = from + QStringLiteral("->") + to;
        const QJsonObject &p = e.properties;
        const QJsonObject ends{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
        if (!p.value(QLatin1String("relationship")).toBool()) {
            QJsonObject d = ends;
            d.insert(QStringLiteral("rules"), p.value(QLatin1String("rules")));
            out << GraphFinding{QStringLiteral("unknown_federation_peer"), QStringLiteral("medium"),
                                link, d};
            continue;
        }
        if (p.value(QLatin1String("stale")).toBool()) {
            QJsonObject d = ends;
            d.insert(QStringLiteral("held_sequence"), p.value(QLatin1String("held_sequence")));
            if (p.contains(QLatin1String("peer_sequence")))
                d.insert(QStringLiteral("peer_sequence"), p.value(QLatin1String("peer_sequence")));
            out << GraphFinding{QStringLiteral("stale_federated_bundle"), QStringLiteral("medium"),
                                link, d};
        }
        if (p.contains(QLatin1String("revoked_held"))) {
            QJsonObject d = ends;
            d.insert(QStringLiteral("authorities"), p.value(QLatin1String("revoked_held")));
            out << GraphFinding{QStringLiteral("revoked_authority_held"), QStringLiteral("high"),
                                link, d};
        }
        if (p.value(QLatin1String("profile")).toString() == QLatin1String("https_web") &&
            !p.value(QLatin1String("pinned_ca")).toBool()) {
            QJsonObject d = ends;
            d.insert(QStringLiteral("endpoint"), p.value(QLatin1String("endpoint")));
            out << GraphFinding{QStringLiteral("web_endpoint_unpinned"), QStringLiteral("low"),
                                link, d};
        }
    }

    for (int i : g.nodesOf(NodeClass::Rule)) {
        const GraphNode &r = g.node(i);
        const qint64 x509 = r.properties.value(QLatin1String("x509_svid_ttl")).toInteger();
        const qint64 jwt = r.properties.value(QLatin1String("jwt_svid_ttl")).toInteger();
        if (x509 > o.longX509Ttl || jwt > o.longJwtTtl)
            out << GraphFinding{
                QStringLiteral("long_ttl"),
                QStringLiteral("medium"),
                r.id,
                {{QStringLiteral("x509_svid_ttl"), x509}, {QStringLiteral("jwt_svid_ttl"), jwt}}};
        const bool grant =
            r.properties.value(QLatin1String("effect")).toString() == QLatin1String("grant");
        const bool grants = std::any_of(g.outEdges(i).cbegin(), g.outEdges(i).cend(),
                                        [&](int e) { return g.edge(e).cls == EdgeClass::Grants; });
        if (grant && !grants)
            out << GraphFinding{
                QStringLiteral("rule_grants_nothing"), QStringLiteral("low"), r.id, {}};
    }
    out << shadowedRules(g);
    for (int i : g.nodesOf(NodeClass::Credential)) {
        const GraphNode &c = g.node(i);
        const QDateTime nb = timeOf(c.properties.value(QLatin1String("not_before")));
        const QDateTime na = timeOf(c.properties.value(QLatin1String("not_after")));
        const bool jwt =
            c.properties.value(QLatin1String("kind")).toString() == QLatin1String("jwt");
        if (nb.isValid() && na.isValid() && nb.secsTo(na) > (jwt ? o.longJwtTtl : o.longX509Ttl))
            out << GraphFinding{QStringLiteral("long_ttl"),
                                QStringLiteral("low"),
                                c.id,
                                {{QStringLiteral("lifetime"), nb.secsTo(na)}}};
    }

    // An active authority close to its end with no prepared one of its kind to take over.
    for (int i : g.nodesOf(NodeClass::Authority)) {
        const GraphNode &a = g.node(i);
        if (a.properties.value(QLatin1String("slot")).toString() != QLatin1String("active"))
            continue;
        const QDateTime na = timeOf(a.properties.value(QLatin1String("not_after")));
        if (!na.isValid() || at.secsTo(na) > o.caWarning)
            continue;
        const QString kind = a.properties.value(QLatin1String("kind")).toString();
        bool successor = false;
        for (int j : g.nodesOf(NodeClass::Authority)) {
            const GraphNode &b = g.node(j);
            if (b.trustDomain == a.trustDomain &&
                b.properties.value(QLatin1String("kind")).toString() == kind &&
                b.properties.value(QLatin1String("slot")).toString() == QLatin1String("prepared"))
                successor = true;
        }
        if (!successor)
            out << GraphFinding{
                QStringLiteral("ca_near_expiry"),
                QStringLiteral("high"),
                a.id,
                {{QStringLiteral("not_after"), a.properties.value(QLatin1String("not_after"))},
                 {QStringLiteral("trust_domain"), a.trustDomain}}};
    }
    return out;
}

} // namespace ta::core
