// SPDX-License-Identifier: Apache-2.0
#include "views/WhatIfView.h"

#include "models/Document.h"
#include "models/EntryDraft.h"
#include "models/PolicyDraft.h"
#include "models/WhatIfModel.h"
#include "views/ErrorMessages.h"

#include "core/simulation/SimulationErrors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTreeView>
#include <QVBoxLayout>

namespace ta::views {

WhatIfView::WhatIfView(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new models::WhatIfModel(document, this))
{
    setObjectName(QStringLiteral("whatIfView"));
    auto *layout = new QVBoxLayout(this);

    auto *pickers = new QFormLayout;
    m_base = new QComboBox(this);
    m_base->setObjectName(QStringLiteral("whatIfBase"));
    m_candidate = new QComboBox(this);
    m_candidate->setObjectName(QStringLiteral("whatIfCandidate"));
    auto *baseLabel = new QLabel(tr("&Base:"), this);
    baseLabel->setBuddy(m_base);
    auto *candidateLabel = new QLabel(tr("C&andidate:"), this);
    candidateLabel->setBuddy(m_candidate);
    pickers->addRow(baseLabel, m_base);
    pickers->addRow(candidateLabel, m_candidate);
    layout->addLayout(pickers);

    auto *buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run What-If"), this);
    m_run->setObjectName(QStringLiteral("whatIfRun"));
    m_run->setToolTip(tr("Replay the whole evidence timeline under both policy sets (F5)"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("whatIfCancel"));
    m_cancel->setToolTip(tr("Stop the what-if run (Esc)"));
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    layout->addLayout(buttons);

    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("whatIfTotals"));
    m_totals->setWordWrap(true);
    layout->addWidget(m_totals);

    m_table = new QTreeView(this);
    m_table->setObjectName(QStringLiteral("whatIfTable"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAllColumnsShowFocus(true);
    m_table->setModel(m_model);
    m_table->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->header()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("whatIfStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *runKey = new QShortcut(QKeySequence(Qt::Key_F5), this);
    runKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runKey, &QShortcut::activated, this, &WhatIfView::run);
    auto *cancelKey = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelKey, &QShortcut::activated, this, &WhatIfView::cancel);

    connect(m_run, &QPushButton::clicked, this, &WhatIfView::run);
    connect(m_cancel, &QPushButton::clicked, this, &WhatIfView::cancel);
    // A click on a divergence instant, or Enter / double-click anywhere on the row.
    connect(m_table, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == models::WhatIfModel::DivergedColumn)
            onActivated(index);
    });
    connect(m_table, &QAbstractItemView::activated, this, &WhatIfView::onActivated);

    connect(m_model, &models::WhatIfModel::started, this, [this] {
        m_progress->setRange(0, 0);
        m_status->setText(tr("Replaying the evidence timeline under both policy sets…"));
        updateControls();
    });
    connect(m_model, &models::WhatIfModel::progressChanged, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_model, &models::WhatIfModel::finished, this, &WhatIfView::onFinished);
    connect(m_model, &models::WhatIfModel::failed, this, [this](const core::Error &error) {
        m_status->setText(tr("The what-if failed: %1").arg(ErrorMessages::text(error)));
        updateControls();
    });
    connect(m_model, &models::WhatIfModel::cancelled, this, [this] {
        m_status->setText(m_model->report()
                              ? tr("What-if cancelled; the table still shows the previous result.")
                              : tr("What-if cancelled."));
        updateControls();
    });

    m_totals->setText(tr("Pick two policy sets and run the what-if."));
    refreshVersions();
    updateControls();
}

void WhatIfView::setDraft(models::PolicyDraft *draft)
{
    if (m_draft)
        m_draft->disconnect(this);
    m_draft = draft;
    if (draft)
        connect(draft, &models::PolicyDraft::saved, this, &WhatIfView::refreshVersions);
    // The choice made without a draft is forgotten: the unsaved edit becomes the candidate.
    m_candidate->setCurrentIndex(-1);
    refreshVersions();
}

void WhatIfView::setEntryDraft(models::EntryDraft *draft)
{
    if (m_entryDraft)
        m_entryDraft->disconnect(this);
    m_entryDraft = draft;
    if (draft)
        connect(draft, &models::EntryDraft::saved, this, &WhatIfView::refreshVersions);
    refreshVersions();
}

QString WhatIfView::sideText(const QComboBox *box) const
{
    const int version = box->currentData().toInt();
    if (box->currentData(EntriesRole).toBool())
        return version == unsavedEdit ? tr("the policy studio's unsaved registration entries")
                                      : tr("registration entries version %1").arg(version);
    return version == unsavedEdit ? tr("the policy studio's unsaved edit")
                                  : tr("version %1").arg(version);
}

namespace {

// The item of @p box for @p version of policies or entries, or -1.
int itemOf(const QComboBox *box, const QVariant &version, bool entries)
{
    if (!version.isValid())
        return -1;
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemData(i) == version &&
            box->itemData(i, WhatIfView::EntriesRole).toBool() == entries)
            return i;
    }
    return -1;
}

} // namespace

