// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidencePayload.h"
#include "core/SharedBytes.h"

namespace ta::core {

EvidencePayload EvidencePayload::fromPlain(QByteArray bytes, PlainMembers members)
{
    EvidencePayload p;
    p.m_bytes = std::move(bytes);
    p.m_members = std::move(members);
    p.m_plain = true;
    return p;
}

const EvidencePayload::PlainMember *EvidencePayload::find(QLatin1StringView name) const
{
    for (const PlainMember &m : m_members)
        if (nameOf(m) == name)
            return &m;
    return nullptr;
}

QJsonObject EvidencePayload::object() const
{
    if (!m_plain)
        return m_object;
    // As fromCanonicalLine built it before payloads were kept as bytes.
    QJsonObject out;
    for (const PlainMember &m : m_members)
        out.insert(nameOf(m), QJsonValue(valueOf(m)));
    return out;
}

QJsonValue EvidencePayload::value(QLatin1StringView name) const
{
    if (!m_plain)
        return m_object.value(name);
    const PlainMember *m = find(name);
    return m ? QJsonValue(valueOf(*m)) : QJsonValue(QJsonValue::Undefined);
}

QByteArray EvidencePayload::latin1(QLatin1StringView name) const
{
    if (!m_plain)
        return m_object.value(name).toString().toLatin1();
    // A plain string is printable ASCII: its Latin-1 bytes are the line's, shared rather than
    // copied (a workload's token is most of its line).
    const PlainMember *m = find(name);
    return m ? sharedSlice(m_bytes, m->valueAt, m->valueSize) : QByteArray();
}

bool EvidencePayload::contains(QLatin1StringView name) const
{
    return m_plain ? find(name) != nullptr : m_object.contains(name);
}

QStringList EvidencePayload::keys() const
{
    return object().keys();
}

} // namespace ta::core
