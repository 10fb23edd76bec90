// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ta::core {

/// Lab: Google's instance identity token signer (RS256, its own RSA key and kid), minting
/// format=full tokens with the google.compute_engine block, and publishing a gcp_jwks anchor.
class GcpIdentityProvider
{
public:
    struct Instance
    {
        QString projectId;
        QString zone;
        QString instanceId;
        QString instanceName;
    };

    [[nodiscard]] static Result<GcpIdentityProvider> create();
    QJsonObject anchorJson(const QString &audience) const;
    /// A token for @p instance, issued at @p iat, valid one hour as Google's are.
    [[nodiscard]] Result<QByteArray> mintToken(const Instance &instance, const QString &audience,
                                               const QDateTime &iat) const;

private:
    Key m_key;
    QString m_kid;
};

} // namespace ta::core
