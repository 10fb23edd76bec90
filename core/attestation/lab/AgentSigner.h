// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ta::core {

/// Lab: a SPIRE agent holding its X509-SVID and key, signing workload attestations: a compact
/// JWS (ES256) with its SVID chain in x5c and {sub, selectors, claims, iat, jti} as claims.
class AgentSigner
{
public:
    AgentSigner() = default;
    AgentSigner(Key key, QList<Certificate> chain);

    const Key &key() const { return m_key; }
    const QList<Certificate> &chain() const { return m_chain; }
    /// A workload evidence payload {"jws": ...}.
    [[nodiscard]] Result<QJsonObject> sign(const QString &subject, const QStringList &selectors,
                                           const QJsonObject &claims, const QDateTime &iat,
                                           const QString &jti) const;

private:
    Key m_key;
    QList<Certificate> m_chain;
    QJsonObject m_header;
};

} // namespace ta::core
