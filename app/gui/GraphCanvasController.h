// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/GraphBuildCache.h"
#include "core/graph/IncrementalEstateLoader.h"
#include "core/graph/TopologyGraph.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QFutureWatcherBase;
class QTimer;
class QTreeWidget;
QT_END_NAMESPACE

namespace ta::core {
struct Estate;
}

namespace ta::models {
class Document;
}

namespace ta::views {
class CredentialPanel;
class GraphCanvas;
class TrustDomainPanel;
} // namespace ta::views

namespace ta::app {

/// Feeds the graph canvas from the open document and keeps it in step with the docks: the
/// estate is read from the workspace and drawn (again after each edit), node positions are
/// cached in the workspace, a credential selected in its table is selected on the canvas and
/// the reverse, and the findings dock lists the graph's findings.
///
/// A replay of a large evidence timeline (opening a workspace, or an edit of the anchors,
/// authorities, rules or evidence) runs on a worker thread, with progress and cancel
/// (workStarted()); the canvas keeps what it showed until it is done. A small timeline is
/// replayed at once.
class GraphCanvasController : public QObject
{
    Q_OBJECT

public:
    explicit GraphCanvasController(QTreeWidget *findings, QObject *parent = nullptr);
    ~GraphCanvasController() override;

    /// Starts following @p document (null: none) with these widgets.
    void attach(models::Document *document, views::GraphCanvas *canvas,
                views::CredentialPanel *credentials, views::TrustDomainPanel *trustDomains);
    /// Reads the estate again and redraws it: at once, or when the worker's replay is done.
    void reload();
    /// Timelines of more records than this are replayed on a worker thread (default 5,000,
    /// about half a second's replay here; the demo's 2,932 are replayed at once).
    void setBackgroundReplayThreshold(qint64 records) { m_backgroundThreshold = records; }
    /// Whether a replay runs on a worker now.
    bool isReading() const { return m_replay != nullptr; }
    /// The replay's own thread (for the tests).
    QThreadPool *threadPool() { return &m_pool; }
    /// How many reloads replayed the evidence, since the document was attached.
    int evidenceReplays() const { return m_loader.replays(); }
    /// Of the last build: how many nodes were made anew (the others kept their content).
    int nodesMade() const { return m_buildCache.made(); }
    /// The estate drawn last (null when none), for views of other instants (the time bar).
    std::shared_ptr<const core::Estate> estate() const { return m_estate; }
    /// The estate's graph as read last, with its own statuses: what the canvas shows when no
    /// simulation adds to it.
    const core::TopologyGraph &graph() const { return m_built; }

Q_SIGNALS:
    /// The estate was read again and the canvas shows it with its own statuses (or, after an
    /// error or a cancel, nothing, with the reason as the canvas's tool tip).
    void reloaded();
    /// A replay started on a worker: its progress, and cancel.
    void workStarted(const QString &title, QFuture<void> future);

private:
    void startReplay(core::IncrementalEstateLoader::Pending pending);
    void replayDone(QFutureWatcherBase *watcher, quint64 generation);
    void cancelReplay();
    /// Draws @p estate (or, failing that, nothing, saying why).
    void show(core::Result<core::Estate> estate);
    void credentialSelected(qint64 id);
    void nodeSelected(const QString &id);
    void savePositions();
    void fillFindings();
    QString credentialNodeId(qint64 id) const;

    QPointer<models::Document> m_document;
    QPointer<views::GraphCanvas> m_canvas;
    QPointer<views::CredentialPanel> m_credentials;
    QPointer<views::TrustDomainPanel> m_trustDomains;
    QTreeWidget *m_findings;
    QTimer *m_reloadTimer;
    QTimer *m_saveTimer;
    /// Credential node ID -> (trust domain, record ID), refreshed on each reload.
    QHash<QString, QPair<QString, qint64>> m_credentialRecords;
    std::shared_ptr<const core::Estate> m_estate;
    /// Keeps the replayed evidence between edits: a design, credential or federation edit is
    /// read without replaying the timeline.
    core::IncrementalEstateLoader m_loader;
    /// Keeps each item's node content between edits: the graph is built again, but only the
    /// items an edit changed are made anew.
    core::GraphBuildCache m_buildCache;
    core::TopologyGraph m_built;
    bool m_syncing = false;
    qint64 m_backgroundThreshold = 5000;
    /// Counts reloads, so that a replay an edit or another document overtook is dropped.
    quint64 m_generation = 0;
    QFutureWatcherBase *m_replay = nullptr;
    std::shared_ptr<std::atomic_bool> m_replayCancel;
    /// The replay's own thread: the global pool lays graphs out and paints (Qt's raster engine
    /// splits large fills over it), and a replay there would hold them up.
    QThreadPool m_pool;
};

} // namespace ta::app
