// SPDX-License-Identifier: Apache-2.0
#include "views/PassphraseDialog.h"
#include "views/NoticeStyle.h"

#include "views/ErrorMessages.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

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

std::unique_ptr<core::Workspace> PassphraseDialog::takeWorkspace()
{
    return std::move(m_workspace);
}

QString PassphraseDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PassphraseDialog::updateButtons()
{
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

void PassphraseDialog::accept()
{
    const QByteArray passphrase = m_passphrase->text().toUtf8();
    if (m_mode == Mode::Open) {
        auto ws = core::Workspace::open(m_path, passphrase);
        if (!ws) {
            showError(ErrorMessages::text(ws.error()));
            return;
        }
        m_workspace = std::move(*ws);
    } else {
        if (!m_inClear->isChecked() && m_passphrase->text() != m_repeat->text()) {
            showError(tr("The two passphrases differ."));
            return;
        }
        auto ws = core::Workspace::create(
            m_path, m_inClear->isChecked() ? std::nullopt : std::optional<QByteArray>(passphrase));
        if (!ws) {
            showError(ErrorMessages::text(ws.error()));
            return;
        }
        m_workspace = std::move(*ws);
    }
    QDialog::accept();
}

} // namespace ta::views
