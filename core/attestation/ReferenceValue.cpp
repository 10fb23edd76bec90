// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReferenceValue.h"

namespace ta::core {

QString referenceKindName(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::Pcr:
        return QStringLiteral("pcr");
    case ReferenceKind::ImageDigest:
        return QStringLiteral("image_digest");
    }
    return {};
}

std::optional<ReferenceKind> referenceKindFromName(const QString &name)
{
    for (ReferenceKind k : {ReferenceKind::Pcr, ReferenceKind::ImageDigest}) {
        if (referenceKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

} // namespace ta::core
