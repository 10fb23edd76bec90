// SPDX-License-Identifier: Apache-2.0
#include "models/WhatIfModel.h"

#include "models/Document.h"

#include "core/simulation/RuleSet.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/StoredReplayResults.h"
#include "core/simulation/TimelineReplay.h"
#include "core/simulation/WhatIf.h"
#include "core/store/AttestationStore.h"
#include "core/store/Database.h"
#include "core/store/Workspace.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <climits>

namespace ta::models {
namespace {

QString idList(const QStringList &ids)
{
    return ids.join(QStringLiteral(", "));
}

QStringList changedIds(const core::SubjectDifference &d)
{
    QStringList out;
    for (const core::SubjectDifference::Change &c : d.changed)
        out << c.spiffeId;
    return out;
}

} // namespace

WhatIfModel::WhatIfModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &WhatIfModel::onFinished);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { Q_EMIT progressChanged(value, m_watcher.progressMaximum()); });
}

WhatIfModel::~WhatIfModel()
{
    // The worker holds copies of what it reads; stopping it keeps it from outliving the model.
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

core::Result<QList<core::RuleVersion>> WhatIfModel::versions(core::RuleKind kind) const
{
    if (!m_document)
        return QList<core::RuleVersion>();
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    return store.versions(kind);
}

core::Result<QList<core::Policy>> WhatIfModel::policiesOf(int version) const
{
    if (!m_document)
        return QList<core::Policy>();
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    auto content = store.load(core::RuleKind::Policies, version);
    if (!content)
        return content.error();
    if (content->isEmpty())
        return QList<core::Policy>();
    return core::Policy::listFromJson(*content);
}

core::Result<QList<core::RegistrationEntry>> WhatIfModel::entriesOf(int version) const
{
    if (!m_document)
        return QList<core::RegistrationEntry>();
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    return store.entries(version);
}

core::Result<void> WhatIfModel::run(const QList<core::Policy> &base,
                                    const QList<core::Policy> &candidate, const QString &label)
{
    if (!m_document || isRunning())
        return core::makeError(core::ec::WhatIfNone);
    auto baseRules = core::RuleSet::fromPolicies(base);
    if (!baseRules)
        return baseRules.error();
    auto candidateRules = core::RuleSet::fromPolicies(candidate);
    if (!candidateRules)
        return candidateRules.error();
    return run(*baseRules, *candidateRules, label);
}

namespace {

// The worker: reads the evidence through its own connection, then replays it under both rule
// sets. Progress: records read, then records replayed, over twice the record count.
// The document's attestation results: in memory, shared with its other views, and kept in the
// workspace under this user's key (Document::replayTimeline's, for records read on the worker).
struct SharedResults
{
    std::shared_ptr<core::ReplayResultCache> cache;
    QByteArray sealKey;
    std::shared_ptr<core::TimelineReplay::StoredWork> work;
};

void runOnWorker(QPromise<core::Result<core::WhatIfReport>> &promise, const QString &path,
                 const core::TimelineReplay &setUp, const SharedResults &shared,
                 const core::RuleSet &base, const core::RuleSet &candidate,
                 const WhatIfModel::ReadHook &hook)
{
    using Outcome = core::Result<core::WhatIfReport>;
    promise.setProgressRange(0, 0);
    auto db = core::Database::open(path, core::Database::Mode::OpenExisting);
    if (!db) {
        promise.addResult(Outcome(db.error()));
        return;
    }
    core::AttestationStore store(*db);
    auto total = store.evidenceCount();
    if (!total) {
        promise.addResult(Outcome(total.error()));
        return;
    }
    const qint64 span = qMin<qint64>(*total, INT_MAX / 2);
    const qint64 every = qMax<qint64>(1, span / 100);
    promise.setProgressRange(0, int(2 * span));
    auto read = store.readEvidence([&](qsizetype done) {
        if (hook)
            hook(done);
        if (promise.isCanceled())
            return false;
        if (done % every == 0)
            promise.setProgressValue(int(qMin<qint64>(done, span)));
        return true;
    });
    if (promise.isCanceled())
        return;
    if (!read) {
        promise.addResult(Outcome(read.error()));
        return;
    }
    promise.setProgressValue(int(span));
    core::TimelineReplay replay = setUp;
    replay.setRecords(std::move(read->records), std::move(read->rowsDigest));
    replay.setResultCache(shared.cache);
    if (!shared.sealKey.isEmpty())
        replay.setStoredResults(std::make_shared<core::StoredReplayResults>(*db, shared.sealKey),
                                shared.work);
    replay.setCancelled([&promise] { return promise.isCanceled(); });
    replay.setProgress(
        [&promise, span](qint64 done, qint64) {
            promise.setProgressValue(int(span + qMin<qint64>(done, span)));
        },
        every);
    auto runs = core::WhatIf::runRules(replay, base, candidate, core::SimulationSettings());
    if (promise.isCanceled())
        return;
    if (!runs) {
        promise.addResult(Outcome(runs.error()));
        return;
    }
    promise.addResult(Outcome(core::WhatIf::compare(runs->base, runs->candidate)));
}

} // namespace

core::Result<void> WhatIfModel::run(const core::RuleSet &base, const core::RuleSet &candidate,
                                    const QString &label)
{
    if (!m_document || isRunning())
        return core::makeError(core::ec::WhatIfNone);
    // The set-up (anchors, bundles) on the document's connection; the records on the worker's.
    auto replay = core::TimelineReplay::fromWorkspace(
        m_document->workspace(Document::WriteAccess()), core::TimelineReplay::Options());
    if (!replay)
        return replay.error();
    m_pendingLabel = label;
    m_running = true;
    const SharedResults shared{m_document->replayResults(), m_document->resultSealKey(),
                               m_document->keptResultsWork()};
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [path = m_document->path(), replay = std::move(*replay), shared, base, candidate,
                  hook = m_readHook](QPromise<core::Result<core::WhatIfReport>> &promise) {
            runOnWorker(promise, path, replay, shared, base, candidate, hook);
        }));
    Q_EMIT started();
    return {};
}

