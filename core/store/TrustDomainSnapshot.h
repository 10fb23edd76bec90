// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ta::core {

/// A trust domain's stored rows (its CA, authority slots and credentials) exactly as the file
/// holds them, so deleting and re-creating it can be undone without a single key changing.
/// Private keys stay as stored: sealed with the passphrase when the workspace has one.
/// It lives beside the schema it copies, so a migration that changes those tables changes it too.
class TrustDomainSnapshot
{
public:
    [[nodiscard]] static Result<TrustDomainSnapshot> capture(Workspace &workspace,
                                                             const QString &name);
    /// Puts the rows back, with their original row IDs, in one transaction.
    [[nodiscard]] Result<void> restore(Workspace &workspace) const;

    QString name() const { return m_name; }

private:
    struct Table
    {
        QString name;
        QStringList columns;
        QList<QVariantList> rows;
    };

    QString m_name;
    QList<Table> m_tables;
};

} // namespace ta::core
