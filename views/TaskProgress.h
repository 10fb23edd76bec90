// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QToolButton;
QT_END_NAMESPACE

namespace ta::views {

/// The running tasks, one row each (title, progress bar, Cancel), for the main window's status
/// bar. A view only: it shows what it is told and says which task the user wants cancelled.
///
/// Esc, while the focus is on one of its rows (Tab reaches the Cancel buttons), cancels that
/// row's task; elsewhere in the widget it cancels the newest task.
class TaskProgress : public QWidget
{
    Q_OBJECT

public:
    explicit TaskProgress(QWidget *parent = nullptr);

    /// Adds a row for @p title and returns its ID. The bar is busy (no range) until setRange().
    int addTask(const QString &title);
    void removeTask(int id);
    /// Minimum == maximum == 0 shows a busy bar.
    void setRange(int id, int minimum, int maximum);
    void setValue(int id, int value);
    /// The bar's text; empty shows the percentage.
    void setText(int id, const QString &text);

    int count() const { return int(m_rows.size()); }
    QList<int> taskIds() const;
    QString title(int id) const;
    QProgressBar *progressBar(int id) const;
    QToolButton *cancelButton(int id) const;

Q_SIGNALS:
    void cancelRequested(int id);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Row
    {
        int id = 0;
        QWidget *widget = nullptr;
        QLabel *title = nullptr;
        QProgressBar *bar = nullptr;
        QToolButton *cancel = nullptr;
    };
    const Row *row(int id) const;

    QHBoxLayout *m_layout = nullptr;
    QList<Row> m_rows;
    int m_nextId = 1;
};

} // namespace ta::views
