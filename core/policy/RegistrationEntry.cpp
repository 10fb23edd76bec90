// SPDX-License-Identifier: Apache-2.0
#include "core/policy/RegistrationEntry.h"
#include "core/policy/PolicyErrors.h"

#include "core/spiffe/SpiffeId.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace ta::core {
namespace {

/// @p e placed at entry @p index of the "entries" list.
Error atEntry(qsizetype index, Error e)
{
    e.list = QStringLiteral("entries");
    e.index = index;
    return e;
}

QJsonObject idToJson(const QString &id)
{
    auto parsed = SpiffeId::fromString(id);
    if (!parsed)
        return {};
    return {{QStringLiteral("trust_domain"), parsed->trustDomain().name()},
            {QStringLiteral("path"), parsed->path()}};
}

// `entry show -output json` writes an ID as {"trust_domain", "path"}; the `entry create -data`
// file (SPIRE's common.RegistrationEntry) writes it as a "spiffe://..." string. Both are read.
Result<QString> idFromJson(const QJsonValue &v, const char *field)
{
    const QString name = QString::fromLatin1(field);
    if (v.isUndefined() || v.isNull())
        return makeError(ec::EntryMissingField, name);
    if (v.isString()) {
        auto id = SpiffeId::fromString(v.toString());
        if (!id)
            return makeError(ec::EntryBadSpiffeId,
                             name + QStringLiteral(": ") + id.error().toString());
        return id->toString();
    }
    if (!v.isObject())
        return makeError(ec::EntryBadSpiffeId,
                         name + QStringLiteral(": neither a string nor an object"));
    const QJsonObject o = v.toObject();
    auto td = TrustDomain::fromName(o.value(QStringLiteral("trust_domain")).toString());
    if (!td)
        return makeError(ec::EntryBadSpiffeId, name + QStringLiteral(": ") + td.error().toString());
    auto id = SpiffeId::fromPath(*td, o.value(QStringLiteral("path")).toString());
    if (!id)
        return makeError(ec::EntryBadSpiffeId, name + QStringLiteral(": ") + id.error().toString());
    return id->toString();
}

/// The parent of a node entry (`entry create -node`): the server of @p spiffeId's trust domain.
QString serverIdOf(const QString &spiffeId)
{
    auto id = SpiffeId::fromString(spiffeId);
    return id ? id->trustDomain().idString() + QStringLiteral("/spire/server") : QString();
}

// protojson writes int64 as a decimal string and accepts a number too.
Result<qint64> int64Of(const QJsonObject &o, const char *field)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return qint64(0);
    if (v.isDouble())
        return v.toInteger();
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return makeError(ec::EntryBadNumber, QString::fromLatin1(field));
}

Result<qint32> int32Of(const QJsonObject &o, const char *field)
{
    auto n = int64Of(o, field);
    if (!n)
        return n.error();
    if (*n < 0 || *n > std::numeric_limits<qint32>::max())
        return makeError(ec::EntryBadNumber, QString::fromLatin1(field));
    return qint32(*n);
}

QStringList stringsOf(const QJsonObject &o, const char *field)
{
    QStringList out;
    for (const QJsonValue &v : o.value(QLatin1String(field)).toArray())
        out << v.toString();
    return out;
}

} // namespace

QJsonObject RegistrationEntry::toJson() const
{
    QJsonArray sel;
    for (const Selector &s : selectors)
        sel.append(
            QJsonObject{{QStringLiteral("type"), s.type}, {QStringLiteral("value"), s.value}});
    return {{QStringLiteral("id"), id},
            {QStringLiteral("spiffe_id"), idToJson(spiffeId)},
            {QStringLiteral("parent_id"), idToJson(parentId)},
            {QStringLiteral("selectors"), sel},
            {QStringLiteral("x509_svid_ttl"), x509SvidTtl},
            {QStringLiteral("federates_with"), QJsonArray::fromStringList(federatesWith)},
            {QStringLiteral("admin"), admin},
            {QStringLiteral("downstream"), downstream},
            {QStringLiteral("expires_at"), QString::number(expiresAt)},
            {QStringLiteral("dns_names"), QJsonArray::fromStringList(dnsNames)},
            {QStringLiteral("revision_number"), QString::number(revisionNumber)},
            {QStringLiteral("store_svid"), storeSvid},
            {QStringLiteral("jwt_svid_ttl"), jwtSvidTtl},
            {QStringLiteral("hint"), hint},
            {QStringLiteral("created_at"), QString::number(createdAt)}};
}

