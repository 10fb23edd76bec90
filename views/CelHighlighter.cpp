// SPDX-License-Identifier: Apache-2.0
#include "views/CelHighlighter.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace ta::views {

CelHighlighter::CelHighlighter(QTextDocument *document, QStringList variables)
    : QSyntaxHighlighter(document), m_variables(std::move(variables))
{}

void CelHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = QGuiApplication::palette();
    QTextCharFormat keyword;
    keyword.setForeground(palette.color(QPalette::Link));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat variable;
    variable.setForeground(palette.color(QPalette::LinkVisited));
    QTextCharFormat literal;
    literal.setForeground(palette.color(QPalette::Highlight));
    QTextCharFormat string;
    string.setForeground(palette.color(QPalette::Highlight).darker(130));
    string.setFontItalic(true);

    static const QRegularExpression word(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*"));
    static const QRegularExpression number(QStringLiteral("\\b[0-9]+(\\.[0-9]+)?[uU]?\\b"));
    static const QRegularExpression quoted(
        QStringLiteral("'(?:[^'\\\\]|\\\\.)*'?|\"(?:[^\"\\\\]|\\\\.)*\"?"));
    static const QStringList keywords = {QStringLiteral("in"), QStringLiteral("true"),
                                         QStringLiteral("false"), QStringLiteral("null")};
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (keywords.contains(m.captured()))
            setFormat(int(m.capturedStart()), int(m.capturedLength()), keyword);
        else if (m_variables.contains(m.captured()) &&
                 (m.capturedStart() == 0 || text.at(m.capturedStart() - 1) != QLatin1Char('.')))
            setFormat(int(m.capturedStart()), int(m.capturedLength()), variable);
    }
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), literal);
    }
    // Strings last: whatever a string holds is not a keyword.
    for (auto it = quoted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), string);
    }
}

} // namespace ta::views
