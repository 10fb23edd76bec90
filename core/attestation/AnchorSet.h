// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/ReferenceValue.h"
#include "core/attestation/TrustAnchor.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace ta::core {

/// The trust anchors and reference values of a workspace, read from DESIGN.md's
/// `anchors import` JSON and validated entry by entry: a bad entry fails the whole file with an
/// error whose detail starts "anchors[i]" or "reference_values[i]".
class AnchorSet
{
public:
    /// Parses an anchors file. Error codes: anchors.bad_json, anchors.unknown_kind,
    /// anchors.missing_field, anchors.bad_field, anchors.bad_pem, anchors.bad_jwks,
    /// anchors.duplicate_id.
    [[nodiscard]] static Result<AnchorSet> fromImportJson(const QByteArray &json);
    /// One anchor entry (the import form, or the stored form with token_sha256).
    [[nodiscard]] static Result<TrustAnchor> anchorFromJson(const QJsonObject &entry);
    [[nodiscard]] static Result<ReferenceValue> referenceValueFromJson(const QJsonObject &entry);

    /// Adds an anchor; an ID already present is refused.
    [[nodiscard]] Result<void> addAnchor(TrustAnchor anchor);
    [[nodiscard]] Result<void> addReferenceValue(ReferenceValue value);
    /// Adds or replaces (by ID) everything of @p other; a replaced entry keeps its place.
    void merge(const AnchorSet &other);

    const QList<TrustAnchor> &anchors() const { return m_anchors; }
    const QList<ReferenceValue> &referenceValues() const { return m_references; }
    const TrustAnchor *anchor(const QString &id) const;
    const ReferenceValue *referenceValue(const QString &id) const;
    QList<const TrustAnchor *> anchorsOfKind(AnchorKind kind) const;
    /// The anchor of @p kind named @p name (cluster, key name, node subject), or nullptr.
    const TrustAnchor *anchorNamed(AnchorKind kind, const QString &name) const;
    /// Allowed digests of @p image (repository without tag or digest).
    QList<const ReferenceValue *> imageDigests(const QString &image) const;
    /// Golden PCR values of @p subject.
    QList<const ReferenceValue *> pcrValues(const QString &subject) const;

    /// The anchors file form of the whole set (join tokens as hashes).
    QJsonObject toJson() const;

private:
    void reindexLookups();
    void indexAnchor(qsizetype i);
    void indexReferenceValue(qsizetype i);

    QList<TrustAnchor> m_anchors;
    QList<ReferenceValue> m_references;
    QHash<QString, qsizetype> m_anchorIndex;
    QHash<QString, qsizetype> m_referenceIndex;
    // Lookups by image and by PCR subject stay O(1) in labs with 100,000 nodes.
    QMultiHash<QString, qsizetype> m_byImage;
    QHash<int, QList<qsizetype>> m_byKind;
    QHash<QString, qsizetype> m_byKindName;
    QMultiHash<QString, qsizetype> m_pcrBySubject;
};

} // namespace ta::core
