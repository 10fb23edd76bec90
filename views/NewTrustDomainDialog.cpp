// SPDX-License-Identifier: Apache-2.0
#include "views/NewTrustDomainDialog.h"

#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

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
    core::CaSettings settings;
    settings.keyType = core::KeyType(m_keyType->currentData().toInt());
    settings.intermediate = m_intermediate->isChecked();
    const QString name = m_name->text();
    if (auto r = m_document->createTrustDomain(name, settings); !r) {
        m_feedback->setText(ErrorMessages::text(r.error()));
        return;
    }
    m_created = name;
    QDialog::accept();
}

} // namespace ta::views
