// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationErrors.h"

#include "core/attestation/EvidenceRecord.h"
#include "core/crypto/Jwk.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <limits>

namespace ta::core {
namespace {

Error fieldError(const QString &code, const QString &what)
{
    Error e = makeError(code, what);
    e.field = what;
    return e;
}

Result<QString> requiredString(const QJsonObject &o, const char *field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isUndefined())
        return fieldError(ec::AnchorsMissingField, QString::fromLatin1(field));
    if (!v.isString() || v.toString().isEmpty())
        return fieldError(ec::AnchorsBadField, QString::fromLatin1(field));
    return v.toString();
}

Result<QMap<QString, Key>> parseJwks(const QJsonValue &value)
{
    if (!value.isObject() || !value.toObject().value(QLatin1String("keys")).isArray())
        return makeError(ec::AnchorsBadJwks, QStringLiteral("no keys array"));
    QMap<QString, Key> out;
    const QJsonArray keys = value.toObject().value(QLatin1String("keys")).toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject jwk = keys.at(i).toObject();
        // A provider's JWKS may carry key types we do not use; they can sign nothing we accept.
        if (!Jwk::isSupportedKeyType(jwk.value(QLatin1String("kty")).toString()))
            continue;
        auto key = Jwk::toKey(jwk);
        if (!key)
            return makeError(ec::AnchorsBadJwks,
                             QStringLiteral("keys[%1]: %2").arg(i).arg(key.error().toString()));
        QString kid = jwk.value(QLatin1String("kid")).toString();
        if (kid.isEmpty()) {
            auto t = Jwk::thumbprintKeyId(*key);
            if (!t)
                return t.error();
            kid = *t;
        }
        if (out.contains(kid))
            return makeError(ec::AnchorsBadJwks,
                             QStringLiteral("keys[%1]: duplicate kid %2").arg(i).arg(kid));
        out.insert(kid, *key);
    }
    if (out.isEmpty())
        return makeError(ec::AnchorsBadJwks, QStringLiteral("no usable key"));
    return out;
}

Result<Key> parsePublicKey(const QJsonObject &o)
{
    auto pem = requiredString(o, "public_key_pem");
    if (!pem)
        return pem.error();
    auto key = Key::fromPem(pem->toUtf8());
    if (!key)
        return makeError(ec::AnchorsBadPem, key.error().toString());
    return key->publicKey();
}

Result<QList<Certificate>> parseCertificates(const QJsonObject &o)
{
    auto pem = requiredString(o, "pem");
    if (!pem)
        return pem.error();
    auto certs = Certificate::listFromPem(pem->toUtf8());
    if (!certs)
        return makeError(ec::AnchorsBadPem, certs.error().toString());
    return *certs;
}

Result<QDateTime> optionalTime(const QJsonObject &o, const char *field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isUndefined())
        return QDateTime();
    const auto t = EvidenceRecord::parseTime(v.toString());
    if (!t)
        return fieldError(ec::AnchorsBadField, QString::fromLatin1(field));
    return *t;
}

QStringList audiencesOf(const QJsonValue &v)
{
    if (v.isString())
        return {v.toString()};
    QStringList out;
    for (const QJsonValue &a : v.toArray())
        out << a.toString();
    return out;
}

/// An optional list of non-empty strings: absent gives nullopt; anything but an array of
/// non-empty strings, or an empty array where @p allowEmpty is false, is a bad field.
Result<std::optional<QStringList>> optionalStringList(const QJsonObject &o, const char *field,
                                                      bool allowEmpty)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isUndefined())
        return std::optional<QStringList>();
    const QString name = QString::fromLatin1(field);
    if (!v.isArray() || (!allowEmpty && v.toArray().isEmpty()))
        return fieldError(ec::AnchorsBadField, name);
    QStringList out;
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString() || items.at(i).toString().isEmpty())
            return fieldError(ec::AnchorsBadField, QStringLiteral("%1[%2]").arg(name).arg(i));
        out << items.at(i).toString();
    }
    return std::optional<QStringList>(out);
}

