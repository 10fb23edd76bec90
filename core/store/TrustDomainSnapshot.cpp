// SPDX-License-Identifier: Apache-2.0
#include "core/store/TrustDomainSnapshot.h"
#include "core/store/StoreErrors.h"

#include <sqlite3.h>

#include <memory>

namespace ta::core {
namespace {

struct Finalizer
{
    void operator()(sqlite3_stmt *st) const { sqlite3_finalize(st); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalizer>;

Error sqlError(sqlite3 *db)
{
    return makeError(ec::StoreSqlite, QString::fromUtf8(sqlite3_errmsg(db)));
}

Result<StatementPtr> prepare(sqlite3 *db, const QString &sql)
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) != SQLITE_OK)
        return sqlError(db);
    return StatementPtr(st);
}

QVariant columnValue(sqlite3_stmt *st, int col)
{
    switch (sqlite3_column_type(st, col)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue(qint64(sqlite3_column_int64(st, col)));
    case SQLITE_FLOAT:
        return sqlite3_column_double(st, col);
    case SQLITE_TEXT:
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, col)),
                                 sqlite3_column_bytes(st, col));
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(st, col)),
                          sqlite3_column_bytes(st, col));
    default:
        return {};
    }
}

void bindValue(sqlite3_stmt *st, int index, const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::LongLong:
        sqlite3_bind_int64(st, index, v.toLongLong());
        break;
    case QMetaType::Double:
        sqlite3_bind_double(st, index, v.toDouble());
        break;
    case QMetaType::QString: {
        const QByteArray utf8 = v.toString().toUtf8();
        sqlite3_bind_text(st, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        break;
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = v.toByteArray();
        sqlite3_bind_blob(st, index, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        break;
    }
    default:
        sqlite3_bind_null(st, index);
    }
}

} // namespace

Result<TrustDomainSnapshot> TrustDomainSnapshot::capture(Workspace &workspace, const QString &name)
{
    sqlite3 *db = workspace.database().handle();
    // Parents before children, so that restore satisfies the foreign keys in this order.
    const QList<QPair<QString, QString>> queries = {
        {QStringLiteral("trust_domains"),
         QStringLiteral("SELECT * FROM trust_domains WHERE name = ?1")},
        {QStringLiteral("authority_slots"),
         QStringLiteral("SELECT * FROM authority_slots WHERE trust_domain_id = "
                        "(SELECT id FROM trust_domains WHERE name = ?1) ORDER BY id")},
        {QStringLiteral("credentials"),
         QStringLiteral("SELECT * FROM credentials WHERE trust_domain_id = "
                        "(SELECT id FROM trust_domains WHERE name = ?1) ORDER BY id")},
        // fed: the trust domain's federation relationships and the peer bundles they fetched.
        {QStringLiteral("federation_relationships"),
         QStringLiteral("SELECT * FROM federation_relationships WHERE trust_domain_id = "
                        "(SELECT id FROM trust_domains WHERE name = ?1) ORDER BY id")},
        {QStringLiteral("federated_bundles"),
         QStringLiteral("SELECT * FROM federated_bundles WHERE relationship_id IN (SELECT id FROM "
                        "federation_relationships WHERE trust_domain_id = "
                        "(SELECT id FROM trust_domains WHERE name = ?1)) ORDER BY id")},
    };
    TrustDomainSnapshot snapshot;
    snapshot.m_name = name;
    const QByteArray utf8Name = name.toUtf8();
    for (const auto &[table, sql] : queries) {
        auto st = prepare(db, sql);
        if (!st)
            return st.error();
        sqlite3_bind_text(st->get(), 1, utf8Name.constData(), int(utf8Name.size()),
                          SQLITE_TRANSIENT);
        Table t;
        t.name = table;
        const int count = sqlite3_column_count(st->get());
        for (int c = 0; c < count; ++c)
            t.columns << QString::fromUtf8(sqlite3_column_name(st->get(), c));
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st->get())) == SQLITE_ROW) {
            QVariantList row;
            for (int c = 0; c < count; ++c)
                row << columnValue(st->get(), c);
            t.rows << row;
        }
        if (rc != SQLITE_DONE)
            return sqlError(db);
        snapshot.m_tables << t;
    }
    if (snapshot.m_tables.first().rows.isEmpty())
        return makeError(ec::StoreUnknownTrustDomain, name);
    return snapshot;
}

Result<void> TrustDomainSnapshot::restore(Workspace &workspace) const
{
    Database &database = workspace.database();
    sqlite3 *db = database.handle();
    return database.transaction([&]() -> Result<void> {
        for (const Table &t : m_tables) {
            QStringList marks;
            for (qsizetype i = 0; i < t.columns.size(); ++i)
                marks << QStringLiteral("?");
            auto st = prepare(db, QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                                      .arg(t.name, t.columns.join(QLatin1Char(',')),
                                           marks.join(QLatin1Char(','))));
            if (!st)
                return st.error();
            for (const QVariantList &row : t.rows) {
                sqlite3_reset(st->get());
                sqlite3_clear_bindings(st->get());
                for (qsizetype i = 0; i < row.size(); ++i)
                    bindValue(st->get(), int(i + 1), row.at(i));
                if (sqlite3_step(st->get()) != SQLITE_DONE)
                    return sqlError(db);
            }
        }
        return {};
    });
}

} // namespace ta::core
