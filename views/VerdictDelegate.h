// SPDX-License-Identifier: Apache-2.0
#pragma once

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
};

} // namespace ta::views
