// SPDX-License-Identifier: Apache-2.0
#include "models/PolicyResimulator.h"

#include "models/Document.h"

#include "core/policy/PolicyEnv.h"
#include "core/simulation/Simulation.h"
#include "core/simulation/WhatIf.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::models {
namespace {

QString example(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QLatin1Char('\'') + v.toString() + QLatin1Char('\'');
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    default:
        return QStringLiteral("null");
    }
}

void collect(const QString &path, const QJsonValue &v, int depth,
             PolicyResimulator::ClaimExamples &out)
{
    if (!out.contains(path))
        out.insert(path, example(v).left(120));
    if (!v.isObject() || depth >= 4)
        return;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        collect(path + QLatin1Char('.') + it.key(), it.value(), depth + 1, out);
}

bool isClaimVariable(const QString &name)
{
    for (int i = 0; i < core::PolicyEnv::claimVariableCount; ++i)
        if (name == QLatin1String(core::PolicyEnv::claimVariableName(i).data(),
                                  qsizetype(core::PolicyEnv::claimVariableName(i).size())))
            return true;
    return false;
}

} // namespace

PolicyResimulator::PolicyResimulator(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_pool.setMaxThreadCount(2);
    m_timer.setSingleShot(true);
    // Short: a run supersedes the one before, so the delay only gathers a burst of keys, and the
    // keystroke-to-redraw target (100 ms, DESIGN.md) leaves no room for a long one.
    m_timer.setInterval(30);
    connect(&m_timer, &QTimer::timeout, this, &PolicyResimulator::start);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &PolicyResimulator::onRunFinished);
    connect(&m_claimWatcher, &QFutureWatcherBase::finished, this, [this] {
        // Cancelled (a newer timeline, or Cancel in the status bar): the examples stay as they
        // were and no results are kept; each run then verifies the timeline itself.
        if (m_claimWatcher.isCanceled() || m_claimWatcher.future().resultCount() == 0)
            return;
        const Scan scan = m_claimWatcher.result();
        m_claims = scan.claims;
        m_results = scan.results;
        Q_EMIT claimsReady();
    });
}

PolicyResimulator::~PolicyResimulator()
{
    // The workers hold copies of everything they read; waiting only keeps them from outliving
    // the application. The scan stops at its next record.
    m_claimWatcher.future().cancel();
    m_watcher.waitForFinished();
    m_claimWatcher.waitForFinished();
}

core::Result<void> PolicyResimulator::prepare(const QList<core::Policy> &base)
{
    // A scan of the timeline read before is no longer wanted: it stops at its next record
    // instead of holding one of the two threads (and the CPU) until it has verified everything.
    m_claimWatcher.future().cancel();
    core::Workspace &ws = m_document->workspace(Document::WriteAccess());
    auto replay = core::TimelineReplay::fromWorkspace(ws, core::TimelineReplay::Options());
    if (!replay)
        return replay.error();
    // Shared with the time bar and the decision log: one of them verifies the timeline (or
    // reads what this user verified before from the workspace).
    auto records = m_document->replayTimeline(*replay);
    if (!records)
        return records.error();
    m_evidenceCount = *records;
    m_results.reset();
    // Both base runs were decided over the results of the timeline read before.
    m_baseEntriesRun.reset();
    m_replay = std::move(*replay);
    ++m_timeline;
    if (auto b = setBase(base); !b)
        return b;
    QFuture<Scan> future = QtConcurrent::run(&m_pool, [scan = *m_replay](
                                                          QPromise<Scan> &promise) mutable {
        scan.setCancelled([&promise] { return promise.isCanceled(); });
        scan.setProgress(
            [&promise](qint64 done, qint64 total) {
                promise.setProgressRange(0, int(qMin<qint64>(total, INT_MAX)));
                promise.setProgressValue(int(qMin<qint64>(done, INT_MAX)));
            },
            256);
        ClaimExamples out;
        auto r = scan.replay([&](const core::AttestationResult &result) {
            collect(QStringLiteral("subject"), result.subject, 0, out);
            collect(QStringLiteral("attestor"), result.attestor, 0, out);
            collect(QStringLiteral("verdict"), core::verdictName(result.verdict()), 0, out);
            if (!result.selectors.isEmpty())
                collect(QStringLiteral("selectors"), QJsonArray::fromStringList(result.selectors),
                        0, out);
            for (auto it = result.claims.begin(); it != result.claims.end(); ++it)
                collect(isClaimVariable(it.key()) ? it.key() : QStringLiteral("claims.") + it.key(),
                        it.value(), 0, out);
        });
        Scan kept;
        kept.claims = std::move(out);
        if (r)
            kept.results = scan.resultCache()->find(scan.cacheKey());
        promise.addResult(std::move(kept));
    });
    m_claimWatcher.setFuture(future);
    Q_EMIT workStarted(tr("Reading the evidence for the policy studio"), QFuture<void>(future));
    return {};
}

