// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The store module (the workspace file): every error code it raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_STORE_ERRORS(X)                                                                         \
    X(StoreCorruptValue, "store.corrupt_value", "A value stored in the workspace does not parse.") \
    X(StoreTruncated, "store.truncated", "The workspace file is cut short.")                       \
    X(StoreUnexpectedSchema, "store.unexpected_schema",                                            \
      "The workspace's schema was altered outside Trust Atlas.")                                   \
    X(StoreWrongPassphrase, "store.wrong_passphrase", "The passphrase is wrong.")                  \
    X(StorePassphraseRequired, "store.passphrase_required",                                        \
      "This workspace is protected: enter its passphrase.")                                        \
    X(StoreEmptyPassphrase, "store.empty_passphrase", "The passphrase cannot be empty.")           \
    X(StoreFileExists, "store.file_exists", "A file of that name exists already.")                 \
    X(StoreFileMissing, "store.file_missing", "The file does not exist.")                          \
    X(StoreNotAWorkspace, "store.not_a_workspace", "This file is not a Trust Atlas workspace.")    \
    X(StoreNewerSchema, "store.newer_schema",                                                      \
      "This workspace was written by a newer Trust Atlas.")                                        \
    X(StoreUnreadable, "store.unreadable", "The file cannot be read.")                             \
    X(StoreTrustDomainExists, "store.trust_domain_exists",                                         \
      "A trust domain of that name exists already.")                                               \
    X(StoreUnknownTrustDomain, "store.unknown_trust_domain", "There is no such trust domain.")     \
    X(StoreUnknownCredential, "store.unknown_credential", "There is no such credential.")          \
    X(StoreSqlite, "store.sqlite", "The workspace file could not be written or read.")             \
    X(StoreUnknownAnchor, "store.unknown_anchor", "There is no such trust anchor.")                \
    X(StoreUnknownReferenceValue, "store.unknown_reference_value",                                 \
      "There is no such reference value.")                                                         \
    X(StoreQueryFailed, "store.query_failed", "The workspace file could not be written or read.")  \
    X(StoreUnknownVersion, "store.unknown_version", "There is no such version of the policy set.") \
    X(StoreUnknownKeyProtection, "store.unknown_key_protection",                                   \
      "The workspace stores a key in a form this version does not know.")                          \
    X(StoreBadRefreshHint, "store.bad_refresh_hint",                                               \
      "The refresh hint must be a positive number of seconds.")                                    \
    X(StoreBadCaSettings, "store.bad_ca_settings",                                                 \
      "Every lifetime must be at least a second, and no SVID may outlive its authority.")          \
    X(StoreDemoScratch, "store.demo_scratch", "The demo workspace could not be set up.")           \
    X(StoreCancelled, "store.cancelled", "The operation was cancelled; nothing was saved.")        \
    X(StoreStaleRecords, "store.stale_records",                                                    \
      "The evidence changed while it was verified; nothing was saved.")

namespace ta::core {
namespace ec {
TA_STORE_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> storeErrorCodes();

} // namespace ta::core
