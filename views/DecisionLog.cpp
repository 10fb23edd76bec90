// SPDX-License-Identifier: Apache-2.0
#include "views/DecisionLog.h"

#include "views/ErrorMessages.h"

#include "core/graph/TopologyGraph.h"
#include "models/DecisionLogModel.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace ta::views {
namespace {

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

/// Where a clause starts in @p doc: @p line and @p column from 1, columns in code points.
int positionOf(const QTextDocument *doc, int line, int column)
{
    const QTextBlock block = doc->findBlockByNumber(line - 1);
    if (!block.isValid())
        return -1;
    const QString text = block.text();
    int pos = 0;
    for (int cp = 1; cp < column && pos < text.size(); ++cp)
        pos += text.at(pos).isHighSurrogate() ? 2 : 1;
    return block.position() + pos;
}

} // namespace

DecisionLog::DecisionLog(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("decisionLog"));
    m_model = new models::DecisionLogModel(this);

    m_subjects = new QComboBox(this);
    m_subjects->setObjectName(QStringLiteral("decisionSubject"));
    m_subjects->setMinimumContentsLength(24);
    m_subjects->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *subjectLabel = new QLabel(tr("&Subject:"), this);
    subjectLabel->setBuddy(m_subjects);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("decisionInstant"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setFormat(tr("Replaying…"));
    m_busy->setVisible(false);
    auto *top = new QHBoxLayout;
    top->addWidget(subjectLabel);
    top->addWidget(m_subjects, 1);
    top->addWidget(m_header, 1);
    top->addWidget(m_busy);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("decisionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("decisionTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);

    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_source = new QTextEdit(bottom);
    m_source->setObjectName(QStringLiteral("decisionSource"));
    m_source->setReadOnly(true);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setPlaceholderText(tr("The selected rule's source, its failing clause underlined."));
    m_why = new QLabel(bottom);
    m_why->setObjectName(QStringLiteral("decisionWhy"));
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottomLayout->addWidget(m_source, 1);
    bottomLayout->addWidget(m_why);

    // Small minimums: the dock shares the bottom strip, and the graph needs the height.
    m_tree->setMinimumHeight(48);
    m_source->setMinimumHeight(32);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_model, &models::DecisionLogModel::busyChanged, this, [this](bool busy) {
        m_busy->setVisible(busy);
        if (busy)
            m_error.clear();
        updateSummary();
    });
    connect(m_model, &models::DecisionLogModel::replayed, this, &DecisionLog::onReplayed);
    connect(m_model, &models::DecisionLogModel::failed, this, &DecisionLog::onFailed);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        for (int c = 0; c < models::DecisionLogModel::DetailColumn; ++c)
            m_tree->resizeColumnToContents(c);
        // The first rule that does not give its identity is what the question is usually about.
        QModelIndex pick;
        for (int g = 0; g < m_model->rowCount() && !pick.isValid(); ++g) {
            const QModelIndex group = m_model->index(g, 0);
            for (int i = 0; i < m_model->rowCount(group); ++i) {
                const QModelIndex rule = m_model->index(i, 0, group);
                if (!rule.data(models::DecisionLogModel::GivesRole).toBool()) {
                    pick = rule;
                    break;
                }
            }
        }
        if (!pick.isValid() && m_model->rowCount() > 0)
            pick = m_model->index(0, 0, m_model->index(0, 0));
        if (pick.isValid())
            m_tree->setCurrentIndex(pick);
        else
            showRule({});
        updateSummary();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showRule(current); });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const QString rule = index.data(models::DecisionLogModel::RuleIdRole).toString();
        if (!rule.isEmpty())
            Q_EMIT ruleActivated(rule);
    });
    connect(m_subjects, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_filling)
            setSubject(text);
    });
    updateHeader();
    updateSummary();
}

void DecisionLog::setDocument(models::Document *document)
{
    m_error.clear();
    m_model->setDocument(document);
    updateHeader();
    updateSummary();
}

void DecisionLog::setSubject(const QString &subject)
{
    m_model->setSubject(subject);
    fillSubjects();
    updateSummary();
}

void DecisionLog::setInstant(const QDateTime &at)
{
    m_model->setInstant(at);
    updateHeader();
}

void DecisionLog::refresh()
{
    m_model->refresh();
}

bool DecisionLog::followGraphNode(const core::TopologyGraph &graph, const QString &id)
{
    const int i = graph.indexOf(id);
    if (i < 0)
        return false;
    const core::GraphNode &node = graph.node(i);
    switch (node.cls) {
    case core::NodeClass::Workload:
    case core::NodeClass::Node:
        m_model->setFocusIdentity({});
        setSubject(id);
        return true;
    case core::NodeClass::Identity: {
        m_model->setFocusIdentity(id);
        // Keep the subject when it holds the identity; else the first subject that does.
        QStringList holders;
        for (core::NodeClass cls : {core::NodeClass::Workload, core::NodeClass::Node}) {
            for (int s : graph.nodesOf(cls)) {
                const QJsonArray ids =
                    graph.node(s).properties.value(QLatin1String("identities")).toArray();
                if (ids.contains(id))
                    holders << graph.node(s).id;
            }
        }
        if (!holders.isEmpty() && !holders.contains(m_model->subject()))
            setSubject(holders.first());
        return true;
    }
    default:
        return false;
    }
}

void DecisionLog::onReplayed()
{
    fillSubjects();
    updateHeader();
    updateSummary();
}

void DecisionLog::onFailed(const core::Error &error)
{
    m_error = ErrorMessages::text(error);
    updateSummary();
}

