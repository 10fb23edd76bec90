// SPDX-License-Identifier: Apache-2.0
// HashedString: a QHash key that carries its hash, so that a look-up passes over probed entries
// of another hash without reading their text. It must still be the text that decides equality.
#include "core/Hashing.h"

#include <QHash>
#include <QTest>

using namespace ta::core;

class TestHashing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashIsQtsUnderTheGlobalSeed();
    void textDecidesEquality();
    void tableOfManySameLengthKeys();
};

void TestHashing::hashIsQtsUnderTheGlobalSeed()
{
    const QString text = QStringLiteral("workload/app-1234");
    const HashedString key(text);
    QCOMPARE(key.text, text);
    QCOMPARE(key.hash, qHash(text, QHashSeed::globalSeed()));
    QCOMPARE(qHash(key, QHashSeed::globalSeed()), key.hash);
    // Under any other seed the text is hashed again, as a QString key would be.
    for (size_t seed : {size_t(0), size_t(1), size_t(0x9e3779b97f4a7c15ULL)}) {
        if (seed != size_t(QHashSeed::globalSeed()))
            QCOMPARE(qHash(key, seed), qHash(text, seed));
    }
}

void TestHashing::textDecidesEquality()
{
    const HashedString a(QStringLiteral("workload/app-1"));
    QVERIFY(a == HashedString(QStringLiteral("workload/app-1")));
    QVERIFY(!(a == HashedString(QStringLiteral("workload/app-2"))));
    // The same hash with another text (as a collision would give) is another key.
    HashedString collision;
    collision.text = QStringLiteral("workload/app-2");
    collision.hash = a.hash;
    QVERIFY(!(a == collision));
    // The same text with another hash cannot come from the constructor; the hash is compared
    // first, so such a key is another too.
    HashedString stale;
    stale.text = a.text;
    stale.hash = a.hash + 1;
    QVERIFY(!(a == stale));
}

void TestHashing::tableOfManySameLengthKeys()
{
    QHash<HashedString, int> table;
    const auto subject = [](int i) {
        return QStringLiteral("workload/app-%1").arg(i, 6, 10, QLatin1Char('0'));
    };
    for (int i = 0; i < 20000; ++i)
        table.insert(HashedString(subject(i)), i);
    QCOMPARE(table.size(), 20000);
    for (int i = 0; i < 20000; i += 7)
        QCOMPARE(table.value(HashedString(subject(i)), -1), i);
    QCOMPARE(table.value(HashedString(subject(20000)), -1), -1);
    QCOMPARE(table.value(HashedString(QStringLiteral("workload/app-")), -1), -1);
}

QTEST_GUILESS_MAIN(TestHashing)
#include "tst_hashing.moc"
