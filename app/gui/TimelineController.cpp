// SPDX-License-Identifier: Apache-2.0
#include "app/gui/TimelineController.h"

#include "app/gui/GraphCanvasController.h"
#include "core/graph/GraphBuilder.h"
#include "core/policy/Policy.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/SavedRunEvents.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/SimulationRunStore.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"
#include "views/GraphCanvas.h"
#include "views/TimelineBar.h"

#include <QPromise>
#include <QTimer>

#include <algorithm>

namespace ta::app {
namespace {

// The rules a run without a saved one decides with: the latest policies, else the latest
// registration entries (as `simulate` does without options, and with --entries).
core::Result<core::RuleSet> latestRules(core::Workspace &workspace)
{
    core::RuleStore store(workspace.database());
    auto content = store.load(core::RuleKind::Policies, 0);
    if (!content)
        return content.error();
    if (content->isEmpty()) {
        auto entries = store.entries();
        if (!entries)
            return entries.error();
        if (!entries->isEmpty())
            return core::RuleSet::fromEntries(*entries);
        return core::RuleSet::fromPolicies({});
    }
    auto policies = core::Policy::listFromJson(*content);
    if (!policies)
        return policies.error();
    return core::RuleSet::fromPolicies(*policies);
}

// The events with @p from < time <= @p to (from invalid: from the start) of a time-ordered log.
QList<core::SimulationEvent> eventsBetween(const QList<core::SimulationEvent> &log,
                                           const QDateTime &from, const QDateTime &to)
{
    auto byTime = [](const core::SimulationEvent &e, const QDateTime &t) { return e.at <= t; };
    const auto begin =
        from.isValid() ? std::lower_bound(log.cbegin(), log.cend(), from, byTime) : log.cbegin();
    const auto end = std::lower_bound(begin, log.cend(), to, byTime);
    return QList<core::SimulationEvent>(begin, end);
}

} // namespace

TimelineController::TimelineController(QObject *parent)
    : QObject(parent), m_events(new models::TimelineEventModel(this)), m_showTimer(new QTimer(this))
{
    // A slider drag asks for many instants; only the latest is drawn.
    m_showTimer->setSingleShot(true);
    m_showTimer->setInterval(0);
    connect(m_showTimer, &QTimer::timeout, this, &TimelineController::show);
}

TimelineController::~TimelineController()
{
    cancelSimulation();
}

void TimelineController::attach(models::Document *document, views::GraphCanvas *canvas,
                                views::TimelineBar *bar, GraphCanvasController *graph)
{
    cancelSimulation();
    ++m_generation;
    if (m_document)
        m_document->disconnect(this);
    if (m_graph)
        m_graph->disconnect(this);
    if (m_bar)
        m_bar->disconnect(this);
    m_document = document;
    m_canvas = canvas;
    m_bar = bar;
    m_graph = graph;
    m_records.clear();
    m_evidence.clear();
    m_runs.clear();
    m_run.reset();
    m_candidate.reset();
    m_simulationFailed = false;
    m_source = Source::None;
    m_savedRunName.clear();
    m_grown.clear();
    m_buildCache.clear();
    m_events->clear();
    if (!document || !canvas || !bar || !graph)
        return;
    bar->setEventModel(m_events);
    connect(bar, &views::TimelineBar::instantChanged, this, [this](const QDateTime &at) {
        m_showTimer->start();
        Q_EMIT instantChanged(at);
    });
    connect(graph, &GraphCanvasController::reloaded, this, [this] {
        // The canvas shows the estate's graph again, without what a simulation added.
        m_grown.clear();
        // An edit may have made the saved run that answered so far stale.
        readSavedRuns();
        if (!m_run && !m_simulationFailed)
            startSimulation();
        show();
    });
    // Other anchors verify the evidence differently: the simulation is run again (and a saved
    // run over the old anchors no longer answers).
    connect(document, &models::Document::anchorsChanged, this, [this] {
        cancelSimulation();
        m_run.reset();
        m_simulationFailed = false;
        readSavedRuns();
        startSimulation();
    });
    // After the window's first frame: reading the evidence must not delay the graph's drawing.
    QTimer::singleShot(0, this, [this, generation = ++m_generation] {
        if (generation != m_generation || !m_document)
            return;
        readTimeline();
        readSavedRuns();
        startSimulation();
        show();
    });
}

QDateTime TimelineController::instant() const
{
    return m_bar ? m_bar->instant() : QDateTime();
}

void TimelineController::setInstant(const QDateTime &at)
{
    if (m_bar)
        m_bar->setInstant(at);
}

void TimelineController::setCandidateRun(std::shared_ptr<const core::SimulationRun> run)
{
    if (!run && !m_candidate)
        return;
    m_candidate = std::move(run);
    // At once, not through the show timer: the studio's keystroke-to-redraw time ends here.
    show();
}

void TimelineController::readTimeline()
{
    QList<QDateTime> times;
    m_evidence.clear();
    auto records = m_document->evidenceRecords();
    if (records) {
        m_evidence = *records;
        times.reserve(m_evidence.size());
        m_records.reserve(m_evidence.size());
        for (const core::EvidenceRecord &r : std::as_const(m_evidence)) {
            m_records.append({r.time.toUTC(), r.subject, r.attestor});
            times.append(r.time.toUTC());
        }
    } else {
        m_bar->setStateText(views::ErrorMessages::text(records.error()));
    }
    m_bar->setTimeline(times);
}

void TimelineController::readSavedRuns()
{
    m_runs.clear();
    if (!m_document)
        return;
    core::SimulationRunStore store(
        m_document->workspace(models::Document::WriteAccess()).database());
    auto runs = store.list();
    if (!runs)
        return;
    for (const core::SavedSimulationRun &run : std::as_const(*runs)) {
        if (!run.stale && run.start.isValid())
            m_runs.append(run);
    }
}

void TimelineController::startSimulation()
{
    // A run whose result is not yet delivered (finished, its signal still queued) counts too
    // (WorkerJob).
    if (!m_document || !m_bar || m_bar->timeline().isEmpty() || m_job.isBusy())
        return;
    // A saved run over the whole timeline answers every instant: nothing to compute.
    const QDateTime first = m_bar->timeline().constFirst();
    const QDateTime last = m_bar->timeline().constLast();
    for (const core::SavedSimulationRun &run : std::as_const(m_runs)) {
        if (run.start <= first && run.end >= last)
            return;
    }
    core::Workspace &workspace = m_document->workspace(models::Document::WriteAccess());
    auto rules = latestRules(workspace);
    auto replay = core::TimelineReplay::fromWorkspace(workspace, core::TimelineReplay::Options());
    if (!rules || !replay) {
        m_simulationFailed = true;
        m_simulationError = !rules ? rules.error() : replay.error();
        return;
    }
    // The records were read on the GUI thread (readTimeline); the worker reaches the workspace
    // only through the kept results' connection of its own. The results are shared with the
    // decision log and the studio: one of them verifies the timeline, or reads from the
    // workspace what this user verified before.
    if (auto records = m_document->replayTimeline(*replay); !records) {
        m_simulationFailed = true;
        m_simulationError = records.error();
        return;
    }
    m_cancel = std::make_shared<std::atomic_bool>(false);
    replay->setCancelled([cancel = m_cancel] { return cancel->load(); });
    m_simulationFailed = false;
    auto outcome = std::make_shared<std::optional<core::Result<core::SimulationRun>>>();
    auto work = [replay = std::make_shared<core::TimelineReplay>(std::move(*replay)),
                 rules = std::move(*rules), cancel = m_cancel, outcome](QPromise<void> &promise) {
        // The replay counts its records: the status bar shows how far it got.
        replay->setCancelled([&promise, cancel] { return promise.isCanceled() || *cancel; });
        replay->setProgress(
            [&promise](qint64 done, qint64 total) {
                if (total > 0)
                    models::WorkerJob::reportProgress(promise, done, total);
            },
            100);
        auto run = replay->simulate(rules, core::SimulationSettings());
        if (!promise.isCanceled())
            *outcome = std::move(run);
    };
    const QFuture<void> future = m_job.start(
        std::move(work), [this, outcome](bool cancelled) { simulationDone(*outcome, cancelled); });
    Q_EMIT workStarted(tr("Simulating the timeline"), future);
}

void TimelineController::simulationDone(
    const std::optional<core::Result<core::SimulationRun>> &result, bool cancelled)
{
    if (cancelled || !result) {
        // Cancelled from the status bar: the evidence's own reading stands in, as before it ran.
        m_simulationFailed = true;
        m_simulationError = core::makeError(core::ec::ReplayCancelled, QString());
        show();
        Q_EMIT simulationFinished();
        return;
    }
    if (*result) {
        m_run = std::make_shared<const core::SimulationRun>(**result);
    } else {
        m_simulationFailed = true;
        m_simulationError = result->error();
    }
    show();
    Q_EMIT simulationFinished();
}

void TimelineController::cancelSimulation()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    // Its result belongs to a document no longer shown; the worker stops at its next record.
    m_job.abandon();
}

