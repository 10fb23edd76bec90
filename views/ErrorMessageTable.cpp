// SPDX-License-Identifier: Apache-2.0
#include "views/ErrorMessageTable.h"

#include <vector>

namespace ta::views {

// One sentence for every code of core::declaredErrorCodes() (tst_errormessages checks that none
// is missing); ErrorMessages falls back to a family's sentence for a code the table does not
// list. The sentences live in one file per group of modules, so that no file grows past reading.
std::span<const ErrorMessageEntry> errorMessageTable()
{
    static const std::vector<ErrorMessageEntry> all = [] {
        std::vector<ErrorMessageEntry> out;
        for (auto part : {spiffeErrorMessages(), attestationErrorMessages(), policyErrorMessages(),
                          frontEndErrorMessages()})
            out.insert(out.end(), part.begin(), part.end());
        return out;
    }();
    return all;
}

} // namespace ta::views
