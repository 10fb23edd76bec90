// SPDX-License-Identifier: Apache-2.0
#include "models/AnchorModel.h"
#include "core/attestation/AnchorKinds.h"

#include <QFont>

#include "models/Document.h"

#include <QLocale>

#include <limits>

namespace ta::models {

using core::AnchorKind;
using core::AnchorList;

namespace {

QString shortHex(const QByteArray &hex)
{
    return QString::fromLatin1(hex.left(16)) + QChar(0x2026);
}

QString formatTime(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

AnchorModel::AnchorModel(Document *document, QObject *parent)
    : IncrementalTableModel(parent), m_document(document)
{
    connect(document, &Document::anchorsChanged, this, &AnchorModel::reload);
    connect(document, &Document::evidenceChanged, this, [this] {
        readUsedTokens();
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    });
    reload();
}

const QJsonObject &AnchorModel::Entry::document() const
{
    return anchor ? anchor->document : reference->document;
}

bool AnchorModel::Entry::operator==(const Entry &other) const
{
    return list == other.list && id == other.id && document() == other.document();
}

void AnchorModel::readUsedTokens()
{
    m_usedTokens.clear();
    if (!m_document)
        return;
    core::EvidenceTimelineQuery query(m_document->workspace(Document::WriteAccess()).database());
    if (auto tokens = query.usedJoinTokens())
        m_usedTokens = QSet<QString>(tokens->cbegin(), tokens->cend());
}

bool AnchorModel::isUsedAt(int row) const
{
    const core::TrustAnchor *a = anchorAt(row);
    return a && a->kind == core::AnchorKind::JoinToken &&
           m_usedTokens.contains(QString::fromLatin1(a->tokenSha256));
}

core::Result<AnchorModel::Verified> AnchorModel::verifiedAt(int row, int limit) const
{
    Verified v;
    if (!m_document || row < 0 || row >= rowCount())
        return v;
    core::EvidenceTimelineQuery query(m_document->workspace(Document::WriteAccess()).database());
    auto count = query.verifiedByCount(idAt(row));
    if (!count)
        return count.error();
    v.count = *count;
    if (v.count > 0) {
        auto rows = query.verifiedBy(idAt(row), limit);
        if (!rows)
            return rows.error();
        v.first = std::move(*rows);
    }
    return v;
}

void AnchorModel::reload()
{
    m_loadError.reset();
    core::AnchorSet set;
    if (m_document) {
        auto loaded = m_document->anchors();
        if (loaded)
            set = std::move(*loaded);
        else
            m_loadError = loaded.error();
    }
    QList<Entry> fresh;
    fresh.reserve(set.anchors().size() + set.referenceValues().size());
    for (const core::TrustAnchor &a : set.anchors())
        fresh.append({AnchorList::Anchors, a.id, std::make_shared<const core::TrustAnchor>(a), {}});
    for (const core::ReferenceValue &v : set.referenceValues()) {
        fresh.append({AnchorList::ReferenceValues,
                      v.id,
                      {},
                      std::make_shared<const core::ReferenceValue>(v)});
    }
    m_set = std::move(set);
    readUsedTokens();
    syncRows(m_rows, fresh, [](const Entry &e) {
        return (e.list == AnchorList::Anchors ? QStringLiteral("a:") : QStringLiteral("r:")) + e.id;
    });
}

int AnchorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnchorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

AnchorList AnchorModel::listAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).list : AnchorList::ReferenceValues;
}

const core::TrustAnchor *AnchorModel::anchorAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).anchor.get() : nullptr;
}

const core::ReferenceValue *AnchorModel::referenceValueAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).reference.get() : nullptr;
}

QString AnchorModel::idAt(int row) const
{
    if (const core::TrustAnchor *a = anchorAt(row))
        return a->id;
    if (const core::ReferenceValue *v = referenceValueAt(row))
        return v->id;
    return {};
}

QJsonObject AnchorModel::documentAt(int row) const
{
    if (const core::TrustAnchor *a = anchorAt(row))
        return a->document;
    if (const core::ReferenceValue *v = referenceValueAt(row))
        return v->document;
    return {};
}

int AnchorModel::rowOf(AnchorList list, const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).list == list && m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

std::pair<QDateTime, QDateTime> AnchorModel::windowAt(int row) const
{
    const core::TrustAnchor *a = anchorAt(row);
    if (!a)
        return {};
    QDateTime from = a->notBefore;
    QDateTime until = a->notAfter;
    // A CA or signing certificate past its own notAfter verifies nothing, whatever the entry says.
    for (const core::Certificate &c : a->certificates) {
        if (!from.isValid() || c.notBefore() > from)
            from = c.notBefore();
        if (!until.isValid() || c.notAfter() < until)
            until = c.notAfter();
    }
    return {from, until};
}

AnchorModel::Validity AnchorModel::validityAt(int row) const
{
    const auto [from, until] = windowAt(row);
    if (!from.isValid() && !until.isValid())
        return Validity::Unlimited;
    const QDateTime now = m_document ? m_document->now() : QDateTime::currentDateTimeUtc();
    if (from.isValid() && now < from)
        return Validity::NotYetValid;
    if (until.isValid() && now >= until)
        return Validity::Expired;
    return Validity::Valid;
}

QStringList AnchorModel::kindNames(AnchorList list)
{
    return core::AnchorKinds::names(list == AnchorList::ReferenceValues);
}

