// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int importSpireEntries(const QStringList &args);
int exportSpireEntries(const QStringList &args);

} // namespace ta::cli
