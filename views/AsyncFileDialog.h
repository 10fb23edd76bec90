// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

QT_BEGIN_NAMESPACE
class QFileDialog;
class QWidget;
QT_END_NAMESPACE

namespace ta::views {

/// File dialogs without a nested event loop: the dialog opens window-modal with
/// QFileDialog::open() and calls back with the path chosen; a cancel calls nothing. The dialog
/// deletes itself when closed, and with its parent.
class AsyncFileDialog
{
public:
    enum class Mode { Open, Save, Directory };

    /// Opens a dialog over @p parent and returns it (tests answer it with fileSelected()).
    static QFileDialog *ask(QWidget *parent, Mode mode, const QString &title, const QString &filter,
                            std::function<void(const QString &)> chosen,
                            const QString &directory = {});
};

} // namespace ta::views
