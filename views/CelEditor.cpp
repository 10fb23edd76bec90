// SPDX-License-Identifier: Apache-2.0
#include "views/CelEditor.h"
#include "views/NoticeStyle.h"

#include "views/CelHighlighter.h"

#include "core/policy/PolicyEnv.h"
#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Checker.h"
#include "core/policy/cel/Parser.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHelpEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

namespace ta::views {
namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

const core::PolicyEnv &policyEnv()
{
    // Immutable after construction and costly to build per keystroke; shared read-only.
    static const core::PolicyEnv env;
    return env;
}

} // namespace

CelEditor::CelEditor(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("celEditor"));
    // Undo is the document's: every change of the condition is an edit of the policy.
    setUndoRedoEnabled(false);
    setTabChangesFocus(true);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    setFont(mono);
    QStringList variables;
    for (const auto &v : policyEnv().env().variables()) {
        const QString name = QString::fromStdString(v.name);
        variables << name;
        m_variableTypes.insert(name, QString::fromStdString(v.type.toString()));
    }
    m_highlighter = new CelHighlighter(document(), variables);
    m_words = new QStringListModel(this);
    m_completer = new QCompleter(m_words, this);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setModelSorting(QCompleter::CaseSensitivelySortedModel);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &CelEditor::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, &CelEditor::recheck);
    updateCompletions();
}

void CelEditor::setExamples(const QHash<QString, QString> &examples)
{
    m_examples = examples;
    updateCompletions();
}

QStringList CelEditor::completions() const
{
    return m_words->stringList();
}

void CelEditor::updateCompletions()
{
    QStringList words = m_variableTypes.keys();
    words += m_examples.keys();
    words.removeDuplicates();
    words.sort(Qt::CaseSensitive);
    m_words->setStringList(words);
}

void CelEditor::recheck()
{
    const QString text = toPlainText();
    const QByteArray utf8 = text.toUtf8();
    QList<core::cel::Diagnostic> found;
    auto parsed = core::cel::Parser::parse(text);
    if (!parsed.ok()) {
        found = QList<core::cel::Diagnostic>(parsed.diagnostics.begin(), parsed.diagnostics.end());
    } else {
        const auto checked = core::cel::Checker::check(*parsed.ast, policyEnv().env());
        found =
            QList<core::cel::Diagnostic>(checked.diagnostics.begin(), checked.diagnostics.end());
        const QString type = QString::fromStdString(checked.resultType.toString());
        if (found.isEmpty() && type != QLatin1String("bool") && type != QLatin1String("dyn"))
            found.append(core::cel::locateDiagnostic(
                utf8.toStdString(), 0, tr("a condition must be a bool, not %1").arg(type)));
    }
    QList<QTextEdit::ExtraSelection> marks;
    for (const core::cel::Diagnostic &d : found) {
        const int start = int(QString::fromUtf8(utf8.left(d.offset)).size());
        int end = start;
        while (end < text.size() && isNameChar(text.at(end)))
            ++end;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document());
        mark.cursor.setPosition(qMin(start, int(text.size())));
        if (end == start) {
            // Nothing to underline after the place (the end of the text): mark the char before.
            if (start >= text.size() && start > 0)
                mark.cursor.setPosition(start - 1);
            mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
        } else {
            mark.cursor.setPosition(end, QTextCursor::KeepAnchor);
        }
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(NoticeStyle::text(palette(), NoticeStyle::Kind::Bad));
        mark.format.setToolTip(d.message);
        marks.append(mark);
    }
    setExtraSelections(marks);
    m_diagnostics = found;
    Q_EMIT diagnosticsChanged();
}

QString CelEditor::prefixAtCursor() const
{
    const QTextCursor c = textCursor();
    const QString line = c.block().text();
    int start = c.positionInBlock();
    while (start > 0 && isNameChar(line.at(start - 1)))
        --start;
    return line.mid(start, c.positionInBlock() - start);
}

void CelEditor::insertCompletion(const QString &completion)
{
    QTextCursor c = textCursor();
    const QString prefix = prefixAtCursor();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    c.insertText(completion);
    setTextCursor(c);
}

void CelEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    const bool forced = event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier);
    if (!forced)
        QPlainTextEdit::keyPressEvent(event);
    const QString prefix = prefixAtCursor();
    if (!forced && (event->text().isEmpty() || prefix.isEmpty())) {
        m_completer->popup()->hide();
        return;
    }
    if (prefix != m_completer->completionPrefix()) {
        m_completer->setCompletionPrefix(prefix);
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    }
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 && m_completer->currentCompletion() == prefix)) {
        m_completer->popup()->hide();
        return;
    }
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) +
               m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(r);
}

QString CelEditor::describeAt(int position) const
{
    const QString text = toPlainText();
    if (position < 0 || position >= text.size() || !isNameChar(text.at(position)))
        return {};
    int start = position;
    while (start > 0 && isNameChar(text.at(start - 1)))
        --start;
    int end = position;
    while (end < text.size() && text.at(end) != QLatin1Char('.') && isNameChar(text.at(end)))
        ++end;
    const QString name = text.mid(start, end - start);
    const QString root = name.section(QLatin1Char('.'), 0, 0);
    if (!m_variableTypes.contains(root))
        return {};
    const QString type = name == root ? m_variableTypes.value(root) : QStringLiteral("dyn");
    QString tip = tr("%1: %2").arg(name, type);
    if (m_examples.contains(name))
        tip += QLatin1Char('\n') + tr("Example from the evidence: %1").arg(m_examples.value(name));
    return tip;
}

bool CelEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor c = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        QString tip = describeAt(c.position());
        for (const core::cel::Diagnostic &d : m_diagnostics)
            if (tip.isEmpty())
                tip = d.toString();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

} // namespace ta::views
