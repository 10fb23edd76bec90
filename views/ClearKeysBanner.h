// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFrame>

namespace ta::views {

/// A strip above the workspace saying that its private keys are stored unencrypted.
class ClearKeysBanner : public QFrame
{
    Q_OBJECT

public:
    explicit ClearKeysBanner(QWidget *parent = nullptr);
};

} // namespace ta::views
