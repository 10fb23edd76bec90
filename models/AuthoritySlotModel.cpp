// SPDX-License-Identifier: Apache-2.0
#include "models/AuthoritySlotModel.h"

#include "models/Document.h"

#include <QLocale>

namespace ta::models {

AuthoritySlotModel::AuthoritySlotModel(Document *document, QObject *parent)
    : IncrementalTableModel(parent), m_document(document)
{
    connect(document, &Document::authoritiesChanged, this, [this](const QString &name) {
        if (name == m_trustDomain)
            reload();
    });
    connect(document, &Document::trustDomainsChanged, this, &AuthoritySlotModel::reload);
}

void AuthoritySlotModel::setTrustDomain(const QString &name)
{
    if (name == m_trustDomain)
        return;
    beginResetModel();
    m_trustDomain = name;
    m_rows = readRows();
    endResetModel();
}

QList<AuthoritySlotModel::Row> AuthoritySlotModel::readRows()
{
    QList<Row> rows;
    m_loadError.reset();
    if (m_document && !m_trustDomain.isEmpty()) {
        const core::Workspace &ws = m_document->workspace();
        const QStringList names = ws.trustDomainNames();
        if (names.contains(m_trustDomain)) {
            if (auto ca = ws.authority(m_trustDomain)) {
                for (const core::AuthoritySlot &s : ca->slots())
                    rows << Row{s.id, s.kind, s.status, s.tainted, s.createdAt, s.notAfter};
            } else {
                m_loadError = ca.error();
            }
        }
    }
    return rows;
}

void AuthoritySlotModel::reload()
{
    // X.509 and JWT slots are keyed apart, in case an ID is ever shared.
    syncRows(m_rows, readRows(),
             [](const Row &r) { return QString::number(int(r.kind)) + QLatin1Char(':') + r.id; });
}

int AuthoritySlotModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuthoritySlotModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString AuthoritySlotModel::statusText(core::SlotStatus status, bool tainted)
{
    QString text;
    switch (status) {
    case core::SlotStatus::Prepared:
        text = tr("Prepared");
        break;
    case core::SlotStatus::Active:
        text = tr("Active");
        break;
    case core::SlotStatus::Old:
        text = tr("Old");
        break;
    case core::SlotStatus::Revoked:
        text = tr("Revoked");
        break;
    }
    return tainted ? tr("%1, tainted").arg(text) : text;
}

QString AuthoritySlotModel::kindText(core::AuthorityKind kind)
{
    return kind == core::AuthorityKind::X509 ? tr("X.509") : tr("JWT");
}

QVariant AuthoritySlotModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case int(Role::AuthorityId):
        return row.id;
    case int(Role::Kind):
        return int(row.kind);
    case int(Role::Status):
        return int(row.status);
    case int(Role::Tainted):
        return row.tainted;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (Column(index.column())) {
    case Column::Kind:
        return kindText(row.kind);
    case Column::Status:
        return statusText(row.status, row.tainted);
    case Column::AuthorityId:
        return row.id;
    case Column::Created:
        return locale.toString(row.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Column::Expires:
        return locale.toString(row.notAfter.toLocalTime(), QLocale::ShortFormat);
    case Column::Count:
        break;
    }
    return {};
}

QVariant AuthoritySlotModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Kind:
        return tr("Kind");
    case Column::Status:
        return tr("Status");
    case Column::AuthorityId:
        return tr("Authority ID");
    case Column::Created:
        return tr("Created");
    case Column::Expires:
        return tr("Expires");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ta::models
