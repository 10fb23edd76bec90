// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/KeyType.h"

namespace ta::core {

QString keyTypeName(KeyType type)
{
    switch (type) {
    case KeyType::EcP256:
        return QStringLiteral("ec-p256");
    case KeyType::EcP384:
        return QStringLiteral("ec-p384");
    case KeyType::Rsa2048:
        return QStringLiteral("rsa-2048");
    case KeyType::Rsa4096:
        return QStringLiteral("rsa-4096");
    }
    return {};
}

std::optional<KeyType> keyTypeFromName(const QString &name)
{
    for (KeyType t : {KeyType::EcP256, KeyType::EcP384, KeyType::Rsa2048, KeyType::Rsa4096}) {
        if (keyTypeName(t) == name)
            return t;
    }
    return std::nullopt;
}

} // namespace ta::core
