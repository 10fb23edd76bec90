// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/X509PopAttestor.h"

#include "core/attestation/AgentId.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <openssl/rsa.h>

namespace ta::core {
namespace {

QString sha1Hex(const Certificate &c)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(c.toDer(), QCryptographicHash::Sha1).toHex());
}

QString commonName(const Certificate &c)
{
    X509_NAME *subject = X509_get_subject_name(c.get());
    const int i = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (i < 0)
        return {};
    const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, i));
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, data);
    if (n < 0)
        return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), n);
    OPENSSL_free(utf8);
    return out;
}

/// Lowercase hex without leading zeros, as SPIRE prints a serial (Go's big.Int Text(16)).
QString serialNumberHex(const Certificate &c)
{
    QString hex = c.serialHex();
    const bool negative = hex.startsWith(QLatin1Char('-'));
    if (negative)
        hex.remove(0, 1);
    while (hex.size() > 1 && hex.startsWith(QLatin1Char('0')))
        hex.remove(0, 1);
    return negative ? QLatin1Char('-') + hex : hex;
}

/// "<key>:<value>" of each URI SAN x509pop://<trust domain>/<key>:<value> of @p leaf.
QStringList sanSelectorValues(const Certificate &leaf, const QString &trustDomain)
{
    const QString prefix = QStringLiteral("x509pop://%1/").arg(trustDomain);
    QStringList out;
    for (const QString &uri : leaf.uriSans()) {
        if (!uri.startsWith(prefix))
            continue;
        const QString keyValue = uri.mid(prefix.size());
        if (keyValue.indexOf(QLatin1Char(':')) > 0)
            out << keyValue;
    }
    return out;
}

bool setupPadding(EVP_PKEY_CTX *pctx, const Key &key)
{
    if (!key.isRsa())
        return true;
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1;
}

} // namespace

QByteArray X509PopAttestor::signChallenge(const Key &key, const QByteArray &challenge)
{
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    size_t len = 0;
    if (EVP_DigestSignInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key.get()) != 1 ||
        !setupPadding(pctx, key) ||
        EVP_DigestSign(ctx.get(), nullptr, &len,
                       reinterpret_cast<const unsigned char *>(challenge.constData()),
                       size_t(challenge.size())) != 1)
        return {};
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(challenge.constData()),
                       size_t(challenge.size())) != 1)
        return {};
    sig.resize(qsizetype(len));
    return sig;
}

bool X509PopAttestor::verifyChallenge(const Key &key, const QByteArray &challenge,
                                      const QByteArray &signature)
{
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    const bool ok =
        EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key.get()) == 1 &&
        setupPadding(pctx, key) &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char *>(challenge.constData()),
                         size_t(challenge.size())) == 1;
    (void)takeOpenSslErrors();
    return ok;
}

std::optional<X509PopAttestor::VerifiedPath>
X509PopAttestor::verifyPath(const QList<Certificate> &chain, const EvidenceRecord &record,
                            const AttestationContext &context, AttestationResult &r)
{
    const Certificate &leaf = chain.first();
    X509StorePtr store(X509_STORE_new());
    QHash<QByteArray, const TrustAnchor *> anchorByCert;
    for (const TrustAnchor *a : context.anchors.anchorsOfKind(AnchorKind::X509PopCa)) {
        for (const Certificate &c : a->certificates) {
            X509_STORE_add_cert(store.get(), c.get());
            anchorByCert.insert(c.fingerprint(), a);
        }
    }
    X509StackPtr untrusted(sk_X509_new_null());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        X509_up_ref(chain.at(i).get());
        sk_X509_push(untrusted.get(), chain.at(i).get());
    }
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get());
    // Validity is judged at the instant the evidence was recorded, not when it is replayed.
    X509_STORE_CTX_set_time(ctx.get(), 0, time_t(record.time.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        const QString found = QString::fromLatin1(X509_verify_cert_error_string(err));
        if (err == X509_V_ERR_CERT_HAS_EXPIRED)
            r.refuse(QStringLiteral("expired"), QStringLiteral("certificate valid at record time"),
                     found);
        else if (err == X509_V_ERR_CERT_NOT_YET_VALID)
            r.refuse(QStringLiteral("not_yet_valid"),
                     QStringLiteral("certificate valid at record time"), found);
        else if (err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY ||
                 err == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT ||
                 err == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT ||
                 err == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN)
            r.refuse(QStringLiteral("issuer_unknown"), QStringLiteral("an x509pop_ca anchor"),
                     found);
        else
            r.refuse(QStringLiteral("chain_invalid"), QStringLiteral("a valid path"), found);
        (void)takeOpenSslErrors();
        return std::nullopt;
    }
    STACK_OF(X509) *verified = X509_STORE_CTX_get0_chain(ctx.get());
    // Shared, not copied: X509_dup encodes and parses the certificate again, and a parse costs
    // about 100 µs on OpenSSL 3.0 (its public key decoder is set up anew each time).
    X509 *rootX509 = sk_X509_value(verified, sk_X509_num(verified) - 1);
    X509_up_ref(rootX509);
    const Certificate root{X509Ptr(rootX509)};
    VerifiedPath out;
    out.leaf = leaf;
    out.leafKey = leaf.publicKey();
    out.rootKey = root.publicKey();
    out.anchor = anchorByCert.value(root.fingerprint());
    out.rootSubject = root.subjectText();
    for (int i = 0; i < sk_X509_num(verified); ++i) {
        X509_up_ref(sk_X509_value(verified, i));
        const Certificate c(X509Ptr(sk_X509_value(verified, i)));
        if (i > 0)
            out.caFingerprints << sha1Hex(c);
        if (!out.notBefore.isValid() || c.notBefore() > out.notBefore)
            out.notBefore = c.notBefore();
        if (!out.notAfter.isValid() || c.notAfter() < out.notAfter)
            out.notAfter = c.notAfter();
    }
    out.leafSha1 = sha1Hex(leaf);
    out.commonName = commonName(leaf);
    out.serial = serialNumberHex(leaf);
    return out;
}

