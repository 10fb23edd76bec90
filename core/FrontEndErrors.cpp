// SPDX-License-Identifier: Apache-2.0
#include "core/FrontEndErrors.h"

namespace ta::core {

QList<ErrorCode> frontEndErrorCodes()
{
    return {TA_FRONT_END_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
