// SPDX-License-Identifier: Apache-2.0
#include "views/ClearKeysBanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ta::views {

ClearKeysBanner::ClearKeysBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("clearKeysBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(
        QStringLiteral("#clearKeysBanner { background: #fff4ce; border: 1px solid #e0b000; }"
                       "#clearKeysBanner QLabel { color: #4d3800; }"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *text = new QLabel(tr("<b>Keys stored in clear.</b> The private keys of this workspace "
                               "are not encrypted: use it for demos and tests only."),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text, 1);
}

} // namespace ta::views
