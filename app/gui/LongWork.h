// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

QT_BEGIN_NAMESPACE
class QStatusBar;
template <typename T>
class QFutureWatcher;
QT_END_NAMESPACE

namespace ta::views {
class TaskProgress;
}

namespace ta::app {

/// The one place long work shows itself: every job that runs off the GUI thread (key
/// generation, the passphrase's key derivation, demo generation, imports, simulation, layout)
/// hands its QFuture here. While it runs, the status bar shows its title, a progress bar fed by
/// the future's progress range, value and text, and a Cancel button that calls
/// QFuture::cancel() (Esc does the same while the focus is in the row). Several tasks are
/// listed side by side. A task that finishes, is cancelled or fails clears its row; a failure
/// leaves a message in the status bar.
///
/// LongWork neither runs nor owns the work: the job's owner keeps its own QFutureWatcher for the
/// result and must honour QPromise::isCanceled() so that a cancel leaves nothing half-written.
class LongWork : public QObject
{
    Q_OBJECT

public:
    /// Shows its rows in @p statusBar (as a permanent widget).
    explicit LongWork(QStatusBar *statusBar, QObject *parent = nullptr);
    ~LongWork() override;

    /// Shows @p future under @p title until it finishes. A future that threw (QException or
    /// otherwise) leaves "<title> failed." in the status bar.
    void track(const QString &title, QFuture<void> future);
    /// As above; when the future finished without being cancelled, @p failure is asked (on the
    /// GUI thread) for a message, and a non-empty one stays in the status bar.
    void track(const QString &title, QFuture<void> future, std::function<QString()> failure);

    /// A row appears only once its task has run this long (default 300 ms), so that the
    /// quick layouts of every redraw do not flicker in the status bar. 0 shows at once.
    void setShowDelay(int milliseconds) { m_showDelay = milliseconds; }

    /// Asks every running task to stop.
    void cancelAll();

    views::TaskProgress *widget() const { return m_widget; }
    /// The titles of the tasks still running, oldest first (shown or not yet).
    QStringList runningTitles() const;
    int runningCount() const { return int(m_tasks.size()); }

Q_SIGNALS:
    /// A task's row cleared (finished, cancelled or failed); @p message is the failure text.
    void taskEnded(const QString &title, const QString &message);

private:
    struct Task
    {
        QString title;
        QFutureWatcher<void> *watcher = nullptr;
        std::function<QString()> failure;
        /// The widget's row, 0 until shown.
        int row = 0;
    };
    void show(quint64 key);
    void finish(quint64 key);

    QPointer<QStatusBar> m_statusBar;
    views::TaskProgress *m_widget = nullptr;
    QHash<quint64, Task> m_tasks;
    QList<quint64> m_order;
    quint64 m_nextKey = 1;
    int m_showDelay = 300;
};

} // namespace ta::app
