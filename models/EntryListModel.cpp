// SPDX-License-Identifier: Apache-2.0
#include "models/EntryListModel.h"

#include "models/EntryDraft.h"

#include <QIcon>

namespace ta::models {

EntryListModel::EntryListModel(EntryDraft *draft, QObject *parent)
    : QAbstractListModel(parent), m_draft(draft)
{
    connect(draft, &EntryDraft::layoutReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(draft, &EntryDraft::entryChanged, this, [this](int row) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
    });
}

int EntryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_draft ? 0 : int(m_draft->entries().size());
}

QVariant EntryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_draft)
        return {};
    const core::RegistrationEntry &e = m_draft->entries().at(index.row());
    auto error = [&]() -> QString {
        auto r = core::RegistrationEntry::fromJson(e.toJson());
        return r ? QString() : r.error().code + QStringLiteral(": ") + r.error().detail;
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return e.spiffeId;
    case Qt::ToolTipRole: {
        const QString err = error();
        if (!err.isEmpty())
            return err;
        QStringList selectors;
        for (const core::Selector &s : e.selectors)
            selectors << s.toString();
        return e.parentId + QLatin1Char('\n') + selectors.join(QLatin1Char('\n'));
    }
    case Qt::DecorationRole:
        return error().isEmpty() ? QVariant() : QIcon::fromTheme(QStringLiteral("dialog-error"));
    case ValidRole:
        return error().isEmpty();
    case ErrorRole:
        return error();
    default:
        return {};
    }
}

} // namespace ta::models
