// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AnchorKinds.h"

#include <QtGlobal>

namespace ta::core {
namespace {

using T = AnchorField::Type;

constexpr bool Required = true;
constexpr bool Optional = false;

const char *const kCommas = QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "separated by commas");
const char *const kPem =
    QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Paste PEM text, or load it from a file");
const char *const kJwks =
    QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Paste the JWKS (JSON), or load it from a file");

QList<AnchorKindSpec> build()
{
    const AnchorField id{"id", T::Line, Optional,
                         QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "I&D:"),
                         QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "derived from the entry")};
    // A join token's window is its TTL; reference values have none.
    const QList<AnchorField> window{
        {"not_before", T::OptionalTime, Optional,
         QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Valid &from:")},
        {"not_after", T::OptionalTime, Optional,
         QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Valid &until:")},
    };
    QList<AnchorKindSpec> kinds{
        {"k8s_issuer",
         false,
         {{"cluster", T::Line, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "C&luster:")},
          {"issuer", T::Line, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Issuer:")},
          {"audience", T::List, Optional, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Audience:"),
           kCommas},
          {"jwks", T::Json, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&JWKS:"), kJwks},
          {"service_account_allow_list", T::Array, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Ser&vice accounts allowed:"), kCommas},
          {"allowed_node_label_keys", T::Array, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Node label keys:"), kCommas},
          {"allowed_pod_label_keys", T::Array, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Pod label keys:"), kCommas}}},
        {"gcp_jwks",
         false,
         {{"name", T::Line, Optional, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Name:")},
          {"issuer", T::Line, Optional, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Issuer:")},
          {"audience", T::List, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Audience:"),
           kCommas},
          {"jwks", T::Json, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&JWKS:"), kJwks},
          {"projectid_allow_list", T::Array, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Projects allowed:"), kCommas},
          {"allowed_label_keys", T::Array, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Instance &label keys:"), kCommas},
          {"allowed_metadata_keys", T::Array, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Metadata keys:"), kCommas},
          {"max_metadata_value_size", T::Number, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Ma&x metadata value size:"),
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "bytes; SPIRE's default when empty")}}},
        {"aws_signing_cert",
         false,
         {{"name", T::Line, Optional, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Name:")},
          {"pem", T::Pem, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Certificate (PEM):"), kPem}}},
        {"x509pop_ca",
         false,
         {{"name", T::Line, Optional, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Name:")},
          {"pem", T::Pem, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&CA certificates (PEM):"), kPem}}},
        {"join_token",
         false,
         {{"token", T::Token, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Token:")},
          {"ttl", T::Seconds, Optional,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Time to &live:")},
          {"created_at", T::Time, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "C&reated at:")}}},
        {"tpm_ak",
         false,
         {{"subject", T::Line, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Node:")},
          {"public_key_pem", T::Pem, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Attestation key (PEM):"), kPem}}},
        {"cosign_key",
         false,
         {{"name", T::Line, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Name:")},
          {"public_key_pem", T::Pem, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Public key (PEM):"), kPem}}},
        {"pcr",
         true,
         {{"subject", T::Line, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Node:")},
          {"bank", T::Bank, Optional, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Bank:")},
          {"index", T::Index, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Index:")},
          {"value", T::Line, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Value (hex):")}}},
        {"image_digest",
         true,
         {{"image", T::Line, Required,
           QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "&Image repository:")},
          {"digest", T::Line, Required, QT_TRANSLATE_NOOP("ta::core::AnchorKinds", "Di&gest:")}}},
    };
    for (AnchorKindSpec &kind : kinds) {
        kind.fields.prepend(id);
        if (!kind.referenceValue && qstrcmp(kind.name, "join_token") != 0)
            kind.fields.append(window);
    }
    return kinds;
}

} // namespace

const AnchorField *AnchorKindSpec::field(const QString &key) const
{
    for (const AnchorField &f : fields) {
        if (key == QLatin1String(f.key))
            return &f;
    }
    return nullptr;
}

QStringList AnchorKindSpec::requiredKeys() const
{
    QStringList out;
    for (const AnchorField &f : fields) {
        if (f.required)
            out << QString::fromLatin1(f.key);
    }
    return out;
}

const QList<AnchorKindSpec> &AnchorKinds::all()
{
    static const QList<AnchorKindSpec> kinds = build();
    return kinds;
}

QStringList AnchorKinds::names(bool referenceValues)
{
    QStringList out;
    for (const AnchorKindSpec &kind : all()) {
        if (kind.referenceValue == referenceValues)
            out << QString::fromLatin1(kind.name);
    }
    return out;
}

const AnchorKindSpec *AnchorKinds::find(const QString &name)
{
    for (const AnchorKindSpec &kind : all()) {
        if (name == QLatin1String(kind.name))
            return &kind;
    }
    return nullptr;
}

const char *AnchorKinds::translationContext()
{
    return "ta::core::AnchorKinds";
}

} // namespace ta::core
