// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/CosignSigner.h"
#include "core/attestation/AttestationErrors.h"

#include "core/attestation/CosignAttestor.h"

namespace ta::core {

Result<CosignSigner> CosignSigner::create(const QString &name)
{
    CosignSigner s;
    auto key = Key::generate(KeyType::EcP256);
    if (!key)
        return key.error();
    s.m_name = name;
    s.m_key = *key;
    return s;
}

QJsonObject CosignSigner::anchorJson() const
{
    return {{QStringLiteral("kind"), QStringLiteral("cosign_key")},
            {QStringLiteral("name"), m_name},
            {QStringLiteral("public_key_pem"), QString::fromLatin1(m_key.publicPem())}};
}

Result<QJsonObject> CosignSigner::sign(const QString &repository, const QString &digest) const
{
    const QByteArray payload = CosignAttestor::simpleSigningPayload(repository, digest);
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(payload.constData());
    if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(payload.size())) != 1)
        return makeError(ec::LabCosignSign, takeOpenSslErrors());
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                       size_t(payload.size())) != 1)
        return makeError(ec::LabCosignSign, takeOpenSslErrors());
    sig.resize(qsizetype(len));
    return QJsonObject{{QStringLiteral("image"), repository + QLatin1Char('@') + digest},
                       {QStringLiteral("payload"), QString::fromLatin1(payload.toBase64())},
                       {QStringLiteral("signature"), QString::fromLatin1(sig.toBase64())}};
}

} // namespace ta::core
