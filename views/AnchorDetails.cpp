// SPDX-License-Identifier: Apache-2.0
#include "views/AnchorDetails.h"

#include "core/attestation/EvidenceRecord.h"
#include "models/AnchorModel.h"
#include "models/EvidenceTimelineModel.h"

#include <QJsonDocument>
#include <QLocale>

namespace ta::views {

using models::AnchorModel;

namespace {

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : AnchorDetails::tr("open");
}

} // namespace

AnchorDetails::AnchorDetails(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("anchorDetails"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(tr("Select a trust anchor or reference value to see its details."));
}

void AnchorDetails::showEntry(const AnchorModel &model, int row)
{
    if (row < 0 || row >= model.rowCount()) {
        clear();
        return;
    }
    QStringList lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        lines << tr("%1: %2").arg(label, value);
    };
    const auto column = [&](AnchorModel::Column c) {
        return model.index(row, int(c)).data().toString();
    };
    add(tr("Kind"), column(AnchorModel::Column::Kind));
    add(tr("ID"), model.idAt(row));
    if (const core::ReferenceValue *v = model.referenceValueAt(row)) {
        if (v->kind == core::ReferenceKind::Pcr) {
            add(tr("Node"), v->subject);
            add(tr("PCR"), tr("%1, index %2").arg(v->bank).arg(v->index));
            add(tr("Golden value"), v->value);
        } else {
            add(tr("Image repository"), v->image);
            add(tr("Allowed digest"), v->digest);
        }
    } else if (const core::TrustAnchor *a = model.anchorAt(row)) {
        add(tr("Name"), column(AnchorModel::Column::Name));
        if (!a->issuer.isEmpty())
            add(tr("Issuer"), a->issuer);
        if (!a->audiences.isEmpty())
            add(tr("Audiences"), a->audiences.join(QStringLiteral(", ")));
        if (a->kind == core::AnchorKind::K8sIssuer || a->kind == core::AnchorKind::GcpJwks) {
            add(a->kind == core::AnchorKind::K8sIssuer ? tr("Service accounts allowed")
                                                       : tr("Projects allowed"),
                a->allowList ? a->allowList->join(QStringLiteral(", "))
                             : tr("no allow list: any is accepted, with a warning"));
        }
        if (!a->publicKey.isNull())
            add(tr("Public key"), tr("%1, SPKI SHA-256 %2")
                                      .arg(AnchorModel::keyText(a->publicKey),
                                           QString::fromLatin1(a->publicKey.fingerprint())));
        for (auto it = a->jwks.cbegin(); it != a->jwks.cend(); ++it)
            add(tr("Key %1").arg(it.key()),
                tr("%1, SPKI SHA-256 %2")
                    .arg(AnchorModel::keyText(*it),
                         QString::fromLatin1(a->jwksFingerprints.value(it.key()))));
        for (const core::Certificate &c : a->certificates) {
            add(tr("Certificate"), c.subjectText());
            lines << tr("    issuer %1, serial %2").arg(c.issuerText(), c.serialHex());
            lines << tr("    valid %1 to %2%3")
                         .arg(timeText(c.notBefore()), timeText(c.notAfter()),
                              c.isCa() ? tr(", CA") : QString());
            lines << tr("    SHA-256 %1").arg(QString::fromLatin1(c.fingerprint()));
        }
        if (a->kind == core::AnchorKind::JoinToken) {
            add(tr("Token SHA-256"), QString::fromLatin1(a->tokenSha256));
            lines << tr("The token itself is not stored: it was shown once, when it was "
                        "created. It is accepted once, until it expires.");
        }
        const auto [from, until] = model.windowAt(row);
        add(tr("Valid"), tr("%1 to %2").arg(timeText(from), timeText(until)));
    }
    add(tr("Status"), column(AnchorModel::Column::Validity));
    // Which evidence records rest on this entry, from the evidence timeline's results.
    constexpr int shown = 20;
    if (auto verified = model.verifiedAt(row, shown)) {
        add(tr("Records verified"), QString::number(verified->count));
        for (const core::EvidenceTimelineRow &r : std::as_const(verified->first))
            lines << tr("    %1  %2  %3")
                         .arg(core::EvidenceRecord::formatTime(r.time), r.subject,
                              models::EvidenceTimelineModel::verdictText(r.verdict));
        if (verified->count > verified->first.size())
            lines << tr("    … and %n more", nullptr,
                        int(verified->count - verified->first.size()));
    }
    lines << QString() << tr("Stored entry:")
          << QString::fromUtf8(
                 QJsonDocument(model.documentAt(row)).toJson(QJsonDocument::Indented));
    setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace ta::views
