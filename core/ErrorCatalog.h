// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>
#include <QStringView>

namespace ta::core {

/// Every error code core and its front ends declare, module by module, each with its meaning.
/// The one list tests and views/ErrorMessages check themselves against.
QList<ErrorCode> declaredErrorCodes();

/// The declaration of @p code, or nullptr when no module declares it.
const ErrorCode *findErrorCode(QStringView code);

} // namespace ta::core
