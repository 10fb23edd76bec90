// SPDX-License-Identifier: Apache-2.0
#include "views/TimelineBar.h"

#include "views/ElidedLabel.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace ta::views {

TimelineBar::TimelineBar(QWidget *parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_back(new QToolButton(this)),
      m_play(new QToolButton(this)), m_forward(new QToolButton(this)), m_label(new QLabel(this)),
      m_state(new ElidedLabel(this)), m_events(new QTreeView(this)), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("timelineBar"));
    m_slider->setObjectName(QStringLiteral("timelineSlider"));
    m_slider->setAccessibleName(tr("Instant shown"));
    m_slider->setToolTip(tr("Drag to see the estate at another instant"));
    // Arrows move a minute, Page Up/Down an hour; the Step buttons go record by record.
    m_slider->setSingleStep(60);
    m_slider->setPageStep(3600);

    // The shortcuts live on actions: a button's own shortcut is reset whenever its text changes
    // (Play <-> Pause).
    auto button = [this](QToolButton *b, const QString &name, QStyle::StandardPixmap icon,
                         const QString &text, const QKeySequence &key) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        b->setObjectName(name);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        b->setAccessibleName(text);
        return action;
    };
    QAction *back = button(m_back, QStringLiteral("timelineStepBack"), QStyle::SP_MediaSkipBackward,
                           tr("Step Back"), QKeySequence(tr("Alt+Left")));
    m_playAction = button(m_play, QStringLiteral("timelinePlay"), QStyle::SP_MediaPlay, tr("Play"),
                          QKeySequence(tr("Ctrl+Shift+Space")));
    QAction *forward =
        button(m_forward, QStringLiteral("timelineStepForward"), QStyle::SP_MediaSkipForward,
               tr("Step Forward"), QKeySequence(tr("Alt+Right")));
    connect(back, &QAction::triggered, this, &TimelineBar::stepBack);
    connect(forward, &QAction::triggered, this, &TimelineBar::stepForward);
    connect(m_playAction, &QAction::triggered, this, &TimelineBar::togglePlay);
    auto *first = new QAction(tr("First Record"), this);
    first->setShortcut(QKeySequence(tr("Alt+Home")));
    connect(first, &QAction::triggered, this, &TimelineBar::toFirst);
    auto *last = new QAction(tr("Last Record"), this);
    last->setShortcut(QKeySequence(tr("Alt+End")));
    connect(last, &QAction::triggered, this, &TimelineBar::toLast);
    addAction(first);
    addAction(last);

    m_label->setObjectName(QStringLiteral("timelineInstant"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for the longest label, so that the slider does not jump as the text changes.
    m_label->setMinimumWidth(
        m_label->fontMetrics().horizontalAdvance(tr("%1 UTC · record %2 of %3")
                                                     .arg(QStringLiteral("2000-00-00 00:00:00"))
                                                     .arg(999999)
                                                     .arg(999999)));
    m_state->setObjectName(QStringLiteral("timelineState"));
    // A long line does not widen the window: it is cut with an ellipsis at the bar's width (the
    // tooltip has it all).
    QPalette muted = m_state->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_state->setPalette(muted);

    m_events->setObjectName(QStringLiteral("timelineEvents"));
    m_events->setAccessibleName(tr("Events at the cursor"));
    m_events->setRootIsDecorated(false);
    m_events->setUniformRowHeights(true);
    m_events->setAlternatingRowColors(true);
    m_events->setSelectionBehavior(QAbstractItemView::SelectRows);
    // About five rows: the canvas keeps the room.
    m_events->setFixedHeight(m_events->fontMetrics().height() * 7);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_back);
    controls->addWidget(m_play);
    controls->addWidget(m_forward);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_label);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(2);
    layout->addLayout(controls);
    layout->addWidget(m_state);
    layout->addWidget(m_events);
    setTabOrder(m_slider, m_back);
    setTabOrder(m_back, m_play);
    setTabOrder(m_play, m_forward);
    setTabOrder(m_forward, m_events);

    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (cursorRecord() >= int(m_times.size()) - 1 || m_instant >= m_times.constLast())
            pause();
        else
            stepForward();
    });
    connect(m_slider, &QSlider::valueChanged, this, &TimelineBar::sliderMoved);
    updateControls();
}

