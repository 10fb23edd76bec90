// SPDX-License-Identifier: Apache-2.0
#include "models/DesignModel.h"

#include "core/attestation/AttestationErrors.h"
#include "core/attestation/lab/TopologyLab.h"
#include "core/federation/FederationStore.h"
#include "core/spiffe/TrustDomain.h"
#include "models/CreateTrustDomainCommand.h"
#include "models/DesignEditCommand.h"
#include "models/Document.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>

namespace ta::models {
namespace {

core::Error bad(const QString &detail)
{
    return core::makeError(core::ec::LabBadSettings, detail);
}

// As LabTopology::fromJson hands it back: every list sorted, so that the recorded design reads
// back equal to the one the model holds.
void normalise(core::LabTopology &t)
{
    t.trustDomains.sort();
    t.platforms.sort();
    std::sort(t.nodes.begin(), t.nodes.end(),
              [](const auto &a, const auto &b) { return a.subject < b.subject; });
    std::sort(t.workloads.begin(), t.workloads.end(),
              [](const auto &a, const auto &b) { return a.subject < b.subject; });
    if (t.agentTrustDomain.isEmpty())
        t.agentTrustDomain = t.trustDomains.value(0);
}

// A macro that failed half-way is taken back (an empty one is left: it does nothing).
void undoHalfMade(QUndoStack *stack, const core::Result<void> &r)
{
    if (r || stack->index() == 0)
        return;
    const QUndoCommand *last = stack->command(stack->index() - 1);
    if (last && last->childCount() > 0)
        stack->undo();
}

} // namespace

DesignModel::DesignModel(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    if (document)
        connect(document, &Document::designChanged, this, &DesignModel::reload);
    reload();
}

void DesignModel::reload()
{
    m_design = {};
    if (!m_document)
        return;
    if (auto d = core::TopologyLab::loadDesign(m_document->workspace(Document::WriteAccess())))
        m_design = *d;
    Q_EMIT designChanged();
}

QString DesignModel::platformTrustDomain() const
{
    return m_design.platforms.isEmpty() ? QString() : m_design.effectiveAgentTrustDomain();
}

QStringList DesignModel::trustDomainChoices() const
{
    if (!m_document)
        return {};
    QStringList names = m_document->workspace().trustDomainNames();
    names.sort();
    return names;
}

core::Result<void> DesignModel::commit(const QString &text, core::LabTopology next)
{
    normalise(next);
    const auto before = DesignEditCommand::read(m_document);
    DesignEditCommand::Rows after = before;
    if (next.trustDomains.isEmpty()) {
        after.design.reset();
    } else {
        if (auto ok = next.validate(); !ok)
            return ok.error();
        after.design = QJsonDocument(next.toJson()).toJson(QJsonDocument::Compact);
        after.agentTrustDomain = next.effectiveAgentTrustDomain().toUtf8();
    }
    if (!DesignEditCommand::write(m_document, after))
        return bad(tr("the design could not be written"));
    m_document->undoStack()->push(new DesignEditCommand(m_document, text, before, after));
    return {};
}

core::Result<void> DesignModel::addTrustDomain(const QString &name)
{
    if (!m_document)
        return bad(QStringLiteral("no document"));
    auto td = core::TrustDomain::fromName(name);
    if (!td)
        return td.error();
    if (m_design.trustDomains.contains(name))
        return bad(tr("%1 is in the design already").arg(name));
    core::LabTopology next = m_design;
    next.trustDomains << name;
    normalise(next);
    if (auto ok = next.validate(); !ok)
        return ok.error();
    core::Workspace &ws = m_document->workspace(Document::WriteAccess());
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(tr("Add trust domain %1 to the design").arg(name));
    core::Result<void> r;
    if (!ws.trustDomainNames().contains(name)) {
        // As TopologyLab::saveDesign makes them: a month back, for three months.
        core::CaSettings settings;
        settings.caTtl = 90 * 86400;
        if (auto ca = ws.createTrustDomain(*td, settings, m_document->now().addDays(-30)); !ca) {
            r = ca.error();
        } else {
            stack->push(new CreateTrustDomainCommand(m_document, name));
            m_document->notifyTrustDomainsChanged(name);
        }
    }
    if (r)
        r = commit(tr("Design trust domain %1").arg(name), next);
    stack->endMacro();
    undoHalfMade(stack, r);
    return r;
}

core::Result<void> DesignModel::removeTrustDomain(const QString &name)
{
    if (!m_design.trustDomains.contains(name))
        return bad(tr("%1 is not in the design").arg(name));
    core::LabTopology next = m_design;
    next.trustDomains.removeAll(name);
    if (!next.platforms.isEmpty() && next.agentTrustDomain == name)
        return bad(tr("%1 holds the design's platforms: remove them first").arg(name));
    if (next.agentTrustDomain == name)
        next.agentTrustDomain.clear();
    return commit(tr("Remove trust domain %1 from the design").arg(name), next);
}

core::Result<void> DesignModel::addPlatform(const QString &key, const QString &trustDomain)
{
    if (!m_document)
        return bad(QStringLiteral("no document"));
    if (core::LabTopology::attestorOfPlatform(key).isEmpty())
        return bad(tr("%1 is not a platform key").arg(key));
    if (m_design.platforms.contains(key))
        return bad(tr("%1 is in the design already").arg(key));
    core::LabTopology next = m_design;
    next.platforms << key;
    if (m_design.platforms.isEmpty()) {
        const QString td = trustDomain.isEmpty() ? next.trustDomains.value(0) : trustDomain;
        if (td.isEmpty())
            return bad(tr("add a trust domain first"));
        if (!m_document->workspace().trustDomainNames().contains(td))
            return bad(tr("%1 is not a trust domain of the workspace").arg(td));
        if (!next.trustDomains.contains(td))
            next.trustDomains << td;
        next.agentTrustDomain = td;
    }
    return commit(tr("Add platform %1").arg(key), next);
}

core::Result<void> DesignModel::removePlatform(const QString &key)
{
    if (!m_design.platforms.contains(key))
        return bad(tr("%1 is not in the design").arg(key));
    core::LabTopology next = m_design;
    next.platforms.removeAll(key);
    QStringList gone;
    next.nodes.removeIf([&](const core::LabTopology::Node &n) {
        if (n.platform != key)
            return false;
        gone << n.subject;
        return true;
    });
    next.workloads.removeIf(
        [&](const core::LabTopology::Workload &w) { return gone.contains(w.node); });
    return commit(tr("Remove platform %1").arg(key), next);
}

core::Result<void> DesignModel::addNode(const QString &name, const QString &platform)
{
    if (auto ok = checkSubjectName(name); !ok)
        return ok;
    if (!m_design.platforms.contains(platform))
        return bad(tr("%1 is not a platform of the design").arg(platform));
    const QString subject = QStringLiteral("node/") + name;
    core::LabTopology next = m_design;
    for (const auto &n : std::as_const(next.nodes)) {
        if (n.subject == subject)
            return bad(tr("%1 is in the design already").arg(subject));
    }
    next.nodes << core::LabTopology::Node{subject, platform};
    return commit(tr("Add node %1").arg(subject), next);
}

core::Result<void> DesignModel::removeNode(const QString &subject)
{
    core::LabTopology next = m_design;
    if (next.nodes.removeIf([&](const auto &n) { return n.subject == subject; }) == 0)
        return bad(tr("%1 is not in the design").arg(subject));
    next.workloads.removeIf([&](const auto &w) { return w.node == subject; });
    return commit(tr("Remove node %1").arg(subject), next);
}

core::Result<void> DesignModel::addWorkload(const QString &name, const QString &node,
                                            const QStringList &selectors)
{
    if (auto ok = checkSubjectName(name); !ok)
        return ok;
    const auto n = std::find_if(m_design.nodes.cbegin(), m_design.nodes.cend(),
                                [&](const auto &x) { return x.subject == node; });
    if (n == m_design.nodes.cend())
        return bad(tr("%1 is not a node of the design").arg(node));
    const QString subject = QStringLiteral("workload/") + name;
    for (const auto &w : m_design.workloads) {
        if (w.subject == subject)
            return bad(tr("%1 is in the design already").arg(subject));
    }
    auto w = workloadFromSelectors(subject, node, n->platform.startsWith(QLatin1String("k8s:")),
                                   selectors);
    if (!w)
        return w.error();
    core::LabTopology next = m_design;
    next.workloads << *w;
    return commit(tr("Add workload %1").arg(subject), next);
}

core::Result<void> DesignModel::removeWorkload(const QString &subject)
{
    core::LabTopology next = m_design;
    if (next.workloads.removeIf([&](const auto &w) { return w.subject == subject; }) == 0)
        return bad(tr("%1 is not in the design").arg(subject));
    return commit(tr("Remove workload %1").arg(subject), next);
}

core::Result<void> DesignModel::federate(const QString &from, const QString &to, bool bothWays)
{
    if (!m_document)
        return bad(QStringLiteral("no document"));
    const QStringList names = m_document->workspace().trustDomainNames();
    for (const QString &td : {from, to}) {
        if (!names.contains(td))
            return bad(tr("%1 is not a trust domain of the workspace").arg(td));
    }
    if (from == to)
        return bad(tr("a trust domain does not federate with itself"));
    core::FederationStore store(m_document->workspace(Document::WriteAccess()));
    QList<QPair<QString, QString>> todo;
    for (const auto &[local, peer] : {qMakePair(from, to), qMakePair(to, from)}) {
        if (local == to && !bothWays)
            continue;
        auto existing = store.relationships(local);
        if (!existing)
            return existing.error();
        const bool has = std::any_of(existing->cbegin(), existing->cend(), [&](const auto &r) {
            return r.peerTrustDomain.name() == peer;
        });
        if (!has)
            todo.append({local, peer});
    }
    if (todo.isEmpty())
        return bad(tr("%1 federates with %2 already").arg(from, to));
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(bothWays ? tr("Federate %1 and %2").arg(from, to)
                               : tr("Federate %1 with %2").arg(from, to));
    core::Result<void> r;
    for (const auto &[local, peer] : std::as_const(todo)) {
        core::FederationRelationship rel;
        rel.localTrustDomain = *core::TrustDomain::fromName(local);
        rel.peerTrustDomain = *core::TrustDomain::fromName(peer);
        // SPIRE's usual bundle endpoint; the Federation dock edits it.
        rel.bundleEndpointUrl = QUrl(QStringLiteral("https://spire.%1:8443/").arg(peer));
        rel.profile = core::BundleEndpointProfile::HttpsSpiffe;
        rel.endpointSpiffeId =
            core::FederationRelationship::defaultEndpointSpiffeId(rel.peerTrustDomain);
        r = m_document->addFederation(rel);
        if (!r)
            break;
    }
    stack->endMacro();
    undoHalfMade(stack, r);
    return r;
}

core::Result<QString> DesignModel::platformKey(PlatformKind kind, const QString &name)
{
    static const QRegularExpression cluster(
        QStringLiteral("^[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?$"));
    static const QRegularExpression account(QStringLiteral("^[0-9]{12}$"));
    static const QRegularExpression project(QStringLiteral("^[a-z][a-z0-9-]{4,28}[a-z0-9]$"));
    switch (kind) {
    case PlatformKind::Kubernetes:
        if (!cluster.match(name).hasMatch())
            return bad(tr("a cluster name is lower-case letters, digits, '.' and '-'"));
        return QStringLiteral("k8s:") + name;
    case PlatformKind::Aws:
        if (!account.match(name).hasMatch())
            return bad(tr("an AWS account ID is 12 digits"));
        return QStringLiteral("aws:") + name;
    case PlatformKind::Gcp:
        if (!project.match(name).hasMatch())
            return bad(tr("a Google Cloud project ID is 6 to 30 lower-case letters, digits and "
                          "'-', starting with a letter"));
        return QStringLiteral("gcp:") + name;
    case PlatformKind::Tpm:
        if (!name.isEmpty())
            return bad(tr("the TPM host group has no name"));
        return QStringLiteral("tpm");
    }
    return bad(QStringLiteral("unknown platform kind"));
}

core::Result<void> DesignModel::checkSubjectName(const QString &name)
{
    static const QRegularExpression segment(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!segment.match(name).hasMatch() || name == QLatin1String(".") ||
        name == QLatin1String(".."))
        return bad(
            tr("\"%1\" is not a SPIFFE path segment (letters, digits, '.', '-', '_')").arg(name));
    return {};
}

core::Result<core::LabTopology::Workload>
DesignModel::workloadFromSelectors(const QString &subject, const QString &node, bool kubernetes,
                                   const QStringList &selectors)
{
    core::LabTopology::Workload w;
    w.subject = subject;
    w.node = node;
    for (const QString &raw : selectors) {
        const QString s = raw.trimmed();
        if (s.isEmpty())
            continue;
        const QString type = s.section(QLatin1Char(':'), 0, 0);
        const QString key = s.section(QLatin1Char(':'), 1, 1);
        const QString value = s.section(QLatin1Char(':'), 2);
        if (type.isEmpty() || key.isEmpty() || value.isEmpty())
            return bad(tr("\"%1\" is not a selector of the form type:key:value").arg(s));
        const QString tk = type + QLatin1Char(':') + key;
        const bool k8sSelector = type == QLatin1String("k8s");
        if (k8sSelector != kubernetes)
            return bad(kubernetes ? tr("\"%1\": a Kubernetes node attests k8s selectors").arg(s)
                                  : tr("\"%1\": k8s selectors need a Kubernetes node").arg(s));
        if (tk == QLatin1String("k8s:ns"))
            w.ns = value;
        else if (tk == QLatin1String("k8s:sa"))
            w.serviceAccount = value;
        else if (tk == QLatin1String("k8s:container-image") ||
                 tk == QLatin1String("docker:image_id"))
            w.image = core::LabTopology::imageRepository(value);
        else if (tk == QLatin1String("unix:uid")) {
            bool ok = false;
            w.uid = value.toLongLong(&ok);
            if (!ok || w.uid < 0)
                return bad(tr("\"%1\": a uid is a number").arg(s));
        } else {
            return bad(tr("\"%1\": the design knows k8s:ns, k8s:sa, k8s:container-image, "
                          "docker:image_id and unix:uid")
                           .arg(s));
        }
    }
    if (kubernetes && (w.ns.isEmpty() || w.serviceAccount.isEmpty()))
        return bad(tr("a Kubernetes workload needs k8s:ns and k8s:sa selectors"));
    return w;
}

} // namespace ta::models
