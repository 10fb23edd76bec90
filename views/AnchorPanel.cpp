// SPDX-License-Identifier: Apache-2.0
#include "views/AnchorPanel.h"

#include "core/FrontEndErrors.h"
#include "core/store/StoreErrors.h"
#include "views/AsyncFileDialog.h"

#include "models/AnchorImporter.h"
#include "models/AnchorModel.h"
#include "models/Document.h"
#include "views/AnchorDetails.h"
#include "views/AnchorEntryDialog.h"
#include "views/ErrorMessages.h"

#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace ta::views {

using core::AnchorList;
using models::AnchorModel;

AnchorPanel::AnchorPanel(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("anchorPanel"));
    m_model = new AnchorModel(document, this);
    m_byKind = new QSortFilterProxyModel(this);
    m_byKind->setSourceModel(m_model);
    m_byKind->setFilterRole(int(AnchorModel::Role::KindName));
    m_byText = new QSortFilterProxyModel(this);
    m_byText->setSourceModel(m_byKind);
    m_byText->setFilterKeyColumn(-1);
    m_byText->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_byText->setSortRole(int(AnchorModel::Role::Sort));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("anchorFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, issuer, digest, ID…"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("Fi&lter:"), this);
    filterLabel->setBuddy(m_filter);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("anchorKindFilter"));
    m_kind->addItem(tr("All kinds"), QString());
    for (AnchorList list : {AnchorList::Anchors, AnchorList::ReferenceValues}) {
        for (const QString &kind : AnchorModel::kindNames(list))
            m_kind->addItem(AnchorModel::kindText(kind), kind);
    }
    auto *kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(kindLabel);
    top->addWidget(m_kind);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_view = new QTreeView(split);
    m_view->setObjectName(QStringLiteral("anchors"));
    m_view->setModel(m_byText);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // stored order until a header is clicked
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnHidden(int(AnchorModel::Column::Id), true);
    // Fit the short columns to what they hold whenever rows arrive; the user may still drag them.
    auto fitColumns = [this] {
        for (auto c :
             {AnchorModel::Column::Kind, AnchorModel::Column::Name, AnchorModel::Column::Validity})
            m_view->resizeColumnToContents(int(c));
    };
    connect(m_byText, &QAbstractItemModel::modelReset, this, fitColumns);
    // New evidence results: a token may be used now, an entry may have verified more records.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this, fitColumns] {
        fitColumns();
        updateCurrent();
    });
    connect(m_byText, &QAbstractItemModel::rowsInserted, this, fitColumns);
    fitColumns();
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_details = new AnchorDetails(split);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("anchorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    const auto action = [this](const QString &text, const QString &tip, const QKeySequence &keys,
                               Qt::ShortcutContext context = Qt::WindowShortcut) {
        auto *a = new QAction(text, this);
        a->setToolTip(tip);
        a->setShortcut(keys);
        a->setShortcutContext(context);
        m_view->addAction(a);
        return a;
    };
    m_newAnchor = action(tr("New &Trust Anchor…"), tr("Add a trust anchor (undoable)"),
                         QKeySequence(tr("Ctrl+Shift+A")));
    m_newReference =
        action(tr("New &Reference Value…"), tr("Add a golden PCR value or an image digest"),
               QKeySequence(tr("Ctrl+Shift+R")));
    // Edit and Remove act on the selection, so they only answer while the list has focus.
    m_edit = action(tr("&Edit…"), tr("Edit the selected entry (undoable)"),
                    QKeySequence(Qt::Key_F2), Qt::WidgetWithChildrenShortcut);
    m_remove = action(tr("Re&move"), tr("Remove the selected entry (undoable)"),
                      QKeySequence::Delete, Qt::WidgetWithChildrenShortcut);
    m_separator = new QAction(this);
    m_separator->setSeparator(true);
    m_view->addAction(m_separator);
    m_import = action(tr("&Import Anchors…"),
                      tr("Import an anchors file; a file with a bad entry imports nothing"),
                      QKeySequence(tr("Ctrl+Shift+I")));
    m_export = action(tr("E&xport Anchors…"), tr("Write every entry to an anchors file"),
                      QKeySequence(tr("Ctrl+Shift+E")));

    connect(m_filter, &QLineEdit::textChanged, m_byText,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const QString kind = m_kind->currentData().toString();
        m_byKind->setFilterRegularExpression(
            kind.isEmpty() ? QRegularExpression()
                           : QRegularExpression(QRegularExpression::anchoredPattern(
                                 QRegularExpression::escape(kind))));
    });
    connect(m_newAnchor, &QAction::triggered, this, [this] { newEntry(AnchorList::Anchors); });
    connect(m_newReference, &QAction::triggered, this,
            [this] { newEntry(AnchorList::ReferenceValues); });
    connect(m_edit, &QAction::triggered, this, &AnchorPanel::editCurrent);
    connect(m_remove, &QAction::triggered, this, &AnchorPanel::removeCurrent);
    connect(m_import, &QAction::triggered, this, &AnchorPanel::chooseImport);
    connect(m_export, &QAction::triggered, this, &AnchorPanel::chooseExport);
    connect(m_view, &QTreeView::activated, this, &AnchorPanel::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AnchorPanel::updateCurrent);
    connect(m_byText, &QAbstractItemModel::layoutChanged, this, &AnchorPanel::updateCurrent);
    connect(m_byText, &QAbstractItemModel::rowsRemoved, this, &AnchorPanel::updateCurrent);
    connect(m_byText, &QAbstractItemModel::rowsInserted, this, &AnchorPanel::updateCurrent);
    // An edit of the current entry changes its row in place: show the new form.
    connect(m_byText, &QAbstractItemModel::dataChanged, this, &AnchorPanel::updateCurrent);
    // The import reads and checks the file on a worker and stores it; the panel shows how it
    // went.
    m_importer = new models::AnchorImporter(document, this);
    connect(m_importer, &models::AnchorImporter::started, this,
            [this](const QString &title, const QFuture<void> &future) {
                Q_EMIT workStarted(title, future);
            });
    connect(m_importer, &models::AnchorImporter::imported, this,
            [this](const QString &path, qint64 entries) {
                report(tr("Imported %n entry(ies) from %1. Undo takes the import back.", nullptr,
                          int(entries))
                           .arg(QFileInfo(path).fileName()),
                       false);
            });
    connect(m_importer, &models::AnchorImporter::importFailed, this,
            [this](const QString &, const core::Error &error, const QString &kind) {
                importFailed(error, kind);
            });
    if (m_model->loadError())
        report(ErrorMessages::text(*m_model->loadError()), true);
    updateCurrent();
}