/// k8s_issuer's service_account_allow_list, label key lists and audience, as SPIRE's k8s_psat
/// cluster configuration has them.
Result<void> parseK8sPolicy(const QJsonObject &o, TrustAnchor &a)
{
    const QJsonValue audience = o.value(QLatin1String("audience"));
    // SPIRE reads an empty audience list as "the API server's own audience", which recorded
    // evidence cannot tell; a value that is no audience at all must not fall back silently.
    if (!audience.isUndefined() && (!audience.isString() || audience.toString().isEmpty())) {
        if (auto list = optionalStringList(o, "audience", false); !list)
            return fieldError(ec::AnchorsBadField, QStringLiteral("audience"));
    }
    auto allow = optionalStringList(o, "service_account_allow_list", false);
    if (!allow)
        return allow.error();
    if (*allow) {
        static const QRegularExpression account(QStringLiteral("^[^:]+:[^:]+$"));
        for (qsizetype i = 0; i < (*allow)->size(); ++i) {
            if (!account.match((*allow)->at(i)).hasMatch())
                return fieldError(ec::AnchorsBadField,
                                  QStringLiteral("service_account_allow_list[%1]").arg(i));
        }
    }
    auto nodeKeys = optionalStringList(o, "allowed_node_label_keys", true);
    if (!nodeKeys)
        return nodeKeys.error();
    auto podKeys = optionalStringList(o, "allowed_pod_label_keys", true);
    if (!podKeys)
        return podKeys.error();
    a.allowList = *allow;
    a.allowedNodeLabelKeys = nodeKeys->value_or(QStringList());
    a.allowedLabelKeys = podKeys->value_or(QStringList());
    return {};
}

/// gcp_jwks's projectid_allow_list and instance metadata settings, as SPIRE's gcp_iit has them.
Result<void> parseGcpPolicy(const QJsonObject &o, TrustAnchor &a)
{
    auto allow = optionalStringList(o, "projectid_allow_list", false);
    if (!allow)
        return allow.error();
    auto labelKeys = optionalStringList(o, "allowed_label_keys", true);
    if (!labelKeys)
        return labelKeys.error();
    auto metadataKeys = optionalStringList(o, "allowed_metadata_keys", true);
    if (!metadataKeys)
        return metadataKeys.error();
    const QJsonValue max = o.value(QLatin1String("max_metadata_value_size"));
    if (!max.isUndefined()) {
        const double size = max.toDouble(-1);
        if (!max.isDouble() || size < 1 || size > std::numeric_limits<int>::max() ||
            size != double(qint64(size)))
            return fieldError(ec::AnchorsBadField, QStringLiteral("max_metadata_value_size"));
        a.maxMetadataValueSize = int(size);
    }
    a.allowList = *allow;
    a.allowedLabelKeys = labelKeys->value_or(QStringList());
    a.allowedMetadataKeys = metadataKeys->value_or(QStringList());
    return {};
}

Error entryError(const char *list, qsizetype index, const QString &kind, const Error &e)
{
    Error out =
        makeError(e.code, QStringLiteral("%1[%2]%3: %4")
                              .arg(QString::fromLatin1(list))
                              .arg(index)
                              .arg(kind.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(kind))
                              .arg(e.detail));
    out.list = QString::fromLatin1(list);
    out.index = index;
    out.field = e.field;
    return out;
}

} // namespace

