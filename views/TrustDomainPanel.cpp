// SPDX-License-Identifier: Apache-2.0
#include "views/TrustDomainPanel.h"

#include "models/TrustDomainModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ta::views {

TrustDomainPanel::TrustDomainPanel(models::Document *document, QWidget *parent) : QWidget(parent)
{
    m_model = new models::TrustDomainModel(document, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("trustDomains"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TrustDomainPanel::emitCurrent);
    // Edits insert and remove rows, so the selection stays where it was; the first trust domain
    // made in an empty workspace becomes the current one.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_view->selectionModel()->currentIndex().isValid()) {
            setCurrentTrustDomain(m_current);
            emitCurrent();
        }
    });
    setCurrentTrustDomain({});
    emitCurrent();
}

QString TrustDomainPanel::currentTrustDomain() const
{
    return m_current;
}

void TrustDomainPanel::setCurrentTrustDomain(const QString &name)
{
    int row = m_model->rowOf(name);
    QModelIndex index;
    if (row >= 0)
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    else if (m_proxy->rowCount() > 0)
        index = m_proxy->index(0, 0);
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
}

void TrustDomainPanel::emitCurrent()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const QString name =
        current.isValid()
            ? current.siblingAtColumn(0).data(int(models::TrustDomainModel::Role::Name)).toString()
            : QString();
    if (name == m_current)
        return;
    m_current = name;
    Q_EMIT currentTrustDomainChanged(name);
}

} // namespace ta::views
