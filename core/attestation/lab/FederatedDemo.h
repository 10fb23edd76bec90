// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/Workspace.h"

#include <QDateTime>

#include <optional>

namespace ta::core {

/// The demo workspace with its federation relationships: production and partner fetch each
/// other's bundle (https_spiffe), staging fetches production's and not the reverse, each
/// relationship holding the peer's current bundle, as the policies' federates-with lists say.
/// It lives here, above the store, because the relationships are the federation module's.
class FederatedDemo
{
public:
    /// DemoWorkspace::create, then the relationships, at @p path (which must not exist).
    [[nodiscard]] static Result<void> create(const QString &path, const QDateTime &now,
                                             const std::optional<QByteArray> &passphrase = {});
    /// Adds the demo's relationships to @p workspace, which holds the demo's trust domains.
    [[nodiscard]] static Result<void> addRelationships(Workspace &workspace, const QDateTime &now);
};

} // namespace ta::core
