// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/graph/GraphBuildCache.h"
#include "core/graph/TopologyGraph.h"
#include "core/simulation/SavedSimulationRun.h"
#include "core/simulation/SimulationRun.h"
#include "models/TimelineEventModel.h"
#include "models/WorkerJob.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {
class GraphCanvas;
class TimelineBar;
} // namespace ta::views

namespace ta::app {

class GraphCanvasController;

/// Time travel on the graph canvas: the time bar's cursor runs over the workspace's evidence
/// timeline, and the canvas shows the estate's statuses at that instant, its positions kept.
///
/// The statuses come from the simulation's state queries: the newest saved run that is not
/// stale and spans the instant (SimulationRunStore::stateAt), else one simulation of the
/// workspace's evidence under its latest rules, run once per document off the GUI thread and
/// cancelled when the document goes. Until that run is ready the graph builder's own reading of
/// the evidence stands in. The events list shows the simulation's events and the evidence
/// records from just after the previous record up to the cursor.
class TimelineController : public QObject
{
    Q_OBJECT

public:
    /// What answered the statuses at the instant shown.
    enum class Source { None, Evidence, SavedRun, Simulation, Candidate };

    explicit TimelineController(QObject *parent = nullptr);
    ~TimelineController() override;

    /// Follows @p document (null: none) on @p canvas with @p bar; @p graph draws the estate.
    void attach(models::Document *document, views::GraphCanvas *canvas, views::TimelineBar *bar,
                GraphCanvasController *graph);

    QDateTime instant() const;
    Source source() const { return m_source; }
    /// The saved run that answered the instant shown (Source::SavedRun).
    QString savedRunName() const { return m_savedRunName; }
    /// From a run's start until simulationDone() has taken its result (what starting another
    /// waits for), not only while the worker runs.
    bool isSimulating() const { return m_job.isBusy(); }
    models::TimelineEventModel *eventModel() const { return m_events; }

public Q_SLOTS:
    /// Moves the cursor to @p at (clamped to the evidence timeline) and redraws the statuses.
    void setInstant(const QDateTime &at);
    /// Shows the statuses of @p run (the policy studio's unsaved edit) instead of the saved
    /// rules': subjects as it attests them, and each identity drawn as held (valid) or, when no
    /// credential of it is live at the instant, faint. Null goes back to the saved rules.
    void setCandidateRun(std::shared_ptr<const core::SimulationRun> run);

Q_SIGNALS:
    /// The cursor moved (by the user, by play, or by setInstant()).
    void instantChanged(const QDateTime &at);
    /// The background simulation finished (successfully or not) and the canvas was redrawn.
    void simulationFinished();
    /// The canvas shows the statuses of the cursor's instant.
    void shown();
    /// The background simulation started (for the status bar's progress and Cancel).
    void workStarted(const QString &title, QFuture<void> future);

private:
    void readTimeline();
    void readSavedRuns();
    void startSimulation();
    void simulationDone(const std::optional<core::Result<core::SimulationRun>> &result,
                        bool cancelled);
    void cancelSimulation();
    /// Redraws the statuses and the events at the bar's instant.
    void show();
    /// Shows @p graph's nodes that the estate's graph lacks (only for an unsaved edit's run).
    void showGrown(const core::TopologyGraph &graph);

    QPointer<models::Document> m_document;
    QPointer<views::GraphCanvas> m_canvas;
    QPointer<views::TimelineBar> m_bar;
    QPointer<GraphCanvasController> m_graph;
    models::TimelineEventModel *m_events;
    QTimer *m_showTimer;
    /// Every evidence record's time, subject and attestor, in time order.
    QList<models::TimelineEventModel::Record> m_records;
    /// The records themselves, replayed by the simulation.
    QList<core::EvidenceRecord> m_evidence;
    /// The saved runs that are not stale, newest first.
    QList<core::SavedSimulationRun> m_runs;
    std::shared_ptr<const core::SimulationRun> m_run;
    std::shared_ptr<const core::SimulationRun> m_candidate;
    /// The simulation, on its own thread (never holding up a layout in the global pool).
    models::WorkerJob m_job;
    std::shared_ptr<std::atomic_bool> m_cancel;
    core::Error m_simulationError;
    bool m_simulationFailed = false;
    Source m_source = Source::None;
    /// Counts attach() calls, so that a deferred read for an earlier document does nothing.
    quint64 m_generation = 0;
    QString m_savedRunName;
    /// Nodes the canvas shows beyond the estate's graph (an unsaved edit's new identities).
    QStringList m_grown;
    /// Keeps each item's node content from one instant to the next: moving the time cursor
    /// makes anew only the items whose content changed.
    core::GraphBuildCache m_buildCache;
};

} // namespace ta::app
