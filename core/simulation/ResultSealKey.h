// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace ta::core {

/// The key that seals the attestation results a replay keeps in a workspace (HMAC-SHA256): 32
/// random bytes in a file only this user can read. A workspace made or changed elsewhere carries
/// results sealed under another key, or none, and those are verified again rather than trusted.
class ResultSealKey
{
public:
    /// This user's key: `trustatlas/result-seal.key` in the generic data folder
    /// ($XDG_DATA_HOME, ~/.local/share), made on first use.
    [[nodiscard]] static Result<QByteArray> forThisUser();
    /// The key in @p path, made (readable by its owner only) when there is none. Two processes
    /// making it at once agree on one key. Errors (store.unreadable): the file cannot be read or
    /// made, it is not 32 bytes, or others may read or write it.
    [[nodiscard]] static Result<QByteArray> loadOrCreate(const QString &path);
    static QString pathForThisUser();

    static constexpr int kSize = 32;
};

} // namespace ta::core
