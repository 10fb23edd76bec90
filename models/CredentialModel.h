// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/CredentialRecord.h"

#include "models/IncrementalTableModel.h"

#include <QPointer>

namespace ta::models {

class Document;

/// Every credential the workspace recorded, one row each, in issue order. Filter by trust
/// domain and sort through a QSortFilterProxyModel (Role::TrustDomain, Role::Sort). An edit
/// re-reads only the credentials it names and moves only their rows (no reset).
class CredentialModel : public IncrementalTableModel
{
    Q_OBJECT

public:
    enum class Column { SpiffeId, Type, TrustDomain, Status, Expires, Serial, Count };
    enum class Role { Id = Qt::UserRole + 1, TrustDomain, Sort };
    /// What the Status column says, with expiry taken at the document's clock.
    enum class State { Valid, Expired, Revoked };

    explicit CredentialModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const core::CredentialRecord &recordAt(int row) const { return m_rows.at(row); }
    /// The row of the credential with ID @p id, or -1.
    int rowOf(qint64 id) const;
    State stateAt(int row) const;
    static QString stateText(State state);

private:
    void reload();
    /// Re-reads the credentials @p ids; an empty list re-reads them all.
    void update(const QList<qint64> &ids);

    QPointer<Document> m_document;
    QList<core::CredentialRecord> m_rows;
};

} // namespace ta::models
