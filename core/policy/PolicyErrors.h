// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The policy module (policies, registration entries, selectors, subjects): every error code it
// raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_POLICY_ERRORS(X)                                                                        \
    X(SubjectEmpty, "subject.empty", "The subjects file holds no subjects.")                       \
    X(PolicyJson, "policy.json", "The policy file is not valid JSON.")                             \
    X(PolicyField, "policy.field", "A policy has a missing or wrong field.")                       \
    X(PolicyDuplicateName, "policy.duplicate_name", "Two policies have the same name.")            \
    X(PolicyCondition, "policy.condition", "A policy's condition is not a valid CEL expression.")  \
    X(PolicyTemplate, "policy.template", "A policy's SPIFFE ID template is not valid.")            \
    X(SubjectJson, "subject.json", "The subject is not a valid JSON object.")                      \
    X(EntryBadJson, "entry.bad_json", "The registration entries are not valid JSON.")              \
    X(EntryMissingField, "entry.missing_field", "A registration entry lacks a required field.")    \
    X(EntryBadSpiffeId, "entry.bad_spiffe_id", "A registration entry holds an invalid SPIFFE ID.") \
    X(EntryBadSelector, "entry.bad_selector", "A registration entry holds an invalid selector.")   \
    X(EntryNoSelectors, "entry.no_selectors", "A registration entry has no selectors.")            \
    X(EntryBadNumber, "entry.bad_number", "A number in a registration entry is not valid.")        \
    X(EntryBadFederatesWith, "entry.bad_federates_with",                                           \
      "A registration entry federates with an invalid trust domain.")                              \
    X(EntryDuplicateId, "entry.duplicate_id", "Two registration entries have the same ID.")        \
    X(SelectorMalformed, "selector.malformed", "A selector must be written type:value.")

namespace ta::core {
namespace ec {
TA_POLICY_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> policyErrorCodes();

} // namespace ta::core
