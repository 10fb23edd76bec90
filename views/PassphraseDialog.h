// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QFuture>

#include <functional>
#include <optional>

#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace ta::views {

/// Asks for a workspace passphrase: once to open a protected workspace, twice (or for an explicit
/// choice to store keys in clear) to create one. The dialog does no store or crypto work: it
/// hands the passphrase to an attempt its caller gives (setAttempt), run off the GUI thread since
/// deriving the key with scrypt takes a noticeable moment, and stays up, saying why, until the
/// attempt succeeds or the user cancels.
class PassphraseDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Open, Create };

    /// Tries a passphrase (nullopt: keys in clear, Create mode only); returns the message to show
    /// when it is refused, empty when it was taken. Called on a worker thread.
    using Attempt = std::function<QString(const std::optional<QByteArray> &passphrase)>;

    PassphraseDialog(Mode mode, const QString &path, QWidget *parent = nullptr);
    ~PassphraseDialog() override;

    /// What accepting does; without one, accepting only closes the dialog.
    void setAttempt(Attempt attempt) { m_attempt = std::move(attempt); }
    /// The passphrase entered (nullopt: keys in clear), once accepted.
    std::optional<QByteArray> passphrase() const;
    /// Whether an attempt is running (the fields are disabled meanwhile).
    bool isBusy() const { return m_busy; }
    /// The message shown for the last refusal, empty when there was none.
    QString errorText() const;

    void accept() override;
    /// While an attempt runs, cancels it and closes once the worker has returned; the caller
    /// then discards what the attempt made.
    void reject() override;

protected:
    void keyPressEvent(QKeyEvent *event) override;

Q_SIGNALS:
    /// An attempt started on a worker (for the status bar's progress and Cancel).
    void workStarted(const QString &title, QFuture<void> future);

private:
    void updateButtons();
    void showError(const QString &text);
    void setBusy(bool busy);

    Mode m_mode;
    QString m_path;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_repeat = nullptr;
    QCheckBox *m_inClear = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_progress = nullptr;
    Attempt m_attempt;
    QFuture<QString> m_running;
    bool m_busy = false;
};

} // namespace ta::views
