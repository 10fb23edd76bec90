// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "../core/store/AnchorRowsDump.h"
#include "core/store/Workspace.h"

#include <QStringList>
#include <QTest>

namespace ta::tests {

/// Everything a user could observe in the workspace file at @p path, read through a fresh
/// connection (so only what was committed to disk counts): trust domains with their settings
/// and bundle sequence, every slot with its key and certificate fingerprints, and every
/// credential with its material.
inline QStringList dumpWorkspace(const QString &path, const QByteArray &passphrase = {})
{
    using namespace ta::core;
    QStringList out;
    auto ws = Workspace::open(path, passphrase);
    if (!ws) {
        out << QStringLiteral("open failed: ") + ws.error().toString();
        return out;
    }
    for (const QString &name : (*ws)->trustDomainNames()) {
        auto info = (*ws)->trustDomainInfo(name);
        out << QStringLiteral("td %1 %2 seq=%3 hint=%4 ttl=%5/%6")
                   .arg(name, keyTypeName(info->settings.keyType))
                   .arg(info->bundleSequence)
                   .arg(info->refreshHint)
                   .arg(info->settings.x509SvidTtl)
                   .arg(info->settings.jwtSvidTtl);
        auto ca = (*ws)->authority(name);
        if (!ca) {
            out << QStringLiteral("authority failed: ") + ca.error().toString();
            continue;
        }
        out << QStringLiteral("root %1").arg(QString::fromLatin1(ca->root().fingerprint()));
        for (const AuthoritySlot &s : ca->slots()) {
            out << QStringLiteral("slot %1 %2 %3 tainted=%4 key=%5 cert=%6 private=%7")
                       .arg(s.id, authorityKindName(s.kind), slotStatusName(s.status))
                       .arg(s.tainted)
                       .arg(QString::fromLatin1(s.key.fingerprint()),
                            QString::fromLatin1(s.certificate.fingerprint()))
                       .arg(s.key.hasPrivate());
        }
        auto bundle = (*ws)->bundle(name);
        out << QStringLiteral("bundle ") +
                   (bundle ? QString::fromUtf8(bundle->toJwks()) : bundle.error().toString());
    }
    auto creds = (*ws)->credentials();
    for (const CredentialRecord &c : *creds) {
        out << QStringLiteral("cred %1 %2 %3 %4 %5 %6 %7 %8")
                   .arg(c.id)
                   .arg(c.trustDomain, authorityKindName(c.kind), c.serial, c.spiffeId,
                        c.status == CredentialRecord::Status::Valid ? QStringLiteral("valid")
                                                                    : QStringLiteral("revoked"),
                        c.notAfter.toString(Qt::ISODate), QString::fromLatin1(c.material));
    }
    return out;
}

/// The error of @p r for a QVERIFY2 message, empty on success (QVERIFY2 builds its message
/// before it knows whether the check passed).
template <typename R>
QByteArray why(const R &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

} // namespace ta::tests
