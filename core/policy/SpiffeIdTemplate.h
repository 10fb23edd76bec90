// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/spiffe/TrustDomain.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace ta::core {

class PolicySubject;

/// The SPIFFE ID a policy grants, with placeholders filled from the subject:
///
///     spiffe://prod.example/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}
///     /ns/{workload.k8s.ns}/sa/{workload.k8s.sa}      (relative to the policy's trust domain)
///
/// The language, exactly:
/// - The text is "spiffe://" + the policy's trust domain + a path, or a path alone ("/..."),
///   taken in the policy's trust domain. The trust domain is literal: no placeholder in it.
/// - A placeholder is "{" field-path "}"; a field path is names joined by ".", each name of
///   [A-Za-z0-9_-]. Its first name is subject, attestor, verdict, agent_id, or a claim
///   (node, workload, image, tpm, signal, ...; "claims.NAME" reaches any claim).
/// - There is no escape: "{" and "}" can never be part of a SPIFFE ID, so a "}" outside a
///   placeholder, or a "{" without its "}", is a syntax error.
/// - The literal text must be a valid SPIFFE ID path once each placeholder stands for one
///   valid character; that is checked when the template is parsed.
/// - When rendered, a placeholder takes a string or an integral number (in decimal). A field
///   that is absent or null yields no identity (FieldMissing). Any other value, or a string that
///   is empty or holds a character outside [A-Za-z0-9._-] (so "/" cannot add segments), or a
///   result that is not a valid SPIFFE ID ("." or ".." segment, over 2048 bytes) is an error
///   (InvalidValue, InvalidId): the policy is wrong for this subject, and says so.
class SpiffeIdTemplate
{
public:
    /// The outcome of rendering.
    enum class Status { Ok, FieldMissing, InvalidValue, InvalidId };

    /// A rendered ID, or why there is none.
    struct Rendered
    {
        Status status = Status::Ok;
        QString spiffeId;
        /// The field at fault ("workload.k8s.ns"), for FieldMissing and InvalidValue.
        QString field;
        /// What was wrong: the value found, or the SPIFFE ID error code.
        QString detail;
    };

    SpiffeIdTemplate() = default;

    /// Parses @p text for @p trustDomain. Error code policy.template (detail "column N: why").
    [[nodiscard]] static Result<SpiffeIdTemplate> parse(const QString &text,
                                                        const TrustDomain &trustDomain);

    /// Fills the placeholders from @p subject.
    Rendered render(const PolicySubject &subject) const;

    bool isNull() const { return m_text.isEmpty(); }
    QString text() const { return m_text; }
    /// The field paths of the placeholders, in order ("workload.k8s.ns").
    QStringList fields() const;

private:
    struct Part
    {
        /// Literal text, or the field path when isField.
        QString literal;
        QStringList path;
        bool isField = false;
    };

    Rendered renderParts(const PolicySubject &subject) const;

    QString m_text;
    QString m_prefix;
    QList<Part> m_parts;
    /// A template without placeholders renders the same for every subject: once, at parse.
    std::optional<Rendered> m_constant;
};

} // namespace ta::core
