// SPDX-License-Identifier: Apache-2.0
#include "app/gui/LongWork.h"

#include "views/TaskProgress.h"

#include <QFutureWatcher>
#include <QStatusBar>
#include <QTimer>

namespace ta::app {

LongWork::LongWork(QStatusBar *statusBar, QObject *parent) : QObject(parent), m_statusBar(statusBar)
{
    m_widget = new views::TaskProgress(statusBar);
    if (statusBar)
        statusBar->addPermanentWidget(m_widget);
    connect(m_widget, &views::TaskProgress::cancelRequested, this, [this](int row) {
        for (const Task &task : std::as_const(m_tasks)) {
            if (task.row == row)
                task.watcher->cancel();
        }
    });
}

LongWork::~LongWork() = default;

void LongWork::track(const QString &title, QFuture<void> future)
{
    track(title, std::move(future), {});
}

void LongWork::track(const QString &title, QFuture<void> future, std::function<QString()> failure)
{
    const quint64 key = m_nextKey++;
    Task task;
    task.title = title;
    task.failure = std::move(failure);
    task.watcher = new QFutureWatcher<void>(this);
    QFutureWatcher<void> *watcher = task.watcher;
    m_tasks.insert(key, task);
    m_order.append(key);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, key] { finish(key); });
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this,
            [this, key](int minimum, int maximum) {
                if (const int row = m_tasks.value(key).row)
                    m_widget->setRange(row, minimum, maximum);
            });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, key](int value) {
        if (const int row = m_tasks.value(key).row)
            m_widget->setValue(row, value);
    });
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this,
            [this, key](const QString &text) {
                if (const int row = m_tasks.value(key).row)
                    m_widget->setText(row, text);
            });
    // After the connections: a future that already finished reports finished() at once.
    watcher->setFuture(future);
    if (m_showDelay <= 0)
        show(key);
    else
        QTimer::singleShot(m_showDelay, this, [this, key] { show(key); });
}

void LongWork::show(quint64 key)
{
    auto it = m_tasks.find(key);
    if (it == m_tasks.end() || it->row)
        return;
    const QFuture<void> future = it->watcher->future();
    if (future.isFinished())
        return;
    it->row = m_widget->addTask(it->title);
    if (future.progressMaximum() > future.progressMinimum()) {
        m_widget->setRange(it->row, future.progressMinimum(), future.progressMaximum());
        m_widget->setValue(it->row, future.progressValue());
    }
    m_widget->setText(it->row, future.progressText());
}

void LongWork::finish(quint64 key)
{
    auto it = m_tasks.find(key);
    if (it == m_tasks.end())
        return;
    Task task = *it;
    m_tasks.erase(it);
    m_order.removeOne(key);
    if (task.row)
        m_widget->removeTask(task.row);
    QString message;
    QFuture<void> future = task.watcher->future();
    // A job that threw is also "cancelled" to QFuture; only the stored exception tells them apart.
    try {
        future.waitForFinished();
    } catch (...) {
        message = tr("%1 failed.").arg(task.title);
    }
    if (message.isEmpty() && !future.isCanceled() && task.failure)
        message = task.failure();
    task.watcher->deleteLater();
    if (!message.isEmpty() && m_statusBar)
        m_statusBar->showMessage(message, 10000);
    Q_EMIT taskEnded(task.title, message);
}

void LongWork::cancelAll()
{
    for (const Task &task : std::as_const(m_tasks))
        task.watcher->cancel();
}

QStringList LongWork::runningTitles() const
{
    QStringList titles;
    for (quint64 key : m_order)
        titles.append(m_tasks.value(key).title);
    return titles;
}

} // namespace ta::app
