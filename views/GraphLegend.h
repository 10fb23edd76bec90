// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

namespace ta::views {

class GraphStyle;

/// What the canvas's shapes, line styles and status cues mean, drawn with the canvas's own
/// style so that the two always agree.
class GraphLegend : public QWidget
{
    Q_OBJECT

public:
    explicit GraphLegend(const GraphStyle *style, QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const GraphStyle *m_style;
};

} // namespace ta::views
