// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int anchorsImport(const QStringList &args);
int evidenceImport(const QStringList &args);
int evidenceVerify(const QStringList &args);
int labGenerate(const QStringList &args);

} // namespace ta::cli
