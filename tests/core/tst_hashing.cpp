// SPDX-License-Identifier: Apache-2.0
// HashedString: a QHash key that carries its hash, so that a look-up passes over probed entries
// of another hash without reading their text. It must still be the text that decides equality.
#include "core/HashIndex.h"
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
    void indexProbesPastEqualHashes();
    void indexAgreesWithAHash();
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

void TestHashing::indexProbesPastEqualHashes()
{
    // Every key under one hash, and a neighbour's: each is found by the caller's comparison, past
    // the others in the probe, and the table doubles with them all in one run of slots.
    std::vector<QString> keys;
    HashIndex index;
    const auto sameAs = [&](const QString &key) {
        return [&keys, key](qsizetype i) { return keys[size_t(i)] == key; };
    };
    for (int i = 0; i < 100; ++i) {
        const QString key = QString::number(i);
        QCOMPARE(index.findOrAdd(7, qsizetype(keys.size()), sameAs(key)), qsizetype(-1));
        keys.push_back(key);
    }
    QCOMPARE(index.findOrAdd(8, qsizetype(keys.size()), sameAs(QStringLiteral("x"))),
             qsizetype(-1));
    keys.push_back(QStringLiteral("x"));
    QCOMPARE(index.size(), size_t(101));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(index.find(7, sameAs(QString::number(i))), qsizetype(i));
    QCOMPARE(index.find(8, sameAs(QStringLiteral("x"))), qsizetype(100));
    QCOMPARE(index.find(7, sameAs(QStringLiteral("x"))), qsizetype(-1)); // its hash decides too
    QCOMPARE(index.find(9, sameAs(QStringLiteral("0"))), qsizetype(-1));
    QCOMPARE(index.findOrAdd(7, 555, sameAs(QStringLiteral("42"))), qsizetype(42));
    QCOMPARE(index.size(), size_t(101));
    QCOMPARE(HashIndex().find(7, sameAs(QStringLiteral("0"))), qsizetype(-1)); // empty
}

void TestHashing::indexAgreesWithAHash()
{
    // Keys with Qt's hashes, added and found again, as QHash finds them.
    std::vector<QString> keys;
    QHash<QString, qsizetype> expected;
    HashIndex index;
    for (int i = 0; i < 50000; ++i) {
        const QString key = QStringLiteral("workload/app-%1").arg((i * 7919) % 30011);
        const size_t hash = qHash(key, QHashSeed::globalSeed());
        const auto same = [&](qsizetype n) { return keys[size_t(n)] == key; };
        const qsizetype found = index.findOrAdd(hash, qsizetype(keys.size()), same);
        QCOMPARE(found, expected.value(key, -1));
        if (found < 0) {
            expected.insert(key, qsizetype(keys.size()));
            keys.push_back(key);
        }
        QCOMPARE(index.find(hash, same), expected.value(key));
    }
    QCOMPARE(index.size(), size_t(expected.size()));
    QCOMPARE(index.size(), size_t(30011));
}

QTEST_GUILESS_MAIN(TestHashing)
#include "tst_hashing.moc"
