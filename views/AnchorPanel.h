// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/AttestationStore.h"

#include <QFuture>
#include <QPointer>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
QT_END_NAMESPACE

namespace ta::models {
class AnchorImporter;
class AnchorModel;
class Document;
} // namespace ta::models

namespace ta::views {

class AnchorDetails;
class AnchorEntryDialog;

/// The workspace's trust anchors and reference values: filter by text and kind, the selected
/// entry's details, and the edits (import, new, edit, remove, export). Every edit goes through
/// the document's undo stack; nothing is imported from a file with a bad entry.
class AnchorPanel : public QWidget
{
    Q_OBJECT

public:
    /// Asks for a file to open (@p save false) or to write; empty when cancelled.
    using FileChooser = std::function<QString(bool save, const QString &title)>;

    explicit AnchorPanel(models::Document *document, QWidget *parent = nullptr);

    /// Replaces the file dialogs (tests use a fixed path). Without one, a window-modal
    /// QFileDialog opens with open() and the work follows its answer: no nested event loop.
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// Whether an anchors file is being read and checked on a worker (until its entries were
    /// stored, or dropped).
    bool isImporting() const;

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *kindFilter() const { return m_kind; }
    AnchorDetails *details() const { return m_details; }
    QAction *importAction() const { return m_import; }
    QAction *newAnchorAction() const { return m_newAnchor; }
    QAction *newReferenceValueAction() const { return m_newReference; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *exportAction() const { return m_export; }
    /// The actions in menu order, separators included.
    QList<QAction *> menuActions() const;
    /// The dialog now open, or nullptr.
    AnchorEntryDialog *openDialog() const;
    QString message() const;

    /// Imports the anchors file at @p path through models::AnchorImporter: all of it or, on a
    /// bad entry, nothing. The file is read and checked on a worker; the entries are stored (one
    /// undo step) on the GUI thread when it returns, unless it was cancelled. Ignored while an
    /// import runs.
    void importFile(const QString &path);
    /// Writes every entry to @p path in the anchors file form.
    void exportFile(const QString &path);
    /// Selects the entry @p id of @p list.
    void setCurrent(core::AnchorList list, const QString &id);
    /// The list and ID of the selected entry (an empty ID when there is none).
    std::pair<core::AnchorList, QString> current() const;

Q_SIGNALS:
    /// An import started on a worker (for the status bar's progress and Cancel).
    void workStarted(const QString &title, QFuture<void> future);

private:
    void importFailed(const core::Error &error, const QString &kind);
    void openEntryDialog(AnchorEntryDialog *dialog);
    void newEntry(core::AnchorList list);
    void editCurrent();
    void removeCurrent();
    void chooseImport();
    void chooseExport();
    void updateCurrent();
    void report(const QString &text, bool error);
    int currentRow() const;

    QPointer<models::Document> m_document;
    models::AnchorModel *m_model = nullptr;
    QSortFilterProxyModel *m_byKind = nullptr;
    QSortFilterProxyModel *m_byText = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_kind = nullptr;
    QTreeView *m_view = nullptr;
    AnchorDetails *m_details = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_import = nullptr;
    QAction *m_newAnchor = nullptr;
    QAction *m_newReference = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_export = nullptr;
    QAction *m_separator = nullptr;
    QPointer<AnchorEntryDialog> m_dialog;
    FileChooser m_chooseFile;
    models::AnchorImporter *m_importer = nullptr;
};

} // namespace ta::views
