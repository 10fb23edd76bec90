// SPDX-License-Identifier: Apache-2.0
#include "views/CredentialInspector.h"
#include "views/NoticeStyle.h"

#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ta::views {

CredentialInspector::CredentialInspector(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(QStringLiteral("verdict"));
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setMargin(6);
    layout->addWidget(m_verdictLabel);

    // Labels, not a table: long values (IDs, fingerprints, dates) wrap instead of eliding.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("fields"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *pane = new QWidget(scroll);
    m_fields = new QFormLayout(pane);
    m_fields->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    scroll->setWidget(pane);
    layout->addWidget(scroll, 4);

    m_details = new QStackedWidget(this);
    auto *chainBox = new QGroupBox(tr("Certificate chain"), this);
    auto *chainLayout = new QVBoxLayout(chainBox);
    m_chain = new QLabel(chainBox);
    m_chain->setObjectName(QStringLiteral("chain"));
    m_chain->setWordWrap(true);
    m_chain->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    chainLayout->addWidget(m_chain);
    m_details->addWidget(chainBox);
    auto *joseBox = new QGroupBox(tr("Header and claims"), this);
    auto *joseLayout = new QVBoxLayout(joseBox);
    m_jose = new QPlainTextEdit(joseBox);
    m_jose->setObjectName(QStringLiteral("jose"));
    m_jose->setReadOnly(true);
    m_jose->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    joseLayout->addWidget(m_jose);
    m_details->addWidget(joseBox);
    layout->addWidget(m_details, 1);

    if (document) {
        connect(document, &models::Document::credentialsChanged, this,
                &CredentialInspector::refresh);
        connect(document, &models::Document::authoritiesChanged, this,
                &CredentialInspector::refresh);
        connect(document, &models::Document::trustDomainsChanged, this,
                &CredentialInspector::refresh);
    }
    clear();
}

void CredentialInspector::showCredential(qint64 id)
{
    m_record.reset();
    m_stored = id != 0;
    m_storedId = id;
    refresh();
}

void CredentialInspector::showRecord(const core::CredentialRecord &record)
{
    m_record = record;
    m_stored = false;
    m_storedId = 0;
    refresh();
}

void CredentialInspector::clear()
{
    m_record.reset();
    m_stored = false;
    m_storedId = 0;
    refresh();
}

QString CredentialInspector::verdictText() const
{
    return m_verdictLabel->text();
}

QString CredentialInspector::fieldValue(const QString &label) const
{
    for (const auto &[l, value] : m_fieldValues) {
        if (l == label)
            return value;
    }
    return {};
}

QStringList CredentialInspector::chainEntries() const
{
    return m_chainEntries;
}

void CredentialInspector::refresh()
{
    clearDetails();
    m_jose->clear();
    // A stored record is asked for anew: it may have been revoked, restored or deleted since.
    models::CredentialDetails details;
    if (m_document)
        details = m_stored   ? models::CredentialDetails::inspect(*m_document, m_storedId)
                  : m_record ? models::CredentialDetails::inspect(*m_document, *m_record)
                             : models::CredentialDetails{};
    if (m_stored)
        m_record = details.record;
    if (!details.record) {
        m_title->setText(tr("No credential selected"));
        setVerdict(Verdict::None, QString());
        return;
    }
    m_title->setText(details.record->spiffeId);
    if (details.record->kind == core::AuthorityKind::X509)
        showX509(details);
    else
        showJwt(details);
    const QLocale locale;
    const QString at = locale.toString(details.now.toLocalTime(), QLocale::ShortFormat);
    switch (details.verdict) {
    case models::CredentialDetails::Verdict::None:
        setVerdict(Verdict::None, QString());
        break;
    case models::CredentialDetails::Verdict::Invalid:
        setVerdict(
            Verdict::Invalid,
            tr("Invalid: %1").arg(details.error ? ErrorMessages::text(*details.error) : QString()));
        break;
    case models::CredentialDetails::Verdict::Revoked:
        setVerdict(Verdict::Revoked,
                   tr("Revoked in this workspace. Its signature still verifies against the "
                      "bundle until it expires."));
        break;
    case models::CredentialDetails::Verdict::Valid:
        if (details.record->kind == core::AuthorityKind::X509)
            setVerdict(Verdict::Valid, tr("Valid: chains to the bundle of %1 (sequence %2) at %3.")
                                           .arg(details.bundleTrustDomain)
                                           .arg(details.bundleSequence)
                                           .arg(at));
        else
            setVerdict(Verdict::Valid,
                       tr("Valid: signed by key %1 of the bundle of %2 (sequence %3) at %4.")
                           .arg(details.verifiedKeyId, details.bundleTrustDomain)
                           .arg(details.bundleSequence)
                           .arg(at));
        break;
    }
}

QString CredentialInspector::validityText(const QDateTime &now, const QDateTime &notBefore,
                                          const QDateTime &notAfter) const
{
    if (now < notBefore)
        return tr("not valid yet");
    if (now >= notAfter)
        return tr("expired %1 min ago").arg(QLocale().toString(notAfter.secsTo(now) / 60));
    return tr("%1 min left").arg(QLocale().toString((now.secsTo(notAfter) + 59) / 60));
}

