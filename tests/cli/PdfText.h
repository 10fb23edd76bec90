// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QtEndian>

// Whether a PDF written by QPdfWriter shows @p text, without a PDF tool: Qt writes each font's
// ToUnicode map in clear and the page contents as zlib streams of "<glyph> Tj", so the text is
// found by encoding it with each font's map and looking for that run of glyphs in the pages.
// Enough for a test of our own output; not a general PDF reader.
namespace pdftext {

inline QList<QByteArray> streams(const QByteArray &pdf)
{
    QList<QByteArray> out;
    qsizetype at = 0;
    while ((at = pdf.indexOf("stream", at)) >= 0) {
        if (at >= 3 && pdf.mid(at - 3, 3) == "end") {
            at += 6;
            continue;
        }
        qsizetype start = at + 6;
        if (pdf.mid(start, 2) == "\r\n")
            start += 2;
        else if (pdf.mid(start, 1) == "\n")
            start += 1;
        const qsizetype end = pdf.indexOf("endstream", start);
        if (end < 0)
            break;
        out.append(pdf.mid(start, end - start));
        at = end + 9;
    }
    return out;
}

inline QByteArray inflate(const QByteArray &data)
{
    // zlib streams start with 0x78; the rest (pictures, clear maps) are not for qUncompress.
    if (!data.startsWith('\x78'))
        return {};
    // qUncompress reads zlib data behind a big-endian length (a hint; it grows as needed).
    QByteArray framed(4, '\0');
    qToBigEndian<quint32>(quint32(qMin<qsizetype>(data.size() * 16, 64 << 20)), framed.data());
    framed += data;
    return qUncompress(framed);
}

// Unicode code unit -> glyph code, one table per ToUnicode map.
inline QList<QHash<ushort, ushort>> toUnicodeMaps(const QList<QByteArray> &raw)
{
    QList<QHash<ushort, ushort>> maps;
    static const QRegularExpression range(QStringLiteral(
        "<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (\\[([^\\]]*)\\]|<([0-9A-Fa-f]{4})>)"));
    static const QRegularExpression hex(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    for (const QByteArray &s : raw) {
        if (!s.contains("begincmap"))
            continue;
        QHash<ushort, ushort> map;
        const QString text = QString::fromLatin1(s);
        for (const QString &section : text.split(QStringLiteral("beginbf")).mid(1)) {
            const QString body = section.section(QStringLiteral("endbf"), 0, 0);
            if (body.startsWith(QLatin1String("range"))) {
                auto it = range.globalMatch(body);
                while (it.hasNext()) {
                    const auto m = it.next();
                    const ushort from = m.captured(1).toUShort(nullptr, 16);
                    if (!m.captured(4).isNull() && !m.captured(5).isEmpty()) {
                        ushort u = m.captured(5).toUShort(nullptr, 16);
                        for (ushort g = from; g <= m.captured(2).toUShort(nullptr, 16); ++g)
                            map.insert(u++, g);
                    } else {
                        ushort g = from;
                        auto units = hex.globalMatch(m.captured(4));
                        while (units.hasNext())
                            map.insert(units.next().captured(1).toUShort(nullptr, 16), g++);
                    }
                }
            } else {
                // bfchar: "<glyph> <unicode>" pairs.
                auto it = hex.globalMatch(body);
                while (it.hasNext()) {
                    const ushort g = it.next().captured(1).toUShort(nullptr, 16);
                    if (!it.hasNext())
                        break;
                    map.insert(it.next().captured(1).toUShort(nullptr, 16), g);
                }
            }
        }
        maps.append(map);
    }
    return maps;
}

// The glyph codes the page contents show, in order.
inline QByteArray shownGlyphs(const QList<QByteArray> &raw)
{
    static const QRegularExpression shown(QStringLiteral("<([0-9A-Fa-f]+)> Tj"));
    QByteArray glyphs;
    for (const QByteArray &s : raw) {
        const QByteArray content = inflate(s);
        if (!content.contains(" Tj"))
            continue;
        auto it = shown.globalMatch(QString::fromLatin1(content));
        while (it.hasNext())
            glyphs += it.next().captured(1).toLatin1().toUpper();
    }
    return glyphs;
}

inline bool contains(const QByteArray &pdf, const QString &text)
{
    const QList<QByteArray> raw = streams(pdf);
    const QByteArray glyphs = shownGlyphs(raw);
    for (const QHash<ushort, ushort> &map : toUnicodeMaps(raw)) {
        QByteArray wanted;
        bool encodable = true;
        for (const QChar c : text) {
            if (!map.contains(c.unicode())) {
                encodable = false;
                break;
            }
            wanted +=
                QByteArray::number(map.value(c.unicode()), 16).rightJustified(4, '0').toUpper();
        }
        // Whole glyphs only: a match must start on a 4-digit boundary.
        for (qsizetype at = glyphs.indexOf(wanted); encodable && at >= 0;
             at = glyphs.indexOf(wanted, at + 1)) {
            if (at % 4 == 0)
                return true;
        }
    }
    return false;
}

} // namespace pdftext
