// SPDX-License-Identifier: Apache-2.0
// A bundle endpoint's answer read as the peer sent it (BundleEndpointClient::parseResponse), on
// the bundle_response fuzz target's seeds: plain, chunked and read-until-close bodies, another
// trust domain's bundle, an error status, a body cut short, bad chunking, and Content-Length
// values no answer can have (negative, or large enough to overflow the header's offset).
#include "core/federation/BundleEndpointClient.h"
#include "core/federation/FederationErrors.h"
#include "core/spiffe/TrustDomain.h"

#include <QFile>
#include <QTest>

using namespace ta::core;

namespace {

QByteArray seed(const QString &name)
{
    QFile f(QStringLiteral(TA_FUZZ_CORPUS_DIR "/bundle_response/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray labBundle()
{
    QFile f(QStringLiteral(TA_FUZZ_CORPUS_DIR "/bundle/lab.jwks.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestBundleResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");
        const QString ok;
        QTest::newRow("Content-Length") << QStringLiteral("ok-length.http") << ok;
        QTest::newRow("chunked") << QStringLiteral("ok-chunked.http") << ok;
        QTest::newRow("until the peer closes") << QStringLiteral("ok-until-close.http") << ok;
        QTest::newRow("bytes after the body") << QStringLiteral("trailing-garbage.http") << ok;
        QTest::newRow("another trust domain's bundle")
            << QStringLiteral("other-trust-domain.http")
            << QString::fromLatin1(ec::FedWrongTrustDomain.code);
        QTest::newRow("404") << QStringLiteral("not-found.http")
                             << QString::fromLatin1(ec::FedHttpStatus.code);
        QTest::newRow("cut short")
            << QStringLiteral("cut-short.http") << QString::fromLatin1(ec::FedBadResponse.code);
        QTest::newRow("bad chunk size")
            << QStringLiteral("bad-chunk.http") << QString::fromLatin1(ec::FedBadResponse.code);
        // No usable length: the body is what came before the peer closed.
        QTest::newRow("huge Content-Length") << QStringLiteral("huge-length.http") << ok;
        QTest::newRow("negative Content-Length") << QStringLiteral("negative-length.http") << ok;
    }

    void answers()
    {
        QFETCH(QString, file);
        QFETCH(QString, code);
        const QByteArray response = seed(file);
        QVERIFY2(!response.isEmpty(), qPrintable(file));
        const TrustDomain td = TrustDomain::fromName(QStringLiteral("lab.example")).value();
        const auto parsed = BundleEndpointClient::parseResponse(response, td);
        if (!code.isEmpty()) {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, code);
            return;
        }
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->body.trimmed(), labBundle().trimmed());
        QCOMPARE(parsed->bundle.x509Authorities().size(), 1);
        QVERIFY(parsed->serverChain.isEmpty());
    }

    void expectedLength_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("no header yet")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n") << qint64(-1);
        QTest::newRow("length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")
                                << qint64(38 + 5);
        QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                                               "Content-Length: 5\r\n\r\n")
                                 << qint64(-1);
        QTest::newRow("negative") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")
                                  << qint64(-1);
        QTest::newRow("overflows")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\n")
            << qint64(-1);
        QTest::newRow("not a number")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: five\r\n\r\n") << qint64(-1);
    }

    void expectedLength()
    {
        QFETCH(QByteArray, response);
        QFETCH(qint64, expected);
        const auto length = BundleEndpointClient::expectedLength(response);
        QCOMPARE(length.value_or(-1), expected);
    }
};

QTEST_APPLESS_MAIN(TestBundleResponse)
#include "tst_bundleresponse.moc"
