// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/LabTopology.h"
#include "core/attestation/AttestationErrors.h"

#include "core/spiffe/TrustDomain.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace ta::core {
namespace {

Error bad(const QString &detail)
{
    return makeError(ec::LabBadSettings, QStringLiteral("topology: ") + detail);
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

} // namespace

QString LabTopology::effectiveAgentTrustDomain() const
{
    return agentTrustDomain.isEmpty() ? trustDomains.value(0) : agentTrustDomain;
}

QString LabTopology::imageRepository(const QString &reference)
{
    QString r = reference.section(QLatin1Char('@'), 0, 0);
    const qsizetype slash = r.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = r.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        r.truncate(colon);
    return r;
}

QString LabTopology::attestorOfPlatform(const QString &platform)
{
    const QString type = platform.section(QLatin1Char(':'), 0, 0);
    const bool named = platform.size() > type.size() + 1;
    if (type == QLatin1String("k8s") && named)
        return QStringLiteral("k8s_psat");
    if (type == QLatin1String("aws") && named)
        return QStringLiteral("aws_iid");
    if (type == QLatin1String("gcp") && named)
        return QStringLiteral("gcp_iit");
    if (platform == QLatin1String("tpm"))
        return QStringLiteral("tpm");
    return {};
}

Result<void> LabTopology::validate() const
{
    if (trustDomains.isEmpty())
        return bad(QStringLiteral("no trust domain"));
    for (const QString &td : trustDomains) {
        if (auto t = TrustDomain::fromName(td); !t)
            return bad(QStringLiteral("trust domain ") + td + QStringLiteral(": ") +
                       t.error().code);
    }
    if (!trustDomains.contains(effectiveAgentTrustDomain()))
        return bad(QStringLiteral("agent trust domain ") + agentTrustDomain +
                   QStringLiteral(" is not one of the trust domains"));
    QSet<QString> platformSet;
    for (const QString &p : platforms) {
        if (attestorOfPlatform(p).isEmpty())
            return bad(QStringLiteral("platform ") + p +
                       QStringLiteral(": not k8s:CLUSTER, aws:ACCOUNT, gcp:PROJECT or tpm"));
        if (platformSet.contains(p))
            return bad(QStringLiteral("platform ") + p + QStringLiteral(" twice"));
        platformSet.insert(p);
    }
    QSet<QString> nodeSet;
    for (const Node &n : nodes) {
        if (!n.subject.startsWith(QLatin1String("node/")) || n.subject.size() < 6)
            return bad(QStringLiteral("node ") + n.subject + QStringLiteral(": not node/NAME"));
        if (!platformSet.contains(n.platform))
            return bad(QStringLiteral("node ") + n.subject + QStringLiteral(": unknown platform ") +
                       n.platform);
        if (nodeSet.contains(n.subject))
            return bad(QStringLiteral("node ") + n.subject + QStringLiteral(" twice"));
        nodeSet.insert(n.subject);
    }
    QSet<QString> workloadSet;
    for (const Workload &w : workloads) {
        if (!w.subject.startsWith(QLatin1String("workload/")) || w.subject.size() < 10)
            return bad(QStringLiteral("workload ") + w.subject +
                       QStringLiteral(": not workload/NAME"));
        if (!nodeSet.contains(w.node))
            return bad(QStringLiteral("workload ") + w.subject + QStringLiteral(": unknown node ") +
                       w.node);
        if (workloadSet.contains(w.subject))
            return bad(QStringLiteral("workload ") + w.subject + QStringLiteral(" twice"));
        workloadSet.insert(w.subject);
        const QString platform = std::find_if(nodes.cbegin(), nodes.cend(), [&](const Node &n) {
                                     return n.subject == w.node;
                                 })->platform;
        const bool k8s = platform.startsWith(QLatin1String("k8s:"));
        if (k8s && (w.ns.isEmpty() || w.serviceAccount.isEmpty()))
            return bad(QStringLiteral("workload ") + w.subject +
                       QStringLiteral(": a Kubernetes workload needs a namespace and a service "
                                      "account"));
        if (!k8s && (!w.ns.isEmpty() || !w.serviceAccount.isEmpty()))
            return bad(QStringLiteral("workload ") + w.subject +
                       QStringLiteral(": namespace and service account need a Kubernetes node"));
    }
    return {};
}

Result<LabTopology> LabTopology::fromJson(const QJsonObject &graph)
{
    if (!graph.value(QLatin1String("nodes")).isArray())
        return bad(QStringLiteral("no \"nodes\" array"));
    LabTopology t;
    QHash<QString, QString> memberOf;
    QHash<QString, QString> runsOn;
    for (const QJsonValue &v : graph.value(QLatin1String("edges")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString cls = e.value(QLatin1String("class")).toString();
        const QString source = e.value(QLatin1String("source")).toString();
        const QString target = e.value(QLatin1String("target")).toString();
        if (cls == QLatin1String("member_of") && target.startsWith(QLatin1String("platform/")))
            memberOf.insert(source, target.mid(9));
        else if (cls == QLatin1String("runs_on"))
            runsOn.insert(source, target);
    }
    QSet<QString> platformTds;
    QList<QJsonObject> rules;
    for (const QJsonValue &v : graph.value(QLatin1String("nodes")).toArray()) {
        if (!v.isObject())
            return bad(QStringLiteral("a node is not an object"));
        const QJsonObject n = v.toObject();
        const QString cls = n.value(QLatin1String("class")).toString();
        const QString id = n.value(QLatin1String("id")).toString();
        const QJsonObject p = n.value(QLatin1String("properties")).toObject();
        if (cls == QLatin1String("trust_domain")) {
            if (p.value(QLatin1String("foreign")).toBool())
                continue;
            const QString name =
                p.value(QLatin1String("name"))
                    .toString(id.startsWith(QLatin1String("td/")) ? id.mid(3) : id);
            if (!t.trustDomains.contains(name))
                t.trustDomains << name;
        } else if (cls == QLatin1String("platform")) {
            if (!id.startsWith(QLatin1String("platform/")))
                return bad(QStringLiteral("platform ") + id + QStringLiteral(": not platform/KEY"));
            t.platforms << id.mid(9);
            const QString td = n.value(QLatin1String("trust_domain")).toString();
            if (!td.isEmpty())
                platformTds.insert(td);
        } else if (cls == QLatin1String("node")) {
            QString platform = p.value(QLatin1String("platform")).toString();
            if (platform.isEmpty())
                platform = memberOf.value(id);
            t.nodes << Node{id, platform};
        } else if (cls == QLatin1String("workload")) {
            Workload w;
            w.subject = id;
            w.node = p.value(QLatin1String("node")).toString();
            if (w.node.isEmpty())
                w.node = runsOn.value(id);
            for (const QString &s : stringsOf(p.value(QLatin1String("selectors")))) {
                const QString value = s.section(QLatin1Char(':'), 2);
                if (s.startsWith(QLatin1String("k8s:ns:")))
                    w.ns = value;
                else if (s.startsWith(QLatin1String("k8s:sa:")))
                    w.serviceAccount = value;
                else if (s.startsWith(QLatin1String("k8s:container-image:")) ||
                         s.startsWith(QLatin1String("docker:image_id:")))
                    w.image = imageRepository(value);
                else if (s.startsWith(QLatin1String("unix:uid:"))) {
                    bool ok = false;
                    w.uid = value.toLongLong(&ok);
                    if (!ok || w.uid < 0)
                        return bad(QStringLiteral("workload ") + id + QStringLiteral(": ") + s);
                }
            }
            t.workloads << w;
        } else if (cls == QLatin1String("rule")) {
            if (p.value(QLatin1String("kind")).toString(QStringLiteral("policy")) ==
                QLatin1String("policy"))
                rules << n;
        }
    }
    if (platformTds.size() > 1)
        return bad(QStringLiteral("platforms in more than one trust domain"));
    if (!platformTds.isEmpty())
        t.agentTrustDomain = *platformTds.cbegin();
    // Order carries no meaning in a design: sorted, two exports of one estate read the same.
    t.trustDomains.sort();
    t.platforms.sort();
    if (t.agentTrustDomain.isEmpty())
        t.agentTrustDomain = t.trustDomains.value(0);
    std::sort(t.nodes.begin(), t.nodes.end(),
              [](const Node &a, const Node &b) { return a.subject < b.subject; });
    std::sort(t.workloads.begin(), t.workloads.end(),
              [](const Workload &a, const Workload &b) { return a.subject < b.subject; });
    for (const QJsonObject &n : std::as_const(rules)) {
        const QJsonObject p = n.value(QLatin1String("properties")).toObject();
        QJsonObject policy{{QStringLiteral("name"), n.value(QLatin1String("label"))},
                           {QStringLiteral("effect"), p.value(QLatin1String("effect"))},
                           {QStringLiteral("trust_domain"), n.value(QLatin1String("trust_domain"))},
                           {QStringLiteral("condition"), p.value(QLatin1String("condition"))}};
        for (const char *key : {"spiffe_id", "federates_with", "x509_svid_ttl", "jwt_svid_ttl"}) {
            const QJsonValue value = p.value(QLatin1String(key));
            if (!value.isUndefined())
                policy.insert(QLatin1String(key), value);
        }
        auto parsed = Policy::fromJson(policy);
        if (!parsed)
            return bad(n.value(QLatin1String("id")).toString() + QStringLiteral(": ") +
                       parsed.error().code + QStringLiteral(" ") + parsed.error().detail);
        t.policies << *parsed;
    }
    std::sort(t.policies.begin(), t.policies.end(),
              [](const Policy &a, const Policy &b) { return a.name < b.name; });
    if (auto ok = t.validate(); !ok)
        return ok.error();
    return t;
}

QJsonObject LabTopology::toJson() const
{
    const QString agentTd = effectiveAgentTrustDomain();
    QJsonArray nodesOut;
    for (const QString &td : trustDomains)
        nodesOut.append(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("td/") + td},
                        {QStringLiteral("class"), QStringLiteral("trust_domain")},
                        {QStringLiteral("properties"), QJsonObject{{QStringLiteral("name"), td}}}});
    for (const QString &p : platforms)
        nodesOut.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("platform/") + p},
                                    {QStringLiteral("class"), QStringLiteral("platform")},
                                    {QStringLiteral("trust_domain"), agentTd}});
    for (const Node &n : nodes)
        nodesOut.append(QJsonObject{
            {QStringLiteral("id"), n.subject},
            {QStringLiteral("class"), QStringLiteral("node")},
            {QStringLiteral("trust_domain"), agentTd},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("platform"), n.platform}}}});
    for (const Workload &w : workloads) {
        QJsonArray selectors;
        if (!w.ns.isEmpty())
            selectors.append(QStringLiteral("k8s:ns:") + w.ns);
        if (!w.serviceAccount.isEmpty())
            selectors.append(QStringLiteral("k8s:sa:") + w.serviceAccount);
        if (!w.image.isEmpty())
            selectors.append((w.ns.isEmpty() ? QStringLiteral("docker:image_id:")
                                             : QStringLiteral("k8s:container-image:")) +
                             w.image);
        if (w.uid >= 0)
            selectors.append(QStringLiteral("unix:uid:%1").arg(w.uid));
        nodesOut.append(QJsonObject{
            {QStringLiteral("id"), w.subject},
            {QStringLiteral("class"), QStringLiteral("workload")},
            {QStringLiteral("trust_domain"), agentTd},
            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("node"), w.node},
                                                       {QStringLiteral("selectors"), selectors}}}});
    }
    for (const Policy &p : policies) {
        QJsonObject props{{QStringLiteral("kind"), QStringLiteral("policy")},
                          {QStringLiteral("effect"), policyEffectName(p.effect)},
                          {QStringLiteral("condition"), p.condition}};
        if (!p.spiffeIdTemplate.isEmpty())
            props.insert(QStringLiteral("spiffe_id"), p.spiffeIdTemplate);
        if (!p.federatesWith.isEmpty())
            props.insert(QStringLiteral("federates_with"),
                         QJsonArray::fromStringList(p.federatesWith));
        if (p.x509SvidTtl)
            props.insert(QStringLiteral("x509_svid_ttl"), p.x509SvidTtl);
        if (p.jwtSvidTtl)
            props.insert(QStringLiteral("jwt_svid_ttl"), p.jwtSvidTtl);
        nodesOut.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("rule/policy/") + p.name},
                                    {QStringLiteral("class"), QStringLiteral("rule")},
                                    {QStringLiteral("label"), p.name},
                                    {QStringLiteral("trust_domain"), p.trustDomain},
                                    {QStringLiteral("properties"), props}});
    }
    return {{QStringLiteral("nodes"), nodesOut}, {QStringLiteral("edges"), QJsonArray()}};
}

} // namespace ta::core
