// SPDX-License-Identifier: Apache-2.0
// The SPIFFE leaf rules, each broken in turn by a certificate the openssl command line makes:
// the validator must refuse each with its own reason, and accept the well-formed one.
#include "core/spiffe/X509SvidValidator.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestX509SvidValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openssLeaf_data();
    void openssLeaf();
    void emptyChainRefused();
    void otherCaRefused();
    void intermediateMustBeCa();

private:
    QString run(const QStringList &args);
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QList<Certificate> makeLeaf(const QString &tag, const QString &extensions,
                                const QString &caName = QStringLiteral("ca"));
    QList<Certificate> loadPem(const QString &path);

    QTemporaryDir m_dir;
    QList<Certificate> m_ca;
};

QString TestX509SvidValidator::run(const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return QString::fromLocal8Bit(p.readAllStandardError());
    return {};
}

QList<Certificate> TestX509SvidValidator::loadPem(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto list = Certificate::listFromPem(f.readAll());
    return list ? *list : QList<Certificate>();
}

void TestX509SvidValidator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const QString &name : {QStringLiteral("ca"), QStringLiteral("other")}) {
        const QString err = run({QStringLiteral("req"),
                                 QStringLiteral("-x509"),
                                 QStringLiteral("-newkey"),
                                 QStringLiteral("ec"),
                                 QStringLiteral("-pkeyopt"),
                                 QStringLiteral("ec_paramgen_curve:P-256"),
                                 QStringLiteral("-nodes"),
                                 QStringLiteral("-keyout"),
                                 name + QStringLiteral(".key"),
                                 QStringLiteral("-out"),
                                 name + QStringLiteral(".pem"),
                                 QStringLiteral("-days"),
                                 QStringLiteral("30"),
                                 QStringLiteral("-subj"),
                                 QStringLiteral("/O=openssl test CA ") + name,
                                 QStringLiteral("-addext"),
                                 QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                 QStringLiteral("-addext"),
                                 QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                                 QStringLiteral("-addext"),
                                 QStringLiteral("subjectAltName=URI:spiffe://example.org")});
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }
    m_ca = loadPem(file(QStringLiteral("ca.pem")));
    QCOMPARE(m_ca.size(), 1);
}

QList<Certificate> TestX509SvidValidator::makeLeaf(const QString &tag, const QString &extensions,
                                                   const QString &caName)
{
    QFile ext(file(tag + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return {};
    ext.write(extensions.toUtf8());
    ext.close();
    QString err =
        run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
             QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), tag + QStringLiteral(".key"), QStringLiteral("-out"),
             tag + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/O=workload")});
    if (!err.isEmpty()) {
        qWarning() << err;
        return {};
    }
    err = run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
               tag + QStringLiteral(".csr"), QStringLiteral("-CA"), caName + QStringLiteral(".pem"),
               QStringLiteral("-CAkey"), caName + QStringLiteral(".key"),
               QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("1"),
               QStringLiteral("-extfile"), tag + QStringLiteral(".ext"), QStringLiteral("-out"),
               tag + QStringLiteral(".pem")});
    if (!err.isEmpty()) {
        qWarning() << err;
        return {};
    }
    return loadPem(file(tag + QStringLiteral(".pem")));
}