QList<QAction *> AnchorPanel::menuActions() const
{
    return {m_newAnchor, m_newReference, m_edit, m_remove, m_separator, m_import, m_export};
}

AnchorEntryDialog *AnchorPanel::openDialog() const
{
    return m_dialog;
}

QString AnchorPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void AnchorPanel::report(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    m_message->setVisible(!text.isEmpty());
}

int AnchorPanel::currentRow() const
{
    const QModelIndex index = m_view->selectionModel()->currentIndex();
    return index.isValid() ? m_byKind->mapToSource(m_byText->mapToSource(index)).row() : -1;
}

std::pair<AnchorList, QString> AnchorPanel::current() const
{
    const int row = currentRow();
    return row < 0 ? std::pair(AnchorList::Anchors, QString())
                   : std::pair(m_model->listAt(row), m_model->idAt(row));
}

void AnchorPanel::setCurrent(AnchorList list, const QString &id)
{
    const int row = id.isEmpty() ? -1 : m_model->rowOf(list, id);
    if (row < 0)
        return;
    const QModelIndex index =
        m_byText->mapFromSource(m_byKind->mapFromSource(m_model->index(row, 0)));
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
}

void AnchorPanel::updateCurrent()
{
    const int row = currentRow();
    m_edit->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_details->showEntry(*m_model, row);
}

