// SPDX-License-Identifier: Apache-2.0
// sharedSlice: part of an array that shares its block instead of copying it. It must read as the
// copy would, keep the block alive on its own, and copy before any change reaches the other.
#include "core/SharedBytes.h"

#include <QTest>

using namespace ta::core;

class TestSharedBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAsACopy();
    void outlivesTheWhole();
    void changesDoNotReachTheOther();
    void bytesWithoutABlock();
};

namespace {

bool inside(const QByteArray &part, const QByteArray &whole)
{
    return part.constData() >= whole.constData() &&
           part.constData() + part.size() <= whole.constData() + whole.size();
}

} // namespace

void TestSharedBytes::readsAsACopy()
{
    const QByteArray whole("{\"jws\":\"aaa.bbb.ccc\"}");
    for (qsizetype at = 0; at <= whole.size(); ++at) {
        for (qsizetype n = 0; at + n <= whole.size(); ++n) {
            const QByteArray slice = sharedSlice(whole, at, n);
            QCOMPARE(slice, whole.mid(at, n));
            QCOMPARE(slice.size(), n);
            if (n > 0)
                QVERIFY(inside(slice, whole));
        }
    }
    const QByteArray slice = sharedSlice(whole, 8, 11);
    QCOMPARE(slice.indexOf('.'), 3);
    QCOMPARE(slice.lastIndexOf('.'), 7);
    QCOMPARE(QByteArrayView(slice).first(7), QByteArrayView("aaa.bbb"));
    QVERIFY(!whole.isDetached()); // shared, not copied
    QVERIFY(sharedSlice(QByteArray(), 0, 0).isEmpty());
}

void TestSharedBytes::outlivesTheWhole()
{
    QByteArray slice;
    {
        QByteArray whole(4096, 'x');
        whole.replace(1000, 5, "hello");
        slice = sharedSlice(whole, 1000, 5);
    }
    // The only holder now: reading and growing it stays within what it owns.
    QCOMPARE(slice, QByteArray("hello"));
    slice.append(" world");
    QCOMPARE(slice, QByteArray("hello world"));
    slice.prepend("> ");
    QCOMPARE(slice, QByteArray("> hello world"));
}

void TestSharedBytes::changesDoNotReachTheOther()
{
    QByteArray whole("0123456789");
    QByteArray slice = sharedSlice(whole, 2, 4);
    slice[0] = 'X';
    slice.append("tail");
    QCOMPARE(whole, QByteArray("0123456789"));
    QCOMPARE(slice, QByteArray("X345tail"));

    QByteArray other = sharedSlice(whole, 2, 4);
    whole[3] = 'Y';
    whole.truncate(1);
    QCOMPARE(other, QByteArray("2345"));
    QCOMPARE(whole, QByteArray("0"));
    // Its next byte is the block's, not '\0' (a copy of the array shares that too): a C string
    // is made from a copy of the bytes.
    QCOMPARE(other.constData()[4], '6');
    QCOMPARE(qstrcmp(QByteArray(other.constData(), other.size()).constData(), "2345"), 0);
}

void TestSharedBytes::bytesWithoutABlock()
{
    static const char text[] = "header.payload.signature";
    const QByteArray raw = QByteArray::fromRawData(text, sizeof text - 1);
    const QByteArray slice = sharedSlice(raw, 7, 7);
    QCOMPARE(slice, QByteArray("payload"));
    QCOMPARE(slice.constData(), text + 7);
    QByteArray changed = slice;
    changed[0] = 'P';
    QCOMPARE(changed, QByteArray("Payload"));
    QCOMPARE(QByteArrayView(text), QByteArrayView("header.payload.signature"));
}

QTEST_APPLESS_MAIN(TestSharedBytes)
#include "tst_sharedbytes.moc"
