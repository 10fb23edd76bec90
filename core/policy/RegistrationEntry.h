// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/Selector.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ta::core {

/// A SPIRE registration entry, field for field as spire-api-sdk's types.Entry.
struct RegistrationEntry
{
    QString id;
    QString spiffeId;
    QString parentId;
    QList<Selector> selectors;
    qint32 x509SvidTtl = 0;
    qint32 jwtSvidTtl = 0;
    /// Trust domain names.
    QStringList federatesWith;
    bool admin = false;
    bool downstream = false;
    /// Seconds since the Unix epoch; 0 never expires.
    qint64 expiresAt = 0;
    QStringList dnsNames;
    qint64 revisionNumber = 0;
    bool storeSvid = false;
    QString hint;
    qint64 createdAt = 0;

    bool expiredAt(qint64 unixSeconds) const { return expiresAt != 0 && expiresAt <= unixSeconds; }
    bool operator==(const RegistrationEntry &o) const = default;

    /// One entry as `spire-server entry show -output json` prints it (protojson: int64 fields as
    /// strings, every field present).
    QJsonObject toJson() const;
    /// Reads one entry; int64 fields may be numbers or strings, as protojson accepts. Also reads
    /// the `spire-server entry create -data` form: string IDs, "entry_id", the deprecated "ttl"
    /// (the X509-SVID TTL), "entryExpiry", and node entries ("node": true, parent the server).
    [[nodiscard]] static Result<RegistrationEntry> fromJson(const QJsonObject &object);

    /// The document `entry show -output json` prints: {"entries": [...], "next_page_token": ""}.
    static QByteArray listToJson(const QList<RegistrationEntry> &entries);
    /// Reads that document (or the {"entries": [...]} of `entry create -data`). Entries are
    /// validated; an error names the entry's index. Duplicate IDs are refused.
    [[nodiscard]] static Result<QList<RegistrationEntry>> listFromJson(const QByteArray &json);
};

} // namespace ta::core
