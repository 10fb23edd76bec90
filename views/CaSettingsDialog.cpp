// SPDX-License-Identifier: Apache-2.0
#include "views/CaSettingsDialog.h"

#include "models/Document.h"
#include "views/ErrorMessages.h"
#include "views/NoticeStyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace ta::views {

CaSettingsDialog::CaSettingsDialog(models::Document *document, const QString &trustDomain,
                                   QWidget *parent)
    : QDialog(parent), m_document(document), m_trustDomain(trustDomain)
{
    setWindowTitle(tr("CA Settings of %1").arg(trustDomain));
    auto info = document->workspace().trustDomainInfo(trustDomain);
    if (info) {
        m_settings = info->settings;
        m_refreshHint = info->refreshHint;
    }
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    auto *fixed = new QLabel(tr("%1 keys, %2 (fixed since the trust domain was made)")
                                 .arg(core::keyTypeName(m_settings.keyType),
                                      m_settings.intermediate ? tr("intermediates under one root")
                                                              : tr("self-signed authorities")),
                             this);
    fixed->setObjectName(QStringLiteral("fixedSettings"));
    m_form->addRow(tr("Authorities:"), fixed);
    m_x509 =
        addDuration(QStringLiteral("x509SvidTtl"), tr("&X509-SVID TTL:"), m_settings.x509SvidTtl);
    m_jwt = addDuration(QStringLiteral("jwtSvidTtl"), tr("&JWT-SVID TTL:"), m_settings.jwtSvidTtl);
    m_ca = addDuration(QStringLiteral("caTtl"), tr("&Authority lifetime:"), m_settings.caTtl);
    m_ca->setToolTip(tr("For authorities prepared from now on; those in the bundle keep theirs"));
    m_hint = addDuration(QStringLiteral("refreshHint"), tr("Bundle &refresh hint:"), m_refreshHint);
    m_hintWarning = new QLabel(tr("Changing the refresh hint publishes a new bundle (its "
                                  "sequence goes up): it cannot be undone."),
                               this);
    m_hintWarning->setWordWrap(true);
    m_hintWarning->setObjectName(QStringLiteral("hintWarning"));
    NoticeStyle::apply(m_hintWarning, NoticeStyle::Kind::Caution);
    m_hintWarning->setMargin(4);
    layout->addWidget(m_hintWarning);
    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    m_feedback->setWordWrap(true);
    layout->addWidget(m_feedback);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CaSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CaSettingsDialog::reject);
    if (!info)
        m_feedback->setText(ErrorMessages::text(info.error()));
    validate();
}

QString CaSettingsDialog::durationText(qint64 seconds)
{
    const qint64 d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60,
                 s = seconds % 60;
    QStringList parts;
    if (d)
        parts << tr("%1 d").arg(d);
    if (h)
        parts << tr("%1 h").arg(h);
    if (m)
        parts << tr("%1 min").arg(m);
    if (s || parts.isEmpty())
        parts << tr("%1 s").arg(s);
    return parts.join(QLatin1Char(' '));
}

QSpinBox *CaSettingsDialog::addDuration(const QString &name, const QString &label, qint64 value)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *spin = new QSpinBox(row);
    spin->setObjectName(name);
    spin->setRange(0, std::numeric_limits<int>::max());
    spin->setSuffix(tr(" s"));
    spin->setValue(int(std::min<qint64>(value, std::numeric_limits<int>::max())));
    spin->setAccelerated(true);
    h->addWidget(spin);
    auto *human = new QLabel(durationText(value), row);
    human->setObjectName(name + QStringLiteral("Text"));
    h->addWidget(human, 1);
    connect(spin, &QSpinBox::valueChanged, this, [this, human](int v) {
        human->setText(durationText(v));
        validate();
    });
    m_form->addRow(label, row);
    return spin;
}

void CaSettingsDialog::validate()
{
    if (!m_x509 || !m_jwt || !m_ca || !m_hint)
        return;
    const bool hintChanged = m_hint->value() != m_refreshHint;
    m_hintWarning->setVisible(hintChanged);
    QString problem;
    if (m_x509->value() < 1 || m_jwt->value() < 1 || m_ca->value() < 1 || m_hint->value() < 1)
        problem = tr("Every lifetime must be at least a second.");
    else if (m_x509->value() > m_ca->value() || m_jwt->value() > m_ca->value())
        problem = tr("An SVID cannot outlive the authority that signs it.");
    m_feedback->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void CaSettingsDialog::accept()
{
    // The hint first: it clears the undo history, and the lifetimes' step then stays in it.
    if (m_hint->value() != m_refreshHint) {
        if (auto r = m_document->setRefreshHint(m_trustDomain, m_hint->value()); !r) {
            m_feedback->setText(ErrorMessages::text(r.error()));
            return;
        }
        m_refreshHint = m_hint->value();
    }
    core::CaSettings settings = m_settings;
    settings.x509SvidTtl = m_x509->value();
    settings.jwtSvidTtl = m_jwt->value();
    settings.caTtl = m_ca->value();
    if (auto r = m_document->setCaLifetimes(m_trustDomain, settings); !r) {
        m_feedback->setText(ErrorMessages::text(r.error()));
        return;
    }
    QDialog::accept();
}

} // namespace ta::views
