// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSyntaxHighlighter>

namespace ta::views {

/// Colours a CEL expression: keywords and literals, strings, numbers and the policy variables.
/// Colours come from the palette's link and highlight roles, so dark themes stay readable.
class CelHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    CelHighlighter(QTextDocument *document, QStringList variables);

protected:
    void highlightBlock(const QString &text) override;

private:
    QStringList m_variables;
};

} // namespace ta::views
