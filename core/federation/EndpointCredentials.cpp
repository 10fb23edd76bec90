// SPDX-License-Identifier: Apache-2.0
#include "core/federation/EndpointCredentials.h"
#include "core/federation/FederationErrors.h"

namespace ta::core {

Result<ServerCredential> EndpointCredentials::mintSvid(const Workspace &workspace,
                                                       const SpiffeId &id, const QDateTime &now,
                                                       qint64 ttl)
{
    auto ca = workspace.authority(id.trustDomain().name());
    if (!ca)
        return ca.error();
    auto key = Key::generate(KeyType::EcP256);
    if (!key)
        return key.error();
    auto minted = ca->mintX509Svid(id, key->publicKey(), {}, ttl, now);
    if (!minted)
        return minted.error();
    return ServerCredential{minted->chain, *key};
}

Result<ServerCredential> EndpointCredentials::fromPem(const QByteArray &chainPem,
                                                      const QByteArray &keyPem)
{
    auto chain = Certificate::listFromPem(chainPem);
    if (!chain)
        return makeError(ec::FedServerCredential, chain.error().toString());
    if (chain->isEmpty())
        return makeError(ec::FedServerCredential, QStringLiteral("no certificate"));
    auto key = Key::fromPem(keyPem);
    if (!key)
        return makeError(ec::FedServerCredential, key.error().toString());
    if (key->publicDer() != chain->first().publicKey().publicDer())
        return makeError(ec::FedServerCredential,
                         QStringLiteral("the key is not the certificate's"));
    return ServerCredential{*chain, *key};
}

} // namespace ta::core
