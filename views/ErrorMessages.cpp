// SPDX-License-Identifier: Apache-2.0
#include "views/ErrorMessages.h"

#include <QHash>

namespace ta::views {
namespace {

struct Message
{
    const char *code;
    const char *text;
};

// Exact codes first; the prefixes below catch the rest of each family.
constexpr Message kExact[] = {
    {"store.wrong_passphrase",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The passphrase is wrong.")},
    {"store.passphrase_required",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "This workspace is protected: enter its passphrase.")},
    {"store.empty_passphrase",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The passphrase cannot be empty.")},
    {"store.file_exists",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A file of that name exists already.")},
    {"store.file_missing",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The file does not exist.")},
    {"store.not_a_workspace",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This file is not a Trust Atlas workspace.")},
    {"store.newer_schema", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                             "This workspace was written by a newer Trust Atlas.")},
    {"store.unreadable", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The file cannot be read.")},
    {"store.trust_domain_exists",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A trust domain of that name exists already.")},
    {"store.unknown_trust_domain",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "There is no such trust domain.")},
    {"store.unknown_credential",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "There is no such credential.")},
    {"store.sqlite", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                       "The workspace file could not be written or read.")},
    {"models.already_revoked",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This credential is revoked already.")},
    {"ca.already_prepared", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                              "An authority of this kind is prepared already.")},
    {"ca.nothing_prepared",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "Prepare an authority of this kind before activating it.")},
    {"ca.taint_not_old",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "Only an old authority can be tainted.")},
    {"ca.already_tainted",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This authority is tainted already.")},
    {"ca.revoke_not_tainted",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "Taint an authority before revoking it.")},
    {"ca.already_revoked",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This authority is revoked already.")},
    {"ca.unknown_authority",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "There is no such authority.")},
    {"ca.foreign_trust_domain",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The SPIFFE ID belongs to another trust domain.")},
    {"ca.id_without_path",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "A workload's SPIFFE ID needs a path after the trust domain.")},
    {"ca.no_active_authority",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The trust domain has no active authority to sign with.")},
    {"ca.authority_expired",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The active authority has expired.")},
    {"jwtsvid.audience_missing",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A JWT-SVID needs at least one audience.")},
    {"jwtsvid.mint_no_audience",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A JWT-SVID needs at least one audience.")},
    {"spiffe.id.empty", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "Enter a SPIFFE ID.")},
    {"spiffe.id.wrong_scheme",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A SPIFFE ID starts with spiffe://.")},
    {"spiffe.id.scheme_not_lowercase",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The scheme must be written spiffe:// in lowercase.")},
    {"spiffe.id.missing_trust_domain",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The SPIFFE ID names no trust domain.")},
    {"spiffe.id.empty_segment",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The path has an empty segment (two slashes in a row).")},
    {"spiffe.id.dot_segment",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The path may not contain \".\" or \"..\" segments.")},
    {"spiffe.id.trailing_slash",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The path may not end with a slash.")},
    {"spiffe.id.bad_path_char",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The path may hold only letters, digits, dots, dashes and underscores.")},
    {"spiffe.id.query",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A SPIFFE ID may not have a query part.")},
    {"spiffe.id.fragment",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A SPIFFE ID may not have a fragment.")},
    {"spiffe.id.percent_encoded",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A SPIFFE ID may not use percent-encoding.")},
    {"spiffe.id.too_long",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The SPIFFE ID is longer than 2048 bytes.")},
    {"spiffe.td.empty",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "Enter a trust domain name.")},
    {"spiffe.td.uppercase",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A trust domain name is written in lowercase.")},
    {"spiffe.td.bad_char",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "A trust domain name holds only lowercase letters, digits, dots, dashes and "
                       "underscores.")},
    {"spiffe.td.port",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A trust domain name may not have a port.")},
    {"spiffe.td.userinfo", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                             "A trust domain name may not have user information.")},
    {"spiffe.td.too_long",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The trust domain name is longer than 255 characters.")},
    {"x509svid.expired",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate has expired.")},
    {"x509svid.not_yet_valid",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate is not valid yet.")},
    {"x509svid.untrusted",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The chain does not lead to an authority of the bundle.")},
    {"x509svid.bad_signature",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A signature in the chain does not verify.")},
    {"x509svid.trust_domain_mismatch",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The SVID belongs to another trust domain than the bundle.")},
    {"x509svid.no_authorities",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The bundle holds no X.509 authority.")},
    {"x509svid.empty_chain",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "There is no certificate to check.")},
    {"x509svid.no_uri_san",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate carries no SPIFFE ID.")},
    {"x509svid.multiple_uri_sans",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate carries more than one URI.")},
    {"x509svid.leaf_is_ca",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The leaf certificate is a CA certificate.")},
    {"x509svid.path_invalid",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate path is not valid.")},
    {"jwtsvid.expired", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token has expired.")},
    {"jwtsvid.not_yet_valid",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token is not valid yet.")},
    {"jwtsvid.bad_signature",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token's signature does not verify.")},
    {"jwtsvid.unknown_kid",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                       "The token was signed by a key the bundle does not hold.")},
    {"jwtsvid.audience_mismatch",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token is not meant for this audience.")},
    {"jwtsvid.malformed",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This is not a well-formed JWT.")},
    {"jwtsvid.unknown_trust_domain",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The bundle is for another trust domain.")},
    {"jwtsvid.issued_in_future",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token says it was issued in the future.")},
    {"crypto.wrong_passphrase",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The passphrase is wrong.")},
};

constexpr Message kPrefixes[] = {
    {"spiffe.id.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This is not a valid SPIFFE ID.")},
    {"spiffe.td.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This is not a valid trust domain name.")},
    {"spiffe.bundle.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The trust bundle is not valid.")},
    {"x509svid.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate is not a valid X509-SVID.")},
    {"jwtsvid.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token is not a valid JWT-SVID.")},
    {"ca.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                              "The certificate authority refused the change.")},
    {"crypto.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A cryptographic operation failed.")},
    {"store.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The workspace could not complete the change.")},
};

} // namespace

QString ErrorMessages::text(const core::Error &error)
{
    static const QHash<QString, const char *> exact = [] {
        QHash<QString, const char *> h;
        for (const Message &m : kExact)
            h.insert(QString::fromLatin1(m.code), m.text);
        return h;
    }();
    if (const auto it = exact.constFind(error.code); it != exact.constEnd())
        return QCoreApplication::translate("ta::views::ErrorMessages", it.value());
    for (const Message &m : kPrefixes) {
        if (error.code.startsWith(QLatin1String(m.code)))
            return QCoreApplication::translate("ta::views::ErrorMessages", m.text);
    }
    return tr("Unexpected error (%1).").arg(error.code);
}

} // namespace ta::views
