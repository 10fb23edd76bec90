// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/Policy.h"
#include "core/policy/RegistrationEntry.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/WhatIfReport.h"
#include "core/store/RuleStore.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <optional>

namespace ta::models {

class Document;

/// The what-if view's model: two rule sets (saved policy or registration-entry versions, or a
/// version and the studio's unsaved edit) replayed over the workspace's whole evidence timeline
/// on a worker thread (core WhatIf), one row per subject whose log differs: the identities
/// gained, lost and changed, and the first divergence instant.
///
/// A run reports progress and can be cancelled through its future(); a cancelled or failed run
/// leaves the previous result in place. The replay's set-up (anchors, bundles) is read on the
/// calling thread when a run starts; the evidence records are read on the worker, through its
/// own connection to the workspace file, and count in the progress (the first half of it: the
/// records read, the second: the records replayed), so that a cancel stops the read too.
class WhatIfModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// The divergence instant comes second: long SPIFFE IDs must not push it out of sight.
    enum Column {
        SubjectColumn,
        DivergedColumn,
        GainedColumn,
        LostColumn,
        ChangedColumn,
        ColumnCount
    };
    enum Role {
        /// The row's first divergence instant (QDateTime, UTC).
        DivergedAtRole = Qt::UserRole + 1,
        /// The row's subject.
        SubjectRole
    };
    /// Sums over the subjects that differ.
    struct Totals
    {
        int subjects = 0;
        int gained = 0;
        int lost = 0;
        int changed = 0;
    };

    explicit WhatIfModel(Document *document, QObject *parent = nullptr);
    ~WhatIfModel() override;

    /// The saved versions of @p kind (policies, or the registration entries as the studio saves
    /// them), oldest first.
    [[nodiscard]] core::Result<QList<core::RuleVersion>>
    versions(core::RuleKind kind = core::RuleKind::Policies) const;
    /// The policies of saved @p version.
    [[nodiscard]] core::Result<QList<core::Policy>> policiesOf(int version) const;
    /// The registration entries of saved @p version.
    [[nodiscard]] core::Result<QList<core::RegistrationEntry>> entriesOf(int version) const;

    /// Starts comparing @p candidate against @p base over the whole timeline; @p label says what
    /// is compared (it goes into the audit report). Refused while a run works, when the rules do
    /// not compile or the replay's set-up cannot be read; the evidence is read on the worker, and
    /// a read that fails ends in failed(). started() then finished(), failed() or cancelled().
    [[nodiscard]] core::Result<void> run(const QList<core::Policy> &base,
                                         const QList<core::Policy> &candidate,
                                         const QString &label);
    /// The same for compiled rule sets: policies or registration entries on either side.
    [[nodiscard]] core::Result<void> run(const core::RuleSet &base, const core::RuleSet &candidate,
                                         const QString &label);
    /// Asks the running worker to stop at its next record.
    void cancel();
    /// From run() until finished(), failed() or cancelled() was emitted.
    bool isRunning() const { return m_running; }
    /// The running (or last) run: progress range and value, cancel() stops it.
    QFuture<void> future() const { return QFuture<void>(m_watcher.future()); }
    /// The pool the runs work in (one thread: a run never holds up a layout).
    QThreadPool *threadPool() { return &m_pool; }
    /// Called on the thread that reads the evidence, before each record is taken, with the
    /// number taken so far (tests hold the read there, or check where it runs).
    using ReadHook = std::function<void(qint64 taken)>;
    void setReadHook(ReadHook hook) { m_readHook = std::move(hook); }

    /// The last finished run's report, none before the first.
    const std::optional<core::WhatIfReport> &report() const { return m_report; }
    QString label() const { return m_label; }
    Totals totals() const;
    /// The row of @p subject, or -1.
    int rowOf(const QString &subject) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void started();
    void progressChanged(int done, int total);
    /// The report is shown (report(), totals()).
    void finished();
    void failed(const ta::core::Error &error);
    /// The run stopped early; the previous result stays.
    void cancelled();

private:
    void onFinished();

    QPointer<Document> m_document;
    QThreadPool m_pool;
    QFutureWatcher<core::Result<core::WhatIfReport>> m_watcher;
    std::optional<core::WhatIfReport> m_report;
    QString m_label;
    QString m_pendingLabel;
    ReadHook m_readHook;
    bool m_running = false;
};

} // namespace ta::models