core::Result<void> PolicyResimulator::setBase(const QList<core::Policy> &base)
{
    auto rules = core::RuleSet::fromPolicies(base);
    if (!rules)
        return rules.error();
    m_base = *rules;
    m_baseRun.reset();
    ++m_baseGeneration;
    return {};
}

core::Result<void> PolicyResimulator::setBaseEntries(const QList<core::RegistrationEntry> &base)
{
    auto rules = core::RuleSet::fromEntries(base);
    if (!rules)
        return rules.error();
    m_baseEntries = *rules;
    m_baseEntriesRun.reset();
    ++m_baseGeneration;
    return {};
}

void PolicyResimulator::requestEntries(const QList<core::RegistrationEntry> &candidate)
{
    m_candidateEntries = candidate;
    m_entriesMode = true;
    m_sinceRequest.start();
    m_timer.start();
}

void PolicyResimulator::request(const QList<core::Policy> &candidate)
{
    m_candidate = candidate;
    m_entriesMode = false;
    m_sinceRequest.start();
    m_timer.start();
}

void PolicyResimulator::start()
{
    const std::optional<core::RuleSet> &base = m_entriesMode ? m_baseEntries : m_base;
    if (!m_replay || !base)
        return;
    if (m_running) {
        m_pending = true;
        return;
    }
    auto candidate = m_entriesMode ? core::RuleSet::fromEntries(m_candidateEntries)
                                   : core::RuleSet::fromPolicies(m_candidate);
    if (!candidate) {
        Q_EMIT failed(candidate.error());
        return;
    }
    Q_EMIT started();
    m_running = true;
    m_runTimeline = m_timeline;
    const bool entries = m_entriesMode;
    if (m_results) {
        // The kept results decided under the candidate, against the kept base run (made once).
        m_watcher.setFuture(QtConcurrent::run(
            &m_pool,
            [results = m_results, baseRules = *base, cand = *candidate, settings = m_settings,
             baseRun = entries ? m_baseEntriesRun : m_baseRun, entries,
             generation = m_baseGeneration]() mutable -> core::Result<Outcome> {
                auto decide = [&](const core::RuleSet &rules) {
                    core::Simulation sim(rules, settings);
                    for (size_t i = 0; i < results->results.size(); ++i)
                        sim.feed(results->results[i], results->subjects[i]);
                    return std::make_shared<const core::SimulationRun>(sim.finish());
                };
                Outcome out;
                out.entries = entries;
                out.baseGeneration = generation;
                if (!baseRun)
                    baseRun = out.base = decide(baseRules);
                out.candidate = decide(cand);
                out.report = core::WhatIf::compare(*baseRun, *out.candidate);
                return out;
            }));
        Q_EMIT workStarted(tr("Re-simulating the policies"), QFuture<void>(m_watcher.future()));
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool,
        [replay = *m_replay, baseRules = *base, cand = *candidate,
         settings = m_settings]() -> core::Result<Outcome> {
            auto runs = core::WhatIf::runRules(replay, baseRules, cand, settings);
            if (!runs)
                return runs.error();
            Outcome out;
            out.report = core::WhatIf::compare(runs->base, runs->candidate);
            out.candidate = std::make_shared<const core::SimulationRun>(std::move(runs->candidate));
            return out;
        }));
    Q_EMIT workStarted(tr("Re-simulating the policies"), QFuture<void>(m_watcher.future()));
}

void PolicyResimulator::onRunFinished()
{
    m_running = false;
    // A cancelled run (from the status bar) leaves the last result standing. A run over the
    // timeline read before this one (records imported while it worked) is dropped, base run and
    // all: its difference would be shown as the new evidence's. The import asked for a run of
    // the same edit over the new timeline, pending or due.
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0 ||
        m_runTimeline != m_timeline) {
        if (m_pending) {
            m_pending = false;
            start();
        }
        return;
    }
    const core::Result<Outcome> result = m_watcher.result();
    // A base run is kept while the base it was made from still is the base.
    if (result && result->base && result->baseGeneration == m_baseGeneration) {
        if (result->entries && !m_baseEntriesRun)
            m_baseEntriesRun = result->base;
        else if (!result->entries && !m_baseRun)
            m_baseRun = result->base;
    }
    if (m_pending) {
        // A newer edit arrived while this run worked: its result is stale.
        m_pending = false;
        start();
        return;
    }
    m_lastLatency = m_sinceRequest.isValid() ? m_sinceRequest.elapsed() : -1;
    if (result) {
        Q_EMIT candidateReady(result->candidate);
        Q_EMIT finished(result->report);
    } else {
        Q_EMIT failed(result.error());
    }
}

} // namespace ta::models
