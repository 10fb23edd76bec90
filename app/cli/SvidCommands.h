// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int svidX509(const QStringList &args);
int svidJwt(const QStringList &args);
int bundleExport(const QStringList &args);

} // namespace ta::cli