Result<TrustAnchor> AnchorSet::anchorFromJson(const QJsonObject &entry)
{
    const QString kindName = entry.value(QLatin1String("kind")).toString();
    const auto kind = anchorKindFromName(kindName);
    if (!kind)
        return makeError(ec::AnchorsUnknownKind, kindName);
    TrustAnchor a;
    a.kind = *kind;
    a.document = entry;
    auto notBefore = optionalTime(entry, "not_before");
    if (!notBefore)
        return notBefore.error();
    auto notAfter = optionalTime(entry, "not_after");
    if (!notAfter)
        return notAfter.error();
    a.notBefore = *notBefore;
    a.notAfter = *notAfter;
    // An inverted window would make the anchor valid never, silently.
    if (a.notBefore.isValid() && a.notAfter.isValid() && a.notAfter < a.notBefore)
        return fieldError(ec::AnchorsBadField, QStringLiteral("not_after"));
    QString naturalName;
    switch (a.kind) {
    case AnchorKind::TpmAk: {
        auto subject = requiredString(entry, "subject");
        if (!subject)
            return subject.error();
        auto key = parsePublicKey(entry);
        if (!key)
            return key.error();
        a.name = naturalName = *subject;
        a.publicKey = *key;
        break;
    }
    case AnchorKind::K8sIssuer: {
        auto cluster = requiredString(entry, "cluster");
        if (!cluster)
            return cluster.error();
        auto issuer = requiredString(entry, "issuer");
        if (!issuer)
            return issuer.error();
        if (auto policy = parseK8sPolicy(entry, a); !policy)
            return policy.error();
        a.audiences = audiencesOf(entry.value(QLatin1String("audience")));
        if (a.audiences.isEmpty())
            a.audiences = {QStringLiteral("spire-server")}; // SPIRE's default audience
        auto jwks = parseJwks(entry.value(QLatin1String("jwks")));
        if (!jwks)
            return jwks.error();
        a.name = naturalName = *cluster;
        a.issuer = *issuer;
        a.jwks = *jwks;
        for (auto it = a.jwks.cbegin(); it != a.jwks.cend(); ++it)
            a.jwksFingerprints.insert(it.key(), it->fingerprint());
        break;
    }
    case AnchorKind::GcpJwks: {
        a.name = naturalName =
            entry.value(QLatin1String("name")).toString(QStringLiteral("google"));
        a.issuer = entry.value(QLatin1String("issuer"))
                       .toString(QStringLiteral("https://accounts.google.com"));
        a.audiences = audiencesOf(entry.value(QLatin1String("audience")));
        if (a.audiences.isEmpty())
            return fieldError(ec::AnchorsMissingField, QStringLiteral("audience"));
        if (auto policy = parseGcpPolicy(entry, a); !policy)
            return policy.error();
        auto jwks = parseJwks(entry.value(QLatin1String("jwks")));
        if (!jwks)
            return jwks.error();
        a.jwks = *jwks;
        for (auto it = a.jwks.cbegin(); it != a.jwks.cend(); ++it)
            a.jwksFingerprints.insert(it.key(), it->fingerprint());
        break;
    }
    case AnchorKind::CosignKey: {
        auto name = requiredString(entry, "name");
        if (!name)
            return name.error();
        auto key = parsePublicKey(entry);
        if (!key)
            return key.error();
        a.name = naturalName = *name;
        a.publicKey = *key;
        break;
    }
    case AnchorKind::X509PopCa:
    case AnchorKind::AwsSigningCert: {
        auto certs = parseCertificates(entry);
        if (!certs)
            return certs.error();
        a.certificates = *certs;
        a.name = entry.value(QLatin1String("name")).toString();
        naturalName =
            a.name.isEmpty() ? QString::fromLatin1(certs->first().fingerprint().left(16)) : a.name;
        break;
    }
    case AnchorKind::JoinToken: {
        const QString token = entry.value(QLatin1String("token")).toString();
        QString hash = entry.value(QLatin1String("token_sha256")).toString();
        if (!token.isEmpty())
            hash = QString::fromLatin1(
                QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex64.match(hash).hasMatch())
            return fieldError(ec::AnchorsMissingField, QStringLiteral("token"));
        const QJsonValue ttl = entry.value(QLatin1String("ttl"));
        // SPIRE's default join token TTL is 600 s.
        const qint64 ttlSeconds = ttl.isUndefined() ? 600 : qint64(ttl.toDouble(-1));
        if (ttlSeconds <= 0)
            return fieldError(ec::AnchorsBadField, QStringLiteral("ttl"));
        auto created = optionalTime(entry, "created_at");
        if (!created)
            return created.error();
        if (!created->isValid())
            return fieldError(ec::AnchorsMissingField, QStringLiteral("created_at"));
        a.tokenSha256 = hash.toLatin1();
        a.notBefore = *created;
        a.notAfter = created->addSecs(ttlSeconds);
        naturalName = hash.left(16);
        a.document.remove(QStringLiteral("token"));
        a.document.insert(QStringLiteral("token_sha256"), hash);
        a.document.insert(QStringLiteral("ttl"), ttlSeconds);
        break;
    }
    }
    const QString givenId = entry.value(QLatin1String("id")).toString();
    a.id = givenId.isEmpty() ? anchorKindName(a.kind) + QLatin1Char(':') + naturalName : givenId;
    a.document.insert(QStringLiteral("id"), a.id);
    return a;
}

