// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/SpiffeId.h"
#include "core/spiffe/TrustDomain.h"

#include <QSet>
#include <QTest>

using namespace ta::core;

namespace {

// QVERIFY2 evaluates its message even on success, so the error is only read on failure.
template <typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

// A trust domain name of exactly @p n characters, made of allowed characters.
QString tdOfLength(qsizetype n)
{
    QString out;
    while (out.size() < n)
        out += QStringLiteral("abcdefghi.");
    out.truncate(n);
    out.back() = u'z'; // a name may end in '.', but a letter keeps the row about length only
    return out;
}

// A SPIFFE ID of exactly @p n characters: the longest trust domain, then one long segment.
QString idOfLength(qsizetype n)
{
    const QString prefix = QStringLiteral("spiffe://") + tdOfLength(255) + u'/';
    return prefix + QString(n - prefix.size(), u'a');
}

} // namespace

class TestSpiffeId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void trustDomainName_data();
    void trustDomainName();
    void fromSegments_data();
    void fromSegments();
    void fromPath_data();
    void fromPath();
    void equalityAndHash();
    void membership();
    void trustDomainFromIdString();
};

void TestSpiffeId::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code"); // empty: valid
    QTest::addColumn<QString>("td");
    QTest::addColumn<QString>("path");

    auto ok = [](const char *row, const QString &in, const QString &td, const QString &path) {
        QTest::newRow(row) << in << QString() << td << path;
    };
    auto bad = [](const char *row, const QString &in, const char *code) {
        QTest::newRow(row) << in << QString::fromLatin1(code) << QString() << QString();
    };

    ok("valid: trust domain id", QStringLiteral("spiffe://example.org"), "example.org", "");
    ok("valid: path", QStringLiteral("spiffe://example.org/ns/a"), "example.org", "/ns/a");
    ok("valid: every td char class", QStringLiteral("spiffe://a-b_c.0-9z"), "a-b_c.0-9z", "");
    ok("valid: every path char class", QStringLiteral("spiffe://td/AZaz09.-_"), "td", "/AZaz09.-_");
    ok("valid: dots inside a segment", QStringLiteral("spiffe://td/a.b/..c/.../c."), "td",
       "/a.b/..c/.../c.");
    ok("valid: uppercase path", QStringLiteral("spiffe://td/NS/Payments"), "td", "/NS/Payments");
    ok("valid: td exactly 255", QStringLiteral("spiffe://") + tdOfLength(255), tdOfLength(255), "");
    ok("valid: id exactly 2048", idOfLength(2048), tdOfLength(255), idOfLength(2048).mid(9 + 255));

    bad("empty", QString(), "spiffe.id.empty");
    bad("id 2049 bytes", idOfLength(2049), "spiffe.id.too_long");
    bad("scheme uppercase", QStringLiteral("SPIFFE://example.org/a"),
        "spiffe.id.scheme_not_lowercase");
    bad("scheme mixed case", QStringLiteral("Spiffe://example.org"),
        "spiffe.id.scheme_not_lowercase");
    bad("scheme https", QStringLiteral("https://example.org/a"), "spiffe.id.wrong_scheme");
    bad("scheme missing", QStringLiteral("example.org/a"), "spiffe.id.wrong_scheme");
    bad("scheme without slashes", QStringLiteral("spiffe:example.org"), "spiffe.id.wrong_scheme");
    bad("scheme one slash", QStringLiteral("spiffe:/example.org"), "spiffe.id.wrong_scheme");
    bad("trust domain missing", QStringLiteral("spiffe://"), "spiffe.id.missing_trust_domain");
    bad("trust domain missing with path", QStringLiteral("spiffe:///a"),
        "spiffe.id.missing_trust_domain");
    bad("td uppercase", QStringLiteral("spiffe://Example.org/a"), "spiffe.td.uppercase");
    bad("td port", QStringLiteral("spiffe://example.org:8443/a"), "spiffe.td.port");
    bad("td empty port", QStringLiteral("spiffe://example.org:/a"), "spiffe.td.port");
    bad("td userinfo", QStringLiteral("spiffe://user@example.org/a"), "spiffe.td.userinfo");
    bad("td userinfo with password", QStringLiteral("spiffe://u:pw@example.org"),
        "spiffe.td.userinfo");
    bad("td percent-encoded", QStringLiteral("spiffe://ex%61mple.org"),
        "spiffe.td.percent_encoded");
    bad("td space", QStringLiteral("spiffe://exa mple.org"), "spiffe.td.bad_char");
    bad("td plus", QStringLiteral("spiffe://a+b.org"), "spiffe.td.bad_char");
    bad("td tilde", QStringLiteral("spiffe://a~b.org"), "spiffe.td.bad_char");
    bad("td non-ascii", QStringLiteral("spiffe://exämple.org"), "spiffe.td.bad_char");
    bad("td ipv6 literal", QStringLiteral("spiffe://[::1]/a"), "spiffe.td.port");
    bad("td 256 bytes", QStringLiteral("spiffe://") + tdOfLength(256), "spiffe.td.too_long");
    bad("query", QStringLiteral("spiffe://example.org/a?x=1"), "spiffe.id.query");
    bad("query on trust domain", QStringLiteral("spiffe://example.org?x"), "spiffe.id.query");
    bad("empty query", QStringLiteral("spiffe://example.org/a?"), "spiffe.id.query");
    bad("fragment", QStringLiteral("spiffe://example.org/a#frag"), "spiffe.id.fragment");
    bad("fragment on trust domain", QStringLiteral("spiffe://example.org#"), "spiffe.id.fragment");
    bad("path percent-encoded", QStringLiteral("spiffe://example.org/a%2Fb"),
        "spiffe.id.percent_encoded");
    bad("path percent-encoded letter", QStringLiteral("spiffe://example.org/%61"),
        "spiffe.id.percent_encoded");
    bad("path space", QStringLiteral("spiffe://example.org/a b"), "spiffe.id.bad_path_char");
    bad("path tilde (RFC 3986 unreserved)", QStringLiteral("spiffe://example.org/a~b"),
        "spiffe.id.bad_path_char");
    bad("path colon (RFC 3986 pchar)", QStringLiteral("spiffe://example.org/a:b"),
        "spiffe.id.bad_path_char");
    bad("path at sign", QStringLiteral("spiffe://example.org/a@b"), "spiffe.id.bad_path_char");
    bad("path sub-delims", QStringLiteral("spiffe://example.org/a!$&'()*+,;=b"),
        "spiffe.id.bad_path_char");
    bad("path non-ascii", QStringLiteral("spiffe://example.org/caf\u00e9"),
        "spiffe.id.bad_path_char");
    bad("path backslash", QStringLiteral("spiffe://example.org/a\\b"), "spiffe.id.bad_path_char");
    bad("empty segment at start", QStringLiteral("spiffe://example.org//a"),
        "spiffe.id.empty_segment");
    bad("empty segment inside", QStringLiteral("spiffe://example.org/a//b"),
        "spiffe.id.empty_segment");
    bad("dot segment", QStringLiteral("spiffe://example.org/."), "spiffe.id.dot_segment");
    bad("dot segment inside", QStringLiteral("spiffe://example.org/a/./b"),
        "spiffe.id.dot_segment");
    bad("dot-dot segment", QStringLiteral("spiffe://example.org/.."), "spiffe.id.dot_segment");
    bad("dot-dot segment at end", QStringLiteral("spiffe://example.org/a/.."),
        "spiffe.id.dot_segment");
    bad("trailing slash on trust domain", QStringLiteral("spiffe://example.org/"),
        "spiffe.id.trailing_slash");
    bad("trailing slash on path", QStringLiteral("spiffe://example.org/a/"),
        "spiffe.id.trailing_slash");
}