Result<RegistrationEntry> RegistrationEntry::fromJson(const QJsonObject &o)
{
    RegistrationEntry e;
    // The -data file of `entry create` names the ID "entry_id".
    e.id = o.contains(QStringLiteral("id")) ? o.value(QStringLiteral("id")).toString()
                                            : o.value(QStringLiteral("entry_id")).toString();
    auto sid = idFromJson(o.value(QStringLiteral("spiffe_id")), "spiffe_id");
    if (!sid)
        return sid.error();
    e.spiffeId = *sid;
    // A node entry ("node": true, as `entry create -node`) has the server as its parent; SPIRE
    // sets that parent itself, so the file may leave parent_id out.
    const bool node = o.value(QStringLiteral("node")).toBool();
    const QJsonValue parent = o.value(QStringLiteral("parent_id"));
    if (node && (parent.isUndefined() || parent.isNull() || parent == QJsonValue(QString()))) {
        e.parentId = serverIdOf(e.spiffeId);
    } else {
        auto pid = idFromJson(parent, "parent_id");
        if (!pid)
            return pid.error();
        e.parentId = *pid;
        if (node && e.parentId != serverIdOf(e.spiffeId))
            return makeError(ec::EntryBadSpiffeId,
                             QStringLiteral("parent_id: a node entry's parent is %1, not %2")
                                 .arg(serverIdOf(e.spiffeId), e.parentId));
    }
    const QJsonArray sel = o.value(QStringLiteral("selectors")).toArray();
    if (sel.isEmpty())
        return makeError(ec::EntryNoSelectors);
    for (const QJsonValue &v : sel) {
        const QString type = v.toObject().value(QStringLiteral("type")).toString();
        const QString value = v.toObject().value(QStringLiteral("value")).toString();
        if (type.isEmpty() || value.isEmpty() || type.contains(QLatin1Char(':')))
            return makeError(ec::EntryBadSelector, type + QLatin1Char(':') + value);
        e.selectors.append({type, value});
    }
    // The -data file may carry the deprecated "ttl" (the X509-SVID TTL) and "entryExpiry".
    auto x509 = int32Of(o, "x509_svid_ttl");
    auto ttl = int32Of(o, "ttl");
    if (x509 && ttl && *ttl != 0 && *x509 != 0 && *ttl != *x509)
        return makeError(ec::EntryBadNumber,
                         QStringLiteral("ttl: differs from x509_svid_ttl (ttl is deprecated)"));
    if (!ttl)
        return ttl.error();
    auto jwt = int32Of(o, "jwt_svid_ttl");
    auto expires =
        int64Of(o, o.contains(QStringLiteral("expires_at")) ? "expires_at" : "entryExpiry");
    auto revision = int64Of(o, "revision_number");
    auto created = int64Of(o, "created_at");
    for (const Error *err :
         {x509 ? nullptr : &x509.error(), jwt ? nullptr : &jwt.error(),
          expires ? nullptr : &expires.error(), revision ? nullptr : &revision.error(),
          created ? nullptr : &created.error()}) {
        if (err)
            return *err;
    }
    e.x509SvidTtl = *x509 != 0 ? *x509 : *ttl;
    e.jwtSvidTtl = *jwt;
    e.expiresAt = *expires;
    e.revisionNumber = *revision;
    e.createdAt = *created;
    e.federatesWith = stringsOf(o, "federates_with");
    for (const QString &td : e.federatesWith) {
        // SPIRE accepts a trust domain name or its SPIFFE ID here.
        auto byName = TrustDomain::fromName(td);
        if (!byName && !TrustDomain::fromIdString(td))
            return makeError(ec::EntryBadFederatesWith, td);
    }
    e.admin = o.value(QStringLiteral("admin")).toBool();
    e.downstream = o.value(QStringLiteral("downstream")).toBool();
    e.dnsNames = stringsOf(o, "dns_names");
    e.storeSvid = o.value(QStringLiteral("store_svid")).toBool();
    e.hint = o.value(QStringLiteral("hint")).toString();
    return e;
}

QByteArray RegistrationEntry::listToJson(const QList<RegistrationEntry> &entries)
{
    QJsonArray arr;
    for (const RegistrationEntry &e : entries)
        arr.append(e.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("entries"), arr},
                                     {QStringLiteral("next_page_token"), QString()}})
        .toJson(QJsonDocument::Indented);
}

Result<QList<RegistrationEntry>> RegistrationEntry::listFromJson(const QByteArray &json)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError)
        return makeError(ec::EntryBadJson,
                         QStringLiteral("offset %1: %2").arg(perr.offset).arg(perr.errorString()));
    if (!doc.isObject() || !doc.object().value(QStringLiteral("entries")).isArray())
        return makeError(ec::EntryBadJson, QStringLiteral("no \"entries\" array"));
    QList<RegistrationEntry> out;
    QSet<QString> ids;
    const QJsonArray arr = doc.object().value(QStringLiteral("entries")).toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr[i].isObject())
            return atEntry(i, makeError(ec::EntryBadJson, QStringLiteral("entry %1").arg(i)));
        auto e = fromJson(arr[i].toObject());
        if (!e)
            return atEntry(i,
                           makeError(e.error().code,
                                     QStringLiteral("entry %1: %2").arg(i).arg(e.error().detail)));
        if (!e->id.isEmpty() && ids.contains(e->id))
            return atEntry(i, makeError(ec::EntryDuplicateId, e->id));
        ids.insert(e->id);
        out.append(*e);
    }
    return out;
}

} // namespace ta::core
