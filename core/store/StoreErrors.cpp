// SPDX-License-Identifier: Apache-2.0
#include "core/store/StoreErrors.h"

namespace ta::core {

QList<ErrorCode> storeErrorCodes()
{
    return {TA_STORE_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
