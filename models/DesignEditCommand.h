// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

namespace ta::models {

class Document;

/// Undo of an edit to the workspace's design (TopologyLab::saveDesign): the meta rows "design"
/// and "agent_trust_domain" as they were before and after, byte for byte (none: absent), so
/// undo restores exactly the design recorded before.
class DesignEditCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::DesignEditCommand)

public:
    /// The meta rows a design is recorded in.
    struct Rows
    {
        std::optional<QByteArray> design;
        std::optional<QByteArray> agentTrustDomain;
        bool operator==(const Rows &) const = default;
    };

    /// The change was written already; the first redo does nothing.
    DesignEditCommand(Document *document, const QString &text, Rows before, Rows after);

    void undo() override;
    void redo() override;

    /// The rows @p document holds now.
    static Rows read(Document *document);
    /// Makes @p document hold @p rows (one transaction) and tells it the design changed.
    [[nodiscard]] static bool write(Document *document, const Rows &rows);

private:
    Document *m_document;
    Rows m_before;
    Rows m_after;
    bool m_first = true;
};

} // namespace ta::models
