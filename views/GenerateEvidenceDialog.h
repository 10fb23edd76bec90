// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/lab/TopologyLab.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;
QT_END_NAMESPACE

namespace ta::views {

/// Generate Evidence: the timeline TopologyLab writes for the design, ending now: its length,
/// the round interval, the drift rate and seed, and the optional events (an image update, a
/// cluster key revoked).
class GenerateEvidenceDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GenerateEvidenceDialog(QWidget *parent = nullptr);

    /// The timeline the fields describe (start left invalid: span before now).
    core::LabTimeline timeline() const;

    QSpinBox *lengthHours() const { return m_hours; }
    QSpinBox *intervalMinutes() const { return m_interval; }

private:
    QSpinBox *m_hours;
    QSpinBox *m_interval;
    QDoubleSpinBox *m_drift;
    QSpinBox *m_seed;
    QCheckBox *m_imageUpdate;
    QCheckBox *m_keyRevoke;
};

} // namespace ta::views
