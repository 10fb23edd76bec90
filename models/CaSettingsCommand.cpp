// SPDX-License-Identifier: Apache-2.0
#include "models/CaSettingsCommand.h"

#include "models/Document.h"

namespace ta::models {

CaSettingsCommand::CaSettingsCommand(Document *document, const QString &trustDomain,
                                     const core::CaSettings &before, const core::CaSettings &after)
    : m_document(document), m_trustDomain(trustDomain), m_before(before), m_after(after)
{
    setText(tr("Change the lifetimes of %1").arg(trustDomain));
}

void CaSettingsCommand::undo()
{
    apply(m_before);
}

void CaSettingsCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    apply(m_after);
}

void CaSettingsCommand::apply(const core::CaSettings &settings)
{
    core::Workspace &ws = m_document->workspace(Document::WriteAccess());
    auto ca = ws.authority(m_trustDomain);
    if (!ca) {
        m_document->reportCommandFailure(ca.error());
        return;
    }
    ca->setSettings(settings);
    if (auto r = ws.saveAuthority(*ca); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_document->notifyAuthoritiesChanged(m_trustDomain);
}

} // namespace ta::models
