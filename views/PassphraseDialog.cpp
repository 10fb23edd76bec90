// SPDX-License-Identifier: Apache-2.0
#include "views/PassphraseDialog.h"
#include "views/NoticeStyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::views {

PassphraseDialog::PassphraseDialog(Mode mode, const QString &path, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_path(path)
{
    setWindowTitle(mode == Mode::Open ? tr("Open Protected Workspace") : tr("New Workspace"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(mode == Mode::Open
                                 ? tr("The keys in <b>%1</b> are encrypted. Enter the workspace "
                                      "passphrase to open it.")
                                       .arg(QFileInfo(path).fileName().toHtmlEscaped())
                                 : tr("Choose a passphrase to encrypt the private keys of "
                                      "<b>%1</b>.")
                                       .arg(QFileInfo(path).fileName().toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    form->addRow(tr("&Passphrase:"), m_passphrase);
    if (mode == Mode::Create) {
        m_repeat = new QLineEdit(this);
        m_repeat->setEchoMode(QLineEdit::Password);
        m_repeat->setObjectName(QStringLiteral("repeat"));
        form->addRow(tr("&Repeat:"), m_repeat);
        m_inClear = new QCheckBox(tr("Store keys in &clear (for demos and throwaway tests)"), this);
        m_inClear->setObjectName(QStringLiteral("inClear"));
        form->addRow(m_inClear);
    }
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    {
        QPalette p = m_error->palette();
        p.setColor(QPalette::WindowText, NoticeStyle::text(p, NoticeStyle::Kind::Bad));
        m_error->setPalette(p);
    }
    m_error->hide();
    layout->addWidget(m_error);
    m_progress =
        new QLabel(mode == Mode::Open ? tr("Unlocking the keys…") : tr("Sealing the keys…"), this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->hide();
    layout->addWidget(m_progress);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PassphraseDialog::reject);
    connect(m_passphrase, &QLineEdit::textChanged, this, &PassphraseDialog::updateButtons);
    if (m_repeat) {
        connect(m_repeat, &QLineEdit::textChanged, this, &PassphraseDialog::updateButtons);
        connect(m_inClear, &QCheckBox::toggled, this, [this](bool inClear) {
            m_passphrase->setEnabled(!inClear);
            m_repeat->setEnabled(!inClear);
            updateButtons();
        });
    }
    updateButtons();
}

PassphraseDialog::~PassphraseDialog() = default;

std::optional<QByteArray> PassphraseDialog::passphrase() const
{
    if (m_inClear && m_inClear->isChecked())
        return std::nullopt;
    return m_passphrase->text().toUtf8();
}

QString PassphraseDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PassphraseDialog::updateButtons()
{
    if (m_busy) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return;
    }
    bool ok = !m_passphrase->text().isEmpty();
    if (m_mode == Mode::Create)
        ok = m_inClear->isChecked() || (ok && m_passphrase->text() == m_repeat->text());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void PassphraseDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    m_passphrase->selectAll();
    m_passphrase->setFocus();
}

void PassphraseDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_passphrase->setEnabled(!busy && !(m_inClear && m_inClear->isChecked()));
    if (m_repeat) {
        m_repeat->setEnabled(!busy && !m_inClear->isChecked());
        m_inClear->setEnabled(!busy);
    }
    m_progress->setVisible(busy);
    updateButtons();
}

void PassphraseDialog::accept()
{
    if (m_busy)
        return;
    if (m_mode == Mode::Create && !m_inClear->isChecked() &&
        m_passphrase->text() != m_repeat->text()) {
        showError(tr("The two passphrases differ."));
        return;
    }
    if (!m_attempt) {
        QDialog::accept();
        return;
    }
    m_error->hide();
    setBusy(true);
    // The key derivation runs on a worker; the window keeps drawing meanwhile.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const bool cancelled = watcher->isCanceled();
        const QString refusal = cancelled ? QString() : watcher->result();
        watcher->deleteLater();
        m_running = {};
        setBusy(false);
        if (cancelled) {
            QDialog::reject();
            return;
        }
        if (!refusal.isEmpty()) {
            showError(refusal);
            return;
        }
        QDialog::accept();
    });
    m_running = QtConcurrent::run(m_attempt, passphrase());
    watcher->setFuture(m_running);
    const QString name = QFileInfo(m_path).fileName();
    Q_EMIT workStarted(m_mode == Mode::Open ? tr("Unlocking %1").arg(name)
                                            : tr("Creating %1").arg(name),
                       QFuture<void>(m_running));
}

void PassphraseDialog::keyPressEvent(QKeyEvent *event)
{
    // While an attempt runs, Enter must not reach the Cancel button (the default once OK is
    // disabled) and cancel it; Esc still does.
    if (m_busy && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void PassphraseDialog::reject()
{
    if (!m_busy) {
        QDialog::reject();
        return;
    }
    // The key derivation cannot stop midway; the dialog closes when it returns.
    m_running.cancel();
}

} // namespace ta::views
