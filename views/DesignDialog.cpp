// SPDX-License-Identifier: Apache-2.0
#include "views/DesignDialog.h"

#include "core/spiffe/TrustDomain.h"
#include "models/DesignModel.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ta::views {
namespace {

using PKind = models::DesignModel::PlatformKind;

} // namespace

DesignDialog::DesignDialog(Kind kind, models::DesignModel *model, const QString &preset,
                           QWidget *parent)
    : QDialog(parent), m_kind(kind), m_model(model)
{
    const core::LabTopology &design = model->design();
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto addCombo = [&](const QString &objectName, const QString &label) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(objectName);
        form->addRow(label, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &DesignDialog::validate);
        return combo;
    };
    auto addName = [&](const QString &placeholder) {
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("name"));
        m_name->setPlaceholderText(placeholder);
        form->addRow(tr("&Name:"), m_name);
        connect(m_name, &QLineEdit::textChanged, this, &DesignDialog::validate);
    };
    switch (kind) {
    case Kind::TrustDomain:
        setWindowTitle(tr("Add Trust Domain to the Design"));
        addName(tr("example.org"));
        break;
    case Kind::Platform: {
        setWindowTitle(tr("Add Platform"));
        m_platformKind = addCombo(QStringLiteral("platformKind"), tr("&Kind:"));
        m_platformKind->addItem(tr("Kubernetes cluster (k8s_psat)"), int(PKind::Kubernetes));
        m_platformKind->addItem(tr("AWS account (aws_iid)"), int(PKind::Aws));
        m_platformKind->addItem(tr("Google Cloud project (gcp_iit)"), int(PKind::Gcp));
        m_platformKind->addItem(tr("TPM host group (tpm)"), int(PKind::Tpm));
        addName(tr("cluster name, account ID or project ID"));
        m_parent = addCombo(QStringLiteral("trustDomain"), tr("&Trust domain:"));
        const QString fixed = model->platformTrustDomain();
        if (!fixed.isEmpty()) {
            // Every platform of a design is in its agent trust domain.
            m_parent->addItem(fixed);
            m_parent->setEnabled(false);
        } else {
            m_parent->addItems(model->trustDomainChoices());
            m_parent->setCurrentText(preset);
        }
        connect(m_platformKind, &QComboBox::currentIndexChanged, this, [this] {
            const bool tpm = PKind(m_platformKind->currentData().toInt()) == PKind::Tpm;
            m_name->setEnabled(!tpm);
            if (tpm)
                m_name->clear();
        });
        break;
    }
    case Kind::Node:
        setWindowTitle(tr("Add Node"));
        addName(tr("node name"));
        m_parent = addCombo(QStringLiteral("platform"), tr("&Platform:"));
        m_parent->addItems(design.platforms);
        m_parent->setCurrentText(preset);
        break;
    case Kind::Workload: {
        setWindowTitle(tr("Add Workload"));
        addName(tr("workload name"));
        m_parent = addCombo(QStringLiteral("node"), tr("&Node:"));
        for (const core::LabTopology::Node &n : design.nodes)
            m_parent->addItem(n.subject);
        m_parent->setCurrentText(preset);
        m_selectors = new QPlainTextEdit(this);
        m_selectors->setObjectName(QStringLiteral("selectors"));
        m_selectors->setTabChangesFocus(true);
        m_selectors->setPlaceholderText(
            tr("One selector a line, as SPIRE writes them:\nk8s:ns:payments\nk8s:sa:api\n"
               "k8s:container-image:registry.example/pay/api\nunix:uid:1001"));
        form->addRow(tr("&Selectors:"), m_selectors);
        connect(m_selectors, &QPlainTextEdit::textChanged, this, &DesignDialog::validate);
        break;
    }
    case Kind::Federation:
        setWindowTitle(tr("Federate Trust Domains"));
        m_parent = addCombo(QStringLiteral("from"), tr("&Trust domain:"));
        m_parent->addItems(model->trustDomainChoices());
        m_parent->setCurrentText(preset);
        m_peer = addCombo(QStringLiteral("peer"), tr("&Federates with:"));
        m_peer->addItems(model->trustDomainChoices());
        if (m_peer->currentText() == m_parent->currentText() && m_peer->count() > 1)
            m_peer->setCurrentIndex(m_parent->currentIndex() == 0 ? 1 : 0);
        m_bothWays = new QCheckBox(tr("&Both ways (each holds the other's bundle)"), this);
        m_bothWays->setObjectName(QStringLiteral("bothWays"));
        form->addRow(m_bothWays);
        break;
    }
    layout->addLayout(form);
    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    m_feedback->setWordWrap(true);
    layout->addWidget(m_feedback);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DesignDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DesignDialog::reject);
    validate();
}

