// SPDX-License-Identifier: Apache-2.0
#include "views/CredentialInspector.h"
#include "core/spiffe/SpiffeErrors.h"
#include "views/NoticeStyle.h"

#include "core/crypto/Certificate.h"
#include "core/crypto/Jose.h"
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/X509SvidValidator.h"
#include "models/AuthoritySlotModel.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <openssl/x509v3.h>

namespace ta::views {
namespace {

QString prettyJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isNull() ? QString::fromUtf8(json) : QString::fromUtf8(doc.toJson());
}

} // namespace

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
    if (m_document && id != 0) {
        if (auto all = m_document->workspace().credentials()) {
            for (const core::CredentialRecord &c : *all) {
                if (c.id == id)
                    m_record = c;
            }
        }
    }
    refresh();
}

void CredentialInspector::showRecord(const core::CredentialRecord &record)
{
    m_record = record;
    m_stored = false;
    refresh();
}

void CredentialInspector::clear()
{
    m_record.reset();
    m_stored = false;
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
    if (m_stored && m_record && m_document) {
        // The record may have been revoked, restored or deleted since it was shown.
        const qint64 id = m_record->id;
        m_record.reset();
        if (auto all = m_document->workspace().credentials()) {
            for (const core::CredentialRecord &c : *all) {
                if (c.id == id)
                    m_record = c;
            }
        }
    }
    if (!m_record || !m_document) {
        m_title->setText(tr("No credential selected"));
        setVerdict(Verdict::None, QString());
        return;
    }
    m_title->setText(m_record->spiffeId);
    const auto bundle = m_document->workspace().bundle(m_record->trustDomain);
    if (m_record->kind == core::AuthorityKind::X509)
        showX509(*m_record, bundle);
    else
        showJwt(*m_record, bundle);
    if (m_record->status == core::CredentialRecord::Status::Revoked &&
        m_verdict == Verdict::Valid) {
        setVerdict(Verdict::Revoked,
                   tr("Revoked in this workspace. Its signature still verifies against the "
                      "bundle until it expires."));
    }
}

QString CredentialInspector::validityText(const QDateTime &notBefore,
                                          const QDateTime &notAfter) const
{
    const QDateTime now = m_document ? m_document->now() : QDateTime::currentDateTimeUtc();
    if (now < notBefore)
        return tr("not valid yet");
    if (now >= notAfter)
        return tr("expired %1 min ago").arg(QLocale().toString(notAfter.secsTo(now) / 60));
    return tr("%1 min left").arg(QLocale().toString((now.secsTo(notAfter) + 59) / 60));
}

void CredentialInspector::showX509(const core::CredentialRecord &record,
                                   const core::Result<core::TrustBundle> &bundle)
{
    m_details->setCurrentIndex(0);
    const QLocale locale;
    addField(tr("Type"), tr("X509-SVID"));
    addField(tr("Trust domain"), record.trustDomain);
    auto chain = core::Certificate::listFromPem(record.material);
    if (!chain) {
        setVerdict(Verdict::Invalid, tr("Invalid: %1").arg(ErrorMessages::text(chain.error())));
        return;
    }
    const core::Certificate &leaf = chain->first();
    addField(tr("SPIFFE ID"), leaf.uriSans().join(QLatin1Char('\n')));
    addField(tr("Subject"), leaf.subjectText());
    addField(tr("Issuer"), leaf.issuerText());
    addField(tr("Serial"), leaf.serialHex());
    addField(tr("Valid from"),
             locale.toString(leaf.notBefore().toLocalTime(), QLocale::ShortFormat));
    addField(tr("Valid until"),
             locale.toString(leaf.notAfter().toLocalTime(), QLocale::ShortFormat));
    addField(tr("Validity"), validityText(leaf.notBefore(), leaf.notAfter()));
    const core::Key key = leaf.publicKey();
    addField(tr("Public key"), key.isEc()    ? tr("EC, %1 bits").arg(key.bits())
                               : key.isRsa() ? tr("RSA, %1 bits").arg(key.bits())
                                             : tr("other"));
    addField(tr("Signature algorithm"), leaf.signatureAlgorithm());

    QStringList usage;
    const uint32_t ku = leaf.keyUsage();
    if (ku & KU_DIGITAL_SIGNATURE)
        usage << tr("Digital signature");
    if (ku & KU_KEY_ENCIPHERMENT)
        usage << tr("Key encipherment");
    if (ku & KU_KEY_AGREEMENT)
        usage << tr("Key agreement");
    if (ku & KU_KEY_CERT_SIGN)
        usage << tr("Certificate signing");
    if (ku & KU_CRL_SIGN)
        usage << tr("CRL signing");
    addField(tr("Key usage"), usage.isEmpty() ? tr("none") : usage.join(QStringLiteral(", ")));
    QStringList eku;
    const uint32_t xku = leaf.extendedKeyUsage();
    if (xku == UINT32_MAX) {
        eku << tr("not restricted");
    } else {
        if (xku & XKU_SSL_SERVER)
            eku << tr("TLS server authentication");
        if (xku & XKU_SSL_CLIENT)
            eku << tr("TLS client authentication");
    }
    addField(tr("Extended key usage"), eku.isEmpty() ? tr("none") : eku.join(QStringLiteral(", ")));
    addField(tr("DNS names"),
             leaf.dnsSans().isEmpty() ? tr("none") : leaf.dnsSans().join(QStringLiteral(", ")));
    addField(tr("CA certificate"), leaf.isCa() ? tr("yes") : tr("no"));
    addField(tr("SHA-256 fingerprint"), QString::fromLatin1(leaf.fingerprint()));
    addField(tr("Authority ID"), record.authorityId);

    for (int i = 0; i < chain->size(); ++i) {
        const core::Certificate &c = chain->at(i);
        addChainEntry(tr("%1. %2 (issued by %3)")
                          .arg(i + 1)
                          .arg(c.subjectText().isEmpty() ? c.uriSans().join(QLatin1Char(' '))
                                                         : c.subjectText(),
                               c.issuerText()));
    }
    if (!bundle) {
        setVerdict(Verdict::Invalid, tr("Invalid: %1").arg(ErrorMessages::text(bundle.error())));
        return;
    }
    const QDateTime now = m_document->now();
    auto verification = core::X509SvidValidator::validate(*chain, bundle->trustDomain(),
                                                          bundle->x509Authorities(), now);
    if (!verification) {
        setVerdict(Verdict::Invalid,
                   tr("Invalid: %1").arg(ErrorMessages::text(verification.error())));
        return;
    }
    for (qsizetype i = chain->size(); i < verification->path.size(); ++i) {
        const core::Certificate &c = verification->path.at(i);
        addChainEntry(tr("%1. %2 (trust anchor from the bundle)").arg(i + 1).arg(c.subjectText()));
    }
    setVerdict(Verdict::Valid, tr("Valid: chains to the bundle of %1 (sequence %2) at %3.")
                                   .arg(bundle->trustDomain().name())
                                   .arg(bundle->sequence())
                                   .arg(locale.toString(now.toLocalTime(), QLocale::ShortFormat)));
}

