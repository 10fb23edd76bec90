// SPDX-License-Identifier: Apache-2.0
#include "views/TaskProgress.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace ta::views {

TaskProgress::TaskProgress(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("taskProgress"));
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    setVisible(false);
}

int TaskProgress::addTask(const QString &title)
{
    Row r;
    r.id = m_nextId++;
    r.widget = new QWidget(this);
    r.widget->setObjectName(QStringLiteral("task%1").arg(r.id));
    auto *layout = new QHBoxLayout(r.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    r.title = new QLabel(title, r.widget);
    r.bar = new QProgressBar(r.widget);
    r.bar->setRange(0, 0);
    r.bar->setMaximumWidth(160);
    r.bar->setMaximumHeight(r.title->sizeHint().height() + 2);
    r.bar->setAccessibleName(title);
    r.cancel = new QToolButton(r.widget);
    r.cancel->setText(tr("Cancel"));
    r.cancel->setToolTip(tr("Cancel %1 (Esc)").arg(title));
    r.cancel->setAutoRaise(true);
    r.cancel->setFocusPolicy(Qt::StrongFocus);
    layout->addWidget(r.title);
    layout->addWidget(r.bar);
    layout->addWidget(r.cancel);
    const int id = r.id;
    connect(r.cancel, &QToolButton::clicked, this, [this, id] { Q_EMIT cancelRequested(id); });
    m_layout->addWidget(r.widget);
    m_rows.append(r);
    setVisible(true);
    return id;
}

void TaskProgress::removeTask(int id)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id != id)
            continue;
        QWidget *widget = m_rows.at(i).widget;
        m_rows.removeAt(i);
        widget->hide();
        widget->deleteLater();
        break;
    }
    setVisible(!m_rows.isEmpty());
}

const TaskProgress::Row *TaskProgress::row(int id) const
{
    for (const Row &r : m_rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

void TaskProgress::setRange(int id, int minimum, int maximum)
{
    if (const Row *r = row(id))
        r->bar->setRange(minimum, maximum);
}

void TaskProgress::setValue(int id, int value)
{
    if (const Row *r = row(id))
        r->bar->setValue(value);
}

void TaskProgress::setText(int id, const QString &text)
{
    if (const Row *r = row(id))
        r->bar->setFormat(text.isEmpty() ? QStringLiteral("%p%") : text);
}

QList<int> TaskProgress::taskIds() const
{
    QList<int> ids;
    for (const Row &r : m_rows)
        ids.append(r.id);
    return ids;
}

QString TaskProgress::title(int id) const
{
    const Row *r = row(id);
    return r ? r->title->text() : QString();
}

QProgressBar *TaskProgress::progressBar(int id) const
{
    const Row *r = row(id);
    return r ? r->bar : nullptr;
}

QToolButton *TaskProgress::cancelButton(int id) const
{
    const Row *r = row(id);
    return r ? r->cancel : nullptr;
}

void TaskProgress::keyPressEvent(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape || m_rows.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    // The focused Cancel button ignores Esc and it reaches here through its row: that row's task.
    // Otherwise the newest.
    int id = m_rows.constLast().id;
    for (const Row &r : m_rows) {
        if (r.cancel->hasFocus())
            id = r.id;
    }
    event->accept();
    Q_EMIT cancelRequested(id);
}

} // namespace ta::views
