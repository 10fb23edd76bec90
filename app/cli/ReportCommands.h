// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int report(const QStringList &args);

/// Whether the command line @p argc / @p argv asks for `report ... --format pdf`, which lays
/// text out with QtGui's fonts and so needs a QGuiApplication instead of a QCoreApplication.
/// Read before any application object exists, so it looks at the raw words.
bool reportNeedsGui(int argc, char **argv);

/// Sets QT_QPA_PLATFORM to "offscreen" unless the user set one: the CLI never shows a window,
/// and must not need (or abort for want of) a display.
void useOffscreenPlatform();

} // namespace ta::cli
