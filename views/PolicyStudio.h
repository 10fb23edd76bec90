// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/WhatIfReport.h"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;
QT_END_NAMESPACE

namespace ta::models {
class Document;
class EntryDraft;
class EntryListModel;
class PolicyDraft;
class PolicyListModel;
class PolicyResimulator;
} // namespace ta::models

namespace ta::views {

class CelEditor;

/// Authoring of the workspace's policy set: the list of policies (add, duplicate, remove,
/// reorder), a form for the non-CEL fields, the condition in a CelEditor, save as a rule
/// version with a comment, the list of versions, and live re-simulation: each edit replays the
/// recorded evidence under the saved and the edited rules and lists the subjects that gain or
/// lose identities, and when. Every edit is on the document's undo stack.
class PolicyStudio : public QWidget
{
    Q_OBJECT

public:
    explicit PolicyStudio(models::Document *document, QWidget *parent = nullptr);

    models::PolicyDraft *draft() const { return m_draft; }
    models::PolicyResimulator *resimulator() const { return m_resim; }
    models::PolicyListModel *listModel() const { return m_model; }
    QListView *policyList() const { return m_list; }
    CelEditor *conditionEditor() const { return m_condition; }
    QLabel *diagnosticLabel() const { return m_diagnostic; }
    QLabel *simulationStatus() const { return m_simStatus; }
    QTreeWidget *differenceTree() const { return m_diff; }
    QTreeWidget *versionList() const { return m_versions; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *commentEdit() const { return m_comment; }
    QPushButton *saveButton() const { return m_save; }
    QAction *addAction() const { return m_add; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *removeAction() const { return m_remove; }
    QAction *moveUpAction() const { return m_up; }
    QAction *moveDownAction() const { return m_down; }

    models::EntryDraft *entryDraft() const { return m_entryDraft; }
    models::EntryListModel *entryModel() const { return m_entryModel; }
    QListView *entryList() const { return m_entryList; }
    /// 0: policies, 1: registration entries.
    QTabWidget *kindTabs() const { return m_kinds; }
    QAction *addEntryAction() const { return m_addEntry; }
    QAction *duplicateEntryAction() const { return m_duplicateEntry; }
    QAction *removeEntryAction() const { return m_removeEntry; }
    QAction *moveEntryUpAction() const { return m_entryUp; }
    QAction *moveEntryDownAction() const { return m_entryDown; }
    QLineEdit *entrySelectorsEdit() const { return m_entrySelectors; }
    QLineEdit *entryParentEdit() const { return m_entryParent; }
    int currentEntryRow() const;
    void setCurrentEntryRow(int row);

    int currentRow() const;
    void setCurrentRow(int row);
    /// Saves the draft as a version with the comment typed; false (and a message) on refusal.
    bool save();

public Q_SLOTS:
    /// Shows the rule @p rule, a graph rule node ID ("rule/policy/NAME", "rule/entry/ID") or a
    /// policy name: its tab, its row selected and its form. False when the draft has none such.
    bool selectRule(const QString &rule);

Q_SIGNALS:
    /// A re-simulation of the edited rules finished.
    void resimulated(const ta::core::WhatIfReport &report);

private:
    QWidget *buildForm();
    /// Reads the timeline into the re-simulator (prepare()) and says how many records it holds;
    /// false, with the reason shown, when it cannot.
    bool prepareResimulation();
    QWidget *buildEntryForm();
    QWidget *buildEntryList();
    void showEntry();
    void editEntryField(int field);
    void onEntriesChanged(int row);
    bool editingEntries() const;
    void showPolicy();
    void editField(int field);
    void onDraftChanged(int row);
    void updateActions();
    void refreshVersions();
    void showReport(const core::WhatIfReport &report);

    QPointer<models::Document> m_document;
    models::PolicyDraft *m_draft = nullptr;
    models::PolicyListModel *m_model = nullptr;
    models::PolicyResimulator *m_resim = nullptr;
    bool m_filling = false;

    QListView *m_list = nullptr;
    QAction *m_add = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_up = nullptr;
    QAction *m_down = nullptr;
    QWidget *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_effect = nullptr;
    QLineEdit *m_trustDomain = nullptr;
    QLineEdit *m_template = nullptr;
    QSpinBox *m_x509Ttl = nullptr;
    QSpinBox *m_jwtTtl = nullptr;
    QLineEdit *m_dnsNames = nullptr;
    QLineEdit *m_federatesWith = nullptr;
    CelEditor *m_condition = nullptr;
    QLabel *m_diagnostic = nullptr;
    QLabel *m_simStatus = nullptr;
    QTreeWidget *m_diff = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_save = nullptr;
    QTreeWidget *m_versions = nullptr;

    models::EntryDraft *m_entryDraft = nullptr;
    models::EntryListModel *m_entryModel = nullptr;
    QTabWidget *m_kinds = nullptr;
    QStackedWidget *m_forms = nullptr;
    QListView *m_entryList = nullptr;
    QAction *m_addEntry = nullptr;
    QAction *m_duplicateEntry = nullptr;
    QAction *m_removeEntry = nullptr;
    QAction *m_entryUp = nullptr;
    QAction *m_entryDown = nullptr;
    QWidget *m_entryForm = nullptr;
    QLineEdit *m_entrySpiffeId = nullptr;
    QLineEdit *m_entryParent = nullptr;
    QLineEdit *m_entrySelectors = nullptr;
    QSpinBox *m_entryX509Ttl = nullptr;
    QSpinBox *m_entryJwtTtl = nullptr;
    QLineEdit *m_entryDnsNames = nullptr;
    QLineEdit *m_entryFederatesWith = nullptr;
    QCheckBox *m_entryAdmin = nullptr;
    QCheckBox *m_entryDownstream = nullptr;
};

} // namespace ta::views