Result<ReferenceValue> AnchorSet::referenceValueFromJson(const QJsonObject &entry)
{
    const QString kind = entry.value(QLatin1String("kind")).toString();
    ReferenceValue v;
    v.document = entry;
    if (kind == QLatin1String("pcr")) {
        v.kind = ReferenceKind::Pcr;
        auto subject = requiredString(entry, "subject");
        if (!subject)
            return subject.error();
        v.subject = *subject;
        v.bank = entry.value(QLatin1String("bank")).toString(QStringLiteral("sha256"));
        if (v.bank != QLatin1String("sha1") && v.bank != QLatin1String("sha256") &&
            v.bank != QLatin1String("sha384"))
            return fieldError(ec::AnchorsBadField, QStringLiteral("bank"));
        v.index = entry.value(QLatin1String("index")).toInt(-1);
        if (v.index < 0 || v.index > 23)
            return fieldError(ec::AnchorsBadField, QStringLiteral("index"));
        auto value = requiredString(entry, "value");
        if (!value)
            return value.error();
        v.value = value->toLower();
        static const QRegularExpression hex(QStringLiteral("^([0-9a-f]{2})+$"));
        // A value of another length than the bank's digest could never match a quote.
        const int digestSize = v.bank == QLatin1String("sha1")     ? 20
                               : v.bank == QLatin1String("sha256") ? 32
                                                                   : 48;
        if (!hex.match(v.value).hasMatch() || v.value.size() != 2 * digestSize)
            return fieldError(ec::AnchorsBadField, QStringLiteral("value"));
        v.id = QStringLiteral("pcr:%1:%2:%3:%4")
                   .arg(v.subject, v.bank)
                   .arg(v.index)
                   .arg(v.value.left(16));
    } else if (kind == QLatin1String("image_digest")) {
        v.kind = ReferenceKind::ImageDigest;
        auto image = requiredString(entry, "image");
        if (!image)
            return image.error();
        auto digest = requiredString(entry, "digest");
        if (!digest)
            return digest.error();
        static const QRegularExpression sha(QStringLiteral("^sha256:[0-9a-f]{64}$"));
        if (!sha.match(*digest).hasMatch())
            return fieldError(ec::AnchorsBadField, QStringLiteral("digest"));
        // Evidence is matched by repository; an image that carries a digest itself never matches.
        if (image->contains(QLatin1Char('@')))
            return fieldError(ec::AnchorsBadField, QStringLiteral("image"));
        v.image = *image;
        v.digest = *digest;
        v.id = QStringLiteral("image_digest:%1@%2").arg(v.image, v.digest);
    } else {
        return makeError(ec::AnchorsUnknownKind, kind);
    }
    const QString givenId = entry.value(QLatin1String("id")).toString();
    if (!givenId.isEmpty())
        v.id = givenId;
    v.document.insert(QStringLiteral("id"), v.id);
    return v;
}