void TestSpiffeId::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, td);
    QFETCH(QString, path);

    const auto id = SpiffeId::fromString(input);
    if (!code.isEmpty()) {
        QVERIFY2(!id.ok(), qPrintable(input));
        QCOMPARE(id.error().code, code);
        return;
    }
    QVERIFY2(id.ok(), why(id).constData());
    QCOMPARE(id->trustDomain().name(), td);
    QCOMPARE(id->path(), path);
    QCOMPARE(id->toString(), input);
    QCOMPARE(id->isTrustDomainId(), path.isEmpty());
    // What toString() writes parses back to the same ID.
    const auto again = SpiffeId::fromString(id->toString());
    QVERIFY(again.ok());
    QCOMPARE(*again, *id);
}

void TestSpiffeId::trustDomainName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("code");
    QTest::newRow("valid") << QStringLiteral("example.org") << QString();
    QTest::newRow("valid: single char") << QStringLiteral("a") << QString();
    QTest::newRow("valid: every class") << QStringLiteral("a-b_c.9") << QString();
    QTest::newRow("valid: 255 bytes") << tdOfLength(255) << QString();
    QTest::newRow("256 bytes") << tdOfLength(256) << QStringLiteral("spiffe.td.too_long");
    QTest::newRow("empty") << QString() << QStringLiteral("spiffe.td.empty");
    QTest::newRow("uppercase") << QStringLiteral("Example.org")
                               << QStringLiteral("spiffe.td.uppercase");
    QTest::newRow("port") << QStringLiteral("example.org:443") << QStringLiteral("spiffe.td.port");
    QTest::newRow("userinfo") << QStringLiteral("me@example.org")
                              << QStringLiteral("spiffe.td.userinfo");
    QTest::newRow("percent") << QStringLiteral("a%2eb")
                             << QStringLiteral("spiffe.td.percent_encoded");
    QTest::newRow("slash") << QStringLiteral("example.org/a")
                           << QStringLiteral("spiffe.td.bad_char");
    QTest::newRow("space") << QStringLiteral("example org") << QStringLiteral("spiffe.td.bad_char");
    QTest::newRow("a SPIFFE ID, not a name")
        << QStringLiteral("spiffe://example.org") << QStringLiteral("spiffe.td.not_a_name");
}

