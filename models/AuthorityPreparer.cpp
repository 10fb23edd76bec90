// SPDX-License-Identifier: Apache-2.0
#include "models/AuthorityPreparer.h"

#include "core/spiffe/CertificateAuthority.h"
#include "models/Document.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::models {

AuthorityPreparer::AuthorityPreparer(Document *document, QObject *parent)
    : QObject(parent), m_document(document)
{}

AuthorityPreparer::~AuthorityPreparer()
{
    // The worker holds only its own copy of the CA; it may finish unobserved.
    m_running.cancel();
}

void AuthorityPreparer::start(const QString &trustDomain, core::AuthorityKind kind)
{
    if (m_busy || !m_document)
        return;
    auto ca = m_document->workspace().authority(trustDomain);
    if (!ca) {
        Q_EMIT finished(ca.error(), false);
        return;
    }
    auto *watcher = new QFutureWatcher<core::Result<core::AuthoritySlot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, trustDomain] {
        watcher->deleteLater();
        done(trustDomain);
    });
    m_running =
        QtConcurrent::run([ca = *ca, kind, now = m_document->now(), hook = m_hook](
                              QPromise<core::Result<core::AuthoritySlot>> &promise) mutable {
            promise.setProgressRange(0, 1);
            if (hook)
                hook();
            if (promise.isCanceled())
                return;
            auto id = ca.prepare(kind, now);
            if (promise.isCanceled())
                return;
            if (!id) {
                promise.addResult(core::Result<core::AuthoritySlot>(id.error()));
                return;
            }
            promise.addResult(core::Result<core::AuthoritySlot>(*ca.slot(*id)));
            promise.setProgressValue(1);
        });
    watcher->setFuture(m_running);
    m_future = QFuture<void>(m_running);
    m_busy = true;
    Q_EMIT started(tr("Preparing a new authority for %1").arg(trustDomain), m_future);
}

void AuthorityPreparer::done(const QString &trustDomain)
{
    const QFuture<core::Result<core::AuthoritySlot>> run = m_running;
    m_running = {};
    m_busy = false;
    if (run.isCanceled() || run.resultCount() == 0 || !m_document) {
        Q_EMIT finished(std::nullopt, true);
        return;
    }
    const core::Result<core::AuthoritySlot> slot = run.result();
    if (!slot) {
        Q_EMIT finished(slot.error(), false);
        return;
    }
    // Stored on the GUI thread, into the CA as it is now (it may have changed meanwhile).
    if (auto r = m_document->addPreparedAuthority(trustDomain, *slot); !r) {
        Q_EMIT finished(r.error(), false);
        return;
    }
    Q_EMIT finished(std::nullopt, false);
}

} // namespace ta::models
