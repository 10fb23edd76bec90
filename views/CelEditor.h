// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Diagnostic.h"

#include <QHash>
#include <QPlainTextEdit>

QT_BEGIN_NAMESPACE
class QCompleter;
class QStringListModel;
QT_END_NAMESPACE

namespace ta::views {

class CelHighlighter;

/// An editor for a policy condition: CEL syntax highlighting, the parser's and type checker's
/// diagnostics underlined at their positions as one types, completion of the policy variables
/// and of the claim paths the workspace's evidence produced, and a tool tip with a name's type
/// and an example value from the evidence.
class CelEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CelEditor(QWidget *parent = nullptr);

    /// Claim paths ("node.labels.zone") with an example value each, from the evidence.
    void setExamples(const QHash<QString, QString> &examples);
    /// The diagnostics of the current text (empty: it parses and checks).
    const QList<core::cel::Diagnostic> &diagnostics() const { return m_diagnostics; }
    /// Every word completion offers.
    QStringList completions() const;
    /// The tool tip for the name at text position @p position ("" when none).
    QString describeAt(int position) const;
    QCompleter *completer() const { return m_completer; }

Q_SIGNALS:
    void diagnosticsChanged();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void recheck();
    void updateCompletions();
    void insertCompletion(const QString &completion);
    /// The dotted name that ends at the cursor ("node.lab").
    QString prefixAtCursor() const;

    CelHighlighter *m_highlighter = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_words = nullptr;
    QHash<QString, QString> m_examples;
    QHash<QString, QString> m_variableTypes;
    QList<core::cel::Diagnostic> m_diagnostics;
};

} // namespace ta::views