void TimelineController::showGrown(const core::TopologyGraph &graph)
{
    // The nodes of the instant's graph that the estate's graph lacks; the canvas redraws
    // incrementally, so only they (and their edges) come and go.
    const core::TopologyGraph &base = m_graph->graph();
    QStringList grown;
    if (m_source == Source::Candidate) {
        for (const core::GraphNode &n : graph.nodes()) {
            if (!base.contains(n.id))
                grown << n.id;
        }
    }
    if (grown == m_grown)
        return;
    m_grown = grown;
    if (grown.isEmpty()) {
        m_canvas->setGraph(base);
        return;
    }
    core::TopologyGraph shown = base;
    for (const QString &id : std::as_const(grown))
        shown.addNode(graph.node(graph.indexOf(id)));
    for (const core::GraphEdge &e : graph.edges()) {
        const QString &from = graph.node(e.from).id;
        const QString &to = graph.node(e.to).id;
        if (!base.contains(from) || !base.contains(to))
            shown.addEdge(shown.indexOf(from), shown.indexOf(to), e.cls, e.status);
    }
    m_canvas->setGraph(shown);
}

void TimelineController::show()
{
    m_showTimer->stop();
    if (!m_bar || !m_canvas || !m_graph || !m_document)
        return;
    const QDateTime at = m_bar->instant();
    const std::shared_ptr<const core::Estate> estate = m_graph->estate();
    if (!at.isValid() || !estate) {
        if (!m_grown.isEmpty()) {
            m_grown.clear();
            m_canvas->setGraph(m_graph->graph());
        }
        m_canvas->showStatuses({});
        m_events->clear();
        m_source = Source::None;
        return;
    }
    // The events since the record before the cursor's: what the last step brought.
    const int k = m_bar->cursorRecord();
    const QDateTime from = k >= 1 ? m_bar->timeline().at(k - 1) : QDateTime();
    std::optional<core::SimulationState> state;
    QList<core::SimulationEvent> events;
    m_source = Source::Evidence;
    m_savedRunName.clear();
    if (m_candidate) {
        state = m_candidate->stateAt(at);
        events = eventsBetween(m_candidate->events(), from, at);
        m_source = Source::Candidate;
    }
    for (const core::SavedSimulationRun &run : std::as_const(m_runs)) {
        if (state)
            break;
        if (at < run.start || at > run.end)
            continue;
        core::Database &db = m_document->workspace(models::Document::WriteAccess()).database();
        core::SimulationRunStore store(db);
        auto s = store.stateAt(run.id, at);
        auto e = core::SavedRunEvents::between(db, run.id, from, at);
        if (s && e) {
            state = std::move(*s);
            events = std::move(*e);
            m_source = Source::SavedRun;
            m_savedRunName = run.name;
        }
        break;
    }
    if (!state && m_run) {
        state = m_run->stateAt(at);
        events = eventsBetween(m_run->events(), from, at);
        m_source = Source::Simulation;
    }
    core::GraphBuildOptions options;
    options.at = at;
    core::GraphStateInput input;
    if (state) {
        // The live credentials are listed as events; the canvas keeps the nodes it drew.
        input.at = state->at;
        input.attested = state->attested;
    }
    if (state && m_source == Source::Candidate) {
        // But the edited rules may grant identities the estate never showed: those are drawn,
        // with the simulated credentials that hold them.
        const core::TopologyGraph &base = m_graph->graph();
        for (const core::LiveCredential &c : std::as_const(state->live)) {
            if (!base.contains(c.spiffeId))
                input.live << core::LiveCredentialInput{c.credential, c.subject, c.spiffeId,
                                                        c.notAfter,   {},        {}};
        }
    }
    const core::TopologyGraph graph =
        core::GraphBuilder::build(*estate, options, state ? &input : nullptr, &m_buildCache);
    showGrown(graph);
    QHash<QString, core::GraphStatus> statuses;
    statuses.reserve(graph.nodeCount());
    for (const core::GraphNode &n : graph.nodes())
        statuses.insert(n.id, n.status);
    if (m_source == Source::Candidate) {
        // The edited rules' identities: held when a credential of it is live, else faint.
        QSet<QString> held;
        for (const core::LiveCredential &c : std::as_const(state->live))
            held.insert(c.spiffeId);
        for (const core::GraphNode &n : graph.nodes()) {
            if (n.cls != core::NodeClass::Identity)
                continue;
            if (held.contains(n.id))
                statuses.insert(n.id, core::GraphStatus::Valid);
            else
                statuses.remove(n.id);
        }
    }
    m_canvas->showStatuses(statuses);

    auto byTime = [](const models::TimelineEventModel::Record &r, const QDateTime &t) {
        return r.at <= t;
    };
    const auto begin = from.isValid()
                           ? std::lower_bound(m_records.cbegin(), m_records.cend(), from, byTime)
                           : m_records.cbegin();
    const auto end = std::lower_bound(begin, m_records.cend(), at, byTime);
    m_events->setEvents(events, QList<models::TimelineEventModel::Record>(begin, end));

    QString text;
    switch (m_source) {
    case Source::SavedRun:
        text = tr("Statuses from the saved simulation run “%1”: %2 subjects attested, %3 "
                  "credentials live.")
                   .arg(m_savedRunName)
                   .arg(state->attested.size())
                   .arg(state->live.size());
        break;
    case Source::Simulation:
        text = tr("Statuses from the simulation of the workspace's evidence: %1 subjects "
                  "attested, %2 credentials live.")
                   .arg(state->attested.size())
                   .arg(state->live.size());
        break;
    case Source::Candidate:
        text = tr("Statuses under the policy studio's unsaved edit: %1 subjects attested, %2 "
                  "credentials live.")
                   .arg(state->attested.size())
                   .arg(state->live.size());
        break;
    case Source::Evidence:
    case Source::None:
        text =
            m_simulationFailed
                ? tr("The simulation failed (%1); statuses read from the evidence.")
                      .arg(views::ErrorMessages::text(m_simulationError))
                : tr("Simulating the evidence… Meanwhile the statuses are read from the evidence.");
        break;
    }
    m_bar->setStateText(text + QLatin1Char(' ') + tr("Faint nodes did not exist at this instant."));
    Q_EMIT shown();
}

} // namespace ta::app
