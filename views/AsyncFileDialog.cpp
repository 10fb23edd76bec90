// SPDX-License-Identifier: Apache-2.0
#include "views/AsyncFileDialog.h"

#include <QFileDialog>

namespace ta::views {

QFileDialog *AsyncFileDialog::ask(QWidget *parent, Mode mode, const QString &title,
                                  const QString &filter,
                                  std::function<void(const QString &)> chosen,
                                  const QString &directory)
{
    auto *dialog = new QFileDialog(parent, title, directory, filter);
    dialog->setObjectName(QStringLiteral("asyncFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    switch (mode) {
    case Mode::Open:
        dialog->setFileMode(QFileDialog::ExistingFile);
        break;
    case Mode::Save:
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
        break;
    case Mode::Directory:
        dialog->setFileMode(QFileDialog::Directory);
        dialog->setOption(QFileDialog::ShowDirsOnly);
        break;
    }
    // The parent's context: a choice made after the parent went is dropped with it.
    QObject *context = parent ? static_cast<QObject *>(parent) : dialog;
    QObject::connect(dialog, &QFileDialog::fileSelected, context,
                     [chosen = std::move(chosen)](const QString &path) {
                         if (!path.isEmpty() && chosen)
                             chosen(path);
                     });
    dialog->open();
    return dialog;
}

} // namespace ta::views
