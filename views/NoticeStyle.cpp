// SPDX-License-Identifier: Apache-2.0
#include "views/NoticeStyle.h"

#include <QApplication>
#include <QFrame>
#include <QWidget>

namespace ta::views {
namespace {

int hue(NoticeStyle::Kind kind)
{
    switch (kind) {
    case NoticeStyle::Kind::Good:
        return 120;
    case NoticeStyle::Kind::Bad:
        return 355;
    case NoticeStyle::Kind::Caution:
        return 45;
    case NoticeStyle::Kind::Neutral:
        break;
    }
    return 0;
}

} // namespace

bool NoticeStyle::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor NoticeStyle::background(const QPalette &palette, Kind kind)
{
    if (kind == Kind::Neutral)
        return palette.color(QPalette::Window);
    return isDark(palette) ? QColor::fromHsl(hue(kind), 90, 50)
                           : QColor::fromHsl(hue(kind), 160, 225);
}

QColor NoticeStyle::text(const QPalette &palette, Kind kind)
{
    if (kind == Kind::Neutral)
        return palette.color(QPalette::WindowText);
    return isDark(palette) ? QColor::fromHsl(hue(kind), 140, 220)
                           : QColor::fromHsl(hue(kind), 160, 40);
}

void NoticeStyle::apply(QWidget *widget, Kind kind)
{
    // The palette the widget would have without a notice: its parent's, or the application's.
    const QPalette base =
        widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette(widget);
    auto *frame = qobject_cast<QFrame *>(widget);
    if (kind == Kind::Neutral) {
        widget->setPalette(base);
        widget->setAutoFillBackground(false);
        if (frame)
            frame->setFrameShape(QFrame::NoFrame);
        return;
    }
    QPalette p = base;
    const QColor bg = background(base, kind);
    const QColor fg = text(base, kind);
    for (auto role : {QPalette::Window, QPalette::Base})
        p.setColor(role, bg);
    for (auto role : {QPalette::WindowText, QPalette::Text})
        p.setColor(role, fg);
    widget->setPalette(p);
    widget->setAutoFillBackground(true);
    if (frame) {
        frame->setFrameShape(QFrame::Box);
        frame->setFrameShadow(QFrame::Plain);
    }
}

} // namespace ta::views
