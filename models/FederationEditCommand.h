// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/federation/StoredRelationship.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

namespace ta::models {

class Document;

/// Undo of a federation relationship added, edited or removed. It holds the relationship as it
/// was before and after the change (none: absent). A removal keeps the peer bundles fetched for
/// the relationship, and a removal done by undo or redo takes a fresh copy first, so bundles a
/// background refresh fetched in between come back too. Undoing an edit rewrites the endpoint
/// fields only: the fetched bundles are the peer's, not the edit's.
class FederationEditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::FederationEditCommand)

public:
    enum class Operation { Add, Edit, Remove };

    /// The change was made already; the first redo does nothing.
    FederationEditCommand(Document *document, Operation operation,
                          std::optional<core::StoredRelationship> before,
                          std::optional<core::StoredRelationship> after);

    void undo() override;
    void redo() override;

private:
    /// Makes the workspace hold @p target; @p other is the state it holds now and takes the
    /// fresh copy of a relationship that is removed.
    void apply(const std::optional<core::StoredRelationship> &target,
               std::optional<core::StoredRelationship> &other);

    Document *m_document;
    QString m_local;
    QString m_peer;
    std::optional<core::StoredRelationship> m_before;
    std::optional<core::StoredRelationship> m_after;
    bool m_first = true;
};

} // namespace ta::models
