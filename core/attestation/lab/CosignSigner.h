// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QJsonObject>
#include <QString>

namespace ta::core {

/// Lab: a cosign signing key (ECDSA P-256) that signs simple-signing payloads for image digests
/// as `cosign sign` does (base64 DER signature over the payload bytes, SHA-256).
class CosignSigner
{
public:
    [[nodiscard]] static Result<CosignSigner> create(const QString &name);
    QString name() const { return m_name; }
    const Key &key() const { return m_key; }
    /// The anchors-file entry: kind cosign_key, name, public_key_pem.
    QJsonObject anchorJson() const;
    /// A cosign evidence payload: image (repo@digest), payload and signature (base64).
    [[nodiscard]] Result<QJsonObject> sign(const QString &repository, const QString &digest) const;

private:
    QString m_name;
    Key m_key;
};

} // namespace ta::core
