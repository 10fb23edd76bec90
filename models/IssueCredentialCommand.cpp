// SPDX-License-Identifier: Apache-2.0
#include "models/IssueCredentialCommand.h"

#include "models/Document.h"

namespace ta::models {

IssueCredentialCommand::IssueCredentialCommand(Document *document,
                                               const core::CredentialRecord &record)
    : m_document(document), m_record(record)
{
    setText(record.kind == core::AuthorityKind::X509
                ? tr("Issue X509-SVID %1").arg(record.spiffeId)
                : tr("Issue JWT-SVID %1").arg(record.spiffeId));
}

void IssueCredentialCommand::undo()
{
    if (!m_done)
        return;
    if (auto r = m_document->workspace(Document::WriteAccess()).deleteCredential(m_record.id); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_done = false;
    m_document->notifyCredentialsChanged({m_record.id});
}

void IssueCredentialCommand::redo()
{
    if (m_done)
        return;
    auto id = m_document->workspace(Document::WriteAccess()).recordCredential(m_record);
    if (!id) {
        m_document->reportCommandFailure(id.error());
        return;
    }
    m_record.id = *id;
    m_done = true;
    m_document->notifyCredentialsChanged({m_record.id});
}

} // namespace ta::models
