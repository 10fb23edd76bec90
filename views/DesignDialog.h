// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace ta::models {
class DesignModel;
}

namespace ta::views {

/// The small dialog behind each design addition on the canvas (palette, context menu, Design
/// menu): a trust domain, a platform, a node on a platform, a workload on a node with its
/// selectors, or a federation relationship. Its fields are checked as one types (SPIFFE names,
/// SPIRE selectors in type:key:value form) and OK stays disabled until they pass; OK makes the
/// edit through the model (one undo step) and the dialog stays open with the reason when the
/// model refuses it.
class DesignDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { TrustDomain, Platform, Node, Workload, Federation };

    /// @p preset preselects the element the addition hangs off: the trust domain of a platform
    /// or of a federation ("from"), the platform of a node, the node of a workload.
    DesignDialog(Kind kind, models::DesignModel *model, const QString &preset = {},
                 QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    /// The reason OK is disabled or the model refused the edit (empty when none).
    QString feedback() const;

public Q_SLOTS:
    void accept() override;

private:
    void validate();
    /// The edit the fields describe; an error message when they do not make one.
    QString check() const;

    Kind m_kind;
    QPointer<models::DesignModel> m_model;
    QLineEdit *m_name = nullptr;
    QComboBox *m_platformKind = nullptr;
    QComboBox *m_parent = nullptr;
    QComboBox *m_peer = nullptr;
    QCheckBox *m_bothWays = nullptr;
    QPlainTextEdit *m_selectors = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ta::views
