// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int celEval(const QStringList &args);

} // namespace ta::cli
