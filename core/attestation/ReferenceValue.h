// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ta::core {

/// Kinds of reference value.
enum class ReferenceKind {
    Pcr,         ///< golden PCR value (subject, bank, index, value)
    ImageDigest, ///< allowed image digest (image, digest)
};

/// "pcr", "image_digest": the anchors file's spelling.
QString referenceKindName(ReferenceKind kind);
std::optional<ReferenceKind> referenceKindFromName(const QString &name);

/// A reference value: what good evidence is compared against.
struct ReferenceValue
{
    /// "pcr:<subject>:<bank>:<index>:<value>" or "image_digest:<image>@<digest>", unless given.
    QString id;
    ReferenceKind kind = ReferenceKind::ImageDigest;
    QString subject;
    QString bank;
    int index = -1;
    /// PCR value, lowercase hex.
    QString value;
    QString image;
    /// "sha256:<hex>".
    QString digest;
    QJsonObject document;
};

} // namespace ta::core
