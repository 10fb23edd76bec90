// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/CredentialRecord.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace ta::models {

class Document;

/// Undo of changing a credential's recorded status (revoking it in the workspace).
class SetCredentialStatusCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::SetCredentialStatusCommand)

public:
    /// The status was set already; the first redo does nothing.
    SetCredentialStatusCommand(Document *document, const core::CredentialRecord &record,
                               core::CredentialRecord::Status after);

    void undo() override;
    void redo() override;

private:
    void apply(core::CredentialRecord::Status status);

    Document *m_document;
    // Found again by (trust domain, kind, serial), which outlives row IDs across undo and redo.
    QString m_trustDomain;
    core::AuthorityKind m_kind;
    QString m_serial;
    core::CredentialRecord::Status m_before;
    core::CredentialRecord::Status m_after;
    bool m_first = true;
};

} // namespace ta::models
