// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/Workspace.h"

#include "models/IncrementalTableModel.h"

#include <QPointer>

namespace ta::models {

class Document;

/// The document's trust domains, one row each, in name order. Edits insert, remove or update
/// rows (no reset).
class TrustDomainModel : public IncrementalTableModel
{
    Q_OBJECT

public:
    enum class Column { Name, KeyType, BundleSequence, Count };
    enum class Role { Name = Qt::UserRole + 1 };

    explicit TrustDomainModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The row of trust domain @p name, or -1.
    int rowOf(const QString &name) const;
    QString nameAt(int row) const;

private:
    void reload();
    /// Re-reads the row of @p name only (its slots, settings or bundle changed).
    void update(const QString &name);

    QPointer<Document> m_document;
    QList<core::TrustDomainInfo> m_rows;
};

} // namespace ta::models
