// SPDX-License-Identifier: Apache-2.0
#include "core/policy/PolicyErrors.h"

namespace ta::core {

QList<ErrorCode> policyErrorCodes()
{
    return {TA_POLICY_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
