// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/SignalAttestor.h"

namespace ta::core {

AttestationResult SignalAttestor::verify(const EvidenceRecord &record,
                                         const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const QString kind = record.payload.value(QLatin1String("kind")).toString();
    QJsonObject signal{{QStringLiteral("kind"), kind}};
    if (kind == QLatin1String("revoke-key")) {
        const QString fp = record.payload.value(QLatin1String("fingerprint")).toString().toLower();
        QStringList holders;
        for (const TrustAnchor &a : context.anchors.anchors()) {
            for (const Key &k : a.keys()) {
                if (QString::fromLatin1(k.fingerprint()) == fp && !holders.contains(a.id))
                    holders << a.id;
            }
        }
        // Agent SVID keys are not anchors, yet an operator may revoke one; any well-formed
        // SPKI SHA-256 is accepted, and the anchors holding it are named when there are some.
        if (fp.size() != 64 || QByteArray::fromHex(fp.toLatin1()).toHex() != fp.toLatin1()) {
            r.refuse(QStringLiteral("key_unknown"), QStringLiteral("SPKI SHA-256 (hex)"), fp);
            return r;
        }
        r.anchorIds = holders;
        r.keyFingerprints << fp;
        signal.insert(QStringLiteral("fingerprint"), fp);
    } else if (kind == QLatin1String("revoke-anchor") || kind == QLatin1String("expire")) {
        const QString id = record.payload.value(QLatin1String("anchor")).toString();
        if (!context.anchors.anchor(id)) {
            r.refuse(QStringLiteral("anchor_unknown"), QStringLiteral("an anchor ID"), id);
            return r;
        }
        r.anchorIds << id;
        signal.insert(QStringLiteral("anchor"), id);
    } else {
        r.refuse(QStringLiteral("signal_unknown"),
                 QStringLiteral("revoke-key, revoke-anchor, expire"), kind);
        return r;
    }
    r.claims.insert(QStringLiteral("signal"), signal);
    return r;
}

} // namespace ta::core
