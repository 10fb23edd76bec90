// SPDX-License-Identifier: Apache-2.0
#include "models/PolicyDraft.h"

#include "models/Document.h"
#include "models/DraftEditCommand.h"

#include "core/store/Workspace.h"

#include <QUndoStack>

namespace ta::models {

using PolicyEditCommand =
    DraftEditCommand<PolicyDraft, core::Policy, &PolicyDraft::setPolicies, 0x50454443>; // "PEDC"

PolicyDraft::PolicyDraft(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{}

core::Result<void> PolicyDraft::load()
{
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    auto latest = store.latestVersion(core::RuleKind::Policies);
    if (!latest)
        return latest.error();
    QList<core::Policy> policies;
    if (*latest > 0) {
        auto loaded = version(*latest);
        if (!loaded)
            return loaded.error();
        policies = *loaded;
    }
    m_saved = policies;
    m_savedVersion = *latest;
    setPolicies(policies, -1);
    return {};
}

core::Result<QList<core::Policy>> PolicyDraft::version(int version)
{
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    auto content = store.load(core::RuleKind::Policies, version);
    if (!content)
        return content.error();
    if (content->isEmpty())
        return QList<core::Policy>();
    return core::Policy::listFromJson(*content);
}

core::Result<QList<core::RuleVersion>> PolicyDraft::versions()
{
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    return store.versions(core::RuleKind::Policies);
}

QString PolicyDraft::freshName(const QString &base) const
{
    auto taken = [this](const QString &name) {
        return std::any_of(m_policies.begin(), m_policies.end(),
                           [&](const core::Policy &p) { return p.name == name; });
    };
    if (!taken(base))
        return base;
    for (int i = 2;; ++i) {
        const QString name = QStringLiteral("%1-%2").arg(base).arg(i);
        if (!taken(name))
            return name;
    }
}

void PolicyDraft::addPolicy()
{
    core::Policy p;
    p.name = freshName(QStringLiteral("policy"));
    const QStringList domains = m_document->workspace().trustDomainNames();
    p.trustDomain = domains.isEmpty() ? QStringLiteral("example.org") : domains.first();
    p.spiffeIdTemplate = QStringLiteral("spiffe://%1/%2").arg(p.trustDomain, p.name);
    p.condition = QStringLiteral("false");
    QList<core::Policy> after = m_policies;
    after.append(p);
    push(after, -1, -1, tr("Add policy %1").arg(p.name));
}

void PolicyDraft::duplicatePolicy(int row)
{
    if (row < 0 || row >= m_policies.size())
        return;
    core::Policy p = m_policies.at(row);
    p.name = freshName(p.name + QStringLiteral("-copy"));
    QList<core::Policy> after = m_policies;
    after.insert(row + 1, p);
    push(after, -1, -1, tr("Duplicate policy %1").arg(m_policies.at(row).name));
}

void PolicyDraft::removePolicy(int row)
{
    if (row < 0 || row >= m_policies.size())
        return;
    QList<core::Policy> after = m_policies;
    after.removeAt(row);
    push(after, -1, -1, tr("Remove policy %1").arg(m_policies.at(row).name));
}

void PolicyDraft::movePolicy(int from, int to)
{
    if (from < 0 || from >= m_policies.size() || to < 0 || to >= m_policies.size() || from == to)
        return;
    QList<core::Policy> after = m_policies;
    after.move(from, to);
    push(after, -1, -1, tr("Move policy %1").arg(m_policies.at(from).name));
}

void PolicyDraft::updatePolicy(int row, const core::Policy &policy, Field field)
{
    if (row < 0 || row >= m_policies.size() || m_policies.at(row) == policy)
        return;
    QList<core::Policy> after = m_policies;
    after[row] = policy;
    push(after, row, int(field), tr("Edit policy %1").arg(policy.name));
}

void PolicyDraft::push(const QList<core::Policy> &after, int row, int mergeField,
                       const QString &text)
{
    m_document->undoStack()->push(
        new PolicyEditCommand(this, m_policies, after, row, mergeField, text));
}

void PolicyDraft::setPolicies(const QList<core::Policy> &policies, int row)
{
    const bool sameRows = policies.size() == m_policies.size() && row >= 0;
    m_policies = policies;
    if (sameRows)
        Q_EMIT policyChanged(row);
    else
        Q_EMIT layoutReset();
}

core::Result<int> PolicyDraft::save(const QString &comment)
{
    const QByteArray json = core::Policy::listToJson(m_policies);
    // The saved document must read back: every condition parses and checks, names are unique.
    auto valid = core::Policy::listFromJson(json);
    if (!valid)
        return valid.error();
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    auto version = store.save(core::RuleKind::Policies, json, comment, m_document->now());
    if (!version)
        return version.error();
    m_saved = m_policies;
    m_savedVersion = *version;
    Q_EMIT saved(*version);
    return version;
}

} // namespace ta::models
