// SPDX-License-Identifier: Apache-2.0
#include "models/PolicyListModel.h"

#include "models/PolicyDraft.h"

#include <QColor>
#include <QIcon>

namespace ta::models {

PolicyListModel::PolicyListModel(PolicyDraft *draft, QObject *parent)
    : QAbstractListModel(parent), m_draft(draft)
{
    connect(draft, &PolicyDraft::layoutReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(draft, &PolicyDraft::policyChanged, this, [this](int row) {
        const QModelIndex i = index(row);
        Q_EMIT dataChanged(i, i);
    });
}

int PolicyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_draft ? 0 : int(m_draft->policies().size());
}

QVariant PolicyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        !m_draft)
        return {};
    const core::Policy &p = m_draft->policies().at(index.row());
    auto error = [&]() -> QString {
        auto r = core::Policy::fromJson(p.toJson());
        return r ? QString() : r.error().detail;
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p.name;
    case Qt::ToolTipRole: {
        const QString e = error();
        return e.isEmpty() ? QStringLiteral("%1 %2").arg(core::policyEffectName(p.effect),
                                                         p.spiffeIdTemplate)
                           : e;
    }
    case Qt::DecorationRole:
        if (!error().isEmpty())
            return QIcon::fromTheme(QStringLiteral("dialog-error"));
        return QIcon::fromTheme(p.effect == core::PolicyEffect::Grant
                                    ? QStringLiteral("emblem-ok")
                                    : QStringLiteral("emblem-unreadable"));
    case EffectRole:
        return core::policyEffectName(p.effect);
    case ValidRole:
        return error().isEmpty();
    case ErrorRole:
        return error();
    default:
        return {};
    }
}

} // namespace ta::models
