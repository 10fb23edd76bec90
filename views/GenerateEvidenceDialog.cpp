// SPDX-License-Identifier: Apache-2.0
#include "views/GenerateEvidenceDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace ta::views {

GenerateEvidenceDialog::GenerateEvidenceDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Generate Evidence"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Writes trust anchors and a timeline of evidence for the design, "
                                "ending now: every node attests through its platform's attestor "
                                "and every workload through its node's agent."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_hours = new QSpinBox(this);
    m_hours->setObjectName(QStringLiteral("lengthHours"));
    // The design's authorities date from a month back: the timeline stays within them.
    m_hours->setRange(1, 30 * 24);
    m_hours->setValue(7 * 24);
    m_hours->setSuffix(tr(" h"));
    form->addRow(tr("Timeline &length:"), m_hours);
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(QStringLiteral("intervalMinutes"));
    m_interval->setRange(1, 24 * 60);
    m_interval->setValue(30);
    m_interval->setSuffix(tr(" min"));
    form->addRow(tr("Round &interval:"), m_interval);
    m_drift = new QDoubleSpinBox(this);
    m_drift->setObjectName(QStringLiteral("driftRate"));
    m_drift->setRange(0, 100);
    m_drift->setDecimals(1);
    m_drift->setSuffix(tr(" %"));
    form->addRow(tr("&Drift rate:"), m_drift);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(1, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    form->addRow(tr("&Seed:"), m_seed);
    m_imageUpdate = new QCheckBox(tr("An image &update half-way"), this);
    m_imageUpdate->setObjectName(QStringLiteral("imageUpdate"));
    form->addRow(m_imageUpdate);
    m_keyRevoke = new QCheckBox(tr("The first cluster's &key revoked at 60 %"), this);
    m_keyRevoke->setObjectName(QStringLiteral("keyRevoke"));
    form->addRow(m_keyRevoke);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Generate"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

core::LabTimeline GenerateEvidenceDialog::timeline() const
{
    core::LabTimeline t;
    t.span = qint64(m_hours->value()) * 3600;
    t.interval = qint64(m_interval->value()) * 60;
    t.driftRate = m_drift->value() / 100.0;
    t.seed = quint64(m_seed->value());
    if (m_imageUpdate->isChecked())
        t.imageUpdateAt = 0.5;
    if (m_keyRevoke->isChecked())
        t.keyRevokeAt = 0.6;
    return t;
}

} // namespace ta::views
