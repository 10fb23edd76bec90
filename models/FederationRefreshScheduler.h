// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/federation/BundleFetchRequest.h"
#include "models/FederationRefreshStatus.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace ta::core {
class BundleRefresher;
}

namespace ta::models {

class Document;

/// Keeps the open document's peer bundles fresh in the background: each relationship is fetched
/// when its peer's refresh hint says (SPIRE's five minutes when it gives none), a failure is
/// retried sooner and then less often, and every fetch runs on Qt Network's event-driven sockets,
/// so the window never waits on a peer. A fetched bundle is stored only when it is newer; a
/// failure stores nothing and shows as the relationship's status.
class FederationRefreshScheduler : public QObject
{
    Q_OBJECT

public:
    /// The first retry after a failure; each further failure doubles it, up to the default
    /// refresh interval.
    static constexpr qint64 kFirstRetrySeconds = 30;

    explicit FederationRefreshScheduler(Document *document, QObject *parent = nullptr);
    ~FederationRefreshScheduler() override;

    /// Automatic refresh: on, every relationship is fetched now and then as it falls due.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    /// Fetches @p relationshipId now, whether automatic refresh is on or not.
    void refreshNow(qint64 relationshipId);
    void refreshAll();

    FederationRefreshStatus status(qint64 relationshipId) const;
    /// Fetches still running.
    int running() const { return int(m_fetches.size()); }

    /// Lets tests (and a future settings page) adjust each fetch, e.g. its timeout.
    void setRequestAdjuster(std::function<void(core::BundleFetchRequest &)> adjust)
    {
        m_adjust = std::move(adjust);
    }

Q_SIGNALS:
    /// The status of @p relationshipId changed.
    void statusChanged(qint64 relationshipId);

private:
    void sync();
    void schedule();
    void fetchDue();
    void start(qint64 relationshipId);
    void finished(qint64 relationshipId, core::BundleRefresher *refresher);
    void fail(qint64 relationshipId, const core::Error &error);

    QPointer<Document> m_document;
    QTimer *m_timer;
    bool m_enabled = false;
    QHash<qint64, FederationRefreshStatus> m_status;
    QHash<qint64, core::BundleRefresher *> m_fetches;
    std::function<void(core::BundleFetchRequest &)> m_adjust;
};

} // namespace ta::models