QString DesignDialog::feedback() const
{
    return m_feedback->text();
}

QString DesignDialog::check() const
{
    if (!m_model)
        return tr("The workspace was closed.");
    switch (m_kind) {
    case Kind::TrustDomain:
        if (auto ok = core::TrustDomain::validateName(m_name->text()); !ok)
            return ErrorMessages::text(ok.error());
        return {};
    case Kind::Platform: {
        if (m_parent->currentText().isEmpty())
            return tr("Add a trust domain first.");
        auto key = models::DesignModel::platformKey(
            models::DesignModel::PlatformKind(m_platformKind->currentData().toInt()),
            m_name->text());
        return key ? QString() : key.error().detail;
    }
    case Kind::Node:
        if (m_parent->currentText().isEmpty())
            return tr("Add a platform first.");
        if (auto ok = models::DesignModel::checkSubjectName(m_name->text()); !ok)
            return ok.error().detail;
        return {};
    case Kind::Workload: {
        if (m_parent->currentText().isEmpty())
            return tr("Add a node first.");
        if (auto ok = models::DesignModel::checkSubjectName(m_name->text()); !ok)
            return ok.error().detail;
        const QString node = m_parent->currentText();
        bool kubernetes = false;
        for (const core::LabTopology::Node &n : m_model->design().nodes) {
            if (n.subject == node)
                kubernetes = n.platform.startsWith(QLatin1String("k8s:"));
        }
        auto w = models::DesignModel::workloadFromSelectors(
            QStringLiteral("workload/") + m_name->text(), node, kubernetes,
            m_selectors->toPlainText().split(QLatin1Char('\n')));
        return w ? QString() : w.error().detail;
    }
    case Kind::Federation:
        if (m_parent->currentText().isEmpty() || m_peer->currentText().isEmpty())
            return tr("Federation needs two trust domains.");
        if (m_parent->currentText() == m_peer->currentText())
            return tr("Choose another trust domain to federate with.");
        return {};
    }
    return {};
}

void DesignDialog::validate()
{
    if (!m_feedback || !m_buttons)
        return; // still being built
    const QString problem = check();
    // An empty name is not worth a complaint yet: OK is disabled, that says enough.
    const bool blank = m_name && m_name->isEnabled() && m_name->text().isEmpty();
    m_feedback->setText(blank ? QString() : problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void DesignDialog::accept()
{
    if (!m_model || !check().isEmpty())
        return;
    core::Result<void> r;
    const QString parent = m_parent ? m_parent->currentText() : QString();
    switch (m_kind) {
    case Kind::TrustDomain:
        r = m_model->addTrustDomain(m_name->text());
        break;
    case Kind::Platform:
        r = m_model->addPlatform(
            *models::DesignModel::platformKey(
                models::DesignModel::PlatformKind(m_platformKind->currentData().toInt()),
                m_name->text()),
            parent);
        break;
    case Kind::Node:
        r = m_model->addNode(m_name->text(), parent);
        break;
    case Kind::Workload:
        r = m_model->addWorkload(m_name->text(), parent,
                                 m_selectors->toPlainText().split(QLatin1Char('\n')));
        break;
    case Kind::Federation:
        r = m_model->federate(parent, m_peer->currentText(), m_bothWays->isChecked());
        break;
    }
    if (!r) {
        m_feedback->setText(r.error().detail.isEmpty() ? ErrorMessages::text(r.error())
                                                       : r.error().detail);
        return;
    }
    QDialog::accept();
}

} // namespace ta::views
