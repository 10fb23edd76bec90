// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/BackgroundSha256.h"
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
    void backgroundEqualsStream_data();
    void backgroundEqualsStream();
    void backgroundDroppedMidway();
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

void TestDigest::backgroundEqualsStream_data()
{
    // Fields of random sizes adding up to @p total bytes: none, within one batch, across many
    // (a megabyte each) with the queue full, and fields larger than a batch.
    QTest::addColumn<qsizetype>("total");
    QTest::addColumn<qsizetype>("largest");
    QTest::newRow("no field") << qsizetype(0) << qsizetype(0);
    QTest::newRow("one batch") << qsizetype(50000) << qsizetype(2000);
    QTest::newRow("many batches") << qsizetype(12 << 20) << qsizetype(4000);
    QTest::newRow("fields larger than a batch") << qsizetype(9 << 20) << qsizetype(3 << 20);
}

void TestDigest::backgroundEqualsStream()
{
    QFETCH(qsizetype, total);
    QFETCH(qsizetype, largest);
    QRandomGenerator random(7);
    QByteArray data(total, Qt::Uninitialized);
    for (qsizetype i = 0; i < total; ++i)
        data[i] = char(random.bounded(256));
    Sha256Stream stream;
    BackgroundSha256 background;
    qsizetype at = 0;
    int fields = 0;
    while (at < total) {
        // Empty fields too: they still add their length.
        const qsizetype size = qMin(total - at, qsizetype(random.bounded(int(largest) + 1)));
        stream.addField(QByteArrayView(data).sliced(at, size));
        background.addField(QByteArrayView(data).sliced(at, size));
        at += size;
        ++fields;
    }
    const QByteArray expected = stream.result();
    QCOMPARE(expected.size(), 32);
    QCOMPARE(background.result(), expected);
    if (total > 0)
        QVERIFY(fields > 1);
}

void TestDigest::backgroundDroppedMidway()
{
    // Destroyed with batches queued and one half filled: it stops without hashing them, and
    // without waiting for a result nobody asks for.
    const QByteArray field(300000, 'r');
    for (int fields : {0, 1, 40}) {
        BackgroundSha256 background;
        for (int i = 0; i < fields; ++i)
            background.addField(field);
    }
    // Fields added after the result change nothing and do not block.
    BackgroundSha256 ended;
    ended.addField("a");
    const QByteArray digest = ended.result();
    for (int i = 0; i < 40; ++i)
        ended.addField(field);
    Sha256Stream expected;
    expected.addField("a");
    QCOMPARE(digest, expected.result());
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
