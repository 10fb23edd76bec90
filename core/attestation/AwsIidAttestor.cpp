// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AwsIidAttestor.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/AwsRecordedInstance.h"
#include "core/crypto/Digest.h"

#include <QJsonDocument>

#include <openssl/cms.h>

namespace ta::core {
namespace {

using CmsPtr = std::unique_ptr<CMS_ContentInfo, OsslDeleter<CMS_ContentInfo_free>>;

} // namespace

AttestationResult AwsIidAttestor::verify(const EvidenceRecord &record,
                                         const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const QByteArray document = record.payload.value(QLatin1String("document")).toString().toUtf8();
    const auto der = QByteArray::fromBase64Encoding(
        record.payload.value(QLatin1String("pkcs7")).toString().toLatin1(),
        QByteArray::AbortOnBase64DecodingErrors);
    if (document.isEmpty() || !der || der.decoded.isEmpty()) {
        r.refuse(QStringLiteral("malformed"),
                 QStringLiteral("payload.document, payload.pkcs7 (base64)"),
                 QStringLiteral("missing or not base64"));
        return r;
    }
    const auto *p = reinterpret_cast<const unsigned char *>(der.decoded.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, long(der.decoded.size())));
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        (void)takeOpenSslErrors();
        r.refuse(QStringLiteral("malformed"), QStringLiteral("PKCS#7 SignedData"),
                 QStringLiteral("unparsable"));
        return r;
    }
    // Which anchor's certificate signed it: matched on the SignerInfo's issuer and serial before
    // any cryptography, so an unknown signer is told apart from a bad signature.
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms.get());
    const TrustAnchor *anchor = nullptr;
    Certificate signerCert;
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(AnchorKind::AwsSigningCert)) {
        for (const Certificate &c : a->certificates) {
            for (int i = 0; i < sk_CMS_SignerInfo_num(signers); ++i) {
                if (CMS_SignerInfo_cert_cmp(sk_CMS_SignerInfo_value(signers, i), c.get()) == 0) {
                    anchor = a;
                    signerCert = c;
                }
            }
        }
    }
    if (!anchor) {
        r.refuse(QStringLiteral("issuer_unknown"), QStringLiteral("an aws_signing_cert anchor"),
                 QStringLiteral("signer not among the anchors"));
        return r;
    }
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    const QByteArray signerFingerprint = signerCert.publicKeyFingerprint();
    if (context.state.anyKeyRevoked() && context.state.keyRevoked(signerFingerprint)) {
        r.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"),
                 QString::fromLatin1(signerFingerprint));
        return r;
    }
    // The anchor certificate is trusted as configured (AWS publishes it self-signed per
    // region): NOINTERN takes the signer only from it, NO_SIGNER_CERT_VERIFY skips building a
    // path above it. Detached signatures get the document as their content.
    const bool detached = CMS_is_detached(cms.get()) == 1;
    QString failure;
    auto verifyCms = [&] {
        X509StackPtr certs(sk_X509_new_null());
        X509_up_ref(signerCert.get());
        sk_X509_push(certs.get(), signerCert.get());
        BioPtr content = detached ? readBio(document) : BioPtr();
        const bool ok = CMS_verify(cms.get(), certs.get(), nullptr, content.get(), nullptr,
                                   CMS_NOINTERN | CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) == 1;
        failure = ok ? QString() : takeOpenSslErrors();
        return ok;
    };
    // A remembered success skips the check; anything else runs it here, for its error.
    const bool knownGood =
        context.signatures &&
        context.signatures->check(
            signerFingerprint,
            {"cms", *der, detached ? QByteArrayView(document) : QByteArrayView()}, verifyCms);
    if (!knownGood && !verifyCms()) {
        r.refuse(QStringLiteral("signature_invalid"), QStringLiteral("signed by ") + anchor->id,
                 failure);
        return r;
    }
    r.keyFingerprints << QString::fromLatin1(signerFingerprint);
    if (!detached) {
        ASN1_OCTET_STRING **signedContent = CMS_get0_content(cms.get());
        const QByteArray signedDocument =
            signedContent && *signedContent
                ? QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(*signedContent)),
                             ASN1_STRING_length(*signedContent))
                : QByteArray();
        if (signedDocument != document) {
            r.refuse(QStringLiteral("document_mismatch"), QStringLiteral("the signed document"),
                     QStringLiteral("a different document"));
            return r;
        }
    }
    const QJsonObject doc = QJsonDocument::fromJson(document).object();
    const QString account = doc.value(QLatin1String("accountId")).toString();
    const QString region = doc.value(QLatin1String("region")).toString();
    const QString az = doc.value(QLatin1String("availabilityZone")).toString();
    const QString instance = doc.value(QLatin1String("instanceId")).toString();
    const QString image = doc.value(QLatin1String("imageId")).toString();
    const std::pair<const char *, QString> required[] = {{"accountId", account},
                                                         {"region", region},
                                                         {"availabilityZone", az},
                                                         {"instanceId", instance},
                                                         {"imageId", image}};
    for (const auto &[field, value] : required) {
        if (value.isEmpty())
            r.refuse(QStringLiteral("claim_missing"), QString::fromLatin1(field));
    }
    if (!r.accepted())
        return r;
    const auto recorded =
        AwsRecordedInstance::read(record.payload, {account, az, instance, image}, r);
    if (!r.accepted())
        return r;
    r.selectors = {QStringLiteral("aws_iid:az:") + az, QStringLiteral("aws_iid:image:id:") + image,
                   QStringLiteral("aws_iid:instance:id:") + instance,
                   QStringLiteral("aws_iid:region:") + region};
    // SPIRE reports the set sorted, the EC2 API's selectors among the document's.
    r.selectors << recorded.selectors();
    r.selectors.sort();
    r.selectors.removeDuplicates();
    r.claims.insert(QStringLiteral("node"),
                    QJsonObject{{QStringLiteral("platform"), name()},
                                {QStringLiteral("account_id"), account},
                                {QStringLiteral("region"), region},
                                {QStringLiteral("availability_zone"), az},
                                {QStringLiteral("instance_id"), instance},
                                {QStringLiteral("image_id"), image},
                                {QStringLiteral("instance_type"),
                                 doc.value(QLatin1String("instanceType")).toString()}});
    recorded.addClaims(r.claims);
    auto agent = AgentId::make(context.settings.trustDomain, name(), {account, region, instance});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"),
                 agent.error().code);
        return r;
    }
    r.agentId = *agent;
    // The document never changes for an instance; each signature (with its signing time) is
    // what may be presented once.
    r.nonce = QString::fromLatin1(sha256Hex(*der));
    return r;
}

} // namespace ta::core
