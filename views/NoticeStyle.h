// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QPalette>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace ta::views {

/// The colours of notices (a banner, a verdict, an error line), taken from the widget's palette
/// instead of style sheets: a light palette gets pale tints with dark text, a dark palette dark
/// tints with light text, so both stay readable and follow the user's theme.
class NoticeStyle
{
public:
    enum class Kind { Neutral, Good, Bad, Caution };

    /// Gives @p widget the background, text and (for a QFrame) a plain box of @p kind over the
    /// palette it inherits; Neutral puts the inherited palette back.
    static void apply(QWidget *widget, Kind kind);
    /// The tint of @p kind over @p palette: its background and its text.
    static QColor background(const QPalette &palette, Kind kind);
    static QColor text(const QPalette &palette, Kind kind);
    /// Whether @p palette is a dark one (its window darker than mid grey).
    static bool isDark(const QPalette &palette);
};

} // namespace ta::views
