// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

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

    /// The signing key and its kid, for tests that sign tokens no honest provider would.
    const Key &key() const { return m_key; }
    const QString &kid() const { return m_kid; }

    /// The service account tokens are minted for (their email claim).
    static QString serviceAccount();
    /// The compute#instance JSON instances.get returns for @p instance: @p tags, @p labels,
    /// @p metadata (key -> value; a null value is an item without one), the service account.
    static QJsonObject instanceObject(const Instance &instance, const QStringList &tags,
                                      const QJsonObject &labels, const QJsonObject &metadata);

private:
    Key m_key;
    QString m_kid;
};

} // namespace ta::core
