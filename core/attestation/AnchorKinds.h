// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace ta::core {

/// One field of an anchors file entry.
struct AnchorField
{
    enum class Type {
        Line,         ///< a string
        List,         ///< one string, or an array when several are given (audience)
        Array,        ///< an array of strings, left out when empty (allow lists)
        Pem,          ///< PEM text
        Json,         ///< a JSON object (JWKS)
        Bank,         ///< a PCR bank: sha1, sha256 or sha384
        Index,        ///< a PCR index, 0 to 23
        Seconds,      ///< a time to live in seconds
        Number,       ///< a positive whole number, left out unless set
        Time,         ///< a UTC time (RFC 3339)
        OptionalTime, ///< a UTC time, left out unless set
        Token,        ///< a join token in clear (stored as its SHA-256, token_sha256)
    };

    /// The key in the anchors file ("issuer", "jwks", "not_after", ...).
    const char *key;
    Type type;
    /// Whether AnchorSet refuses an entry without it (tst_anchorkinds holds the parser to it).
    bool required;
    /// The form's label, untranslated: translate with
    /// QCoreApplication::translate(AnchorKinds::translationContext(), label).
    const char *label;
    /// A hint shown in an empty input, untranslated like the label; nullptr when none.
    const char *help = nullptr;
};

/// One kind of trust anchor or reference value.
struct AnchorKindSpec
{
    /// The "kind" of the anchors file ("k8s_issuer", "pcr", ...).
    const char *name;
    /// Whether entries of this kind are reference values (the anchors file's reference_values)
    /// rather than trust anchors (its anchors).
    bool referenceValue;
    /// Every field, in the order a form shows them: "id" first, then the kind's own, then the
    /// validity window where the kind has one.
    QList<AnchorField> fields;

    const AnchorField *field(const QString &key) const;
    QStringList requiredKeys() const;
};

/// The one description of the anchors file's kinds and their fields, which the parser
/// (AnchorSet) is held to and the entry dialog builds its forms from.
class AnchorKinds
{
public:
    /// Every kind, trust anchors first, in the order the dialog offers them.
    static const QList<AnchorKindSpec> &all();
    /// The kinds of trust anchors (@p referenceValues false) or of reference values.
    static QStringList names(bool referenceValues);
    /// The kind named @p name, or nullptr.
    static const AnchorKindSpec *find(const QString &name);
    /// The translation context of the labels and hints.
    static const char *translationContext();
};

} // namespace ta::core
