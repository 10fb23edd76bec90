// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AttestationErrors.h"

namespace ta::core {

QList<ErrorCode> attestationErrorCodes()
{
    return {TA_ATTESTATION_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
