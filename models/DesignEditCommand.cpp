// SPDX-License-Identifier: Apache-2.0
#include "models/DesignEditCommand.h"

#include "models/Document.h"

namespace ta::models {
namespace {

const QString kDesign = QStringLiteral("design");
const QString kAgentTrustDomain = QStringLiteral("agent_trust_domain");

std::optional<QByteArray> readMeta(core::Database &db, const QString &key)
{
    auto st = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!st)
        return std::nullopt;
    st->bind(1, key);
    if (!st->next())
        return std::nullopt;
    return st->blob(0);
}

core::Result<void> writeMeta(core::Database &db, const QString &key,
                             const std::optional<QByteArray> &value)
{
    auto st = db.prepare(value ? QStringLiteral("INSERT OR REPLACE INTO meta(key, value) "
                                                "VALUES (?, ?)")
                               : QStringLiteral("DELETE FROM meta WHERE key = ?"));
    if (!st)
        return st.error();
    st->bind(1, key);
    if (value)
        st->bind(2, *value);
    return st->exec();
}

} // namespace

DesignEditCommand::DesignEditCommand(Document *document, const QString &text, Rows before,
                                     Rows after)
    : m_document(document), m_before(std::move(before)), m_after(std::move(after))
{
    setText(text);
}

DesignEditCommand::Rows DesignEditCommand::read(Document *document)
{
    core::Database &db = document->workspace(Document::WriteAccess()).database();
    return {readMeta(db, kDesign), readMeta(db, kAgentTrustDomain)};
}

bool DesignEditCommand::write(Document *document, const Rows &rows)
{
    core::Database &db = document->workspace(Document::WriteAccess()).database();
    auto r = db.transaction([&]() -> core::Result<void> {
        if (auto d = writeMeta(db, kDesign, rows.design); !d)
            return d;
        return writeMeta(db, kAgentTrustDomain, rows.agentTrustDomain);
    });
    if (!r) {
        document->reportCommandFailure(r.error());
        return false;
    }
    document->notifyDesignChanged();
    return true;
}

void DesignEditCommand::undo()
{
    (void)write(m_document, m_before);
}

void DesignEditCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    (void)write(m_document, m_after);
}

} // namespace ta::models
