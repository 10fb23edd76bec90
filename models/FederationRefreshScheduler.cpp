// SPDX-License-Identifier: Apache-2.0
#include "models/FederationRefreshScheduler.h"

#include "core/federation/BundleRefresher.h"
#include "core/federation/FederationStore.h"
#include "models/Document.h"

#include <QTimer>

#include <algorithm>

namespace ta::models {

using core::BundleRefresher;
using State = FederationRefreshStatus::State;

FederationRefreshScheduler::FederationRefreshScheduler(Document *document, QObject *parent)
    : QObject(parent), m_document(document), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &FederationRefreshScheduler::fetchDue);
    connect(document, &Document::federationChanged, this, &FederationRefreshScheduler::sync);
    connect(document, &Document::trustDomainsChanged, this, &FederationRefreshScheduler::sync);
    sync();
}

FederationRefreshScheduler::~FederationRefreshScheduler()
{
    // A fetch still running is abandoned: its refresher (and socket) goes with this object.
    qDeleteAll(m_fetches);
}

void FederationRefreshScheduler::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_status.begin(); it != m_status.end(); ++it) {
        // Turned on, everything is fetched at once; turned off, nothing is due.
        it->nextFetch = enabled ? now : QDateTime();
        Q_EMIT statusChanged(it.key());
    }
    schedule();
}

FederationRefreshStatus FederationRefreshScheduler::status(qint64 relationshipId) const
{
    return m_status.value(relationshipId);
}

void FederationRefreshScheduler::sync()
{
    if (!m_document)
        return;
    auto relationships = m_document->federationRelationships();
    if (!relationships)
        return;
    QSet<qint64> present;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const core::FederationRelationship &r : std::as_const(*relationships)) {
        present.insert(r.id);
        if (!m_status.contains(r.id)) {
            FederationRefreshStatus s;
            if (m_enabled)
                s.nextFetch = now;
            m_status.insert(r.id, s);
        }
    }
    for (auto it = m_status.begin(); it != m_status.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        // A removed relationship stops: a fetch for it would have nowhere to store.
        delete m_fetches.take(it.key());
        it = m_status.erase(it);
    }
    schedule();
}

void FederationRefreshScheduler::schedule()
{
    QDateTime earliest;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it) {
        if (!it->nextFetch.isValid() || m_fetches.contains(it.key()))
            continue;
        if (!earliest.isValid() || it->nextFetch < earliest)
            earliest = it->nextFetch;
    }
    if (!earliest.isValid()) {
        m_timer->stop();
        return;
    }
    const qint64 wait = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(earliest));
    // QTimer takes an int; a day is as far as anything here looks ahead.
    m_timer->start(int(std::min<qint64>(wait, 24LL * 3600 * 1000)));
}

void FederationRefreshScheduler::fetchDue()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> due;
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it) {
        if (it->nextFetch.isValid() && it->nextFetch <= now && !m_fetches.contains(it.key()))
            due << it.key();
    }
    for (qint64 id : std::as_const(due))
        start(id);
    schedule();
}

void FederationRefreshScheduler::refreshNow(qint64 relationshipId)
{
    if (m_status.contains(relationshipId) && !m_fetches.contains(relationshipId))
        start(relationshipId);
}

void FederationRefreshScheduler::refreshAll()
{
    const QList<qint64> ids = m_status.keys();
    for (qint64 id : ids)
        refreshNow(id);
}

void FederationRefreshScheduler::start(qint64 relationshipId)
{
    if (!m_document)
        return;
    FederationRefreshStatus &s = m_status[relationshipId];
    s.lastAttempt = QDateTime::currentDateTimeUtc();
    core::FederationStore store(m_document->workspace(Document::WriteAccess()));
    auto relationships = store.relationships();
    if (!relationships)
        return fail(relationshipId, relationships.error());
    auto found = std::find_if(relationships->cbegin(), relationships->cend(),
                              [&](const auto &r) { return r.id == relationshipId; });
    if (found == relationships->cend())
        return;
    auto request =
        BundleRefresher::requestFor(m_document->workspace(Document::WriteAccess()), *found);
    if (!request)
        return fail(relationshipId, request.error());
    if (m_adjust)
        m_adjust(*request);
    auto *refresher = new BundleRefresher(m_document->workspace(Document::WriteAccess()));
    m_fetches.insert(relationshipId, refresher);
    s.state = State::Fetching;
    connect(refresher, &BundleRefresher::finished, this,
            [this, relationshipId, refresher] { finished(relationshipId, refresher); });
    Q_EMIT statusChanged(relationshipId);
    refresher->refresh(*found, *request);
}

void FederationRefreshScheduler::finished(qint64 relationshipId, BundleRefresher *refresher)
{
    m_fetches.remove(relationshipId);
    refresher->deleteLater();
    if (!m_status.contains(relationshipId))
        return;
    if (!refresher->result()) {
        fail(relationshipId, refresher->result().error());
        return;
    }
    FederationRefreshStatus &s = m_status[relationshipId];
    s.state = State::Succeeded;
    s.outcome = *refresher->result();
    s.error.reset();
    s.failures = 0;
    s.nextFetch = m_enabled ? refresher->nextRefresh() : QDateTime();
    Q_EMIT statusChanged(relationshipId);
    // The last fetch time moved and perhaps a new bundle is held: the graph and the tables redraw.
    if (m_document)
        m_document->notifyFederationChanged();
    schedule();
}

void FederationRefreshScheduler::fail(qint64 relationshipId, const core::Error &error)
{
    FederationRefreshStatus &s = m_status[relationshipId];
    s.state = State::Failed;
    s.error = error;
    s.outcome.reset();
    ++s.failures;
    const qint64 retry = std::min<qint64>(BundleRefresher::kDefaultRefreshSeconds,
                                          kFirstRetrySeconds << std::min(s.failures - 1, 4));
    s.nextFetch = m_enabled ? QDateTime::currentDateTimeUtc().addSecs(retry) : QDateTime();
    Q_EMIT statusChanged(relationshipId);
    schedule();
}

} // namespace ta::models