void CredentialInspector::showX509(const models::CredentialDetails &d)
{
    using D = models::CredentialDetails;
    m_details->setCurrentIndex(0);
    const QLocale locale;
    addField(tr("Type"), tr("X509-SVID"));
    addField(tr("Trust domain"), d.record->trustDomain);
    if (!d.decoded)
        return;
    addField(tr("SPIFFE ID"), d.spiffeId);
    addField(tr("Subject"), d.subject);
    addField(tr("Issuer"), d.issuer);
    addField(tr("Serial"), d.serial);
    addField(tr("Valid from"), locale.toString(d.notBefore.toLocalTime(), QLocale::ShortFormat));
    addField(tr("Valid until"), locale.toString(d.notAfter.toLocalTime(), QLocale::ShortFormat));
    addField(tr("Validity"), validityText(d.now, d.notBefore, d.notAfter));
    addField(tr("Public key"), d.keyType == D::KeyType::Ec    ? tr("EC, %1 bits").arg(d.keyBits)
                               : d.keyType == D::KeyType::Rsa ? tr("RSA, %1 bits").arg(d.keyBits)
                                                              : tr("other"));
    addField(tr("Signature algorithm"), d.signatureAlgorithm);

    QStringList usage;
    if (d.keyUsage & D::DigitalSignature)
        usage << tr("Digital signature");
    if (d.keyUsage & D::KeyEncipherment)
        usage << tr("Key encipherment");
    if (d.keyUsage & D::KeyAgreement)
        usage << tr("Key agreement");
    if (d.keyUsage & D::CertificateSigning)
        usage << tr("Certificate signing");
    if (d.keyUsage & D::CrlSigning)
        usage << tr("CRL signing");
    addField(tr("Key usage"), usage.isEmpty() ? tr("none") : usage.join(QStringLiteral(", ")));
    QStringList eku;
    if (!d.extendedKeyUsageRestricted) {
        eku << tr("not restricted");
    } else {
        if (d.extendedKeyUsage & D::ServerAuthentication)
            eku << tr("TLS server authentication");
        if (d.extendedKeyUsage & D::ClientAuthentication)
            eku << tr("TLS client authentication");
    }
    addField(tr("Extended key usage"), eku.isEmpty() ? tr("none") : eku.join(QStringLiteral(", ")));
    addField(tr("DNS names"),
             d.dnsNames.isEmpty() ? tr("none") : d.dnsNames.join(QStringLiteral(", ")));
    addField(tr("CA certificate"), d.isCa ? tr("yes") : tr("no"));
    addField(tr("SHA-256 fingerprint"), d.fingerprint);
    addField(tr("Authority ID"), d.record->authorityId);

    for (int i = 0; i < d.chain.size(); ++i) {
        const D::ChainRow &row = d.chain.at(i);
        if (row.fromBundle)
            addChainEntry(tr("%1. %2 (trust anchor from the bundle)").arg(i + 1).arg(row.subject));
        else
            addChainEntry(tr("%1. %2 (issued by %3)").arg(i + 1).arg(row.subject, row.issuer));
    }
}

void CredentialInspector::showJwt(const models::CredentialDetails &d)
{
    m_details->setCurrentIndex(1);
    const QLocale locale;
    addField(tr("Type"), tr("JWT-SVID"));
    addField(tr("Trust domain"), d.record->trustDomain);
    if (!d.decoded)
        return;
    addField(tr("SPIFFE ID"), d.spiffeId);
    addField(tr("Audience"), d.audience.join(QStringLiteral(", ")));
    addField(tr("Issued at"), locale.toString(d.notBefore.toLocalTime(), QLocale::ShortFormat));
    addField(tr("Expires"), locale.toString(d.notAfter.toLocalTime(), QLocale::ShortFormat));
    addField(tr("Validity"), validityText(d.now, d.notBefore, d.notAfter));
    addField(tr("Algorithm"), d.algorithm);
    addField(tr("Key ID"), d.keyId);
    addField(tr("Token fingerprint"), d.record->serial);
    m_jose->setPlainText(tr("Header:") + QLatin1Char('\n') + d.headerJson + QLatin1Char('\n') +
                         tr("Claims:") + QLatin1Char('\n') + d.claimsJson);
}

void CredentialInspector::addField(const QString &label, const QString &value)
{
    m_fieldValues.append({label, value});
    // Zero-width spaces let long unbroken values (hex, IDs) wrap; copies keep the plain value.
    QString display = value;
    for (qsizetype i = 16; i < display.size(); i += 17) {
        if (!value.contains(QLatin1Char(' ')))
            display.insert(i, QChar(0x200B));
    }
    auto *text = new QLabel(display.isEmpty() ? tr("none") : display);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setToolTip(value);
    auto *name = new QLabel(label);
    name->setForegroundRole(QPalette::PlaceholderText);
    m_fields->addRow(name, text);
}

void CredentialInspector::addChainEntry(const QString &entry)
{
    m_chainEntries << entry;
    QStringList html;
    for (const QString &e : std::as_const(m_chainEntries))
        html << e.toHtmlEscaped();
    m_chain->setText(html.join(QStringLiteral("<br>")));
}

void CredentialInspector::clearDetails()
{
    m_fieldValues.clear();
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_chainEntries.clear();
    m_chain->clear();
}

void CredentialInspector::setVerdict(Verdict verdict, const QString &text)
{
    m_verdict = verdict;
    m_verdictLabel->setText(text);
    m_verdictLabel->setVisible(verdict != Verdict::None);
    switch (verdict) {
    case Verdict::Valid:
        NoticeStyle::apply(m_verdictLabel, NoticeStyle::Kind::Good);
        break;
    case Verdict::Invalid:
        NoticeStyle::apply(m_verdictLabel, NoticeStyle::Kind::Bad);
        break;
    case Verdict::Revoked:
        NoticeStyle::apply(m_verdictLabel, NoticeStyle::Kind::Caution);
        break;
    case Verdict::None:
        NoticeStyle::apply(m_verdictLabel, NoticeStyle::Kind::Neutral);
        break;
    }
}

} // namespace ta::views
