// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace ta::core {

/// Reads an evidence line whose payload nests (a node's: recorded Kubernetes objects, an EC2
/// instance, a certificate chain, PCR values) to the object Qt's parser reads from it, parsing
/// each nested value once per distinct text.
///
/// Why: such a line is declined by the plain reader (EvidenceRecord::fromCanonicalLine), and
/// Qt's parser took about 100,000 instructions a line building its objects (callgrind, a
/// 20,000-record lab): a node line is one in twenty, but they were a sixth of the replay
/// thread's own work. Most of that is the recorded objects, which a node presents unchanged
/// record after record; only its token, nonce and signature change.
///
/// The line and its payload are read member by member, without white space: names that are
/// plain strings (PlainJson::string), distinct, at most PlainJson::kMaxMembers an object;
/// values that are plain strings (taken as they are), or objects, arrays and strings with
/// escapes, which are found by their brackets and quotes and parsed by Qt's parser, each text
/// once: what it read is kept under the text and given again when the text comes again. The
/// line's own object and its payload are assembled; any object deeper is one kept value. Any
/// other line (a number or literal at those two levels, white space, a nested text Qt's parser
/// refuses, nesting deeper than kMaxDepth) is declined, and its caller gives it to Qt's parser,
/// which also words the errors. JSON is read alike in any context, so every value is what Qt's
/// parser reads in the whole line (tst_nestedline compares the two, and the evidence fuzzer
/// aborts on a difference).
class NestedLine
{
public:
    /// Deepest nesting of a value parsed alone: well inside Qt's own limit for the whole line.
    static constexpr int kMaxDepth = 64;
    /// Most values kept, and most bytes of their texts; the store starts again empty when
    /// either is reached (a reader lives as long as its thread, so what it keeps is bounded
    /// whatever the file: a node's objects are a few hundred bytes, a lab's nodes a few
    /// thousand).
    static constexpr qsizetype kMaxKept = 4096;
    static constexpr qsizetype kMaxKeptBytes = 8 * 1024 * 1024;
    /// Longest text kept: a longer one is parsed each time.
    static constexpr qsizetype kMaxKeptText = 64 * 1024;

    /// The object Qt's parser reads from @p line, or nullopt when this reader declines it.
    std::optional<QJsonObject> read(QByteArrayView line);

    /// How many texts are kept now, and their bytes (tests).
    qsizetype kept() const { return m_kept.size(); }
    qsizetype keptBytes() const { return m_keptBytes; }

private:
    bool object(QByteArrayView s, qsizetype &at, int level, QJsonObject &out);
    bool value(QByteArrayView s, qsizetype &at, int level, QJsonValue &out);
    /// The value whose text is @p text (an object, an array, or a string with its quotes), as
    /// Qt's parser reads it; kept for the next time.
    std::optional<QJsonValue> parsed(QByteArrayView text);

    QHash<QByteArray, QJsonValue> m_kept;
    qsizetype m_keptBytes = 0;
};

} // namespace ta::core
