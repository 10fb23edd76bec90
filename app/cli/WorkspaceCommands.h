// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::cli {

int workspaceInit(const QStringList &args);
int workspacePassphrase(const QStringList &args);
int tdCreate(const QStringList &args);
int tdList(const QStringList &args);
int caPrepare(const QStringList &args);
int caActivate(const QStringList &args);
int caTaint(const QStringList &args);
int caRevoke(const QStringList &args);

} // namespace ta::cli