void WhatIfModel::cancel()
{
    if (isRunning())
        m_watcher.cancel();
}

void WhatIfModel::onFinished()
{
    m_running = false;
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0) {
        Q_EMIT cancelled();
        return;
    }
    const core::Result<core::WhatIfReport> result = m_watcher.result();
    if (!result) {
        Q_EMIT failed(result.error());
        return;
    }
    beginResetModel();
    m_report = *result;
    m_label = m_pendingLabel;
    endResetModel();
    Q_EMIT finished();
}

WhatIfModel::Totals WhatIfModel::totals() const
{
    Totals t;
    if (!m_report)
        return t;
    for (const core::SubjectDifference &d : m_report->subjects) {
        ++t.subjects;
        t.gained += int(d.gained.size());
        t.lost += int(d.lost.size());
        t.changed += int(d.changed.size());
    }
    return t;
}

int WhatIfModel::rowOf(const QString &subject) const
{
    if (!m_report)
        return -1;
    for (int i = 0; i < m_report->subjects.size(); ++i) {
        if (m_report->subjects.at(i).subject == subject)
            return i;
    }
    return -1;
}

int WhatIfModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_report)
        return 0;
    return int(m_report->subjects.size());
}

int WhatIfModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WhatIfModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::SubjectDifference &d = m_report->subjects.at(index.row());
    switch (role) {
    case DivergedAtRole:
        return d.divergedAt;
    case SubjectRole:
        return d.subject;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubjectColumn:
            return d.subject;
        case GainedColumn:
            return idList(d.gained);
        case LostColumn:
            return idList(d.lost);
        case ChangedColumn:
            return idList(changedIds(d));
        case DivergedColumn:
            // As the time bar shows instants.
            return d.divergedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) +
                   QStringLiteral(" UTC");
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ChangedColumn: {
            QStringList lines;
            for (const core::SubjectDifference::Change &c : d.changed)
                lines << tr("%1: rules %2 → %3")
                             .arg(c.spiffeId, c.baseRules.join(QStringLiteral(", ")),
                                  c.candidateRules.join(QStringLiteral(", ")));
            return lines.join(QLatin1Char('\n'));
        }
        case DivergedColumn:
            return tr("Activate to move the time bar to this instant.");
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant WhatIfModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn:
        return tr("Subject");
    case GainedColumn:
        return tr("Gained");
    case LostColumn:
        return tr("Lost");
    case ChangedColumn:
        return tr("Changed");
    case DivergedColumn:
        return tr("First divergence");
    default:
        return {};
    }
}

} // namespace ta::models
