// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/TrustDomainSnapshot.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace ta::models {

class Document;

/// Undo of deleting a trust domain: the rows taken before the delete are put back as they were.
class DeleteTrustDomainCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::DeleteTrustDomainCommand)

public:
    /// The trust domain in @p snapshot was deleted already; the first redo does nothing.
    DeleteTrustDomainCommand(Document *document, core::TrustDomainSnapshot snapshot);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    core::TrustDomainSnapshot m_snapshot;
    bool m_done = true;
};

} // namespace ta::models
