// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ta::models {

/// A trust domain's stored rows (its CA, authority slots and credentials) exactly as the file
/// holds them, so deleting and re-creating it can be undone without a single key changing.
/// Private keys stay as stored: sealed with the passphrase when the workspace has one.
///
/// It reads the workspace tables directly because core has no export of a whole trust domain
/// yet; when Workspace gains one, this class shrinks to a call.
class TrustDomainSnapshot
{
public:
    [[nodiscard]] static core::Result<TrustDomainSnapshot> capture(core::Workspace &workspace,
                                                                   const QString &name);
    /// Puts the rows back, with their original row IDs, in one transaction.
    [[nodiscard]] core::Result<void> restore(core::Workspace &workspace) const;

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

} // namespace ta::models