void TestX509SvidValidator::openssLeaf_data()
{
    QTest::addColumn<QString>("extensions");
    QTest::addColumn<int>("atOffsetHours");
    QTest::addColumn<QString>("code");

    const QString bc = QStringLiteral("basicConstraints=critical,CA:FALSE\n");
    const QString ku = QStringLiteral("keyUsage=critical,digitalSignature\n");
    const QString eku = QStringLiteral("extendedKeyUsage=serverAuth,clientAuth\n");
    const QString san = QStringLiteral("subjectAltName=URI:spiffe://example.org/ns/pay\n");

    QTest::newRow("well-formed SVID is accepted") << bc + ku + eku + san << 0 << QString();
    QTest::newRow("EKU may be absent") << bc + ku + san << 0 << QString();
    QTest::newRow("keyEncipherment and keyAgreement allowed")
        << bc +
               QStringLiteral("keyUsage=critical,digitalSignature,keyEncipherment,keyAgreement\n") +
               san
        << 0 << QString();
    QTest::newRow("DNS SANs beside the URI allowed")
        << bc + ku + QStringLiteral("subjectAltName=URI:spiffe://example.org/a,DNS:a.example\n")
        << 0 << QString();
    QTest::newRow("leaf with cA true")
        << QStringLiteral("basicConstraints=critical,CA:TRUE\n") + ku + san << 0
        << "x509svid.leaf_is_ca";
    QTest::newRow("leaf with keyCertSign")
        << bc + QStringLiteral("keyUsage=critical,digitalSignature,keyCertSign\n") + san << 0
        << "x509svid.leaf_key_cert_sign";
    QTest::newRow("leaf with cRLSign")
        << bc + QStringLiteral("keyUsage=critical,digitalSignature,cRLSign\n") + san << 0
        << "x509svid.leaf_crl_sign";
    QTest::newRow("leaf without digitalSignature")
        << bc + QStringLiteral("keyUsage=critical,keyAgreement\n") + san << 0
        << "x509svid.leaf_no_digital_signature";
    QTest::newRow("key usage missing") << bc + san << 0 << "x509svid.key_usage_missing";
    QTest::newRow("key usage not critical")
        << bc + QStringLiteral("keyUsage=digitalSignature\n") + san << 0
        << "x509svid.key_usage_not_critical";
    QTest::newRow("EKU without clientAuth")
        << bc + ku + QStringLiteral("extendedKeyUsage=serverAuth\n") + san << 0
        << "x509svid.eku_missing_server_client_auth";
    QTest::newRow("no URI SAN") << bc + ku + QStringLiteral("subjectAltName=DNS:a.example\n") << 0
                                << "x509svid.no_uri_san";
    QTest::newRow("two URI SANs")
        << bc + ku +
               QStringLiteral(
                   "subjectAltName=URI:spiffe://example.org/a,URI:spiffe://example.org/b\n")
        << 0 << "x509svid.multiple_uri_sans";
    QTest::newRow("URI SAN not spiffe scheme")
        << bc + ku + QStringLiteral("subjectAltName=URI:https://example.org/a\n") << 0
        << "x509svid.bad_spiffe_id";
    QTest::newRow("uppercase trust domain")
        << bc + ku + QStringLiteral("subjectAltName=URI:spiffe://Example.org/a\n") << 0
        << "x509svid.bad_spiffe_id";
    QTest::newRow("SPIFFE ID without path")
        << bc + ku + QStringLiteral("subjectAltName=URI:spiffe://example.org\n") << 0
        << "x509svid.id_without_path";
    QTest::newRow("SVID of another trust domain")
        << bc + ku + QStringLiteral("subjectAltName=URI:spiffe://other.org/a\n") << 0
        << "x509svid.trust_domain_mismatch";
    QTest::newRow("expired") << bc + ku + san << 48 << "x509svid.expired";
    QTest::newRow("not yet valid") << bc + ku + san << -48 << "x509svid.not_yet_valid";
}

void TestX509SvidValidator::openssLeaf()
{
    QFETCH(QString, extensions);
    QFETCH(int, atOffsetHours);
    QFETCH(QString, code);
    const QList<Certificate> chain = makeLeaf(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')),
        extensions);
    QCOMPARE(chain.size(), 1);
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(atOffsetHours * 3600);
    auto r = X509SvidValidator::validate(
        chain, TrustDomain::fromName(QStringLiteral("example.org")).value(), m_ca, at);
    if (code.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->path.size(), 2);
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
    }
}

void TestX509SvidValidator::emptyChainRefused()
{
    auto r = X509SvidValidator::validate(
        {}, TrustDomain::fromName(QStringLiteral("example.org")).value(), m_ca,
        QDateTime::currentDateTimeUtc());
    QCOMPARE(r.error().code, QStringLiteral("x509svid.empty_chain"));
}

void TestX509SvidValidator::otherCaRefused()
{
    const QList<Certificate> chain = makeLeaf(
        QStringLiteral("by_other"),
        QStringLiteral("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                       "subjectAltName=URI:spiffe://example.org/a\n"),
        QStringLiteral("other"));
    QCOMPARE(chain.size(), 1);
    auto r = X509SvidValidator::validate(
        chain, TrustDomain::fromName(QStringLiteral("example.org")).value(), m_ca,
        QDateTime::currentDateTimeUtc());
    QCOMPARE(r.error().code, QStringLiteral("x509svid.untrusted"));
}

void TestX509SvidValidator::intermediateMustBeCa()
{
    // A leaf offered as an intermediate: it must not be accepted as a signing certificate.
    const QList<Certificate> leaf = makeLeaf(
        QStringLiteral("fake_intermediate"),
        QStringLiteral("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                       "subjectAltName=URI:spiffe://example.org/b\n"));
    const QList<Certificate> other = makeLeaf(
        QStringLiteral("real_leaf"),
        QStringLiteral("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                       "subjectAltName=URI:spiffe://example.org/a\n"));
    QCOMPARE(leaf.size(), 1);
    QCOMPARE(other.size(), 1);
    auto r = X509SvidValidator::validate(
        {other.first(), leaf.first()}, TrustDomain::fromName(QStringLiteral("example.org")).value(),
        m_ca, QDateTime::currentDateTimeUtc());
    QCOMPARE(r.error().code, QStringLiteral("x509svid.signing_not_ca"));
}

QTEST_GUILESS_MAIN(TestX509SvidValidator)
#include "tst_x509svidvalidator.moc"
