// SPDX-License-Identifier: Apache-2.0
#include "views/VerdictDelegate.h"

#include "views/NoticeStyle.h"

#include <QApplication>
#include <QStyle>

namespace ta::views {
namespace {

NoticeStyle::Kind kindOf(const QString &verdict)
{
    if (verdict == QLatin1String("affirming"))
        return NoticeStyle::Kind::Good;
    if (verdict == QLatin1String("warning"))
        return NoticeStyle::Kind::Caution;
    if (verdict == QLatin1String("contraindicated"))
        return NoticeStyle::Kind::Bad;
    return NoticeStyle::Kind::Neutral;
}

QStyle::StandardPixmap iconOf(const QString &verdict)
{
    if (verdict == QLatin1String("affirming"))
        return QStyle::SP_DialogApplyButton;
    if (verdict == QLatin1String("warning"))
        return QStyle::SP_MessageBoxWarning;
    if (verdict == QLatin1String("contraindicated"))
        return QStyle::SP_MessageBoxCritical;
    return QStyle::SP_MessageBoxQuestion;
}

} // namespace

VerdictDelegate::VerdictDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent), m_role(role)
{}

void VerdictDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString verdict = index.data(m_role).toString();
    const QStyle::StandardPixmap pixmap = iconOf(verdict);
    auto icon = m_icons.find(int(pixmap));
    if (icon == m_icons.end()) {
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        icon = m_icons.insert(int(pixmap), style->standardIcon(pixmap, nullptr, option->widget));
    }
    option->icon = *icon;
    option->features |= QStyleOptionViewItem::HasDecoration;
    const NoticeStyle::Kind kind = kindOf(verdict);
    if (kind != NoticeStyle::Kind::Neutral && !(option->state & QStyle::State_Selected)) {
        option->backgroundBrush = NoticeStyle::background(option->palette, kind);
        option->palette.setColor(QPalette::Text, NoticeStyle::text(option->palette, kind));
    }
}

} // namespace ta::views