QString AnchorModel::kindText(const QString &kindName)
{
    static const QHash<QString, const char *> texts{
        {QStringLiteral("k8s_issuer"), QT_TR_NOOP("Kubernetes cluster issuer")},
        {QStringLiteral("gcp_jwks"), QT_TR_NOOP("GCP signing keys (JWKS)")},
        {QStringLiteral("aws_signing_cert"), QT_TR_NOOP("AWS document signing certificate")},
        {QStringLiteral("x509pop_ca"), QT_TR_NOOP("x509pop CA certificate")},
        {QStringLiteral("join_token"), QT_TR_NOOP("Join token")},
        {QStringLiteral("tpm_ak"), QT_TR_NOOP("TPM attestation key")},
        {QStringLiteral("cosign_key"), QT_TR_NOOP("Cosign public key")},
        {QStringLiteral("pcr"), QT_TR_NOOP("Golden PCR value")},
        {QStringLiteral("image_digest"), QT_TR_NOOP("Allowed image digest")},
    };
    const auto it = texts.constFind(kindName);
    return it == texts.cend() ? kindName : tr(it.value());
}

QString AnchorModel::keyText(const core::Key &key)
{
    if (key.isEc())
        return tr("EC P-%1").arg(key.bits());
    if (key.isRsa())
        return tr("RSA %1").arg(key.bits());
    return tr("%1-bit key").arg(key.bits());
}

QString AnchorModel::nameAt(int row) const
{
    if (const core::TrustAnchor *a = anchorAt(row)) {
        if (a->kind == AnchorKind::JoinToken)
            return shortHex(a->tokenSha256);
        if (a->name.isEmpty() && !a->certificates.isEmpty())
            return a->certificates.first().subjectText();
        return a->name;
    }
    const core::ReferenceValue *v = referenceValueAt(row);
    return v->kind == core::ReferenceKind::Pcr ? v->subject : v->image;
}

QString AnchorModel::detailAt(int row) const
{
    if (const core::ReferenceValue *v = referenceValueAt(row)) {
        if (v->kind == core::ReferenceKind::ImageDigest)
            return v->digest;
        return tr("%1 PCR %2 = %3").arg(v->bank).arg(v->index).arg(shortHex(v->value.toLatin1()));
    }
    const core::TrustAnchor *a = anchorAt(row);
    switch (a->kind) {
    case AnchorKind::TpmAk:
    case AnchorKind::CosignKey:
        return tr("%1, SHA-256 %2")
            .arg(keyText(a->publicKey), shortHex(a->publicKey.fingerprint()));
    case AnchorKind::K8sIssuer:
    case AnchorKind::GcpJwks:
        return tr("%1, audience %2, keys: %3")
            .arg(a->issuer, a->audiences.join(QStringLiteral(", ")))
            .arg(a->jwks.size());
    case AnchorKind::X509PopCa:
    case AnchorKind::AwsSigningCert:
        return tr("Certificates: %1, SHA-256 %2")
            .arg(a->certificates.size())
            .arg(shortHex(a->certificates.first().fingerprint()));
    case AnchorKind::JoinToken:
        return tr("Single use, TTL %1 s; only its SHA-256 is stored")
            .arg(a->notBefore.secsTo(a->notAfter));
    }
    return {};
}

QString AnchorModel::validityText(int row) const
{
    // A join token is single use: once a node presented it, it attests no other.
    if (isUsedAt(row))
        return tr("Used");
    const auto [from, until] = windowAt(row);
    switch (validityAt(row)) {
    case Validity::Unlimited:
        return anchorAt(row) ? tr("No limit") : tr("In force");
    case Validity::NotYetValid:
        return tr("From %1").arg(formatTime(from));
    case Validity::Expired:
        return tr("Expired %1").arg(formatTime(until));
    case Validity::Valid:
        return until.isValid() ? tr("Until %1").arg(formatTime(until)) : tr("Valid");
    }
    return {};
}

QVariant AnchorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const core::TrustAnchor *a = anchorAt(row);
    const core::ReferenceValue *v = referenceValueAt(row);
    const QString kindName = a ? core::anchorKindName(a->kind) : core::referenceKindName(v->kind);
    switch (Role(role)) {
    case Role::Id:
        return idAt(row);
    case Role::List:
        return int(listAt(row));
    case Role::KindName:
        return kindName;
    case Role::Used:
        return isUsedAt(row);
    case Role::Sort:
        if (Column(index.column()) == Column::Validity) {
            // Soonest end first; entries without one last.
            const QDateTime until = windowAt(row).second;
            return until.isValid() ? until.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        }
        break;
    }
    if (role == Qt::FontRole) {
        if (!isUsedAt(row))
            return {};
        // Beside the word "Used": a spent token reads as one at a glance.
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != int(Role::Sort))
        return {};
    switch (Column(index.column())) {
    case Column::Kind:
        return kindText(kindName);
    case Column::Name:
        return nameAt(row);
    case Column::Detail:
        return detailAt(row);
    case Column::Validity:
        return validityText(row);
    case Column::Id:
        return idAt(row);
    case Column::Count:
        break;
    }
    return {};
}

QVariant AnchorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Kind:
        return tr("Kind");
    case Column::Name:
        return tr("Name / subject / image");
    case Column::Detail:
        return tr("Detail");
    case Column::Validity:
        return tr("Validity");
    case Column::Id:
        return tr("ID");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ta::models
