// SPDX-License-Identifier: Apache-2.0
#include "core/federation/SpireFederationJson.h"
#include "core/JsonInput.h"
#include "core/federation/FederationErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ta::core {
namespace {

Error importError(const QString &list, qint64 index, const QString &field, const QString &detail)
{
    Error e = makeError(ec::FedBadImport, detail);
    e.list = list;
    e.index = index;
    e.field = field;
    return e;
}

// protojson writes 64-bit integers as strings; accept both.
std::optional<qint64> integer(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

Result<TrustBundle> bundleFromSpire(const TrustDomain &td, const QJsonObject &o)
{
    TrustBundle bundle(td);
    if (o.contains(QLatin1String("trust_domain")) &&
        o.value(QLatin1String("trust_domain")).toString() != td.name())
        return makeError(ec::FedWrongTrustDomain,
                         o.value(QLatin1String("trust_domain")).toString());
    for (const QJsonValue &a : o.value(QLatin1String("x509_authorities")).toArray()) {
        const QByteArray der =
            QByteArray::fromBase64(a.toObject().value(QLatin1String("asn1")).toString().toLatin1());
        auto cert = Certificate::fromDer(der);
        if (!cert)
            return cert.error();
        if (auto r = bundle.addX509Authority(*cert); !r)
            return r.error();
    }
    for (const QJsonValue &a : o.value(QLatin1String("jwt_authorities")).toArray()) {
        const QJsonObject j = a.toObject();
        auto key = Key::fromPublicDer(
            QByteArray::fromBase64(j.value(QLatin1String("public_key")).toString().toLatin1()));
        if (!key)
            return key.error();
        if (auto r = bundle.addJwtAuthority(j.value(QLatin1String("key_id")).toString(), *key); !r)
            return r.error();
    }
    if (const auto hint = integer(o.value(QLatin1String("refresh_hint"))); hint && *hint > 0) {
        if (auto r = bundle.setRefreshHint(*hint); !r)
            return r.error();
    }
    if (const auto seq = integer(o.value(QLatin1String("sequence_number")));
        seq && quint64(*seq) > bundle.sequence()) {
        if (auto r = bundle.setSequence(quint64(*seq)); !r)
            return r.error();
    }
    return bundle;
}

QJsonObject bundleToSpire(const TrustBundle &b)
{
    QJsonArray x509;
    for (const Certificate &c : b.x509Authorities())
        x509.append(
            QJsonObject{{QStringLiteral("asn1"), QString::fromLatin1(c.toDer().toBase64())}});
    QJsonArray jwt;
    for (auto it = b.jwtAuthorities().cbegin(); it != b.jwtAuthorities().cend(); ++it)
        jwt.append(QJsonObject{
            {QStringLiteral("public_key"), QString::fromLatin1(it.value().publicDer().toBase64())},
            {QStringLiteral("key_id"), it.key()}});
    QJsonObject o{{QStringLiteral("trust_domain"), b.trustDomain().name()},
                  {QStringLiteral("x509_authorities"), x509},
                  {QStringLiteral("jwt_authorities"), jwt},
                  {QStringLiteral("sequence_number"), QString::number(b.sequence())}};
    if (b.refreshHint())
        o.insert(QStringLiteral("refresh_hint"), QString::number(*b.refreshHint()));
    return o;
}

Result<QList<SpireFederationEntry>> readList(const TrustDomain &local, const QJsonArray &list)
{
    const QString listName = QStringLiteral("federation_relationships");
    QList<SpireFederationEntry> out;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        SpireFederationEntry e;
        FederationRelationship &r = e.relationship;
        r.localTrustDomain = local;
        auto peer = TrustDomain::fromName(o.value(QLatin1String("trust_domain")).toString());
        if (!peer)
            return importError(listName, i, QStringLiteral("trust_domain"),
                               peer.error().toString());
        r.peerTrustDomain = *peer;
        r.bundleEndpointUrl =
            QUrl(o.value(QLatin1String("bundle_endpoint_url")).toString(), QUrl::StrictMode);
        if (o.contains(QLatin1String("https_spiffe"))) {
            r.profile = BundleEndpointProfile::HttpsSpiffe;
            auto id = SpiffeId::fromString(o.value(QLatin1String("https_spiffe"))
                                               .toObject()
                                               .value(QLatin1String("endpoint_spiffe_id"))
                                               .toString());
            if (!id)
                return importError(listName, i, QStringLiteral("https_spiffe"),
                                   id.error().toString());
            r.endpointSpiffeId = *id;
        } else if (o.contains(QLatin1String("https_web"))) {
            r.profile = BundleEndpointProfile::HttpsWeb;
        } else {
            return importError(listName, i, QStringLiteral("https_web"),
                               QStringLiteral("no bundle endpoint profile"));
        }
        if (o.contains(QLatin1String("trust_domain_bundle"))) {
            auto b =
                bundleFromSpire(*peer, o.value(QLatin1String("trust_domain_bundle")).toObject());
            if (!b)
                return importError(listName, i, QStringLiteral("trust_domain_bundle"),
                                   b.error().toString());
            e.bundle = *b;
            if (r.profile == BundleEndpointProfile::HttpsSpiffe &&
                r.endpointSpiffeId.trustDomain() == *peer)
                r.bootstrapBundle = b->toJwks();
        }
        if (auto v = r.validate(); !v)
            return importError(listName, i, QStringLiteral("bundle_endpoint_url"),
                               v.error().toString());
        out << e;
    }
    return out;
}

// One federates_with block: {"bundle_endpoint_url", "bundle_endpoint_profile": {...}}, where
// HCL's JSON may wrap a block in a list of one.
QJsonObject unwrap(const QJsonValue &v)
{
    if (v.isArray() && v.toArray().size() == 1)
        return v.toArray().first().toObject();
    return v.toObject();
}

Result<QList<SpireFederationEntry>> readConfig(const TrustDomain &local, const QJsonObject &block)
{
    const QString listName = QStringLiteral("federates_with");
    QList<SpireFederationEntry> out;
    qint64 index = 0;
    for (auto it = block.constBegin(); it != block.constEnd(); ++it, ++index) {
        const QJsonObject o = unwrap(it.value());
        SpireFederationEntry e;
        FederationRelationship &r = e.relationship;
        r.localTrustDomain = local;
        auto peer = TrustDomain::fromName(it.key());
        if (!peer)
            return importError(listName, index, it.key(), peer.error().toString());
        r.peerTrustDomain = *peer;
        r.bundleEndpointUrl =
            QUrl(o.value(QLatin1String("bundle_endpoint_url")).toString(), QUrl::StrictMode);
        const QJsonObject profile = unwrap(o.value(QLatin1String("bundle_endpoint_profile")));
        if (profile.contains(QLatin1String("https_spiffe"))) {
            r.profile = BundleEndpointProfile::HttpsSpiffe;
            auto id = SpiffeId::fromString(unwrap(profile.value(QLatin1String("https_spiffe")))
                                               .value(QLatin1String("endpoint_spiffe_id"))
                                               .toString());
            if (!id)
                return importError(listName, index, QStringLiteral("endpoint_spiffe_id"),
                                   id.error().toString());
            r.endpointSpiffeId = *id;
        } else if (profile.contains(QLatin1String("https_web"))) {
            r.profile = BundleEndpointProfile::HttpsWeb;
        } else {
            return importError(listName, index, QStringLiteral("bundle_endpoint_profile"),
                               QStringLiteral("no bundle endpoint profile"));
        }
        if (auto v = r.validate(); !v)
            return importError(listName, index, QStringLiteral("bundle_endpoint_url"),
                               v.error().toString());
        out << e;
    }
    return out;
}

} // namespace

