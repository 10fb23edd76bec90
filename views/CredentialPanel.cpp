// SPDX-License-Identifier: Apache-2.0
#include "views/CredentialPanel.h"

#include "models/CredentialModel.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ta::views {

using models::CredentialModel;

CredentialPanel::CredentialPanel(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    m_model = new CredentialModel(document, this);
    m_byDomain = new QSortFilterProxyModel(this);
    m_byDomain->setSourceModel(m_model);
    m_byDomain->setFilterRole(int(CredentialModel::Role::TrustDomain));
    m_byText = new QSortFilterProxyModel(this);
    m_byText->setSourceModel(m_byDomain);
    m_byText->setFilterKeyColumn(int(CredentialModel::Column::SpiffeId));
    m_byText->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_byText->setSortRole(int(CredentialModel::Role::Sort));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("credentialFilter"));
    m_filter->setPlaceholderText(tr("Filter by SPIFFE ID"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("F&ilter:"), this);
    filterLabel->setBuddy(m_filter);
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    layout->addLayout(top);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("credentials"));
    m_view->setModel(m_byText);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(int(CredentialModel::Column::Expires), Qt::DescendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(int(CredentialModel::Column::SpiffeId),
                                           QHeaderView::Stretch);
    m_view->setColumnHidden(int(CredentialModel::Column::TrustDomain), true);
    m_view->setColumnHidden(int(CredentialModel::Column::Serial), true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_revoke = new QAction(tr("Re&voke Credential"), this);
    m_revoke->setToolTip(tr("Mark the selected credential revoked in this workspace (undoable)"));
    m_view->addAction(m_revoke);

    connect(m_filter, &QLineEdit::textChanged, m_byText,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_revoke, &QAction::triggered, this, &CredentialPanel::revoke);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CredentialPanel::emitCurrent);
    // Edits update rows in place (no reset), so the selection stays; a revocation changes what
    // the actions offer.
    connect(m_byText, &QAbstractItemModel::dataChanged, this, &CredentialPanel::updateActions);
    connect(m_byText, &QAbstractItemModel::layoutChanged, this, &CredentialPanel::updateActions);
    emitCurrent();
}

void CredentialPanel::setTrustDomain(const QString &name)
{
    // With no trust domain nothing is shown rather than everything: "(?!)" never matches.
    m_byDomain->setFilterRegularExpression(
        name.isEmpty() ? QRegularExpression(QStringLiteral("(?!)"))
                       : QRegularExpression(QRegularExpression::anchoredPattern(
                             QRegularExpression::escape(name))));
    emitCurrent();
}

void CredentialPanel::setCurrentCredential(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index =
        m_byText->mapFromSource(m_byDomain->mapFromSource(m_model->index(row, 0)));
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
}

QString CredentialPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void CredentialPanel::emitCurrent()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const qint64 id =
        current.isValid() ? current.data(int(CredentialModel::Role::Id)).toLongLong() : 0;
    updateActions();
    if (id == m_current)
        return;
    m_current = id;
    Q_EMIT currentCredentialChanged(id);
}

void CredentialPanel::updateActions()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    bool revocable = false;
    if (current.isValid()) {
        const int row = m_byDomain->mapToSource(m_byText->mapToSource(current)).row();
        revocable = m_model->stateAt(row) != CredentialModel::State::Revoked;
    }
    m_revoke->setEnabled(revocable);
}

void CredentialPanel::revoke()
{
    if (!m_document || m_current == 0)
        return;
    auto r = m_document->revokeCredential(m_current);
    m_message->setText(r ? QString() : ErrorMessages::text(r.error()));
    m_message->setVisible(!r);
}

} // namespace ta::views