void TestSpiffeId::trustDomainName()
{
    QFETCH(QString, name);
    QFETCH(QString, code);
    const auto td = TrustDomain::fromName(name);
    if (!code.isEmpty()) {
        QVERIFY(!td.ok());
        QCOMPARE(td.error().code, code);
        return;
    }
    QVERIFY2(td.ok(), why(td).constData());
    QCOMPARE(td->name(), name);
    QCOMPARE(td->idString(), QStringLiteral("spiffe://") + name);
    QVERIFY(!td->isNull());
}

void TestSpiffeId::fromSegments_data()
{
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two segments") << QStringList{"ns", "a"} << QString()
                                  << QStringLiteral("spiffe://example.org/ns/a");
    QTest::newRow("no segments: trust domain id")
        << QStringList{} << QString() << QStringLiteral("spiffe://example.org");
    QTest::newRow("every path char") << QStringList{"AZaz09.-_"} << QString()
                                     << QStringLiteral("spiffe://example.org/AZaz09.-_");
    QTest::newRow("empty segment")
        << QStringList{"a", ""} << QStringLiteral("spiffe.id.empty_segment") << QString();
    QTest::newRow("dot segment") << QStringList{"."} << QStringLiteral("spiffe.id.dot_segment")
                                 << QString();
    QTest::newRow("dot-dot segment")
        << QStringList{"a", ".."} << QStringLiteral("spiffe.id.dot_segment") << QString();
    QTest::newRow("slash inside a segment")
        << QStringList{"a/b"} << QStringLiteral("spiffe.id.bad_path_char") << QString();
    QTest::newRow("percent in a segment")
        << QStringList{"a%20b"} << QStringLiteral("spiffe.id.percent_encoded") << QString();
    QTest::newRow("query char in a segment")
        << QStringList{"a?b"} << QStringLiteral("spiffe.id.bad_path_char") << QString();
    // "spiffe://example.org/" is 21 characters; a segment of 2027 makes exactly 2048.
    QTest::newRow("exactly 2048") << QStringList{QString(2027, u'x')} << QString()
                                  << QStringLiteral("spiffe://example.org/") + QString(2027, u'x');
    QTest::newRow("2049") << QStringList{QString(2028, u'x')}
                          << QStringLiteral("spiffe.id.too_long") << QString();
}

void TestSpiffeId::fromSegments()
{
    QFETCH(QStringList, segments);
    QFETCH(QString, code);
    QFETCH(QString, expected);
    const auto td = TrustDomain::fromName(u"example.org");
    QVERIFY(td.ok());
    const auto id = SpiffeId::fromSegments(*td, segments);
    if (!code.isEmpty()) {
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, code);
        return;
    }
    QVERIFY2(id.ok(), why(id).constData());
    QCOMPARE(id->toString(), expected);
    QCOMPARE(id->segments(), segments);
    QCOMPARE(*id, *SpiffeId::fromString(expected));
}

