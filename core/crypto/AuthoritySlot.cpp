// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/AuthoritySlot.h"

namespace ta::core {

QString authorityKindName(AuthorityKind kind)
{
    return kind == AuthorityKind::X509 ? QStringLiteral("x509") : QStringLiteral("jwt");
}

std::optional<AuthorityKind> authorityKindFromName(const QString &name)
{
    if (name == QLatin1String("x509"))
        return AuthorityKind::X509;
    if (name == QLatin1String("jwt"))
        return AuthorityKind::Jwt;
    return std::nullopt;
}

QString slotStatusName(SlotStatus status)
{
    switch (status) {
    case SlotStatus::Prepared:
        return QStringLiteral("prepared");
    case SlotStatus::Active:
        return QStringLiteral("active");
    case SlotStatus::Old:
        return QStringLiteral("old");
    case SlotStatus::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

std::optional<SlotStatus> slotStatusFromName(const QString &name)
{
    for (SlotStatus s :
         {SlotStatus::Prepared, SlotStatus::Active, SlotStatus::Old, SlotStatus::Revoked}) {
        if (slotStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace ta::core