AttestationResult X509PopAttestor::verify(const EvidenceRecord &record,
                                          const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    QByteArray pem;
    const QJsonValue chainValue = record.payload.value(QLatin1String("chain"));
    if (chainValue.isString())
        pem = chainValue.toString().toLatin1();
    for (const QJsonValue &v : chainValue.toArray())
        pem += v.toString().toLatin1() + '\n';
    const QByteArray challenge =
        QByteArray::fromBase64(record.payload.latin1(QLatin1String("challenge")));
    const auto signature =
        QByteArray::fromBase64Encoding(record.payload.latin1(QLatin1String("signature")));
    QByteArray pathKey(reinterpret_cast<const char *>(&context.anchors), sizeof(void *));
    pathKey += pem;
    std::optional<VerifiedPath> path;
    {
        QMutexLocker lock(&m_pathsMutex);
        const auto it = m_paths.constFind(pathKey);
        if (it != m_paths.cend() && record.time > it->notBefore && record.time < it->notAfter)
            path = *it;
    }
    // A kept path was parsed before; a new chain is parsed now, and its error comes first.
    Result<QList<Certificate>> chain = QList<Certificate>{};
    if (!path)
        chain = Certificate::listFromPem(pem);
    if (!chain || challenge.isEmpty() || !signature) {
        r.refuse(QStringLiteral("malformed"),
                 QStringLiteral("payload.chain, challenge, signature (base64)"),
                 !chain ? chain.error().code : QStringLiteral("bad challenge or signature"));
        return r;
    }
    // Recorded evidence has no live challenge from the verifier: the recorded challenge is the
    // replay key (per agent ID), and one too short to be unique is no nonce at all.
    if (challenge.size() < 8) {
        r.refuse(QStringLiteral("nonce_missing"), QStringLiteral("a challenge of at least 8 bytes"),
                 QStringLiteral("%1 bytes").arg(challenge.size()));
        return r;
    }
    if (!path) {
        path = verifyPath(*chain, record, context, r);
        if (!path)
            return r;
        QMutexLocker lock(&m_pathsMutex);
        m_paths.insert(pathKey, *path);
    }
    if (!path->anchor) {
        r.refuse(QStringLiteral("issuer_unknown"), QStringLiteral("an x509pop_ca anchor"),
                 path->rootSubject);
        return r;
    }
    const TrustAnchor *anchor = path->anchor;
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    const Key &leafKey = path->leafKey;
    // anyKeyRevoked() first: a fingerprint is a key encoding and a hash.
    if (context.anyKeyRevoked() && context.keyRevoked(path->rootKey.fingerprint())) {
        r.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"),
                 QString::fromLatin1(path->rootKey.fingerprint()));
        return r;
    }
    if (context.anyKeyRevoked() && context.keyRevoked(leafKey.fingerprint())) {
        r.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"),
                 QString::fromLatin1(leafKey.fingerprint()));
        return r;
    }
    // The proof of possession is the record's own signature: through the memo like the others
    // (the pre-pass computes it once; bench_simulation counts its CPU time).
    const bool possessed = checkSignature(
        context.signatures, leafKey.fingerprint(), {"x509pop-challenge", challenge, *signature},
        [&] { return verifyChallenge(leafKey, challenge, *signature); });
    if (!possessed) {
        r.refuse(QStringLiteral("signature_invalid"),
                 QStringLiteral("challenge signed by the leaf key"),
                 QStringLiteral("signature does not verify"));
        return r;
    }
    const Certificate &leaf = path->leaf;
    r.expiresAt = leaf.notAfter();
    r.keyFingerprints << QString::fromLatin1(leafKey.fingerprint())
                      << QString::fromLatin1(path->rootKey.fingerprint());
    const QString &leafSha1 = path->leafSha1;
    const QString &cn = path->commonName;
    if (!cn.isEmpty())
        r.selectors << QStringLiteral("x509pop:subject:cn:") + cn;
    // Every certificate of the verified path above the leaf, the intermediates and the root.
    const QStringList &caFingerprints = path->caFingerprints;
    for (const QString &ca : caFingerprints)
        r.selectors << QStringLiteral("x509pop:ca:fingerprint:") + ca;
    const QString &serial = path->serial;
    r.selectors << QStringLiteral("x509pop:serialnumber:") + serial;
    const QStringList sans = sanSelectorValues(leaf, context.settings.trustDomain.name());
    for (const QString &san : sans)
        r.selectors << QStringLiteral("x509pop:san:") + san;
    r.claims.insert(
        QStringLiteral("node"),
        QJsonObject{{QStringLiteral("platform"), name()},
                    {QStringLiteral("common_name"), cn},
                    {QStringLiteral("fingerprint"), leafSha1},
                    {QStringLiteral("ca"), anchor->id},
                    {QStringLiteral("ca_fingerprints"), QJsonArray::fromStringList(caFingerprints)},
                    {QStringLiteral("serial_number"), serial},
                    {QStringLiteral("san"), QJsonArray::fromStringList(sans)}});
    auto agent = AgentId::make(context.settings.trustDomain, name(), {leafSha1});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"),
                 agent.error().code);
        return r;
    }
    r.agentId = *agent;
    r.nonce = QString::fromLatin1(challenge.toBase64());
    return r;
}

} // namespace ta::core
