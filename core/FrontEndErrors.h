// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The front ends over core: the CLI's usage and files (cli.*), the GUI's documents and files
// (models.*, io.*): every error code it raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_FRONT_END_ERRORS(X)                                                                     \
    X(CliBadFormat, "cli.bad_format", "This output format is not known.")                          \
    X(CliBadLayout, "cli.bad_layout", "This layout engine is not known.")                          \
    X(InputTooLarge, "input.too_large", "The input is larger than the limit.")                     \
    X(JsonSyntax, "json.syntax", "The file is not valid JSON.")                                    \
    X(JsonDuplicateKey, "json.duplicate_key", "A JSON object names the same key twice.")           \
    X(CliUnknownVerb, "cli.unknown_verb", "This command is not known.")                            \
    X(CliUnknownOption, "cli.unknown_option", "An option is not known.")                           \
    X(CliBadUsage, "cli.bad_usage", "The command line is not valid.")                              \
    X(CliMissingArgument, "cli.missing_argument", "An argument is missing.")                       \
    X(CliUnexpectedArgument, "cli.unexpected_argument", "There is an argument too many.")          \
    X(CliMissingOption, "cli.missing_option", "A required option is missing.")                     \
    X(CliConflictingOptions, "cli.conflicting_options", "Two options exclude each other.")         \
    X(CliBadValue, "cli.bad_value", "An option has a value that is not allowed.")                  \
    X(CliUnknownKeyType, "cli.unknown_key_type", "This key type is not known.")                    \
    X(CliBadDuration, "cli.bad_duration", "This is not a duration such as 90s, 5m, 1h or 7d.")     \
    X(CliBadNumber, "cli.bad_number", "This is not a valid number.")                               \
    X(CliBadTime, "cli.bad_time", "This is not an RFC 3339 time.")                                 \
    X(CliBadVersion, "cli.bad_version", "A version is a positive number.")                         \
    X(CliBadBindings, "cli.bad_bindings", "The bindings must be a JSON object.")                   \
    X(CliNoTrustDomain, "cli.no_trust_domain", "The workspace has no trust domain.")               \
    X(CliPassphraseRequired, "cli.passphrase_required",                                            \
      "This workspace is protected: enter its passphrase.")                                        \
    X(CliEmptyPassphrase, "cli.empty_passphrase", "The passphrase cannot be empty.")               \
    X(CliPassphraseMismatch, "cli.passphrase_mismatch", "The two passphrases typed differ.")       \
    X(CliUnreadableFile, "cli.unreadable_file", "The file cannot be read.")                        \
    X(CliUnwritableFile, "cli.unwritable_file", "The file could not be written.")                  \
    X(IoUnwritable, "io.unwritable", "The file could not be written.")                             \
    X(ModelsAlreadyRevoked, "models.already_revoked", "This credential is revoked already.")       \
    X(ReportPdfFailed, "report.pdf_failed", "The report could not be rendered as PDF.")

namespace ta::core {
namespace ec {
TA_FRONT_END_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> frontEndErrorCodes();

} // namespace ta::core
