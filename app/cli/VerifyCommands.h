// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int verifyX509(const QStringList &args);
int verifyJwt(const QStringList &args);

} // namespace ta::cli
