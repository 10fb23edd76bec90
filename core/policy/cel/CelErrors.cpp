// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/CelErrors.h"

namespace ta::core {

QList<ErrorCode> celErrorCodes()
{
    return {TA_CEL_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
