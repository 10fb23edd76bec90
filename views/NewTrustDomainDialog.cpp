// SPDX-License-Identifier: Apache-2.0
#include "views/NewTrustDomainDialog.h"

#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::views {

NewTrustDomainDialog::NewTrustDomainDialog(models::Document *document, QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("New Trust Domain"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("example.org"));
    form->addRow(tr("&Name:"), m_name);
    m_keyType = new QComboBox(this);
    m_keyType->setObjectName(QStringLiteral("keyType"));
    m_keyType->addItem(tr("EC P-256"), int(core::KeyType::EcP256));
    m_keyType->addItem(tr("EC P-384"), int(core::KeyType::EcP384));
    m_keyType->addItem(tr("RSA 2048"), int(core::KeyType::Rsa2048));
    m_keyType->addItem(tr("RSA 4096"), int(core::KeyType::Rsa4096));
    form->addRow(tr("&Key type:"), m_keyType);
    m_intermediate = new QCheckBox(tr("Sign with &intermediates under one long-lived root"), this);
    form->addRow(m_intermediate);
    layout->addLayout(form);
    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    m_feedback->setWordWrap(true);
    layout->addWidget(m_feedback);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewTrustDomainDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewTrustDomainDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewTrustDomainDialog::validate);
    validate();
}

void NewTrustDomainDialog::validate()
{
    const auto check = core::TrustDomain::validateName(m_name->text());
    m_feedback->setText(check ? QString() : ErrorMessages::text(check.error()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(bool(check));
}

void NewTrustDomainDialog::accept()
{
    if (m_busy)
        return;
    m_settings = core::CaSettings();
    m_settings.keyType = core::KeyType(m_keyType->currentData().toInt());
    m_settings.intermediate = m_intermediate->isChecked();
    auto td = core::TrustDomain::fromName(m_name->text());
    if (!td) {
        m_feedback->setText(ErrorMessages::text(td.error()));
        return;
    }
    m_feedback->setText(tr("Generating keys…"));
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_keyType),
                       static_cast<QWidget *>(m_intermediate),
                       static_cast<QWidget *>(m_buttons->button(QDialogButtonBox::Ok))})
        w->setEnabled(false);
    auto *watcher = new QFutureWatcher<core::Result<core::CertificateAuthority>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        generated();
    });
    m_running = QtConcurrent::run([td = *td, settings = m_settings, now = m_document->now()](
                                      QPromise<core::Result<core::CertificateAuthority>> &promise) {
        auto ca = core::CertificateAuthority::create(td, settings, now);
        if (!promise.isCanceled())
            promise.addResult(std::move(ca));
    });
    watcher->setFuture(m_running);
    m_busy = true;
    Q_EMIT workStarted(tr("Generating keys for %1").arg(td->name()), QFuture<void>(m_running));
}

void NewTrustDomainDialog::generated()
{
    const QFuture<core::Result<core::CertificateAuthority>> done = m_running;
    m_running = {};
    m_busy = false;
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_keyType),
                       static_cast<QWidget *>(m_intermediate)})
        w->setEnabled(true);
    validate();
    if (done.isCanceled() || done.resultCount() == 0) {
        // Cancelled: the keys are dropped unseen, the workspace untouched.
        QDialog::reject();
        return;
    }
    const core::Result<core::CertificateAuthority> ca = done.result();
    if (!ca) {
        m_feedback->setText(ErrorMessages::text(ca.error()));
        return;
    }
    // The store and the undo command on the GUI thread, as for every other edit.
    if (auto r = m_document->addTrustDomain(*ca, m_settings); !r) {
        m_feedback->setText(ErrorMessages::text(r.error()));
        return;
    }
    m_created = ca->trustDomain().name();
    QDialog::accept();
}

void NewTrustDomainDialog::reject()
{
    if (m_busy) {
        // Key generation cannot stop midway; the dialog closes when it returns.
        m_running.cancel();
        return;
    }
    QDialog::reject();
}

} // namespace ta::views