void AnchorPanel::openEntryDialog(AnchorEntryDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_chooseFile)
        dialog->setFileChooser([this](const QString &title) { return m_chooseFile(false, title); });
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setCurrent(dialog->list(), dialog->savedId());
        report(tr("Saved %1. Undo takes it back.").arg(dialog->savedId()), false);
    });
    dialog->open();
}

void AnchorPanel::newEntry(AnchorList list)
{
    if (m_document)
        openEntryDialog(new AnchorEntryDialog(m_document, list, this));
}

void AnchorPanel::editCurrent()
{
    const int row = currentRow();
    if (!m_document || row < 0)
        return;
    openEntryDialog(
        new AnchorEntryDialog(m_document, m_model->listAt(row), m_model->documentAt(row), this));
}

void AnchorPanel::removeCurrent()
{
    const auto [list, id] = current();
    if (!m_document || id.isEmpty())
        return;
    auto r = list == AnchorList::Anchors ? m_document->removeAnchor(id)
                                         : m_document->removeReferenceValue(id);
    if (r)
        report(tr("Removed %1. Undo puts it back.").arg(id), false);
    else
        report(ErrorMessages::text(r.error()), true);
}

void AnchorPanel::chooseImport()
{
    if (m_chooseFile) {
        if (const QString path = m_chooseFile(false, tr("Import Anchors")); !path.isEmpty())
            importFile(path);
        return;
    }
    AsyncFileDialog::ask(this, AsyncFileDialog::Mode::Open, tr("Import Anchors"),
                         tr("Anchors files (*.json);;All files (*)"),
                         [this](const QString &path) { importFile(path); });
}

void AnchorPanel::chooseExport()
{
    if (m_chooseFile) {
        if (const QString path = m_chooseFile(true, tr("Export Anchors")); !path.isEmpty())
            exportFile(path);
        return;
    }
    AsyncFileDialog::ask(this, AsyncFileDialog::Mode::Save, tr("Export Anchors"),
                         tr("Anchors files (*.json);;All files (*)"),
                         [this](const QString &path) { exportFile(path); });
}

void AnchorPanel::importFile(const QString &path)
{
    if (m_document)
        (void)m_importer->importFile(path);
}

bool AnchorPanel::isImporting() const
{
    return m_importer->isBusy();
}

void AnchorPanel::importFailed(const core::Error &e, const QString &kind)
{
    // Cancelled from the status bar: nothing was stored, and that needs no message.
    if (e.code == core::ec::StoreCancelled)
        return;
    if (e.code == core::ec::StoreUnreadable) {
        report(ErrorMessages::text(e), true);
        return;
    }
    if (e.index >= 0) {
        QString entry = QStringLiteral("%1[%2]").arg(e.list).arg(e.index);
        if (!kind.isEmpty())
            entry += QStringLiteral(" (%1)").arg(kind);
        report(e.field.isEmpty()
                   ? tr("Nothing was imported. Entry %1: %2").arg(entry, ErrorMessages::text(e))
                   : tr("Nothing was imported. Entry %1: %2 (%3)")
                         .arg(entry, ErrorMessages::text(e), e.field),
               true);
        return;
    }
    if (e.line > 0) {
        report(tr("Nothing was imported. Line %1: %2").arg(e.line).arg(ErrorMessages::text(e)),
               true);
        return;
    }
    report(tr("Nothing was imported: %1").arg(ErrorMessages::text(e)), true);
}

void AnchorPanel::exportFile(const QString &path)
{
    if (!m_document)
        return;
    auto set = m_document->anchors();
    if (!set) {
        report(ErrorMessages::text(set.error()), true);
        return;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(set->toJson()).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        report(ErrorMessages::text(core::makeError(core::ec::IoUnwritable, path)), true);
        return;
    }
    report(tr("Exported %n entry(ies) to %1; join tokens as their SHA-256 only.", nullptr,
              int(set->anchors().size() + set->referenceValues().size()))
               .arg(QFileInfo(path).fileName()),
           false);
}

} // namespace ta::views
