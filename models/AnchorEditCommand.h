// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/AttestationStore.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace ta::models {

class Document;

/// Undo of any change to trust anchors and reference values (an import, an added, edited or
/// removed entry). It keeps the stored rows of every entry the change touched as they were
/// before and after it (JSON documents, IDs, row IDs, import times) and makes the file hold one
/// set or the other, so an undone import removes exactly what it added and puts back what it
/// replaced.
class AnchorEditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::AnchorEditCommand)

public:
    enum class Operation { Import, Add, Edit, Remove };

    /// The change was made already; the first redo does nothing. @p subject names the entry
    /// (unused for an import); @p keys are every entry the change touched.
    AnchorEditCommand(Document *document, Operation operation, core::AnchorList list,
                      const QString &subject, QList<core::AnchorEntryKey> keys,
                      QList<core::StoredAnchorEntry> before, QList<core::StoredAnchorEntry> after);

    void undo() override;
    void redo() override;

private:
    static QString describe(Operation operation, core::AnchorList list, const QString &subject,
                            int count);
    void apply(const QList<core::StoredAnchorEntry> &entries);

    Document *m_document;
    QList<core::AnchorEntryKey> m_keys;
    QList<core::StoredAnchorEntry> m_before;
    QList<core::StoredAnchorEntry> m_after;
    bool m_first = true;
};

} // namespace ta::models
