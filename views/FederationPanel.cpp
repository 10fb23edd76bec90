// SPDX-License-Identifier: Apache-2.0
#include "views/FederationPanel.h"

#include "core/spiffe/TrustBundle.h"
#include "models/Document.h"
#include "models/FederationModel.h"
#include "models/FederationRefreshScheduler.h"
#include "views/ErrorMessages.h"
#include "views/FederationDialog.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ta::views {

using models::FederationModel;
using State = models::FederationRefreshStatus::State;

FederationPanel::FederationPanel(models::Document *document,
                                 models::FederationRefreshScheduler *scheduler, QWidget *parent)
    : QWidget(parent), m_document(document), m_scheduler(scheduler)
{
    m_model = new FederationModel(document, scheduler, this);
    m_model->setErrorText([](const core::Error &e) { return ErrorMessages::text(e); });
    m_model->setStateIcon(State::Fetching, style()->standardIcon(QStyle::SP_BrowserReload));
    m_model->setStateIcon(State::Succeeded, style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_model->setStateIcon(State::Failed, style()->standardIcon(QStyle::SP_MessageBoxWarning));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(tools);

    // The shortcuts act while the panel has focus, so that Delete in another table stays its own.
    auto action = [this, tools](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        tools->addAction(a);
        return a;
    };
    m_add = action(tr("&Add…"), QKeySequence(Qt::Key_Insert), &FederationPanel::addRelationship);
    m_edit = action(tr("&Edit…"), QKeySequence(Qt::Key_F2), &FederationPanel::editRelationship);
    m_remove = action(tr("&Remove"), QKeySequence::Delete, &FederationPanel::removeRelationship);
    m_refresh =
        action(tr("Refresh &Now"), QKeySequence::Refresh, &FederationPanel::refreshSelected);
    tools->addSeparator();
    m_auto = new QAction(tr("Refresh &Automatically"), this);
    m_auto->setCheckable(true);
    m_auto->setChecked(scheduler && scheduler->isEnabled());
    m_auto->setEnabled(scheduler != nullptr);
    m_auto->setToolTip(tr("Fetch each peer's bundle again when its refresh hint says"));
    connect(m_auto, &QAction::toggled, this, [this](bool on) {
        if (m_scheduler)
            m_scheduler->setEnabled(on);
        Q_EMIT autoRefreshChanged(on);
    });
    tools->addAction(m_auto);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("federationTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this, &FederationPanel::editRelationship);
    m_history = new QTreeWidget(split);
    m_history->setObjectName(QStringLiteral("bundleHistory"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("Sequence"), tr("Fetched"), tr("Refresh Hint"), tr("Keys")});
    // Small minimums: the dock shares the bottom strip, and the graph needs the height.
    m_table->setMinimumHeight(48);
    m_history->setMinimumHeight(32);
    split->addWidget(m_table);
    split->addWidget(m_history);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showHistory();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateActions();
        showHistory();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FederationPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &FederationPanel::updateActions);
    if (const auto e = m_model->loadError()) {
        m_error->setText(ErrorMessages::text(*e));
        m_error->setVisible(true);
    }
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_table->resizeColumnsToContents();
    updateActions();
}

int FederationPanel::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

bool FederationPanel::selectRelationship(const QString &localTrustDomain, const QString &peer)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto &r = m_model->relationship(row);
        if (r.localTrustDomain.name() == localTrustDomain && r.peerTrustDomain.name() == peer) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void FederationPanel::updateActions()
{
    const int row = currentRow();
    const bool haveDocument =
        !m_document.isNull() && !m_document->workspace().trustDomainNames().isEmpty();
    m_add->setEnabled(haveDocument);
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    const bool fetching =
        row >= 0 && m_model->index(row, 0).data(int(FederationModel::Role::State)).toInt() ==
                        int(State::Fetching);
    m_refresh->setEnabled(row >= 0 && m_scheduler && !fetching);
}

void FederationPanel::showHistory()
{
    m_history->clear();
    const int row = currentRow();
    if (row < 0 || !m_document)
        return;
    const core::FederationRelationship &r = m_model->relationship(row);
    auto history = m_model->bundleHistory(row);
    if (!history) {
        auto *item = new QTreeWidgetItem(m_history);
        item->setText(0, ErrorMessages::text(history.error()));
        return;
    }
    for (const core::FetchedBundle &b : std::as_const(*history)) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, QString::number(b.sequence));
        item->setText(1, b.fetchedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
        item->setText(2, b.refreshHint ? tr("%n s", nullptr, int(*b.refreshHint)) : tr("none"));
        auto bundle = core::TrustBundle::fromJwks(r.peerTrustDomain, b.json);
        item->setText(3, bundle ? QString::number(bundle->x509Authorities().size() +
                                                  bundle->jwtAuthorities().size())
                                : ErrorMessages::text(bundle.error()));
        // Newest first: the held bundle is at the top.
        m_history->insertTopLevelItem(0, item);
    }
}

void FederationPanel::addRelationship()
{
    if (!m_document || m_dialog)
        return;
    m_dialog = new FederationDialog(m_document, m_trustDomain, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
        if (auto r = dialog->relationship())
            selectRelationship(r->localTrustDomain.name(), r->peerTrustDomain.name());
        Q_EMIT message(tr("Federation relationship added. Undo removes it."));
    });
    m_dialog->open();
}

void FederationPanel::editRelationship()
{
    const int row = currentRow();
    if (!m_document || row < 0 || m_dialog)
        return;
    m_dialog = new FederationDialog(m_document, m_model->relationship(row), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->open();
}

void FederationPanel::removeRelationship()
{
    const int row = currentRow();
    if (!m_document || row < 0)
        return;
    const core::FederationRelationship r = m_model->relationship(row);
    if (auto done =
            m_document->removeFederation(r.localTrustDomain.name(), r.peerTrustDomain.name());
        !done) {
        Q_EMIT message(ErrorMessages::text(done.error()));
        return;
    }
    Q_EMIT message(tr("Removed the federation of %1 with %2 and its fetched bundles. Undo brings "
                      "them back.")
                       .arg(r.localTrustDomain.name(), r.peerTrustDomain.name()));
}

void FederationPanel::refreshSelected()
{
    const int row = currentRow();
    if (!m_scheduler || row < 0)
        return;
    m_scheduler->refreshNow(m_model->relationship(row).id);
}

} // namespace ta::views