Result<AnchorSet> AnchorSet::fromImportJson(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(ec::AnchorsBadJson,
                         QStringLiteral("%1 at offset %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return makeError(ec::AnchorsBadJson, QStringLiteral("the top level is not an object"));
    const QJsonObject root = doc.object();
    // A list of the wrong type would read as empty and import nothing, silently.
    for (const char *list : {"anchors", "reference_values"}) {
        const QJsonValue v = root.value(QLatin1String(list));
        if (!v.isUndefined() && !v.isArray())
            return makeError(ec::AnchorsBadJson,
                             QStringLiteral("%1: not an array").arg(QLatin1String(list)));
    }
    if (!root.contains(QLatin1String("anchors")) &&
        !root.contains(QLatin1String("reference_values")))
        return makeError(ec::AnchorsBadJson,
                         QStringLiteral("neither anchors nor reference_values"));
    AnchorSet set;
    const QJsonArray anchors = root.value(QLatin1String("anchors")).toArray();
    for (qsizetype i = 0; i < anchors.size(); ++i) {
        const QJsonObject entry = anchors.at(i).toObject();
        const QString kind = entry.value(QLatin1String("kind")).toString();
        auto a = anchorFromJson(entry);
        if (!a)
            return entryError("anchors", i, kind, a.error());
        if (auto r = set.addAnchor(std::move(*a)); !r)
            return entryError("anchors", i, kind, r.error());
    }
    const QJsonArray refs = root.value(QLatin1String("reference_values")).toArray();
    for (qsizetype i = 0; i < refs.size(); ++i) {
        const QJsonObject entry = refs.at(i).toObject();
        const QString kind = entry.value(QLatin1String("kind")).toString();
        auto v = referenceValueFromJson(entry);
        if (!v)
            return entryError("reference_values", i, kind, v.error());
        if (auto r = set.addReferenceValue(std::move(*v)); !r)
            return entryError("reference_values", i, kind, r.error());
    }
    return set;
}

Result<void> AnchorSet::addAnchor(TrustAnchor anchor)
{
    if (m_anchorIndex.contains(anchor.id))
        return makeError(ec::AnchorsDuplicateId, anchor.id);
    anchor.certificateKeyFingerprints.clear();
    for (const Certificate &c : std::as_const(anchor.certificates))
        anchor.certificateKeyFingerprints << c.publicKeyFingerprint();
    m_anchorIndex.insert(anchor.id, m_anchors.size());
    m_anchors.append(std::move(anchor));
    indexAnchor(m_anchors.size() - 1);
    return {};
}

Result<void> AnchorSet::addReferenceValue(ReferenceValue value)
{
    if (m_referenceIndex.contains(value.id))
        return makeError(ec::AnchorsDuplicateId, value.id);
    m_referenceIndex.insert(value.id, m_references.size());
    m_references.append(std::move(value));
    indexReferenceValue(m_references.size() - 1);
    return {};
}

void AnchorSet::merge(const AnchorSet &other)
{
    for (const TrustAnchor &a : other.m_anchors) {
        if (auto it = m_anchorIndex.constFind(a.id); it != m_anchorIndex.cend()) {
            m_anchors[*it] = a;
        } else {
            m_anchorIndex.insert(a.id, m_anchors.size());
            m_anchors.append(a);
        }
    }
    for (const ReferenceValue &v : other.m_references) {
        if (auto it = m_referenceIndex.constFind(v.id); it != m_referenceIndex.cend()) {
            m_references[*it] = v;
        } else {
            m_referenceIndex.insert(v.id, m_references.size());
            m_references.append(v);
        }
    }
    // A replaced entry may have another kind, name, image or subject than the one it replaces:
    // the lookups are rebuilt rather than patched, so none can point at a name it no longer has.
    reindexLookups();
}

void AnchorSet::reindexLookups()
{
    m_byKind.clear();
    m_byKindName.clear();
    m_byImage.clear();
    m_pcrBySubject.clear();
    for (qsizetype i = 0; i < m_anchors.size(); ++i)
        indexAnchor(i);
    for (qsizetype i = 0; i < m_references.size(); ++i)
        indexReferenceValue(i);
}

void AnchorSet::indexAnchor(qsizetype i)
{
    const TrustAnchor &a = m_anchors.at(i);
    m_byKind[int(a.kind)].append(i);
    m_byKindName.insert(anchorKindName(a.kind) + QChar(0) + a.name, i);
}

void AnchorSet::indexReferenceValue(qsizetype i)
{
    const ReferenceValue &v = m_references.at(i);
    if (v.kind == ReferenceKind::ImageDigest)
        m_byImage.insert(v.image, i);
    else
        m_pcrBySubject.insert(v.subject, i);
}

const TrustAnchor *AnchorSet::anchor(const QString &id) const
{
    const auto it = m_anchorIndex.constFind(id);
    return it == m_anchorIndex.cend() ? nullptr : &m_anchors.at(*it);
}

const ReferenceValue *AnchorSet::referenceValue(const QString &id) const
{
    const auto it = m_referenceIndex.constFind(id);
    return it == m_referenceIndex.cend() ? nullptr : &m_references.at(*it);
}

QList<const TrustAnchor *> AnchorSet::anchorsOfKind(AnchorKind kind) const
{
    QList<const TrustAnchor *> out;
    for (qsizetype i : m_byKind.value(int(kind)))
        out.append(&m_anchors.at(i));
    return out;
}

const TrustAnchor *AnchorSet::anchorNamed(AnchorKind kind, const QString &name) const
{
    const auto it = m_byKindName.constFind(anchorKindName(kind) + QChar(0) + name);
    return it == m_byKindName.cend() ? nullptr : &m_anchors.at(*it);
}

QList<const ReferenceValue *> AnchorSet::imageDigests(const QString &image) const
{
    QList<const ReferenceValue *> out;
    for (auto it = m_byImage.constFind(image); it != m_byImage.cend() && it.key() == image; ++it)
        out.prepend(&m_references.at(*it));
    return out;
}

QList<const ReferenceValue *> AnchorSet::pcrValues(const QString &subject) const
{
    QList<const ReferenceValue *> out;
    for (auto it = m_pcrBySubject.constFind(subject);
         it != m_pcrBySubject.cend() && it.key() == subject; ++it)
        out.prepend(&m_references.at(*it));
    return out;
}

QJsonObject AnchorSet::toJson() const
{
    QJsonArray anchors;
    for (const TrustAnchor &a : m_anchors)
        anchors.append(a.document);
    QJsonArray refs;
    for (const ReferenceValue &v : m_references)
        refs.append(v.document);
    return {{QStringLiteral("anchors"), anchors}, {QStringLiteral("reference_values"), refs}};
}

} // namespace ta::core
