// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ta::core {

/// The key types a CA or an SVID may use.
enum class KeyType { EcP256, EcP384, Rsa2048, Rsa4096 };

/// "ec-p256", "ec-p384", "rsa-2048", "rsa-4096": the CLI's and the workspace's spelling.
QString keyTypeName(KeyType type);
std::optional<KeyType> keyTypeFromName(const QString &name);

} // namespace ta::core
