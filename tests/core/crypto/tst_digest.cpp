// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Digest.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace ta::core;

class TestDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data();
    void knownAnswers();
    void agreesWithQt();
    void streamEqualsOneShot();
    void hmacKnownAnswers_data();
    void hmacKnownAnswers();
    void constantTimeEquality();
    void randomBytesDiffer();
};

void TestDigest::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("hex");
    // FIPS 180-2, appendix B, and the empty message.
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("two blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("a million a")
        << QByteArray(1000000, 'a')
        << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestDigest::knownAnswers()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, hex);
    QCOMPARE(sha256Hex(input), hex);
    QCOMPARE(sha256(input), QByteArray::fromHex(hex));
}

void TestDigest::agreesWithQt()
{
    QRandomGenerator rng(20261123);
    for (int size : {1, 55, 56, 63, 64, 65, 1000, 4097}) {
        QByteArray data(size, Qt::Uninitialized);
        for (char &c : data)
            c = char(rng.bounded(256));
        QCOMPARE(sha256(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    }
}

void TestDigest::streamEqualsOneShot()
{
    const QByteArray data = QByteArray(5000, 'x') + QByteArray("tail");
    Sha256Stream stream;
    stream.add(data.left(3));
    stream.add(QByteArrayView());
    stream.add(data.mid(3));
    QCOMPARE(stream.result(), sha256(data));
    // A field is its 8-byte length, then its bytes: "ab"+"c" and "a"+"bc" differ.
    Sha256Stream one;
    one.addField("ab");
    one.addField("c");
    Sha256Stream two;
    two.addField("a");
    two.addField("bc");
    QVERIFY(one.result() != two.result());
}

void TestDigest::hmacKnownAnswers_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("hex");
    // RFC 4231, test cases 1, 2 and 6 (a key longer than the block).
    QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c"
                                          "2e32cff7");
    QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b9"
                                          "64ec3843");
    QTest::newRow("case 6") << QByteArray(131, '\xaa')
                            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f"
                                          "0ee37f54");
}

void TestDigest::hmacKnownAnswers()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, hex);
    HmacSha256 mac(key);
    mac.add(data.left(5));
    mac.add(data.mid(5));
    QCOMPARE(mac.result().toHex(), hex);
    // Another key, another MAC.
    HmacSha256 other(key + 'x');
    other.add(data);
    QVERIFY(other.result().toHex() != hex);
}

void TestDigest::constantTimeEquality()
{
    QVERIFY(equalInConstantTime("abc", "abc"));
    QVERIFY(!equalInConstantTime("abc", "abd"));
    QVERIFY(!equalInConstantTime("abc", "abcd"));
    QVERIFY(!equalInConstantTime("", ""));
}

void TestDigest::randomBytesDiffer()
{
    const QByteArray a = randomBytes(32);
    QCOMPARE(a.size(), 32);
    QVERIFY(a != randomBytes(32));
    QVERIFY(randomBytes(0).isEmpty());
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
