// SPDX-License-Identifier: Apache-2.0
#include "models/AuthorityStatusCommand.h"

#include "models/Document.h"

namespace ta::models {

AuthorityStatusCommand::States
AuthorityStatusCommand::statesOf(const core::CertificateAuthority &ca)
{
    States out;
    for (const core::AuthoritySlot &s : ca.slots())
        out.insert(s.id, SlotState{s.status, s.tainted});
    return out;
}

AuthorityStatusCommand::AuthorityStatusCommand(Document *document, Operation operation,
                                               const QString &trustDomain, const States &before,
                                               const States &after)
    : m_document(document), m_trustDomain(trustDomain), m_before(before), m_after(after)
{
    setText(operation == Operation::Activate ? tr("Activate authority in %1").arg(trustDomain)
                                             : tr("Taint authority in %1").arg(trustDomain));
}

void AuthorityStatusCommand::undo()
{
    apply(m_before);
}

void AuthorityStatusCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    apply(m_after);
}

void AuthorityStatusCommand::apply(const States &states)
{
    core::Workspace &ws = m_document->workspace(Document::WriteAccess());
    auto ca = ws.authority(m_trustDomain);
    if (!ca) {
        m_document->reportCommandFailure(ca.error());
        return;
    }
    QList<core::AuthoritySlot> slots = ca->slots();
    for (core::AuthoritySlot &s : slots) {
        const auto it = states.constFind(s.id);
        if (it == states.constEnd())
            continue;
        s.status = it->status;
        s.tainted = it->tainted;
    }
    const auto restored = core::CertificateAuthority::restore(ca->trustDomain(), ca->settings(),
                                                              ca->rootKey(), ca->root(), slots);
    if (auto r = ws.saveAuthority(restored); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_document->notifyAuthoritiesChanged(m_trustDomain);
}

} // namespace ta::models
