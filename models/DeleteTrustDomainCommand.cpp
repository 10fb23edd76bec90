// SPDX-License-Identifier: Apache-2.0
#include "models/DeleteTrustDomainCommand.h"

#include "models/Document.h"

namespace ta::models {

DeleteTrustDomainCommand::DeleteTrustDomainCommand(Document *document,
                                                   core::TrustDomainSnapshot snapshot)
    : m_document(document), m_snapshot(std::move(snapshot))
{
    setText(tr("Delete trust domain %1").arg(m_snapshot.name()));
}

void DeleteTrustDomainCommand::undo()
{
    if (!m_done)
        return;
    if (auto r = m_snapshot.restore(m_document->workspace(Document::WriteAccess())); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_done = false;
    m_document->notifyTrustDomainsChanged(m_snapshot.name());
    m_document->notifyCredentialsChanged();
}

void DeleteTrustDomainCommand::redo()
{
    if (m_done)
        return;
    // Take the rows again: the state may differ from the first time only by what undo restored.
    auto snapshot = core::TrustDomainSnapshot::capture(
        m_document->workspace(Document::WriteAccess()), m_snapshot.name());
    if (!snapshot) {
        m_document->reportCommandFailure(snapshot.error());
        return;
    }
    if (auto r =
            m_document->workspace(Document::WriteAccess()).deleteTrustDomain(m_snapshot.name());
        !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_snapshot = std::move(*snapshot);
    m_done = true;
    m_document->notifyTrustDomainsChanged(m_snapshot.name());
    m_document->notifyCredentialsChanged();
}

} // namespace ta::models
