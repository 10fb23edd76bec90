// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLabel>

namespace ta::views {

/// A one-line label that never widens its window: text longer than its width is cut with an
/// ellipsis ("..."), so that the cut shows, and the whole text is its tooltip and its accessible
/// name (what a screen reader reads). QLabel alone either grows with its text or, with an
/// ignored size policy, clips it mid-word with no sign.
class ElidedLabel : public QLabel
{
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    /// Sets the whole text; what shows is it or its elided form, at the label's width.
    void setFullText(const QString &text);
    QString fullText() const { return m_full; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace ta::views
