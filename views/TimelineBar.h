// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QAction;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;
class QTreeView;
QT_END_NAMESPACE

namespace ta::views {

class ElidedLabel;

/// The time bar under the graph canvas: a slider over the evidence timeline (its first record
/// to its last), the instant shown in UTC, Play/Pause and Step buttons that move the cursor
/// record by record, and the list of the events at the cursor. A view only: it says which
/// instant the user chose (instantChanged) and shows what it is given.
///
/// Keys: Alt+Left and Alt+Right step back and forward one record, Alt+Home and Alt+End go to
/// the first and last record, Ctrl+Shift+Space plays and pauses; with the slider focused the
/// arrows move a minute and Page Up/Down an hour.
class TimelineBar : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineBar(QWidget *parent = nullptr);

    /// The times of the evidence records, ascending (duplicates are dropped). The cursor moves
    /// to the last record when it was unset or falls outside.
    void setTimeline(const QList<QDateTime> &recordTimes);
    const QList<QDateTime> &timeline() const { return m_times; }
    /// The instant shown; invalid while the timeline is empty.
    QDateTime instant() const { return m_instant; }
    /// The index of the last record at or before the instant, or -1.
    int cursorRecord() const;
    /// The events at the cursor (a TimelineEventModel).
    void setEventModel(QAbstractItemModel *model);
    /// Where the statuses come from (a saved run, the simulation computing, an error).
    void setStateText(const QString &text);
    QString stateText() const;
    /// Milliseconds between two steps while playing.
    void setPlayInterval(int ms);
    bool isPlaying() const;

    QSlider *slider() const { return m_slider; }
    QToolButton *stepBackButton() const { return m_back; }
    QToolButton *playButton() const { return m_play; }
    QToolButton *stepForwardButton() const { return m_forward; }
    QLabel *instantLabel() const { return m_label; }
    QTreeView *eventList() const { return m_events; }

public Q_SLOTS:
    /// Moves the cursor to @p at (clamped to the timeline); instantChanged() when it moved.
    void setInstant(const QDateTime &at);
    void stepForward();
    void stepBack();
    void toFirst();
    void toLast();
    /// Steps forward on a timer until the last record (from the first when at the end).
    void play();
    void pause();
    void togglePlay();

Q_SIGNALS:
    void instantChanged(const QDateTime &at);
    void playingChanged(bool playing);

private:
    void sliderMoved(int value);
    void updateControls();

    QList<QDateTime> m_times;
    QDateTime m_instant;
    /// Seconds per slider step: 1 unless the timeline spans more than an int of seconds.
    qint64 m_scale = 1;
    QSlider *m_slider;
    QToolButton *m_back;
    QToolButton *m_play;
    QAction *m_playAction = nullptr;
    QToolButton *m_forward;
    QLabel *m_label;
    ElidedLabel *m_state;
    QTreeView *m_events;
    QTimer *m_timer;
};

} // namespace ta::views