void CredentialInspector::showJwt(const core::CredentialRecord &record,
                                  const core::Result<core::TrustBundle> &bundle)
{
    m_details->setCurrentIndex(1);
    const QLocale locale;
    addField(tr("Type"), tr("JWT-SVID"));
    addField(tr("Trust domain"), record.trustDomain);
    auto parts = core::Jose::splitCompact(record.material);
    if (!parts) {
        setVerdict(Verdict::Invalid,
                   tr("Invalid: %1")
                       .arg(ErrorMessages::text(core::makeError(core::ec::JwtsvidMalformed))));
        return;
    }
    const QJsonObject header = QJsonDocument::fromJson(parts->header).object();
    const QJsonObject claims = QJsonDocument::fromJson(parts->payload).object();
    addField(tr("SPIFFE ID"), claims.value(QStringLiteral("sub")).toString());
    QStringList audience;
    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    if (aud.isArray()) {
        for (const QJsonValue &v : aud.toArray())
            audience << v.toString();
    } else {
        audience << aud.toString();
    }
    addField(tr("Audience"), audience.join(QStringLiteral(", ")));
    const QDateTime iat = QDateTime::fromSecsSinceEpoch(
        qint64(claims.value(QStringLiteral("iat")).toDouble()), Qt::UTC);
    const QDateTime exp = QDateTime::fromSecsSinceEpoch(
        qint64(claims.value(QStringLiteral("exp")).toDouble()), Qt::UTC);
    addField(tr("Issued at"), locale.toString(iat.toLocalTime(), QLocale::ShortFormat));
    addField(tr("Expires"), locale.toString(exp.toLocalTime(), QLocale::ShortFormat));
    addField(tr("Validity"), validityText(iat, exp));
    addField(tr("Algorithm"), header.value(QStringLiteral("alg")).toString());
    addField(tr("Key ID"), header.value(QStringLiteral("kid")).toString());
    addField(tr("Token fingerprint"), record.serial);
    m_jose->setPlainText(tr("Header:") + QLatin1Char('\n') + prettyJson(parts->header) +
                         QLatin1Char('\n') + tr("Claims:") + QLatin1Char('\n') +
                         prettyJson(parts->payload));
    if (!bundle) {
        setVerdict(Verdict::Invalid, tr("Invalid: %1").arg(ErrorMessages::text(bundle.error())));
        return;
    }
    const QDateTime now = m_document->now();
    auto svid = core::JwtSvid::validate(record.material, *bundle,
                                        audience.isEmpty() ? QString() : audience.first(), now);
    if (!svid) {
        setVerdict(Verdict::Invalid, tr("Invalid: %1").arg(ErrorMessages::text(svid.error())));
        return;
    }
    setVerdict(Verdict::Valid,
               tr("Valid: signed by key %1 of the bundle of %2 (sequence %3) at %4.")
                   .arg(svid->keyId(), bundle->trustDomain().name())
                   .arg(bundle->sequence())
                   .arg(locale.toString(now.toLocalTime(), QLocale::ShortFormat)));
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
