// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/WhatIfReport.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QTreeView;
QT_END_NAMESPACE

namespace ta::models {
class Document;
class EntryDraft;
class PolicyDraft;
class WhatIfModel;
} // namespace ta::models

namespace ta::views {

/// What-if over the whole evidence timeline: the user picks a base rule set and a candidate,
/// each a saved policy version, a saved registration-entry version, or the policy studio's
/// unsaved edit of either (candidate only), runs the comparison on a
/// worker with progress and Cancel, and reads per subject the identities gained, lost and
/// changed and the first divergence instant, with the totals. Activating a row (Enter,
/// double-click, or a click on its divergence instant) asks to move the timeline there.
///
/// Keys: F5 runs, Escape cancels a run, Enter on a row moves the timeline. Nothing here edits
/// the workspace, so nothing goes on the undo stack.
class WhatIfView : public QWidget
{
    Q_OBJECT

public:
    explicit WhatIfView(models::Document *document, QWidget *parent = nullptr);

    /// The policy studio's working copy, offered as the candidate "unsaved edit" (null: none).
    void setDraft(models::PolicyDraft *draft);
    /// The studio's working copy of the registration entries, offered as the candidate
    /// "unsaved entries" (null: none).
    void setEntryDraft(models::EntryDraft *draft);

    models::WhatIfModel *model() const { return m_model; }
    QComboBox *baseBox() const { return m_base; }
    QComboBox *candidateBox() const { return m_candidate; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QTreeView *table() const { return m_table; }
    QLabel *totalsLabel() const { return m_totals; }
    QLabel *statusLabel() const { return m_status; }

    /// The candidate entry that stands for the studio's unsaved edit.
    static constexpr int unsavedEdit = -1;
    /// The pickers' item role that is true for registration entries (saved versions or the
    /// unsaved edit), false for policies; Qt::UserRole holds the version (or unsavedEdit).
    static constexpr int EntriesRole = Qt::UserRole + 1;

public Q_SLOTS:
    /// Reads the saved versions again into both pickers, keeping the choices that still exist.
    void refreshVersions();
    /// Starts the comparison of the picked policy sets; false (and a message) when it cannot.
    bool run();
    void cancel();

Q_SIGNALS:
    /// The user asked to see @p at on the timeline (a subject's first divergence).
    void instantActivated(const QDateTime &at);
    /// A run finished: its report and what it compared, for the audit report.
    void reportReady(const ta::core::WhatIfReport &report, const QString &label);

private:
    void onActivated(const QModelIndex &index);
    void onFinished();
    void updateControls();
    QString sideText(const QComboBox *box) const;
    /// The rule set @p box picks, compiled.
    core::Result<core::RuleSet> rulesOf(const QComboBox *box) const;

    QPointer<models::Document> m_document;
    QPointer<models::PolicyDraft> m_draft;
    QPointer<models::EntryDraft> m_entryDraft;
    models::WhatIfModel *m_model = nullptr;
    QComboBox *m_base = nullptr;
    QComboBox *m_candidate = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeView *m_table = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ta::views
