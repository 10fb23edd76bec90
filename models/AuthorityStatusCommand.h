// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spiffe/CertificateAuthority.h"

#include <QCoreApplication>
#include <QHash>
#include <QUndoCommand>

namespace ta::models {

class Document;

/// Undo of an authority slot change that leaves the bundle as it was (activating a prepared
/// authority, tainting an old one): it records each slot's status and taint before and after,
/// by authority ID, and writes them back. Changes that alter the published bundle (prepare,
/// revoke) are not commands: relying parties may have fetched the bundle already.
class AuthorityStatusCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::AuthorityStatusCommand)

public:
    enum class Operation { Activate, Taint };

    struct SlotState
    {
        core::SlotStatus status = core::SlotStatus::Prepared;
        bool tainted = false;
    };
    using States = QHash<QString, SlotState>;

    static States statesOf(const core::CertificateAuthority &ca);

    /// The change was made already; the first redo does nothing.
    AuthorityStatusCommand(Document *document, Operation operation, const QString &trustDomain,
                           const States &before, const States &after);

    void undo() override;
    void redo() override;

private:
    void apply(const States &states);

    Document *m_document;
    QString m_trustDomain;
    States m_before;
    States m_after;
    bool m_first = true;
};

} // namespace ta::models
