// SPDX-License-Identifier: Apache-2.0
// A one-line status that is longer than its place shows an ellipsis where it is cut, keeps the
// whole text as tooltip and accessible name, and never widens the window; it shows whole again
// once there is room. The time bar's status line is one.
#include "views/ElidedLabel.h"
#include "views/TimelineBar.h"

#include <QHBoxLayout>
#include <QTest>

using ta::views::ElidedLabel;
using ta::views::TimelineBar;

namespace {

const QString kLong = QStringLiteral(
    "Statuses from the simulation of the workspace's evidence: 54 subjects attested, 46 "
    "credentials live. Faint nodes did not exist at this instant.");
const QChar kEllipsis(0x2026);

} // namespace

class TestElidedLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cutWithAnEllipsisAndWholeWhenThereIsRoom();
    void neverWidensItsWindow();
    void timeBarStatusIsElided();
};

void TestElidedLabel::cutWithAnEllipsisAndWholeWhenThereIsRoom()
{
    ElidedLabel label;
    label.setFullText(kLong);
    const int whole = label.fontMetrics().horizontalAdvance(kLong);
    label.resize(whole / 3, label.sizeHint().height());
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY(label.text().endsWith(kEllipsis));
    QVERIFY(label.text().size() < kLong.size());
    QVERIFY(kLong.startsWith(label.text().chopped(1)));
    QVERIFY(label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width());
    QCOMPARE(label.fullText(), kLong);
    QCOMPARE(label.toolTip(), kLong);
    QCOMPARE(label.accessibleName(), kLong);

    label.resize(whole + 40, label.height());
    QCOMPARE(label.text(), kLong);

    // A new text is elided at the current width at once.
    label.resize(whole / 4, label.height());
    label.setFullText(kLong + kLong);
    QVERIFY(label.text().endsWith(kEllipsis));
    QCOMPARE(label.fullText(), kLong + kLong);
}

void TestElidedLabel::neverWidensItsWindow()
{
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *label = new ElidedLabel(&window);
    layout->addWidget(label);
    window.resize(200, 40);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int before = window.width();
    label->setFullText(kLong + kLong + kLong);
    QApplication::processEvents();
    QCOMPARE(window.width(), before);
    QVERIFY(window.minimumSizeHint().width() < label->fontMetrics().horizontalAdvance(kLong));
    QVERIFY(label->text().endsWith(kEllipsis));
}

void TestElidedLabel::timeBarStatusIsElided()
{
    TimelineBar bar;
    bar.resize(300, 200);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    bar.setStateText(kLong);
    auto *state = bar.findChild<QLabel *>(QStringLiteral("timelineState"));
    QVERIFY(state);
    QVERIFY(state->text().endsWith(kEllipsis));
    QCOMPARE(bar.stateText(), kLong);
    QCOMPARE(state->toolTip(), kLong);
}

QTEST_MAIN(TestElidedLabel)
#include "tst_elidedlabel.moc"
