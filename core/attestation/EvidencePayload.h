// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringList>
#include <QVarLengthArray>

namespace ta::core {

/// An evidence record's payload: the object in its source's wire format that its attestor reads.
///
/// Held in one of two forms that read the same:
/// - an object, as Qt's parser or a writer built it;
/// - the bytes of a line in the plain form (EvidenceRecord::fromCanonicalLine: members that are
///   strings of printable ASCII without escapes, under distinct names), with where each member
///   is. Nothing is converted until a reader asks: a workload's record, most of a timeline, is
///   attested without building a QJsonObject or a QString of its token (latin1()).
///
/// object() and value() are what the object form gives; latin1() is exactly
/// value(name).toString().toLatin1() in either form (tst_canonicalline, and the evidence fuzzer
/// aborts on a difference).
class EvidencePayload
{
public:
    EvidencePayload() = default;
    /// Implicit: a payload is its object.
    EvidencePayload(QJsonObject object) : m_object(std::move(object)) {}

    /// One member of a plain payload: where its name and its value (without the quotes) are in
    /// the bytes.
    struct PlainMember
    {
        qsizetype nameAt = 0;
        qsizetype nameSize = 0;
        qsizetype valueAt = 0;
        qsizetype valueSize = 0;
    };
    using PlainMembers = QVarLengthArray<PlainMember, 3>;
    /// A payload whose members are plain strings in @p bytes at @p members, already checked
    /// (EvidenceRecord::fromCanonicalLine); @p bytes is shared, not copied.
    static EvidencePayload fromPlain(QByteArray bytes, PlainMembers members);

    /// Whether it is held as plain bytes (no object built).
    bool isPlain() const { return m_plain; }
    /// The object; built anew from the bytes at each call for a plain payload.
    QJsonObject object() const;
    /// The member @p name, Undefined when there is none (as QJsonObject::value).
    QJsonValue value(QLatin1StringView name) const;
    /// value(@p name).toString().toLatin1(), without a QString for a plain payload: a token's
    /// bytes as the line has them, sharing the line's block (sharedSlice: read by size, no
    /// '\0' after them).
    QByteArray latin1(QLatin1StringView name) const;
    bool contains(QLatin1StringView name) const;
    qsizetype size() const { return m_plain ? m_members.size() : m_object.size(); }
    bool isEmpty() const { return size() == 0; }
    QStringList keys() const;

    friend bool operator==(const EvidencePayload &a, const EvidencePayload &b)
    {
        return a.object() == b.object();
    }
    friend bool operator!=(const EvidencePayload &a, const EvidencePayload &b) { return !(a == b); }

private:
    const PlainMember *find(QLatin1StringView name) const;
    QLatin1StringView nameOf(const PlainMember &m) const
    {
        return QLatin1StringView(m_bytes.constData() + m.nameAt, m.nameSize);
    }
    QLatin1StringView valueOf(const PlainMember &m) const
    {
        return QLatin1StringView(m_bytes.constData() + m.valueAt, m.valueSize);
    }

    QJsonObject m_object;
    QByteArray m_bytes;
    PlainMembers m_members;
    bool m_plain = false;
};

} // namespace ta::core