void TestSpiffeId::fromPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty path") << QString() << QString();
    QTest::newRow("path") << QStringLiteral("/ns/a") << QString();
    QTest::newRow("relative path")
        << QStringLiteral("ns/a") << QStringLiteral("spiffe.id.path_not_absolute");
    QTest::newRow("trailing slash")
        << QStringLiteral("/ns/") << QStringLiteral("spiffe.id.trailing_slash");
    QTest::newRow("lone slash") << QStringLiteral("/")
                                << QStringLiteral("spiffe.id.trailing_slash");
    QTest::newRow("double slash") << QStringLiteral("//ns")
                                  << QStringLiteral("spiffe.id.empty_segment");
    QTest::newRow("dot segment") << QStringLiteral("/a/./b")
                                 << QStringLiteral("spiffe.id.dot_segment");
    QTest::newRow("query") << QStringLiteral("/a?b") << QStringLiteral("spiffe.id.bad_path_char");
}

void TestSpiffeId::fromPath()
{
    QFETCH(QString, path);
    QFETCH(QString, code);
    const auto td = TrustDomain::fromName(u"example.org");
    QVERIFY(td.ok());
    const auto id = SpiffeId::fromPath(*td, path);
    if (!code.isEmpty()) {
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, code);
        return;
    }
    QVERIFY2(id.ok(), why(id).constData());
    QCOMPARE(id->path(), path);
    QCOMPARE(id->toString(), QStringLiteral("spiffe://example.org") + path);
}

void TestSpiffeId::equalityAndHash()
{
    const auto a1 = SpiffeId::fromString(u"spiffe://example.org/a");
    const auto a2 = SpiffeId::fromSegments(*TrustDomain::fromName(u"example.org"), {"a"});
    const auto b = SpiffeId::fromString(u"spiffe://example.org/A");
    const auto c = SpiffeId::fromString(u"spiffe://example.net/a");
    QVERIFY(a1.ok() && a2.ok() && b.ok() && c.ok());
    QCOMPARE(*a1, *a2);
    QCOMPARE(qHash(*a1), qHash(*a2));
    // Paths are case sensitive; trust domains are compared by name.
    QVERIFY(*a1 != *b);
    QVERIFY(*a1 != *c);
    const QSet<SpiffeId> set{*a1, *a2, *b, *c};
    QCOMPARE(set.size(), 3);
    QVERIFY(SpiffeId().isNull());
    QVERIFY(SpiffeId() != *a1);

    const auto td1 = TrustDomain::fromName(u"example.org");
    const auto td2 = TrustDomain::fromName(u"example.org");
    QCOMPARE(*td1, *td2);
    QCOMPARE(qHash(*td1), qHash(*td2));
    QVERIFY(*td1 != *TrustDomain::fromName(u"example.net"));
    QCOMPARE(QSet<TrustDomain>({*td1, *td2}).size(), 1);
}

void TestSpiffeId::membership()
{
    const auto td = TrustDomain::fromName(u"example.org");
    const auto other = TrustDomain::fromName(u"example.org.evil");
    const auto id = SpiffeId::fromString(u"spiffe://example.org/ns/a");
    QVERIFY(td.ok() && other.ok() && id.ok());
    QVERIFY(id->memberOf(*td));
    QVERIFY(!id->memberOf(*other));
    QCOMPARE(id->trustDomain(), *td);
    QVERIFY(!SpiffeId().memberOf(*td));
    QVERIFY(!id->isTrustDomainId());
}

void TestSpiffeId::trustDomainFromIdString()
{
    const auto td = TrustDomain::fromIdString(u"spiffe://example.org/ns/a");
    QVERIFY(td.ok());
    QCOMPARE(td->name(), QStringLiteral("example.org"));
    QCOMPARE(TrustDomain::fromIdString(u"spiffe://Example.org").error().code,
             QStringLiteral("spiffe.td.uppercase"));
    QCOMPARE(TrustDomain::fromIdString(u"example.org").error().code,
             QStringLiteral("spiffe.id.wrong_scheme"));
}

QTEST_GUILESS_MAIN(TestSpiffeId)
#include "tst_spiffeid.moc"
