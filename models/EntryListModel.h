// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QPointer>

namespace ta::models {

class EntryDraft;

/// The registration entries of an EntryDraft, one row each: the SPIFFE ID, with the parent ID
/// and selectors as tool tip; an entry that no longer validates is marked.
class EntryListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { ValidRole = Qt::UserRole + 1, ErrorRole };

    explicit EntryListModel(EntryDraft *draft, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QPointer<EntryDraft> m_draft;
};

} // namespace ta::models
