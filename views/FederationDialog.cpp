// SPDX-License-Identifier: Apache-2.0
#include "views/FederationDialog.h"

#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ta::views {

using core::BundleEndpointProfile;

namespace {

/// Bundles and CA files are small; anything larger is not one.
constexpr qint64 kMaxFileBytes = 1024 * 1024;

} // namespace

FederationDialog::FederationDialog(models::Document *document, const QString &localTrustDomain,
                                   QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Add Federation Relationship"));
    build(localTrustDomain);
    m_url->setText(QString());
    validate();
}

FederationDialog::FederationDialog(models::Document *document,
                                   const core::FederationRelationship &relationship,
                                   QWidget *parent)
    : QDialog(parent), m_document(document), m_editing(relationship)
{
    setWindowTitle(tr("Edit Federation Relationship"));
    build(relationship.localTrustDomain.name());
    m_local->setEnabled(false);
    m_peer->setText(relationship.peerTrustDomain.name());
    m_peer->setReadOnly(true);
    m_url->setText(relationship.bundleEndpointUrl.toString());
    m_profile->setCurrentIndex(m_profile->findData(int(relationship.profile)));
    if (relationship.profile == BundleEndpointProfile::HttpsSpiffe)
        m_endpointId->setText(relationship.endpointSpiffeId.toString());
    m_bootstrap->setPlainText(QString::fromUtf8(relationship.bootstrapBundle));
    m_pinnedCa->setPlainText(QString::fromUtf8(relationship.pinnedCaPem));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    profileChanged();
    validate();
}

void FederationDialog::build(const QString &localTrustDomain)
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_local = new QComboBox(this);
    m_local->setObjectName(QStringLiteral("localTrustDomain"));
    m_local->addItems(m_document->workspace().trustDomainNames());
    if (const int i = m_local->findText(localTrustDomain); i >= 0)
        m_local->setCurrentIndex(i);
    m_form->addRow(tr("&Trust domain:"), m_local);
    m_peer = new QLineEdit(this);
    m_peer->setObjectName(QStringLiteral("peer"));
    m_peer->setPlaceholderText(tr("partner.example"));
    m_form->addRow(tr("&Peer trust domain:"), m_peer);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("endpointUrl"));
    m_url->setPlaceholderText(tr("https://spire.partner.example:8443/"));
    m_form->addRow(tr("Bundle &endpoint URL:"), m_url);
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->addItem(tr("https_spiffe (endpoint authenticated by its SVID)"),
                       int(BundleEndpointProfile::HttpsSpiffe));
    m_profile->addItem(tr("https_web (endpoint authenticated by web PKI)"),
                       int(BundleEndpointProfile::HttpsWeb));
    m_form->addRow(tr("P&rofile:"), m_profile);
    m_endpointId = new QLineEdit(this);
    m_endpointId->setObjectName(QStringLiteral("endpointSpiffeId"));
    m_form->addRow(tr("Endpoint &SPIFFE ID:"), m_endpointId);

    auto textWithLoad = [this](QPlainTextEdit *&edit, const QString &name, const QString &title,
                               const QString &placeholder) {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        edit = new QPlainTextEdit(row);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 5);
        h->addWidget(edit, 1);
        auto *load = new QPushButton(tr("Load…"), row);
        load->setObjectName(name + QStringLiteral("Load"));
        QPlainTextEdit *target = edit;
        connect(load, &QPushButton::clicked, this,
                [this, target, title] { loadInto(target, title); });
        h->addWidget(load, 0, Qt::AlignTop);
        return row;
    };
    m_bootstrapRow = textWithLoad(
        m_bootstrap, QStringLiteral("bootstrapBundle"), tr("Load Bootstrap Bundle"),
        tr("The peer's SPIFFE bundle (JSON) or CA certificates (PEM), trusted for the first "
           "fetch; empty: the peer's own bundle when it is a trust domain of this workspace"));
    m_form->addRow(tr("&Bootstrap bundle:"), m_bootstrapRow);
    m_pinnedCaRow = textWithLoad(
        m_pinnedCa, QStringLiteral("pinnedCa"), tr("Load Pinned CA"),
        tr("CA certificates (PEM) the endpoint must chain to; empty: the system's web roots"));
    m_form->addRow(tr("Pinned &CA:"), m_pinnedCaRow);
    layout->addLayout(m_form);

    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    m_feedback->setWordWrap(true);
    layout->addWidget(m_feedback);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FederationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FederationDialog::reject);
    for (QLineEdit *edit : {m_peer, m_url, m_endpointId})
        connect(edit, &QLineEdit::textChanged, this, &FederationDialog::validate);
    for (QPlainTextEdit *edit : {m_bootstrap, m_pinnedCa})
        connect(edit, &QPlainTextEdit::textChanged, this, &FederationDialog::validate);
    connect(m_local, &QComboBox::currentIndexChanged, this, &FederationDialog::validate);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &FederationDialog::profileChanged);
    profileChanged();
    resize(640, sizeHint().height());
}

