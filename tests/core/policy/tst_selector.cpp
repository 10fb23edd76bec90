// SPDX-License-Identifier: Apache-2.0
#include "core/policy/PolicyErrors.h"
#include "core/policy/Selector.h"

#include <QSet>
#include <QTest>

using namespace ta::core;

class TestSelector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
    void malformedRefused_data();
    void malformedRefused();
    void orderAndHash();
};

void TestSelector::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::newRow("k8s") << "k8s:ns:payments"
                         << "k8s"
                         << "ns:payments";
    QTest::newRow("value with colons") << "unix:uid:0:1"
                                       << "unix"
                                       << "uid:0:1";
    QTest::newRow("image digest") << "docker:image_id:sha256:ab"
                                  << "docker"
                                  << "image_id:sha256:ab";
    QTest::newRow("one character each") << "a:b"
                                        << "a"
                                        << "b";
}

void TestSelector::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, type);
    QFETCH(QString, value);
    auto s = Selector::parse(text);
    QVERIFY(s.ok());
    QCOMPARE(s->type, type);
    QCOMPARE(s->value, value);
    QCOMPARE(s->toString(), text);
}

void TestSelector::malformedRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("no colon") << "k8s";
    QTest::newRow("no type") << ":ns:payments";
    QTest::newRow("no value") << "k8s:";
    QTest::newRow("colon only") << ":";
}

void TestSelector::malformedRefused()
{
    QFETCH(QString, text);
    auto s = Selector::parse(text);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ec::SelectorMalformed);
    QCOMPARE(s.error().detail, text);
}

void TestSelector::orderAndHash()
{
    const Selector a{QStringLiteral("k8s"), QStringLiteral("ns:a")};
    const Selector b{QStringLiteral("k8s"), QStringLiteral("ns:b")};
    const Selector c{QStringLiteral("unix"), QStringLiteral("ns:a")};
    QVERIFY(a < b);
    QVERIFY(b < c);
    QVERIFY(!(a < a));
    // The split matters: "k8s:ns" + "a" is not "k8s" + "ns:a".
    const Selector d{QStringLiteral("k8s:ns"), QStringLiteral("a")};
    QVERIFY(!(a == d));
    QSet<Selector> set{a, b, c, d, a};
    QCOMPARE(set.size(), 4);
}

QTEST_GUILESS_MAIN(TestSelector)
#include "tst_selector.moc"
