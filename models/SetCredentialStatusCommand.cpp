// SPDX-License-Identifier: Apache-2.0
#include "models/SetCredentialStatusCommand.h"
#include "core/store/StoreErrors.h"

#include "models/Document.h"

namespace ta::models {

SetCredentialStatusCommand::SetCredentialStatusCommand(Document *document,
                                                       const core::CredentialRecord &record,
                                                       core::CredentialRecord::Status after)
    : m_document(document), m_trustDomain(record.trustDomain), m_kind(record.kind),
      m_serial(record.serial), m_before(record.status), m_after(after)
{
    setText(after == core::CredentialRecord::Status::Revoked
                ? tr("Revoke credential %1").arg(record.spiffeId)
                : tr("Reinstate credential %1").arg(record.spiffeId));
}

void SetCredentialStatusCommand::undo()
{
    apply(m_before);
}

void SetCredentialStatusCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    apply(m_after);
}

void SetCredentialStatusCommand::apply(core::CredentialRecord::Status status)
{
    auto records = m_document->workspace(Document::WriteAccess()).credentials(m_trustDomain);
    if (!records) {
        m_document->reportCommandFailure(records.error());
        return;
    }
    qint64 id = 0;
    for (const core::CredentialRecord &c : *records) {
        if (c.kind == m_kind && c.serial == m_serial)
            id = c.id;
    }
    if (id == 0) {
        m_document->reportCommandFailure(
            core::makeError(core::ec::StoreUnknownCredential, m_serial));
        return;
    }
    if (auto r = m_document->workspace(Document::WriteAccess()).setCredentialStatus(id, status);
        !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_document->notifyCredentialsChanged({id});
}

} // namespace ta::models
