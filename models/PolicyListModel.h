// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractListModel>
#include <QPointer>

namespace ta::models {

class PolicyDraft;

/// The policies of a PolicyDraft, one row each in draft order: the name, with the effect and
/// the SPIFFE ID template as tool tip. A policy whose fields no longer validate is marked.
class PolicyListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { EffectRole = Qt::UserRole + 1, ValidRole, ErrorRole };

    explicit PolicyListModel(PolicyDraft *draft, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QPointer<PolicyDraft> m_draft;
};

} // namespace ta::models
