// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/CosignAttestor.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace ta::core {

std::pair<QString, QString> CosignAttestor::splitReference(const QString &reference)
{
    static const QRegularExpression re(QStringLiteral("^([^@\\s]+)@(sha256:[0-9a-f]{64})$"));
    const auto m = re.match(reference);
    if (!m.hasMatch())
        return {};
    QString repo = m.captured(1);
    // A tag is a ':' after the last '/'; a ':' before it is a registry port.
    const qsizetype colon = repo.lastIndexOf(QLatin1Char(':'));
    if (colon > repo.lastIndexOf(QLatin1Char('/')))
        repo.truncate(colon);
    return {repo, m.captured(2)};
}

QByteArray CosignAttestor::simpleSigningPayload(const QString &repository, const QString &digest)
{
    const QJsonObject critical{
        {QStringLiteral("identity"), QJsonObject{{QStringLiteral("docker-reference"), repository}}},
        {QStringLiteral("image"), QJsonObject{{QStringLiteral("docker-manifest-digest"), digest}}},
        {QStringLiteral("type"), QStringLiteral("cosign container image signature")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("critical"), critical},
                                     {QStringLiteral("optional"), QJsonValue::Null}})
        .toJson(QJsonDocument::Compact);
}

bool CosignAttestor::verifySignature(const Key &key, const QByteArray &payload,
                                     const QByteArray &signature)
{
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok =
        EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(payload.constData()),
                         size_t(payload.size())) == 1;
    (void)takeOpenSslErrors();
    return ok;
}

AttestationResult CosignAttestor::verify(const EvidenceRecord &record,
                                         const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const QString reference = record.payload.value(QLatin1String("image")).toString();
    const auto [repo, digest] = splitReference(reference);
    const auto payload = QByteArray::fromBase64Encoding(
        record.payload.latin1(QLatin1String("payload")), QByteArray::AbortOnBase64DecodingErrors);
    const auto signature = QByteArray::fromBase64Encoding(
        record.payload.latin1(QLatin1String("signature")), QByteArray::AbortOnBase64DecodingErrors);
    if (repo.isEmpty() || !payload || payload.decoded.isEmpty() || !signature ||
        signature.decoded.isEmpty()) {
        r.refuse(
            QStringLiteral("malformed"),
            QStringLiteral(
                "payload.image (repo@sha256:...), payload.payload, payload.signature (base64)"),
            reference);
        return r;
    }
    // The signer: the anchor whose key verifies. Revoked anchors are tried too, so that their
    // signatures are refused as revoked rather than as unknown.
    const TrustAnchor *anchor = nullptr;
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(AnchorKind::CosignKey)) {
        if (checkSignature(context.signatures, a->publicKey.fingerprint(),
                           {"cosign", *payload, *signature},
                           [&] { return verifySignature(a->publicKey, *payload, *signature); })) {
            anchor = a;
            break;
        }
    }
    if (!anchor) {
        r.refuse(QStringLiteral("signature_invalid"),
                 QStringLiteral("signed by a cosign_key anchor"),
                 QStringLiteral("no anchor key verifies"));
        return r;
    }
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    if (context.anyKeyRevoked() && context.keyRevoked(anchor->publicKey.fingerprint())) {
        r.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"), anchor->id);
        return r;
    }
    const QJsonObject critical =
        QJsonDocument::fromJson(*payload).object().value(QLatin1String("critical")).toObject();
    if (critical.value(QLatin1String("type")).toString() !=
        QLatin1String("cosign container image signature")) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("cosign container image signature"),
                 critical.value(QLatin1String("type")).toString());
        return r;
    }
    const QString signedDigest = critical.value(QLatin1String("image"))
                                     .toObject()
                                     .value(QLatin1String("docker-manifest-digest"))
                                     .toString();
    const QString signedRepo = critical.value(QLatin1String("identity"))
                                   .toObject()
                                   .value(QLatin1String("docker-reference"))
                                   .toString();
    if (signedDigest != digest)
        r.refuse(QStringLiteral("digest_mismatch"), digest, signedDigest);
    if (signedRepo != repo)
        r.refuse(QStringLiteral("reference_mismatch"), repo, signedRepo);
    if (!r.accepted())
        return r;
    const QList<const ReferenceValue *> allowed = context.anchors.imageDigests(repo);
    QStringList allowedDigests;
    for (const ReferenceValue *v : allowed) {
        allowedDigests << v->digest;
        if (v->digest == digest)
            r.referenceValueIds << v->id;
    }
    if (r.referenceValueIds.isEmpty()) {
        r.refuse(QStringLiteral("digest_not_allowed"),
                 allowedDigests.isEmpty() ? QStringLiteral("(no allowed digest for %1)").arg(repo)
                                          : allowedDigests.join(QLatin1Char(',')),
                 digest);
        return r;
    }
    r.selectors = {QStringLiteral("cosign:image:") + repo,
                   QStringLiteral("cosign:digest:") + digest,
                   QStringLiteral("cosign:signer:") + anchor->name};
    r.claims.insert(QStringLiteral("image"), QJsonObject{{QStringLiteral("reference"), reference},
                                                         {QStringLiteral("repository"), repo},
                                                         {QStringLiteral("digest"), digest},
                                                         {QStringLiteral("signer"), anchor->name}});
    return r;
}

} // namespace ta::core
