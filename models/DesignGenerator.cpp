// SPDX-License-Identifier: Apache-2.0
#include "models/DesignGenerator.h"

#include "core/attestation/AttestationErrors.h"
#include "core/store/Database.h"
#include "core/store/StoreErrors.h"
#include "models/Document.h"

#include <QPromise>

#include <memory>

namespace ta::models {

struct DesignGenerator::Outcome
{
    core::Result<core::LabSummary> result = core::makeError(core::ec::StoreCancelled);
};

DesignGenerator::DesignGenerator(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{}

DesignGenerator::~DesignGenerator() = default;

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
    auto outcome = std::make_shared<Outcome>();
    core::LabTimeline fixed = timeline;
    if (!fixed.start.isValid())
        fixed.start = m_document->now().addSecs(-timeline.span);
    const QString path = m_document->path();
    auto work = [path, topology = *design, fixed, ca = *ca, outcome](QPromise<void> &promise) {
        auto db = core::Database::open(path, core::Database::Mode::OpenExisting);
        if (!db) {
            outcome->result = db.error();
            return;
        }
        promise.setProgressRange(0, 0);
        outcome->result = core::TopologyLab::generateInto(
            *db, topology, fixed, ca, [&](qint64 done, qint64 total) {
                WorkerJob::reportProgress(promise, done, total);
                return !promise.isCanceled();
            });
    };
    const QFuture<void> future =
        m_job.start(std::move(work), [this, outcome](bool) { finished(*outcome); });
    Q_EMIT started(tr("Generating evidence for the design"), future);
    return future;
}

void DesignGenerator::finished(const Outcome &outcome)
{
    if (!m_document)
        return;
    if (!outcome.result) {
        Q_EMIT failed(outcome.result.error());
        return;
    }
    m_document->notifyDesignChanged();
    m_document->notifyAnchorsChanged();
    m_document->notifyEvidenceChanged();
    Q_EMIT generated(*outcome.result);
}

} // namespace ta::models
