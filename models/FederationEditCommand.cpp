// SPDX-License-Identifier: Apache-2.0
#include "models/FederationEditCommand.h"

#include "core/federation/FederationStore.h"
#include "models/Document.h"

namespace ta::models {

FederationEditCommand::FederationEditCommand(Document *document, Operation operation,
                                             std::optional<core::StoredRelationship> before,
                                             std::optional<core::StoredRelationship> after)
    : m_document(document), m_before(std::move(before)), m_after(std::move(after))
{
    const core::FederationRelationship &r =
        m_before ? m_before->relationship : m_after->relationship;
    m_local = r.localTrustDomain.name();
    m_peer = r.peerTrustDomain.name();
    switch (operation) {
    case Operation::Add:
        setText(tr("Federate %1 with %2").arg(m_local, m_peer));
        break;
    case Operation::Edit:
        setText(tr("Edit federation of %1 with %2").arg(m_local, m_peer));
        break;
    case Operation::Remove:
        setText(tr("Remove federation of %1 with %2").arg(m_local, m_peer));
        break;
    }
}

void FederationEditCommand::undo()
{
    apply(m_before, m_after);
}

void FederationEditCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    apply(m_after, m_before);
}

void FederationEditCommand::apply(const std::optional<core::StoredRelationship> &target,
                                  std::optional<core::StoredRelationship> &other)
{
    core::FederationStore store(m_document->workspace(Document::WriteAccess()));
    core::Result<void> done;
    if (!target) {
        auto now = store.snapshot(m_local, m_peer);
        if (!now) {
            m_document->reportCommandFailure(now.error());
            return;
        }
        other = *now;
        done = store.remove(m_local, m_peer);
    } else if (other) {
        done = store.update(target->relationship);
    } else {
        done = store.restore(*target);
    }
    if (!done) {
        m_document->reportCommandFailure(done.error());
        return;
    }
    m_document->notifyFederationChanged();
}

} // namespace ta::models
