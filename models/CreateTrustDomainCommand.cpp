// SPDX-License-Identifier: Apache-2.0
#include "models/CreateTrustDomainCommand.h"

#include "models/Document.h"

namespace ta::models {

CreateTrustDomainCommand::CreateTrustDomainCommand(Document *document, const QString &name)
    : m_document(document), m_name(name)
{
    setText(tr("Create trust domain %1").arg(name));
}

void CreateTrustDomainCommand::undo()
{
    auto snapshot =
        core::TrustDomainSnapshot::capture(m_document->workspace(Document::WriteAccess()), m_name);
    if (!snapshot) {
        m_document->reportCommandFailure(snapshot.error());
        return;
    }
    if (auto r = m_document->workspace(Document::WriteAccess()).deleteTrustDomain(m_name); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_snapshot = std::move(*snapshot);
    m_done = false;
    m_document->notifyTrustDomainsChanged(m_name);
    m_document->notifyCredentialsChanged();
}

void CreateTrustDomainCommand::redo()
{
    if (m_done)
        return;
    if (!m_snapshot)
        return;
    if (auto r = m_snapshot->restore(m_document->workspace(Document::WriteAccess())); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_done = true;
    m_document->notifyTrustDomainsChanged(m_name);
    m_document->notifyCredentialsChanged();
}

} // namespace ta::models
