// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace ta::views {

/// Draws a verdict cell as a tint from the palette (NoticeStyle) with an icon beside the word, so
/// that the verdict never rests on colour alone. The verdict code comes from @p role.
class VerdictDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    VerdictDelegate(int role, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
    /// Loading a standard icon reads the theme each time: each is loaded once, when first drawn.
    mutable QHash<int, QIcon> m_icons;
};

} // namespace ta::views
