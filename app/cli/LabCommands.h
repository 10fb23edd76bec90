// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

/// True when @p args ask `lab generate` for a designed topology (--topology).
bool wantsTopology(const QStringList &args);
/// `lab generate FILE --topology DESIGN.json ...`: anchors and evidence for a designed estate.
int labGenerateTopology(const QStringList &args);

} // namespace ta::cli