Result<QList<SpireFederationEntry>> SpireFederationJson::read(const TrustDomain &local,
                                                              const QByteArray &json)
{
    if (auto c = JsonInput::check(json); !c)
        return c.error();
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.contains(QLatin1String("federation_relationships")))
        return readList(local, root.value(QLatin1String("federation_relationships")).toArray());
    QJsonObject o = root;
    if (o.contains(QLatin1String("server")))
        o = unwrap(o.value(QLatin1String("server")));
    if (o.contains(QLatin1String("federation")))
        o = unwrap(o.value(QLatin1String("federation")));
    if (o.contains(QLatin1String("federates_with"))) {
        // HCL's JSON may also spell repeated blocks as a list of one-member objects.
        const QJsonValue fw = o.value(QLatin1String("federates_with"));
        QJsonObject block;
        if (fw.isArray()) {
            for (const QJsonValue &v : fw.toArray()) {
                const QJsonObject one = v.toObject();
                for (auto it = one.constBegin(); it != one.constEnd(); ++it)
                    block.insert(it.key(), it.value());
            }
        } else {
            block = fw.toObject();
        }
        return readConfig(local, block);
    }
    return makeError(ec::FedBadImport,
                     QStringLiteral("neither federation_relationships nor federates_with"));
}

QByteArray SpireFederationJson::writeList(const QList<SpireFederationEntry> &entries)
{
    QJsonArray list;
    for (const SpireFederationEntry &e : entries) {
        const FederationRelationship &r = e.relationship;
        QJsonObject o{{QStringLiteral("trust_domain"), r.peerTrustDomain.name()},
                      {QStringLiteral("bundle_endpoint_url"),
                       r.bundleEndpointUrl.toString(QUrl::FullyEncoded)}};
        if (r.profile == BundleEndpointProfile::HttpsSpiffe)
            o.insert(
                QStringLiteral("https_spiffe"),
                QJsonObject{{QStringLiteral("endpoint_spiffe_id"), r.endpointSpiffeId.toString()}});
        else
            o.insert(QStringLiteral("https_web"), QJsonObject());
        if (!e.bundle.isNull())
            o.insert(QStringLiteral("trust_domain_bundle"), bundleToSpire(e.bundle));
        list.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("federation_relationships"), list},
                                     {QStringLiteral("next_page_token"), QString()}})
        .toJson(QJsonDocument::Indented);
}

QByteArray SpireFederationJson::writeConfig(const QList<FederationRelationship> &relationships)
{
    QJsonObject block;
    for (const FederationRelationship &r : relationships) {
        QJsonObject profile;
        if (r.profile == BundleEndpointProfile::HttpsSpiffe)
            profile.insert(
                QStringLiteral("https_spiffe"),
                QJsonObject{{QStringLiteral("endpoint_spiffe_id"), r.endpointSpiffeId.toString()}});
        else
            profile.insert(QStringLiteral("https_web"), QJsonObject());
        block.insert(r.peerTrustDomain.name(),
                     QJsonObject{{QStringLiteral("bundle_endpoint_url"),
                                  r.bundleEndpointUrl.toString(QUrl::FullyEncoded)},
                                 {QStringLiteral("bundle_endpoint_profile"), profile}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("federation"),
                                      QJsonObject{{QStringLiteral("federates_with"), block}}}})
        .toJson(QJsonDocument::Indented);
}

} // namespace ta::core
