// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/DecisionExplainer.h"
#include "core/simulation/ReplayResultCache.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace ta::models {

class Document;

/// The decision log: for one subject at one instant, why it did or did not get its identities.
/// A tree of the rules (a group for the policies, one for the registration entries), each with
/// its verdict (an icon of its own shape and a word), the identity it concerns and why; under a
/// policy whose condition failed, the values the failing clause read; under an entry, the
/// selectors it missed. The rules are the workspace's saved ones, or the studio's unsaved edit.
///
/// The timeline is replayed (core DecisionExplainer) off the GUI thread when the document, the
/// instant or the rules change; a newer request cancels the running one. Changing the subject
/// only asks the finished replay, on this thread.
class DecisionLogModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { RuleColumn, VerdictColumn, IdentityColumn, DetailColumn, ColumnCount };
    enum Role {
        /// The rule's graph node ID: "rule/policy/NAME" or "rule/entry/ID" (every row of a rule).
        RuleIdRole = Qt::UserRole + 1,
        /// A policy's condition, or an entry's parent and selectors, as text.
        SourceRole,
        /// The failing clause's text and where it starts in the source (line, column from 1,
        /// columns in code points); empty when none.
        ClauseRole,
        ClauseLineRole,
        ClauseColumnRole,
        /// An entry's missing selectors (QStringList), to mark in its source.
        MissingRole,
        /// The verdict's stable name: "granted", "not_matched", "selectors_missing", ...
        OutcomeRole,
        /// Whether the row says the rule gave the identity (a grant or a match).
        GivesRole,
    };

    explicit DecisionLogModel(QObject *parent = nullptr);
    ~DecisionLogModel() override;

    /// Follows @p document (null: none); a replay running for the previous one is cancelled.
    void setDocument(Document *document);
    /// The instant to explain; invalid: the end of the evidence timeline. Replays again.
    void setInstant(const QDateTime &at);
    QDateTime instant() const { return m_instant; }
    /// The subject to explain, as its evidence names it ("workload/pay-api").
    void setSubject(const QString &subject);
    QString subject() const { return m_subject; }
    /// Rows giving or removing @p spiffeId are shown in bold (an identity picked on the graph).
    void setFocusIdentity(const QString &spiffeId);
    QString focusIdentity() const { return m_focus; }
    /// The saved rules or the evidence changed: replays again.
    void refresh();
    /// Explains @p policies and @p entries instead of the saved ones (the studio's unsaved
    /// edit); std::nullopt for either: the saved ones. Replays again.
    void setCandidateRules(std::optional<QList<core::Policy>> policies,
                           std::optional<QList<core::RegistrationEntry>> entries);
    /// Whether the rules explained are (partly) an unsaved edit's.
    bool explainsCandidate() const
    {
        return m_candidatePolicies.has_value() || m_candidateEntries.has_value();
    }

    /// From a request until its replay was handed over (or failed).
    bool isBusy() const { return m_running || m_timer.isActive(); }
    /// Whether a replay is running on the worker now.
    bool isReplaying() const { return m_running; }
    /// Requests within this many milliseconds start one replay (default 0: the next turn of
    /// the event loop; a time slider may want more).
    void setDelay(int ms) { m_timer.setInterval(ms); }
    /// The subjects seen up to the instant, once a replay finished.
    QStringList subjects() const;
    /// The explanation shown (an empty one before a replay finished).
    const core::SubjectExplanation &explanation() const { return m_explanation; }
    /// The instant the last replay explained (the end of the timeline when none was set).
    QDateTime explainedAt() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The index of the rule row of @p ruleId ("rule/policy/NAME"), or an invalid one.
    QModelIndex indexOfRule(const QString &ruleId) const;

Q_SIGNALS:
    void busyChanged(bool busy);
    /// A replay finished: subjects() and explanation() are new.
    void replayed();
    void failed(const ta::core::Error &error);

private:
    enum class Tone { None, Gives, Fails, Error, Removes };
    struct Row
    {
        int parent = -1;
        std::vector<int> children;
        QString text[ColumnCount];
        QString tooltip;
        QString ruleId;
        QString source;
        QString clause;
        int clauseLine = 0;
        int clauseColumn = 0;
        QStringList missing;
        QString outcome;
        QString identity;
        Tone tone = Tone::None;
        bool group = false;
    };
    using Explainer = std::shared_ptr<const core::DecisionExplainer>;

    void schedule();
    void start();
    void settle();
    [[nodiscard]] core::Result<void> load();
    void onFinished();
    void rebuild();
    int addRow(int parent, Row row);
    void addPolicies();
    void addEntries();
    QIcon icon(Tone tone) const;

    QPointer<Document> m_document;
    QDateTime m_instant;
    QString m_subject;
    QString m_focus;
    /// Its own single thread: a replay never holds up the global pool's layout and studio runs.
    QThreadPool m_pool;
    QFutureWatcher<core::Result<Explainer>> m_watcher;
    QTimer m_timer;
    bool m_running = false;
    bool m_reload = true;
    quint64 m_generation = 0;
    quint64 m_runGeneration = 0;
    std::optional<core::TimelineReplay> m_replay;
    QList<core::Policy> m_policies;
    QList<core::RegistrationEntry> m_entries;
    std::optional<QList<core::Policy>> m_candidatePolicies;
    std::optional<QList<core::RegistrationEntry>> m_candidateEntries;
    std::shared_ptr<core::ReplayResultCache> m_cache;
    Explainer m_explainer;
    core::SubjectExplanation m_explanation;
    std::vector<Row> m_rows;
    std::vector<int> m_top;
    /// Painted on first use.
    mutable QHash<int, QIcon> m_icons;
};

} // namespace ta::models
