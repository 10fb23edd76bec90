// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/Database.h"

#include <QStringList>

namespace ta::tests {

/// Every stored trust anchor and reference value of the workspace file at @p path, row by row
/// (row ID, entry ID, kind, document, import time), read through a fresh connection.
inline QStringList dumpAnchorRows(const QString &path)
{
    using namespace ta::core;
    auto db = Database::open(path, Database::Mode::OpenExisting);
    if (!db)
        return {QStringLiteral("open failed: ") + db.error().toString()};
    QStringList out;
    for (const char *table : {"trust_anchors", "reference_values"}) {
        auto st =
            db->prepare(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QLatin1String(table)));
        if (!st)
            return {st.error().toString()};
        while (st->next()) {
            out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                       .arg(QLatin1String(table))
                       .arg(st->int64(0))
                       .arg(st->text(1), st->text(2), QString::fromUtf8(st->blob(3)), st->text(4));
        }
    }
    return out;
}

} // namespace ta::tests
