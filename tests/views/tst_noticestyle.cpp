// SPDX-License-Identifier: Apache-2.0
// Notices take their colours from the palette, light or dark, never from style sheets.
#include "views/ClearKeysBanner.h"
#include "views/NoticeStyle.h"

#include <QLabel>
#include <QTest>

using ta::views::ClearKeysBanner;
using ta::views::NoticeStyle;
using Kind = NoticeStyle::Kind;

namespace {

QPalette paletteWith(const QColor &window, const QColor &text)
{
    QPalette p;
    for (auto role : {QPalette::Window, QPalette::Base})
        p.setColor(role, window);
    for (auto role : {QPalette::WindowText, QPalette::Text})
        p.setColor(role, text);
    return p;
}

} // namespace

class TestNoticeStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readableInLightAndDark_data();
    void readableInLightAndDark();
    void kindsDifferByHue();
    void applyFollowsTheParentAndGoesBack();
    void bannerUsesNoStyleSheet();
};

void TestNoticeStyle::readableInLightAndDark_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << paletteWith(QColor(0xf4, 0xf4, 0xf4), Qt::black) << false;
    QTest::newRow("dark") << paletteWith(QColor(0x20, 0x20, 0x24), QColor(0xe0, 0xe0, 0xe0))
                          << true;
}

void TestNoticeStyle::readableInLightAndDark()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);
    QCOMPARE(NoticeStyle::isDark(palette), dark);
    for (Kind kind : {Kind::Good, Kind::Bad, Kind::Caution}) {
        const QColor bg = NoticeStyle::background(palette, kind);
        const QColor fg = NoticeStyle::text(palette, kind);
        // Text far from its background, and the tint on the palette's side of grey.
        QVERIFY2(std::abs(bg.lightness() - fg.lightness()) >= 140,
                 qPrintable(bg.name() + QLatin1Char(' ') + fg.name()));
        QCOMPARE(bg.lightness() < 128, dark);
    }
    QCOMPARE(NoticeStyle::background(palette, Kind::Neutral), palette.color(QPalette::Window));
}

void TestNoticeStyle::kindsDifferByHue()
{
    const QPalette p = paletteWith(Qt::white, Qt::black);
    const int good = NoticeStyle::background(p, Kind::Good).hslHue();
    const int bad = NoticeStyle::background(p, Kind::Bad).hslHue();
    const int caution = NoticeStyle::background(p, Kind::Caution).hslHue();
    QVERIFY(good != bad && bad != caution && good != caution);
}

void TestNoticeStyle::applyFollowsTheParentAndGoesBack()
{
    QWidget parent;
    parent.setPalette(paletteWith(QColor(0x20, 0x20, 0x24), QColor(0xe0, 0xe0, 0xe0)));
    auto *label = new QLabel(QStringLiteral("verdict"), &parent);
    NoticeStyle::apply(label, Kind::Bad);
    QVERIFY(label->autoFillBackground());
    QCOMPARE(label->frameShape(), QFrame::Box);
    QVERIFY(label->palette().color(QPalette::Window).lightness() < 128);
    QCOMPARE(label->palette().color(QPalette::WindowText),
             NoticeStyle::text(parent.palette(), Kind::Bad));
    QVERIFY(label->styleSheet().isEmpty());
    NoticeStyle::apply(label, Kind::Neutral);
    QVERIFY(!label->autoFillBackground());
    QCOMPARE(label->frameShape(), QFrame::NoFrame);
    QCOMPARE(label->palette().color(QPalette::Window), parent.palette().color(QPalette::Window));
}

void TestNoticeStyle::bannerUsesNoStyleSheet()
{
    QWidget parent;
    parent.setPalette(paletteWith(Qt::white, Qt::black));
    auto *banner = new ClearKeysBanner(&parent);
    QVERIFY(banner->styleSheet().isEmpty());
    QVERIFY(banner->autoFillBackground());
    QCOMPARE(banner->palette().color(QPalette::Window),
             NoticeStyle::background(parent.palette(), Kind::Caution));
    // Its text inherits the notice's text colour.
    auto *text = banner->findChild<QLabel *>();
    QVERIFY(text);
    QCOMPARE(text->palette().color(QPalette::WindowText),
             NoticeStyle::text(parent.palette(), Kind::Caution));
}

QTEST_MAIN(TestNoticeStyle)
#include "tst_noticestyle.moc"
