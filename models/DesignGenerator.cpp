// SPDX-License-Identifier: Apache-2.0
#include "models/DesignGenerator.h"

#include "core/attestation/AttestationErrors.h"
#include "core/store/Database.h"
#include "core/store/StoreErrors.h"
#include "models/Document.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace ta::models {

struct DesignGenerator::Outcome
{
    core::Result<core::LabSummary> result = core::makeError(core::ec::StoreCancelled);
};

DesignGenerator::DesignGenerator(Document *document, QObject *parent)
    : QObject(parent), m_document(document), m_watcher(new QFutureWatcher<void>(this))
{
    m_pool.setMaxThreadCount(1);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &DesignGenerator::finished);
}

DesignGenerator::~DesignGenerator()
{
    // The worker writes through its own connection, but must not outlive its document.
    if (m_future.isRunning()) {
        m_future.cancel();
        m_future.waitForFinished();
    }
}

bool DesignGenerator::isBusy() const
{
    // Until finished() has taken the outcome, on this thread: the future finishes on the
    // worker's thread, before that. Work started in between would take the watcher over, and
    // the outcome would never be handled.
    return m_outcome != nullptr;
}

void DesignGenerator::cancel()
{
    if (isBusy())
        m_future.cancel();
}

QFuture<void> DesignGenerator::generate(const core::LabTimeline &timeline)
{
    if (!m_document || isBusy())
        return {};
    core::Workspace &ws = m_document->workspace(Document::WriteAccess());
    const auto design = core::TopologyLab::loadDesign(ws);
    if (!design || design->nodes.isEmpty()) {
        Q_EMIT failed(
            core::makeError(core::ec::LabBadSettings, tr("the design has no node to attest")));
        return {};
    }
    const QStringList existing = ws.trustDomainNames();
    for (const QString &td : design->trustDomains) {
        if (!existing.contains(td)) {
            Q_EMIT failed(core::makeError(core::ec::LabBadSettings,
                                          tr("trust domain %1 is not in the workspace").arg(td)));
            return {};
        }
    }
    auto ca = ws.authority(design->effectiveAgentTrustDomain());
    if (!ca) {
        Q_EMIT failed(ca.error());
        return {};
    }
    m_outcome = std::make_shared<Outcome>();
    core::LabTimeline fixed = timeline;
    if (!fixed.start.isValid())
        fixed.start = m_document->now().addSecs(-timeline.span);
    const QString path = m_document->path();
    m_future = QtConcurrent::run(&m_pool, [path, topology = *design, fixed, ca = *ca,
                                           outcome = m_outcome](QPromise<void> &promise) {
        auto db = core::Database::open(path, core::Database::Mode::OpenExisting);
        if (!db) {
            outcome->result = db.error();
            return;
        }
        promise.setProgressRange(0, 0);
        outcome->result = core::TopologyLab::generateInto(
            *db, topology, fixed, ca, [&](qint64 done, qint64 total) {
                const int range = int(qMin<qint64>(total, std::numeric_limits<int>::max()));
                promise.setProgressRange(0, range);
                promise.setProgressValue(int(qMin<qint64>(done, range)));
                return !promise.isCanceled();
            });
    });
    m_watcher->setFuture(m_future);
    Q_EMIT started(tr("Generating evidence for the design"), m_future);
    return m_future;
}

void DesignGenerator::finished()
{
    const std::shared_ptr<Outcome> outcome = std::exchange(m_outcome, nullptr);
    if (!outcome || !m_document)
        return;
    if (!outcome->result) {
        Q_EMIT failed(outcome->result.error());
        return;
    }
    m_document->notifyDesignChanged();
    m_document->notifyAnchorsChanged();
    m_document->notifyEvidenceChanged();
    Q_EMIT generated(*outcome->result);
}

} // namespace ta::models
