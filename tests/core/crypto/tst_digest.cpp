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

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
