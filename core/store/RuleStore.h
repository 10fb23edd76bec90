// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/RegistrationEntry.h"
#include "core/store/Database.h"

#include <QDateTime>

namespace ta::core {

/// Which rule document.
enum class RuleKind { Policies, Entries };

/// One saved version of a rule document.
struct RuleVersion
{
    int version = 0;
    QDateTime savedAt;
    QString comment;
};

/// Versioned rule documents in the workspace: every save appends a version, the previous ones
/// stay, so two versions can be compared (what-if) and an edit can be traced.
class RuleStore
{
public:
    explicit RuleStore(Database &db) : m_db(db) {}

    /// Saves @p content as the next version of @p kind; returns that version number.
    [[nodiscard]] Result<int> save(RuleKind kind, const QByteArray &content, const QString &comment,
                                   const QDateTime &now);
    /// The content of @p version, or of the latest when @p version is 0. An empty document
    /// (no version yet) is an error only when a version was asked for.
    [[nodiscard]] Result<QByteArray> load(RuleKind kind, int version = 0);
    [[nodiscard]] Result<QList<RuleVersion>> versions(RuleKind kind);
    /// 0 when nothing was saved yet.
    [[nodiscard]] Result<int> latestVersion(RuleKind kind);

    /// The registration entries of @p version (latest when 0); none when nothing was saved.
    [[nodiscard]] Result<QList<RegistrationEntry>> entries(int version = 0);
    /// Saves @p entries as the next version; entries without an ID get a fresh one.
    [[nodiscard]] Result<int> saveEntries(QList<RegistrationEntry> entries, const QString &comment,
                                          const QDateTime &now);

private:
    Database &m_db;
};

} // namespace ta::core
