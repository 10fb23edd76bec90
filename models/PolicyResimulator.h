// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/policy/Policy.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/TimelineReplay.h"
#include "core/simulation/WhatIfReport.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace ta::models {

class Document;

/// Live re-simulation for the policy studio: the workspace's recorded evidence replayed under
/// the saved policies and under the edited ones (core WhatIf), off the GUI thread.
///
/// Requests are debounced; a request made while a run is going supersedes it: that run's result
/// is dropped (the engine cannot be interrupted mid-run) and the newest edit runs next, so at
/// most one run works at a time and only the latest edit is ever reported.
class PolicyResimulator : public QObject
{
    Q_OBJECT

public:
    /// The claim paths the evidence produced ("node.labels.zone"), with one example value.
    using ClaimExamples = QHash<QString, QString>;

    explicit PolicyResimulator(Document *document, QObject *parent = nullptr);
    ~PolicyResimulator() override;

    /// Reads the evidence into memory and the replay set-up from the workspace (on this thread:
    /// the workers never touch the database), with @p base as the saved rules.
    [[nodiscard]] core::Result<void> prepare(const QList<core::Policy> &base);
    /// The saved rules changed (a save): later runs compare against @p base.
    [[nodiscard]] core::Result<void> setBase(const QList<core::Policy> &base);
    /// The saved registration entries, the base when entries are edited.
    [[nodiscard]] core::Result<void> setBaseEntries(const QList<core::RegistrationEntry> &base);
    /// The debounce delay (ms) between the last request and the run.
    void setDelay(int ms) { m_timer.setInterval(ms); }
    /// Asks for a run of @p candidate against the base. Invalid rules are reported by failed().
    void request(const QList<core::Policy> &candidate);
    /// Asks for a run of edited registration entries against the saved ones.
    void requestEntries(const QList<core::RegistrationEntry> &candidate);
    /// A run is asked for, running, or finished and not yet reported: false only once the last
    /// request's finished() or failed() has been emitted (or its run dropped as stale).
    bool isBusy() const { return m_timer.isActive() || m_running; }
    qint64 evidenceCount() const { return m_evidenceCount; }
    /// Every variable and claim path the recorded evidence yields, with an example value; filled
    /// off the GUI thread after prepare() (claimsReady()).
    const ClaimExamples &claimExamples() const { return m_claims; }
    /// Milliseconds from the last request to the report of its run.
    qint64 lastLatencyMs() const { return m_lastLatency; }

Q_SIGNALS:
    void started();
    void finished(const ta::core::WhatIfReport &report);
    /// Just before finished(): the edited rules' own run, for views that show its statuses
    /// (the graph at the time bar's instant).
    void candidateReady(std::shared_ptr<const ta::core::SimulationRun> run);
    void failed(const ta::core::Error &error);
    void claimsReady();
    /// A re-simulation or the claims scan started on a worker (for the status bar's progress
    /// and Cancel). A cancelled run reports neither finished() nor failed(); the last result
    /// stands. A cancelled scan leaves the completion examples as they were and keeps no
    /// results: runs verify the timeline themselves.
    void workStarted(const QString &title, QFuture<void> future);

private:
    void start();
    void onRunFinished();

    QPointer<Document> m_document;
    std::optional<core::TimelineReplay> m_replay;
    qint64 m_evidenceCount = 0;
    std::optional<core::RuleSet> m_base;
    std::optional<core::RuleSet> m_baseEntries;
    QList<core::RegistrationEntry> m_candidateEntries;
    bool m_entriesMode = false;
    core::SimulationSettings m_settings;
    QList<core::Policy> m_candidate;
    bool m_pending = false;
    /// From a run's start until onRunFinished() dealt with it (QFutureWatcher::isRunning() turns
    /// false on the worker's thread, before the finished signal reaches this one).
    bool m_running = false;
    /// Counts the timelines prepare() read; m_runTimeline is the one the current run replays.
    /// A run over an older timeline is never reported: its difference is not the evidence's.
    quint64 m_timeline = 0;
    quint64 m_runTimeline = 0;
    QTimer m_timer;
    QElapsedTimer m_sinceRequest;
    qint64 m_lastLatency = -1;
    struct Outcome
    {
        core::WhatIfReport report;
        std::shared_ptr<const core::SimulationRun> candidate;
        /// The base run, when this run computed it (to be kept).
        std::shared_ptr<const core::SimulationRun> base;
        bool entries = false;
        quint64 baseGeneration = 0;
    };
    /// Its own threads (a run and the claims scan may overlap), not the global pool's: Qt 6.4's
    /// raster engine paints with that pool, so long work there stalls the window's frames.
    QThreadPool m_pool;
    QFutureWatcher<core::Result<Outcome>> m_watcher;
    /// The claims scan's output: the examples, and the timeline's results as the document's
    /// cache keeps them (interned, each with its subject's number).
    struct Scan
    {
        ClaimExamples claims;
        std::shared_ptr<const core::ReplayResultCache::Kept> results;
    };
    QFutureWatcher<Scan> m_claimWatcher;
    ClaimExamples m_claims;
    /// Attestation does not depend on the rules: once the scan kept the results, each run
    /// decides them again and verifies nothing.
    std::shared_ptr<const core::ReplayResultCache::Kept> m_results;
    /// The base rules' run over m_results, kept until the base changes (policies and entries).
    std::shared_ptr<const core::SimulationRun> m_baseRun;
    std::shared_ptr<const core::SimulationRun> m_baseEntriesRun;
    /// Counts base changes, so that a base run made for an earlier base is not kept.
    quint64 m_baseGeneration = 0;
};

} // namespace ta::models
