// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

/// `explain FILE --subject S [--at TIME] [--json]`: the decision log of the app on the command
/// line.
int explain(const QStringList &args);

} // namespace ta::cli
