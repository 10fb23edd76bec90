// SPDX-License-Identifier: Apache-2.0
// The sentences of the error codes of policies, registration entries, selectors and CEL; part of
// errorMessageTable().
#include "views/ErrorMessageTable.h"

#include <QCoreApplication>

namespace ta::views {
namespace {

constexpr ErrorMessageEntry kMessages[] = {
    {"policy.json",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The policy file is not valid JSON.")},
    {"policy.field",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A policy has a missing or wrong field.")},
    {"policy.duplicate_name",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "Two policies have the same name.")},
    {"policy.condition", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                           "A policy's condition is not a valid CEL expression.")},
    {"policy.template",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A policy's SPIFFE ID template is not valid.")},
    {"subject.json",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The subject is not a valid JSON object.")},
    {"entry.bad_json",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The registration entries are not valid JSON.")},
    {"entry.missing_field",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A registration entry lacks a required field.")},
    {"entry.bad_spiffe_id", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                              "A registration entry holds an invalid SPIFFE ID.")},
    {"entry.bad_selector", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                             "A registration entry holds an invalid selector.")},
    {"entry.no_selectors",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A registration entry has no selectors.")},
    {"entry.bad_number", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                           "A number in a registration entry is not valid.")},
    {"entry.bad_federates_with",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "A registration entry federates with an invalid trust domain.")},
    {"entry.duplicate_id",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "Two registration entries have the same ID.")},
    {"selector.malformed",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A selector must be written type:value.")},
    {"cel.syntax",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The CEL expression has a syntax error.")},
    {"cel.check",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The CEL expression does not type-check.")},
    {"cel.eval",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The CEL expression failed to evaluate.")},
    {"cel.json",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The CEL bindings are not valid JSON values.")},
    {"cel.limit.size",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The expression is longer than the limit.")},
    {"cel.limit.depth", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                          "The expression is nested deeper than the limit.")},
    {"cel.limit.nodes", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                          "The expression has more terms than the limit.")},
    {"cel.cost_exceeded", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                            "The expression's estimated cost is over the limit.")},
    {"cel.budget_exceeded",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The evaluation ran out of its step or memory budget.")},
    {"subject.empty",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The subjects file holds no subjects.")},
};

} // namespace

std::span<const ErrorMessageEntry> policyErrorMessages()
{
    return kMessages;
}

} // namespace ta::views
