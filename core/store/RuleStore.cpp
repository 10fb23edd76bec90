// SPDX-License-Identifier: Apache-2.0
#include "core/store/RuleStore.h"
#include "core/store/StoreErrors.h"

#include <QUuid>

namespace ta::core {
namespace {

QString kindName(RuleKind kind)
{
    return kind == RuleKind::Policies ? QStringLiteral("policies") : QStringLiteral("entries");
}

} // namespace

Result<int> RuleStore::latestVersion(RuleKind kind)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM rule_documents WHERE kind = ?"));
    if (!st)
        return st.error();
    st->bind(1, kindName(kind));
    if (!st->next())
        return st->error() ? *st->error() : makeError(ec::StoreSqlite);
    return int(st->int64(0));
}

Result<int> RuleStore::save(RuleKind kind, const QByteArray &content, const QString &comment,
                            const QDateTime &now)
{
    int version = 0;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto latest = latestVersion(kind);
        if (!latest)
            return latest.error();
        version = *latest + 1;
        auto st = m_db.prepare(
            QStringLiteral("INSERT INTO rule_documents(kind, version, saved_at, comment, content) "
                           "VALUES (?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        st->bind(1, kindName(kind))
            .bind(2, version)
            .bind(3, now.toUTC().toString(Qt::ISODate))
            .bind(4, comment.isNull() ? QStringLiteral("") : comment)
            .bind(5, content);
        return st->exec();
    });
    if (!r)
        return r.error();
    return version;
}

Result<QByteArray> RuleStore::load(RuleKind kind, int version)
{
    auto st = m_db.prepare(
        version > 0
            ? QStringLiteral("SELECT content FROM rule_documents WHERE kind = ?1 AND version = ?2")
            : QStringLiteral("SELECT content FROM rule_documents WHERE kind = ?1 "
                             "ORDER BY version DESC LIMIT 1"));
    if (!st)
        return st.error();
    st->bind(1, kindName(kind));
    if (version > 0)
        st->bind(2, version);
    if (!st->next()) {
        if (st->error())
            return *st->error();
        if (version > 0)
            return makeError(ec::StoreUnknownVersion,
                             kindName(kind) + QLatin1Char(' ') + QString::number(version));
        return QByteArray();
    }
    return st->blob(0);
}

Result<QList<RuleVersion>> RuleStore::versions(RuleKind kind)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT version, saved_at, comment FROM rule_documents WHERE kind = ? ORDER BY version"));
    if (!st)
        return st.error();
    st->bind(1, kindName(kind));
    QList<RuleVersion> out;
    while (st->next()) {
        QDateTime t = QDateTime::fromString(st->text(1), Qt::ISODate);
        t.setTimeSpec(Qt::UTC);
        out.append({int(st->int64(0)), t, st->text(2)});
    }
    if (st->error())
        return *st->error();
    return out;
}

Result<QList<RegistrationEntry>> RuleStore::entries(int version)
{
    auto content = load(RuleKind::Entries, version);
    if (!content)
        return content.error();
    if (content->isEmpty())
        return QList<RegistrationEntry>();
    return RegistrationEntry::listFromJson(*content);
}

Result<int> RuleStore::saveEntries(QList<RegistrationEntry> entries, const QString &comment,
                                   const QDateTime &now)
{
    for (RegistrationEntry &e : entries) {
        if (e.id.isEmpty())
            e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (e.createdAt == 0)
            e.createdAt = now.toSecsSinceEpoch();
    }
    // Round-trip through the reader so that what is stored always reads back.
    const QByteArray json = RegistrationEntry::listToJson(entries);
    if (auto check = RegistrationEntry::listFromJson(json); !check)
        return check.error();
    return save(RuleKind::Entries, json, comment, now);
}

} // namespace ta::core