void WhatIfView::refreshVersions()
{
    const QVariant oldBase = m_base->currentData();
    const bool oldBaseEntries = m_base->currentData(EntriesRole).toBool();
    const QVariant oldCandidate = m_candidate->currentData();
    const bool oldCandidateEntries = m_candidate->currentData(EntriesRole).toBool();
    m_base->clear();
    m_candidate->clear();
    auto add = [this](const QString &text, int version, bool entries) {
        for (QComboBox *box : {m_base, m_candidate}) {
            box->addItem(text, version);
            box->setItemData(box->count() - 1, entries, EntriesRole);
        }
    };
    auto versions = m_model->versions();
    if (!versions) {
        m_status->setText(ErrorMessages::text(versions.error()));
    } else {
        // Newest first: the usual question is about the latest change.
        for (auto it = versions->crbegin(); it != versions->crend(); ++it) {
            add(tr("Version %1 — %2 (%3)")
                    .arg(it->version)
                    .arg(it->comment.isEmpty() ? tr("no comment") : it->comment,
                         QLocale().toString(it->savedAt.toLocalTime(), QLocale::ShortFormat)),
                it->version, false);
        }
    }
    // The registration entries' versions after the policies', newest first too.
    auto entryVersions = m_model->versions(core::RuleKind::Entries);
    if (!entryVersions) {
        m_status->setText(ErrorMessages::text(entryVersions.error()));
    } else {
        for (auto it = entryVersions->crbegin(); it != entryVersions->crend(); ++it) {
            add(tr("Registration entries version %1 — %2 (%3)")
                    .arg(it->version)
                    .arg(it->comment.isEmpty() ? tr("no comment") : it->comment,
                         QLocale().toString(it->savedAt.toLocalTime(), QLocale::ShortFormat)),
                it->version, true);
        }
    }
    if (m_entryDraft) {
        m_candidate->insertItem(0, tr("Unsaved registration entries in the Policy Studio"),
                                unsavedEdit);
        m_candidate->setItemData(0, true, EntriesRole);
    }
    if (m_draft) {
        m_candidate->insertItem(0, tr("Unsaved edit in the Policy Studio"), unsavedEdit);
        m_candidate->setItemData(0, false, EntriesRole);
    }
    // Defaults: the unsaved edit against the newest version; without a draft, the newest
    // version against the one before.
    const int base = itemOf(m_base, oldBase, oldBaseEntries);
    m_base->setCurrentIndex(base >= 0 ? base : (m_draft ? 0 : qMin(1, m_base->count() - 1)));
    const int candidate = itemOf(m_candidate, oldCandidate, oldCandidateEntries);
    m_candidate->setCurrentIndex(candidate >= 0 ? candidate : 0);
    updateControls();
}

core::Result<core::RuleSet> WhatIfView::rulesOf(const QComboBox *box) const
{
    const int version = box->currentData().toInt();
    if (box->currentData(EntriesRole).toBool()) {
        if (version != unsavedEdit) {
            auto entries = m_model->entriesOf(version);
            if (!entries)
                return entries.error();
            return core::RuleSet::fromEntries(*entries);
        }
        if (!m_entryDraft)
            return core::makeError(core::ec::WhatIfNone);
        return core::RuleSet::fromEntries(m_entryDraft->entries());
    }
    if (version != unsavedEdit) {
        auto policies = m_model->policiesOf(version);
        if (!policies)
            return policies.error();
        return core::RuleSet::fromPolicies(*policies);
    }
    if (!m_draft)
        return core::makeError(core::ec::WhatIfNone);
    return core::RuleSet::fromPolicies(m_draft->policies());
}

bool WhatIfView::run()
{
    if (m_model->isRunning())
        return false;
    if (!m_base->currentData().isValid() || !m_candidate->currentData().isValid()) {
        m_status->setText(tr("Save a policy version first: the what-if compares against one."));
        return false;
    }
    if (m_candidate->currentData().toInt() == unsavedEdit &&
        !(m_candidate->currentData(EntriesRole).toBool() ? bool(m_entryDraft) : bool(m_draft))) {
        m_status->setText(tr("The policy studio is not open."));
        return false;
    }
    auto base = rulesOf(m_base);
    if (!base) {
        m_status->setText(tr("The what-if failed: %1").arg(ErrorMessages::text(base.error())));
        return false;
    }
    auto candidate = rulesOf(m_candidate);
    if (!candidate) {
        m_status->setText(tr("The what-if failed: %1").arg(ErrorMessages::text(candidate.error())));
        return false;
    }
    const QString label =
        tr("Candidate: %1; base: %2.").arg(sideText(m_candidate), sideText(m_base));
    if (auto r = m_model->run(*base, *candidate, label); !r) {
        m_status->setText(tr("The what-if failed: %1").arg(ErrorMessages::text(r.error())));
        return false;
    }
    return true;
}

void WhatIfView::cancel()
{
    m_model->cancel();
}

void WhatIfView::onActivated(const QModelIndex &index)
{
    const QDateTime at = index.data(models::WhatIfModel::DivergedAtRole).toDateTime();
    if (at.isValid())
        Q_EMIT instantActivated(at);
}

void WhatIfView::onFinished()
{
    const models::WhatIfModel::Totals t = m_model->totals();
    if (t.subjects == 0) {
        m_totals->setText(tr("No subject fares differently over the whole timeline."));
    } else {
        m_totals->setText(tr("Subjects that differ: %1 — identities gained: %2, lost: %3, "
                             "changed: %4.")
                              .arg(t.subjects)
                              .arg(t.gained)
                              .arg(t.lost)
                              .arg(t.changed));
    }
    m_status->setText(m_model->label());
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    for (int c = 0; c < models::WhatIfModel::ColumnCount - 1; ++c)
        m_table->resizeColumnToContents(c);
    if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
    updateControls();
    Q_EMIT reportReady(*m_model->report(), m_model->label());
}

void WhatIfView::updateControls()
{
    const bool running = m_model->isRunning();
    m_run->setEnabled(!running && m_base->count() > 0 && m_candidate->count() > 0);
    m_cancel->setEnabled(running);
    m_base->setEnabled(!running);
    m_candidate->setEnabled(!running);
}

} // namespace ta::views
