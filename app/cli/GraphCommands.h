// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int graphExport(const QStringList &args);
int graphAnalyze(const QStringList &args);

} // namespace ta::cli