void FederationDialog::profileChanged()
{
    const bool spiffe = BundleEndpointProfile(m_profile->currentData().toInt()) ==
                        BundleEndpointProfile::HttpsSpiffe;
    m_form->setRowVisible(m_endpointId, spiffe);
    m_form->setRowVisible(m_bootstrapRow, spiffe);
    m_form->setRowVisible(m_pinnedCaRow, !spiffe);
    validate();
}

void FederationDialog::loadInto(QPlainTextEdit *target, const QString &title)
{
    // Opened window-modal, without a nested event loop.
    auto *dialog = new QFileDialog(this, title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters(
        {tr("Bundles and certificates (*.json *.pem *.crt)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this, target](const QString &path) {
        QFile file(path);
        if (file.size() > kMaxFileBytes) {
            m_feedback->setText(tr("%1 is larger than 1 MiB: not a bundle or a CA file.")
                                    .arg(QDir::toNativeSeparators(path)));
            return;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            m_feedback->setText(
                tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return;
        }
        target->setPlainText(QString::fromUtf8(file.readAll()));
    });
    dialog->open();
}

core::Result<core::FederationRelationship> FederationDialog::relationship() const
{
    core::FederationRelationship r;
    if (m_editing)
        r = *m_editing;
    auto local = core::TrustDomain::fromName(m_local->currentText());
    if (!local)
        return local.error();
    auto peer = core::TrustDomain::fromName(m_peer->text().trimmed());
    if (!peer)
        return peer.error();
    r.localTrustDomain = *local;
    r.peerTrustDomain = *peer;
    r.bundleEndpointUrl = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    r.profile = BundleEndpointProfile(m_profile->currentData().toInt());
    r.bootstrapBundle.clear();
    r.pinnedCaPem.clear();
    r.endpointSpiffeId = {};
    if (r.profile == BundleEndpointProfile::HttpsSpiffe) {
        const QString id = m_endpointId->text().trimmed();
        if (id.isEmpty()) {
            r.endpointSpiffeId = core::FederationRelationship::defaultEndpointSpiffeId(*peer);
        } else {
            auto parsed = core::SpiffeId::fromString(id);
            if (!parsed)
                return parsed.error();
            r.endpointSpiffeId = *parsed;
        }
        r.bootstrapBundle = m_bootstrap->toPlainText().trimmed().toUtf8();
    } else {
        r.pinnedCaPem = m_pinnedCa->toPlainText().trimmed().toUtf8();
    }
    if (auto v = r.validate(); !v)
        return v.error();
    return r;
}

void FederationDialog::validate()
{
    if (auto peer = core::TrustDomain::fromName(m_peer->text().trimmed()))
        m_endpointId->setPlaceholderText(
            core::FederationRelationship::defaultEndpointSpiffeId(*peer).toString());
    const auto r = relationship();
    m_feedback->setText(r ? QString() : ErrorMessages::text(r.error()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(bool(r));
}

void FederationDialog::accept()
{
    const auto r = relationship();
    if (!r) {
        m_feedback->setText(ErrorMessages::text(r.error()));
        return;
    }
    const auto stored = m_editing ? m_document->editFederation(*r) : m_document->addFederation(*r);
    if (!stored) {
        m_feedback->setText(ErrorMessages::text(stored.error()));
        return;
    }
    QDialog::accept();
}

} // namespace ta::views
