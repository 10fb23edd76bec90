// SPDX-License-Identifier: Apache-2.0
#include "views/AuthorityPanel.h"

#include "models/AuthorityPreparer.h"
#include "models/AuthoritySlotModel.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ta::views {

using models::AuthoritySlotModel;

AuthorityPanel::AuthorityPanel(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    m_model = new AuthoritySlotModel(document, this);
    m_preparer = new models::AuthorityPreparer(document, this);
    connect(m_preparer, &models::AuthorityPreparer::finished, this,
            [this](const std::optional<core::Error> &error, bool) {
                report(error ? ErrorMessages::text(*error) : QString());
                updateActions();
            });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_prepareX509 = toolbar->addAction(tr("Prepare &X.509"));
    m_prepareX509->setToolTip(tr("Prepare a new X.509 authority (published in the bundle at once; "
                                 "cannot be undone)"));
    m_prepareJwt = toolbar->addAction(tr("Prepare &JWT"));
    m_prepareJwt->setToolTip(tr("Prepare a new JWT authority (published in the bundle at once; "
                                "cannot be undone)"));
    toolbar->addSeparator();
    m_activate = toolbar->addAction(tr("&Activate"));
    m_activate->setToolTip(tr("Make the selected prepared authority the one that signs"));
    m_taint = toolbar->addAction(tr("&Taint"));
    m_taint->setToolTip(tr("Mark the selected old authority so its credentials are re-issued"));
    m_revoke = toolbar->addAction(tr("&Revoke"));
    m_revoke->setToolTip(tr("Remove the selected tainted authority from the bundle for good"));
    layout->addWidget(toolbar);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("authoritySlots"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(int(AuthoritySlotModel::Column::AuthorityId),
                                                     QHeaderView::Stretch);
    layout->addWidget(m_view);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("authorityMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };

    connect(m_prepareX509, &QAction::triggered, this,
            [this] { prepare(core::AuthorityKind::X509); });
    connect(m_prepareJwt, &QAction::triggered, this, [this] { prepare(core::AuthorityKind::Jwt); });
    connect(m_activate, &QAction::triggered, this, &AuthorityPanel::activate);
    connect(m_taint, &QAction::triggered, this, &AuthorityPanel::taint);
    connect(m_revoke, &QAction::triggered, this, &AuthorityPanel::revoke);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AuthorityPanel::updateActions);
    // Edits change rows in place: what the selected slot allows changes with them.
    const auto update = [this] { updateActions(); };
    connect(m_model, &QAbstractItemModel::modelReset, this, update);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, update);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, update);
    connect(m_model, &QAbstractItemModel::dataChanged, this, update);
    updateActions();
}

void AuthorityPanel::setTrustDomain(const QString &name)
{
    m_model->setTrustDomain(name);
    m_message->hide();
    updateActions();
}

QString AuthorityPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString AuthorityPanel::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty()
               ? QString()
               : rows.first().data(int(AuthoritySlotModel::Role::AuthorityId)).toString();
}

void AuthorityPanel::updateActions()
{
    const bool haveDomain = !m_model->trustDomain().isEmpty();
    // One preparation at a time: its key is being generated on a worker.
    m_prepareX509->setEnabled(haveDomain && !m_preparer->isBusy());
    m_prepareJwt->setEnabled(haveDomain && !m_preparer->isBusy());
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QModelIndex row = rows.isEmpty() ? QModelIndex() : rows.first();
    const auto status = core::SlotStatus(row.data(int(AuthoritySlotModel::Role::Status)).toInt());
    const bool tainted = row.data(int(AuthoritySlotModel::Role::Tainted)).toBool();
    m_activate->setEnabled(row.isValid() && status == core::SlotStatus::Prepared);
    m_taint->setEnabled(row.isValid() && status == core::SlotStatus::Old && !tainted);
    m_revoke->setEnabled(row.isValid() && tainted && status != core::SlotStatus::Revoked);
}

void AuthorityPanel::report(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void AuthorityPanel::prepare(core::AuthorityKind kind)
{
    const QString td = m_model->trustDomain();
    if (!m_document || td.isEmpty())
        return;
    if (!m_confirm(tr("Prepare Authority"),
                   tr("A new %1 authority of %2 is published in the bundle at once, and relying "
                      "parties may fetch it. This cannot be undone, and clears the undo history.")
                       .arg(AuthoritySlotModel::kindText(kind), td)))
        return;
    report(QString());
    m_preparer->start(td, kind);
    updateActions();
}

void AuthorityPanel::activate()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_document || rows.isEmpty())
        return;
    const auto kind =
        core::AuthorityKind(rows.first().data(int(AuthoritySlotModel::Role::Kind)).toInt());
    auto r = m_document->activateAuthority(m_model->trustDomain(), kind);
    report(r ? QString() : ErrorMessages::text(r.error()));
}

void AuthorityPanel::taint()
{
    const QString id = selectedId();
    if (!m_document || id.isEmpty())
        return;
    auto r = m_document->taintAuthority(m_model->trustDomain(), id);
    report(r ? QString() : ErrorMessages::text(r.error()));
}

void AuthorityPanel::revoke()
{
    const QString id = selectedId();
    const QString td = m_model->trustDomain();
    if (!m_document || id.isEmpty())
        return;
    if (!m_confirm(tr("Revoke Authority"),
                   tr("Authority %1 leaves the bundle of %2 for good, and everything it signed "
                      "stops validating. As in SPIRE, revocation is final: this cannot be undone, "
                      "and clears the undo history.")
                       .arg(id.left(16), td)))
        return;
    auto r = m_document->revokeAuthority(td, id);
    report(r ? QString() : ErrorMessages::text(r.error()));
}

} // namespace ta::views
