// SPDX-License-Identifier: Apache-2.0
#include "models/CredentialModel.h"

#include "models/Document.h"

#include <QLocale>

#include <algorithm>

namespace ta::models {

CredentialModel::CredentialModel(Document *document, QObject *parent)
    : IncrementalTableModel(parent), m_document(document)
{
    connect(document, &Document::credentialsChanged, this, &CredentialModel::update);
    connect(document, &Document::trustDomainsChanged, this, &CredentialModel::reload);
    reload();
}

void CredentialModel::reload()
{
    QList<core::CredentialRecord> fresh;
    if (m_document) {
        if (auto all = m_document->workspace().credentials())
            fresh = std::move(*all);
    }
    syncRows(m_rows, fresh, [](const core::CredentialRecord &r) { return r.id; });
}

void CredentialModel::update(const QList<qint64> &ids)
{
    if (ids.isEmpty() || !m_document) {
        reload();
        return;
    }
    for (qint64 id : ids) {
        auto record = m_document->workspace().credential(id);
        if (!record) {
            reload();
            return;
        }
        const int row = rowOf(id);
        if (!*record) {
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_rows.removeAt(row);
                endRemoveRows();
            }
        } else if (row >= 0) {
            if (!(m_rows.at(row) == **record)) {
                m_rows[row] = **record;
                Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            }
        } else {
            // Rows stay in issue order, which is the order of their IDs.
            const auto at = std::lower_bound(
                m_rows.cbegin(), m_rows.cend(), id,
                [](const core::CredentialRecord &r, qint64 v) { return r.id < v; });
            const int pos = int(at - m_rows.cbegin());
            beginInsertRows({}, pos, pos);
            m_rows.insert(pos, **record);
            endInsertRows();
        }
    }
}

int CredentialModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CredentialModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

int CredentialModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

CredentialModel::State CredentialModel::stateAt(int row) const
{
    const core::CredentialRecord &r = m_rows.at(row);
    if (r.status == core::CredentialRecord::Status::Revoked)
        return State::Revoked;
    const QDateTime now = m_document ? m_document->now() : QDateTime::currentDateTimeUtc();
    return r.expiredAt(now) ? State::Expired : State::Valid;
}

QString CredentialModel::stateText(State state)
{
    switch (state) {
    case State::Valid:
        return tr("Valid");
    case State::Expired:
        return tr("Expired");
    case State::Revoked:
        return tr("Revoked");
    }
    return {};
}

QVariant CredentialModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::CredentialRecord &r = m_rows.at(index.row());
    if (role == int(Role::Id))
        return r.id;
    if (role == int(Role::TrustDomain))
        return r.trustDomain;
    const Column column = Column(index.column());
    if (role == int(Role::Sort)) {
        if (column == Column::Expires)
            return r.notAfter;
        if (column == Column::Status)
            return int(stateAt(index.row()));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != int(Role::Sort))
        return {};
    switch (column) {
    case Column::SpiffeId:
        return r.spiffeId;
    case Column::Type:
        return r.kind == core::AuthorityKind::X509 ? tr("X509-SVID") : tr("JWT-SVID");
    case Column::TrustDomain:
        return r.trustDomain;
    case Column::Status:
        return stateText(stateAt(index.row()));
    case Column::Expires:
        return QLocale().toString(r.notAfter.toLocalTime(), QLocale::ShortFormat);
    case Column::Serial:
        return r.serial;
    case Column::Count:
        break;
    }
    return {};
}

QVariant CredentialModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::SpiffeId:
        return tr("SPIFFE ID");
    case Column::Type:
        return tr("Type");
    case Column::TrustDomain:
        return tr("Trust domain");
    case Column::Status:
        return tr("Status");
    case Column::Expires:
        return tr("Expires");
    case Column::Serial:
        return tr("Serial / fingerprint");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ta::models
