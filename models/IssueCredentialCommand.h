// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/CredentialRecord.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace ta::models {

class Document;

/// Undo of issuing a credential: undo deletes its record, redo records the same credential
/// (same serial, same signed material) again. A private key handed out is not taken back by
/// undo; the record is what the workspace audits.
class IssueCredentialCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::IssueCredentialCommand)

public:
    /// @p record was stored already; the first redo does nothing.
    IssueCredentialCommand(Document *document, const core::CredentialRecord &record);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    core::CredentialRecord m_record;
    bool m_done = true;
};

} // namespace ta::models
