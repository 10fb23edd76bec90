// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int federationAdd(const QStringList &args);
int federationEdit(const QStringList &args);
int federationRemove(const QStringList &args);
int federationList(const QStringList &args);
int federationImport(const QStringList &args);
int federationExport(const QStringList &args);
int federationServe(const QStringList &args);
int federationFetch(const QStringList &args);

} // namespace ta::cli
