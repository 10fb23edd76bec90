// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ta::core {

/// The bundled demo: a workspace made with fresh keys (in clear by default, and marked so) holding
/// a few trust domains, rotated authorities and issued SVIDs, for first runs and examples.
class DemoWorkspace
{
public:
    /// Creates the demo at @p path, which must not exist yet; keys in clear unless a
    /// @p passphrase is given.
    [[nodiscard]] static Result<void> create(const QString &path, const QDateTime &now,
                                             const std::optional<QByteArray> &passphrase = {});
    /// The trust domains the demo holds.
    static QStringList trustDomainNames();
};

} // namespace ta::core