void TimelineBar::setTimeline(const QList<QDateTime> &recordTimes)
{
    pause();
    m_times = recordTimes;
    std::sort(m_times.begin(), m_times.end());
    m_times.erase(std::unique(m_times.begin(), m_times.end()), m_times.end());
    if (m_times.isEmpty()) {
        m_instant = QDateTime();
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, 0);
        updateControls();
        return;
    }
    const qint64 span = m_times.constFirst().secsTo(m_times.constLast());
    m_scale = std::max<qint64>(1, span / std::numeric_limits<int>::max() + 1);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, int(span / m_scale));
    }
    QDateTime at = m_instant;
    if (!at.isValid() || at < m_times.constFirst() || at > m_times.constLast())
        at = m_times.constLast();
    m_instant = QDateTime();
    setInstant(at);
}

int TimelineBar::cursorRecord() const
{
    if (!m_instant.isValid())
        return -1;
    const auto it = std::upper_bound(m_times.cbegin(), m_times.cend(), m_instant);
    return int(it - m_times.cbegin()) - 1;
}

void TimelineBar::setEventModel(QAbstractItemModel *model)
{
    m_events->setModel(model);
    if (model) {
        m_events->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        m_events->header()->setStretchLastSection(true);
    }
}

void TimelineBar::setStateText(const QString &text)
{
    m_state->setFullText(text);
}

QString TimelineBar::stateText() const
{
    return m_state->fullText();
}

void TimelineBar::setPlayInterval(int ms)
{
    m_timer->setInterval(ms);
}

bool TimelineBar::isPlaying() const
{
    return m_timer->isActive();
}

void TimelineBar::setInstant(const QDateTime &at)
{
    if (m_times.isEmpty() || !at.isValid())
        return;
    const QDateTime clamped =
        std::clamp(at.toUTC(), m_times.constFirst().toUTC(), m_times.constLast().toUTC());
    if (clamped == m_instant)
        return;
    m_instant = clamped;
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(m_times.constFirst().secsTo(m_instant) / m_scale));
    }
    updateControls();
    Q_EMIT instantChanged(m_instant);
}

void TimelineBar::sliderMoved(int value)
{
    if (m_times.isEmpty())
        return;
    QDateTime at = m_times.constFirst().addSecs(qint64(value) * m_scale);
    // The slider's end is the last record exactly, not the second before it.
    if (value == m_slider->maximum())
        at = m_times.constLast();
    setInstant(at);
}

void TimelineBar::stepForward()
{
    const auto it = std::upper_bound(m_times.cbegin(), m_times.cend(), m_instant);
    if (it != m_times.cend())
        setInstant(*it);
}

void TimelineBar::stepBack()
{
    const auto it = std::lower_bound(m_times.cbegin(), m_times.cend(), m_instant);
    if (it != m_times.cbegin())
        setInstant(*(it - 1));
}

void TimelineBar::toFirst()
{
    if (!m_times.isEmpty())
        setInstant(m_times.constFirst());
}

void TimelineBar::toLast()
{
    if (!m_times.isEmpty())
        setInstant(m_times.constLast());
}

void TimelineBar::play()
{
    if (m_times.size() < 2 || m_timer->isActive())
        return;
    if (m_instant >= m_times.constLast())
        toFirst();
    m_timer->start();
    updateControls();
    Q_EMIT playingChanged(true);
}

void TimelineBar::pause()
{
    if (!m_timer->isActive())
        return;
    m_timer->stop();
    updateControls();
    Q_EMIT playingChanged(false);
}

void TimelineBar::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void TimelineBar::updateControls()
{
    const bool any = !m_times.isEmpty();
    m_slider->setEnabled(any);
    m_playAction->setEnabled(m_times.size() > 1);
    const int record = cursorRecord();
    m_back->defaultAction()->setEnabled(any && m_instant > m_times.constFirst());
    m_forward->defaultAction()->setEnabled(any && m_instant < m_times.constLast());
    const bool playing = m_timer->isActive();
    m_playAction->setText(playing ? tr("Pause") : tr("Play"));
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setAccessibleName(m_playAction->text());
    if (!any) {
        m_label->setText(tr("No evidence recorded"));
        return;
    }
    const QString when = m_instant.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_label->setText(tr("%1 UTC · record %2 of %3").arg(when).arg(record + 1).arg(m_times.size()));
}

} // namespace ta::views
