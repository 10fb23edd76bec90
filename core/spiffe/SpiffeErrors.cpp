// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/SpiffeErrors.h"

namespace ta::core {

QList<ErrorCode> spiffeErrorCodes()
{
    return {TA_SPIFFE_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
