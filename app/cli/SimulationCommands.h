// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int simulate(const QStringList &args);
int whatIf(const QStringList &args);
int simulationList(const QStringList &args);

} // namespace ta::cli
