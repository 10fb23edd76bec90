// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/Workspace.h"

#include <QDialog>

#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace ta::views {

/// Asks for a workspace passphrase. In Open mode it opens the workspace itself and stays up,
/// saying why, until the passphrase is right or the user cancels; in Create mode it asks twice
/// (or for an explicit choice to store keys in clear) and creates the workspace.
class PassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Open, Create };

    PassphraseDialog(Mode mode, const QString &path, QWidget *parent = nullptr);
    ~PassphraseDialog() override;

    /// The workspace opened or created once the dialog was accepted.
    std::unique_ptr<core::Workspace> takeWorkspace();
    /// The message shown for the last refusal, empty when there was none.
    QString errorText() const;

    void accept() override;

private:
    void updateButtons();
    void showError(const QString &text);

    Mode m_mode;
    QString m_path;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QCheckBox *m_inClear = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::unique_ptr<core::Workspace> m_workspace;
};

} // namespace ta::views
