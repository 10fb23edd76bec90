// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CryptoErrors.h"

namespace ta::core {

QList<ErrorCode> cryptoErrorCodes()
{
    return {TA_CRYPTO_ERRORS(TA_ERROR_CODE_ROW)};
}

} // namespace ta::core
