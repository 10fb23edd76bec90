// SPDX-License-Identifier: Apache-2.0
#include "models/TrustDomainModel.h"

#include "models/Document.h"

namespace ta::models {

TrustDomainModel::TrustDomainModel(Document *document, QObject *parent)
    : IncrementalTableModel(parent), m_document(document)
{
    connect(document, &Document::trustDomainsChanged, this, &TrustDomainModel::reload);
    // The bundle sequence shown here moves with authority changes.
    connect(document, &Document::authoritiesChanged, this, &TrustDomainModel::update);
    reload();
}

void TrustDomainModel::reload()
{
    QList<core::TrustDomainInfo> fresh;
    if (m_document) {
        const core::Workspace &ws = m_document->workspace();
        for (const QString &name : ws.trustDomainNames()) {
            if (auto info = ws.trustDomainInfo(name))
                fresh << *info;
        }
    }
    syncRows(m_rows, fresh, [](const core::TrustDomainInfo &i) { return i.name; });
}

void TrustDomainModel::update(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0 || !m_document) {
        reload();
        return;
    }
    auto info = m_document->workspace().trustDomainInfo(name);
    if (!info) {
        reload();
        return;
    }
    if (!(m_rows.at(row) == *info)) {
        m_rows[row] = *info;
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

int TrustDomainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrustDomainModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant TrustDomainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::TrustDomainInfo &info = m_rows.at(index.row());
    if (role == int(Role::Name))
        return info.name;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Column::Name:
        return info.name;
    case Column::KeyType:
        return core::keyTypeName(info.settings.keyType);
    case Column::BundleSequence:
        return info.bundleSequence;
    case Column::Count:
        break;
    }
    return {};
}

QVariant TrustDomainModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Name:
        return tr("Trust domain");
    case Column::KeyType:
        return tr("Key type");
    case Column::BundleSequence:
        return tr("Sequence");
    case Column::Count:
        break;
    }
    return {};
}

int TrustDomainModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).name == name)
            return i;
    }
    return -1;
}

QString TrustDomainModel::nameAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).name : QString();
}

} // namespace ta::models