void DecisionLog::fillSubjects()
{
    m_filling = true;
    QStringList subjects = m_model->subjects();
    const QString current = m_model->subject();
    if (!current.isEmpty() && !subjects.contains(current))
        subjects.prepend(current);
    if (subjects != [this] {
            QStringList items;
            for (int i = 0; i < m_subjects->count(); ++i)
                items << m_subjects->itemText(i);
            return items;
        }()) {
        m_subjects->clear();
        m_subjects->addItems(subjects);
    }
    m_subjects->setCurrentIndex(subjects.indexOf(current));
    m_filling = false;
}

void DecisionLog::updateHeader()
{
    const QDateTime at = m_model->instant();
    QString text;
    if (at.isValid()) {
        text = tr("At %1").arg(timeText(at));
    } else {
        const QDateTime end = m_model->explainedAt();
        text = end.isValid() ? tr("At %1, the end of the evidence timeline").arg(timeText(end))
                             : tr("At the end of the evidence timeline");
    }
    if (m_model->explainsCandidate())
        text = tr("%1, by the studio's unsaved rules").arg(text);
    m_header->setText(text);
}

void DecisionLog::updateSummary()
{
    if (!m_error.isEmpty()) {
        m_summary->setText(tr("Not explained: %1").arg(m_error));
        return;
    }
    const core::SubjectExplanation &e = m_model->explanation();
    if (m_model->subject().isEmpty()) {
        m_summary->setText(tr("Pick a subject above, or a workload, node or identity on the "
                              "graph, to see why it gets its identities or does not."));
        return;
    }
    if (m_model->isBusy() && e.subject.isEmpty()) {
        m_summary->setText(tr("Replaying the evidence…"));
        return;
    }
    if (!e.seen) {
        m_summary->setText(
            e.subject.isEmpty()
                ? QString()
                : tr("%1 has no record at or before this instant, so no rule decided for it.")
                      .arg(e.subject));
        return;
    }
    QStringList lines;
    const QString verdict = e.decided.verdict();
    lines << tr("Last record of %1 at %2 (%3): %4.")
                     .arg(e.subject, timeText(e.decided.time()), e.decided.attestor(), verdict) +
                 (e.reasons.isEmpty()
                      ? QString()
                      : QLatin1Char(' ') +
                            tr("Refused for %1.").arg(e.reasons.join(QStringLiteral(", "))));
    if (e.attested) {
        lines << tr("Its attestation holds.");
    } else if (e.lastChange) {
        const QString when = timeText(e.lastChange->at);
        switch (e.lastChange->kind) {
        case core::SubjectHistoryEntry::Kind::Refused:
            lines << tr("Not attested: refused at %1.").arg(when);
            break;
        case core::SubjectHistoryEntry::Kind::Stale:
            lines << tr("Not attested: no accepted record since %1 (stale).").arg(when);
            break;
        case core::SubjectHistoryEntry::Kind::NodeLapsed:
            lines << tr("Not attested: its node stopped vouching at %1.").arg(when);
            break;
        case core::SubjectHistoryEntry::Kind::Revoked:
            lines << tr("Not attested: a key or anchor it rested on was revoked at %1.").arg(when);
            break;
        case core::SubjectHistoryEntry::Kind::Attested:
            lines << tr("Its node is not attested, so it holds nothing.");
            break;
        }
    } else {
        lines << tr("Not attested.");
    }
    if (!e.node.isEmpty())
        lines << tr("Runs on %1.").arg(e.node);
    lines << (e.held.isEmpty() ? tr("Holds no identity.")
                               : tr("Holds %1.").arg(e.held.join(QStringLiteral(", "))));
    m_summary->setText(lines.join(QLatin1Char(' ')));
}

void DecisionLog::showRule(const QModelIndex &index)
{
    using M = models::DecisionLogModel;
    m_source->clear();
    m_why->clear();
    m_why->setToolTip({});
    if (!index.isValid() || index.data(M::RuleIdRole).toString().isEmpty())
        return;
    m_source->setPlainText(index.data(M::SourceRole).toString());
    QTextDocument *doc = m_source->document();
    QTextCharFormat mark;
    mark.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.setUnderlineColor(palette().color(QPalette::Highlight));
    mark.setFontWeight(QFont::Bold);
    const QString clause = index.data(M::ClauseRole).toString();
    if (!clause.isEmpty()) {
        const int start = positionOf(doc, index.data(M::ClauseLineRole).toInt(),
                                     index.data(M::ClauseColumnRole).toInt());
        if (start >= 0) {
            QTextCursor c(doc);
            c.setPosition(start);
            c.setPosition(qMin(start + int(clause.size()), doc->characterCount() - 1),
                          QTextCursor::KeepAnchor);
            c.mergeCharFormat(mark);
        }
    }
    for (const QString &missing : index.data(M::MissingRole).toStringList()) {
        QTextCursor found = doc->find(missing);
        if (!found.isNull())
            found.mergeCharFormat(mark);
    }
    const QModelIndex rule =
        index.parent().isValid() && index.parent().data(M::RuleIdRole).toString() ==
                                        index.data(M::RuleIdRole).toString()
            ? index.parent()
            : index;
    const QString why = tr("%1: %2 — %3")
                            .arg(rule.siblingAtColumn(M::RuleColumn).data().toString(),
                                 rule.siblingAtColumn(M::VerdictColumn).data().toString(),
                                 rule.siblingAtColumn(M::DetailColumn).data().toString());
    // A clause over a long list would push the source out of the dock: the whole text is in the
    // tooltip, and the clause itself is in the source above.
    constexpr qsizetype kWhyChars = 240;
    m_why->setText(why.size() > kWhyChars ? why.left(kWhyChars) + QChar(0x2026) : why);
    m_why->setToolTip(why);
}

} // namespace ta::views
