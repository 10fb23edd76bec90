// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/Database.h"

namespace ta::core {

/// The workspace schema, as forward migrations numbered by PRAGMA user_version.
class Migrations
{
public:
    /// The schema version this build writes.
    static int latestVersion();
    /// Brings @p db up to the latest version, each step in its own transaction. A file written by
    /// a newer build is refused rather than touched.
    [[nodiscard]] static Result<void> migrate(Database &db);
    /// Checks that @p db's schema is exactly what the migrations up to its version create: no
    /// trigger, view, table or index the application did not make, and none altered. A crafted
    /// file (a trigger that empties the replay state, a view in place of a table) is refused
    /// with store.unexpected_schema before anything is read from it.
    [[nodiscard]] static Result<void> verifySchema(Database &db);
};

} // namespace ta::core
