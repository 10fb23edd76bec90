// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/Policy.h"
#include "core/store/RuleStore.h"

#include <QObject>
#include <QPointer>

namespace ta::models {

class Document;

/// The policy studio's working copy of the workspace's policy set: the latest saved version plus
/// the user's unsaved edits. Every edit goes through the document's undo stack (consecutive
/// keystrokes in one field of one policy merge into one step); save() appends a rule version.
class PolicyDraft : public QObject
{
    Q_OBJECT

public:
    /// Which part of a policy an edit changes; consecutive edits of one field merge.
    enum class Field {
        Name,
        Effect,
        TrustDomain,
        Template,
        X509Ttl,
        JwtTtl,
        DnsNames,
        FederatesWith,
        Condition,
        Description
    };

    explicit PolicyDraft(Document *document, QObject *parent = nullptr);

    /// Reads the latest saved version (none saved: an empty set).
    [[nodiscard]] core::Result<void> load();

    const QList<core::Policy> &policies() const { return m_policies; }
    /// The policies as last saved (or loaded).
    const QList<core::Policy> &savedPolicies() const { return m_saved; }
    int savedVersion() const { return m_savedVersion; }
    bool isModified() const { return m_policies != m_saved; }

    /// Appends a new grant policy with a condition that holds for nothing yet.
    void addPolicy();
    void duplicatePolicy(int row);
    void removePolicy(int row);
    /// Moves the policy at @p from to @p to (order matters to readers, not to decisions).
    void movePolicy(int from, int to);
    /// Replaces policy @p row by @p policy, as an edit of @p field.
    void updatePolicy(int row, const core::Policy &policy, Field field);

    /// Validates every policy and saves the set as the next version, with @p comment.
    [[nodiscard]] core::Result<int> save(const QString &comment);
    [[nodiscard]] core::Result<QList<core::RuleVersion>> versions();
    /// The policies of saved @p version.
    [[nodiscard]] core::Result<QList<core::Policy>> version(int version);

    /// Called by the undo commands: @p policies become the draft; @p row is the one policy
    /// changed, or -1 when rows were added, removed or moved.
    void setPolicies(const QList<core::Policy> &policies, int row);

Q_SIGNALS:
    /// Rows were added, removed or moved.
    void layoutReset();
    /// Policy @p row changed in place.
    void policyChanged(int row);
    /// A version was saved.
    void saved(int version);

private:
    void push(const QList<core::Policy> &after, int row, int mergeField, const QString &text);
    QString freshName(const QString &base) const;

    QPointer<Document> m_document;
    QList<core::Policy> m_policies;
    QList<core::Policy> m_saved;
    int m_savedVersion = 0;
};

} // namespace ta::models
