// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AwsIidAttestor.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/AwsRecordedInstance.h"
#include "core/crypto/Digest.h"

#include <QJsonDocument>

#include <openssl/cms.h>

#include <algorithm>
#include <optional>

namespace ta::core {
namespace {

using CmsPtr = std::unique_ptr<CMS_ContentInfo, OsslDeleter<CMS_ContentInfo_free>>;

QByteArray derOf(const X509_ATTRIBUTE *attribute)
{
    unsigned char *out = nullptr;
    const int len = i2d_X509_ATTRIBUTE(attribute, &out);
    if (len <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char *>(out), len);
    OPENSSL_free(out);
    return der;
}

/// The signingTime signed attribute of @p signer; nullopt when absent or unreadable.
std::optional<QDateTime> signingTime(CMS_SignerInfo *signer)
{
    const int i = CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1);
    if (i < 0)
        return std::nullopt;
    X509_ATTRIBUTE *attribute = CMS_signed_get_attr(signer, i);
    if (X509_ATTRIBUTE_count(attribute) != 1)
        return std::nullopt;
    const ASN1_TYPE *value = X509_ATTRIBUTE_get0_type(attribute, 0);
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return std::nullopt;
    struct tm tm = {};
    if (ASN1_TIME_to_tm(value->value.asn1_string, &tm) != 1)
        return std::nullopt;
    const QDateTime t(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                      QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
    return t.isValid() ? std::optional<QDateTime>(t) : std::nullopt;
}

QString replayKey(const QByteArray &document, CMS_SignerInfo *signer)
{
    // The document and the signed attributes (signing time, message digest) are exactly what
    // the signature covers; each attribute's DER, sorted as DER sorts a SET OF, so another
    // encoding of the same set is the same key. Without signed attributes the signature is
    // over the document alone, and its value tells two signings apart.
    QList<QByteArray> attributes;
    for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i)
        attributes << derOf(CMS_signed_get_attr(signer, i));
    std::sort(attributes.begin(), attributes.end());
    QByteArray input = "aws_iid:" + QByteArray::number(document.size()) + ':' + document;
    for (const QByteArray &a : std::as_const(attributes))
        input += QByteArray::number(a.size()) + ':' + a;
    if (attributes.isEmpty()) {
        const ASN1_OCTET_STRING *sig = CMS_SignerInfo_get0_signature(signer);
        input += "sig:" + QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(sig)),
                                     ASN1_STRING_length(sig));
    }
    return QString::fromLatin1(sha256Hex(input));
}

/// The signing time within [record time - awsSigningTimeMaxAge, record time], each end widened
/// by the leeway: claim_missing without one, not_yet_valid or expired outside.
bool checkSigningTime(CMS_SignerInfo *signer, const QDateTime &recordTime,
                      const AttestationContext &context, AttestationResult &r)
{
    const auto signedAt = signingTime(signer);
    if (!signedAt) {
        r.refuse(QStringLiteral("claim_missing"), QStringLiteral("PKCS#7 signingTime"));
        return false;
    }
    const qint64 leeway = context.settings.leeway.count();
    if (*signedAt > recordTime.addSecs(leeway)) {
        r.refuse(QStringLiteral("not_yet_valid"),
                 QStringLiteral("signed by ") +
                     EvidenceRecord::formatTime(recordTime.addSecs(leeway)),
                 QStringLiteral("signed at ") + EvidenceRecord::formatTime(*signedAt));
        return false;
    }
    const QDateTime oldest = recordTime.addSecs(-context.settings.awsSigningTimeMaxAge - leeway);
    if (*signedAt < oldest) {
        r.refuse(QStringLiteral("expired"),
                 QStringLiteral("signed from ") + EvidenceRecord::formatTime(oldest),
                 QStringLiteral("signed at ") + EvidenceRecord::formatTime(*signedAt));
        return false;
    }
    return true;
}

} // namespace

AttestationResult AwsIidAttestor::verify(const EvidenceRecord &record,
                                         const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const QByteArray document = record.payload.value(QLatin1String("document")).toString().toUtf8();
    const auto der = QByteArray::fromBase64Encoding(record.payload.latin1(QLatin1String("pkcs7")),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    if (document.isEmpty() || !der || der.decoded.isEmpty()) {
        r.refuse(QStringLiteral("malformed"),
                 QStringLiteral("payload.document, payload.pkcs7 (base64)"),
                 QStringLiteral("missing or not base64"));
        return r;
    }
    const auto *begin = reinterpret_cast<const unsigned char *>(der.decoded.constData());
    const unsigned char *p = begin;
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, long(der.decoded.size())));
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
        (void)takeOpenSslErrors();
        r.refuse(QStringLiteral("malformed"), QStringLiteral("PKCS#7 SignedData"),
                 QStringLiteral("unparsable"));
        return r;
    }
    // Bytes after the SignedData are nobody's signature; accepting them would let anyone mint
    // new-looking copies of one signed document.
    if (p != begin + der.decoded.size()) {
        r.refuse(QStringLiteral("malformed"),
                 QStringLiteral("PKCS#7 SignedData and nothing after it"),
                 QStringLiteral("%1 trailing bytes").arg(der.decoded.size() - (p - begin)));
        return r;
    }
    // Which anchor's certificate signed it: matched on the SignerInfo's issuer and serial before
    // any cryptography, so an unknown signer is told apart from a bad signature.
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms.get());
    const TrustAnchor *anchor = nullptr;
    qsizetype signerAt = -1;
    CMS_SignerInfo *signer = nullptr;
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(AnchorKind::AwsSigningCert)) {
        for (qsizetype k = 0; k < a->certificates.size(); ++k) {
            for (int i = 0; i < sk_CMS_SignerInfo_num(signers); ++i) {
                if (CMS_SignerInfo_cert_cmp(sk_CMS_SignerInfo_value(signers, i),
                                            a->certificates.at(k).get()) == 0) {
                    anchor = a;
                    signerAt = k;
                    signer = sk_CMS_SignerInfo_value(signers, i);
                }
            }
        }
    }
    // One signer only: a second SignerInfo is bytes an attacker could add or vary.
    if (anchor && sk_CMS_SignerInfo_num(signers) != 1) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("one SignerInfo"),
                 QStringLiteral("%1").arg(sk_CMS_SignerInfo_num(signers)));
        return r;
    }
    if (!anchor) {
        r.refuse(QStringLiteral("issuer_unknown"), QStringLiteral("an aws_signing_cert anchor"),
                 QStringLiteral("signer not among the anchors"));
        return r;
    }
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    // Read, not copied: a copy of the anchor's certificate counted a reference that every
    // pre-pass thread's copy counts too.
    const Certificate &signerCert = anchor->certificates.at(signerAt);
    const QByteArray &signerFingerprint = anchor->certificateKeyFingerprints.at(signerAt);
    if (context.anyKeyRevoked() && context.keyRevoked(signerFingerprint)) {
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
            signerFingerprint, {"cms", der.decoded, detached ? document : QByteArray()}, verifyCms);
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
    if (!checkSigningTime(signer, record.time, context, r))
        return r;
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
        AwsRecordedInstance::read(record.payload.object(), {account, az, instance, image}, r);
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
    // what may be presented once. The key is what was signed, not the container's bytes:
    // re-encoding it, adding certificates or unsigned attributes must not mint a fresh nonce.
    r.nonce = replayKey(document, signer);
    return r;
}

} // namespace ta::core
