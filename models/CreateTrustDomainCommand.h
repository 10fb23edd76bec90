// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/TrustDomainSnapshot.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

namespace ta::models {

class Document;

/// Undo of creating a trust domain: undo keeps its rows and deletes it, redo puts back the very
/// same CA (same keys), so credentials redone after it still chain to it.
class CreateTrustDomainCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::CreateTrustDomainCommand)

public:
    /// The trust domain @p name was created already; the first redo does nothing.
    CreateTrustDomainCommand(Document *document, const QString &name);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    QString m_name;
    std::optional<core::TrustDomainSnapshot> m_snapshot;
    bool m_done = true;
};

} // namespace ta::models
