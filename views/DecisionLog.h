// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QModelIndex;
class QProgressBar;
class QTextEdit;
class QTreeView;
QT_END_NAMESPACE

namespace ta::core {
class TopologyGraph;
struct Error;
} // namespace ta::core

namespace ta::models {
class DecisionLogModel;
class Document;
} // namespace ta::models

namespace ta::views {

/// "Why did, or didn't, this workload get this identity?": for the selected subject at the
/// selected instant, the attestation state and held identities, then every rule's verdict (icon
/// and word), the identity it concerns and why; the current rule's source below with the failing
/// clause (or an entry's missing selectors) underlined, and under each rule the values its
/// failing clause read. Activating a rule asks for it in the policy studio and on the graph
/// (ruleActivated). The replay runs off the GUI thread (models::DecisionLogModel).
class DecisionLog : public QWidget
{
    Q_OBJECT

public:
    explicit DecisionLog(QWidget *parent = nullptr);

    /// Follows @p document (null: none); a replay for the previous one is cancelled.
    void setDocument(models::Document *document);

    models::DecisionLogModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QComboBox *subjectBox() const { return m_subjects; }
    QLabel *headerLabel() const { return m_header; }
    QLabel *summaryLabel() const { return m_summary; }
    QTextEdit *sourceView() const { return m_source; }
    QLabel *whyLabel() const { return m_why; }

    /// Follows a node picked on the graph: a workload or node becomes the subject; an identity
    /// is put in focus and a subject holding it becomes the subject. False for other nodes.
    bool followGraphNode(const core::TopologyGraph &graph, const QString &id);

public Q_SLOTS:
    /// The subject to explain, as its evidence names it ("workload/pay-api").
    void setSubject(const QString &subject);
    /// The instant to explain; invalid: the end of the evidence timeline.
    void setInstant(const QDateTime &at);
    /// The saved rules or the evidence changed.
    void refresh();

Q_SIGNALS:
    /// A rule row was activated (double click, Enter): its graph node ID, "rule/policy/NAME" or
    /// "rule/entry/ID".
    void ruleActivated(const QString &ruleId);

private:
    void onReplayed();
    void onFailed(const core::Error &error);
    void updateHeader();
    void updateSummary();
    void showRule(const QModelIndex &index);
    void fillSubjects();

    models::DecisionLogModel *m_model = nullptr;
    QComboBox *m_subjects = nullptr;
    QLabel *m_header = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_summary = nullptr;
    QTreeView *m_tree = nullptr;
    QTextEdit *m_source = nullptr;
    QLabel *m_why = nullptr;
    QString m_error;
    bool m_filling = false;
};

} // namespace ta::views
