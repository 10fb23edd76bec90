// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int policyImport(const QStringList &args);
int policyExport(const QStringList &args);
int policyVersions(const QStringList &args);
int decide(const QStringList &args);
int policyDiff(const QStringList &args);

} // namespace ta::cli
