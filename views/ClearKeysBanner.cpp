// SPDX-License-Identifier: Apache-2.0
#include "views/ClearKeysBanner.h"
#include "views/NoticeStyle.h"

#include <QHBoxLayout>
#include <QLabel>

namespace ta::views {

ClearKeysBanner::ClearKeysBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("clearKeysBanner"));
    setFrameShape(QFrame::StyledPanel);
    NoticeStyle::apply(this, NoticeStyle::Kind::Caution);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *text = new QLabel(tr("<b>Keys stored in clear.</b> The private keys of this workspace "
                               "are not encrypted: use it for demos and tests only."),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text, 1);
}

} // namespace ta::views
