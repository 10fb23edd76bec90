// SPDX-License-Identifier: Apache-2.0
#include "core/policy/RegistrationEntry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ta::core;

namespace {

// As `spire-server entry show -output json` prints an entry (protojson: int64 as strings).
const char *const kSpireJson = R"({
  "entries": [
    {
      "id": "0b5f3b3c-5e2a-4c1f-9f7e-3f4a0c9b8d11",
      "spiffe_id": {"trust_domain": "example.org", "path": "/ns/pay/sa/api"},
      "parent_id": {"trust_domain": "example.org", "path": "/spire/agent/k8s_psat/prod/node-1"},
      "selectors": [{"type": "k8s", "value": "ns:pay"}, {"type": "k8s", "value": "sa:api"}],
      "x509_svid_ttl": 3600,
      "federates_with": ["partner.example"],
      "admin": false,
      "downstream": true,
      "expires_at": "1900000000",
      "dns_names": ["api.pay.svc"],
      "revision_number": "3",
      "store_svid": false,
      "jwt_svid_ttl": 300,
      "hint": "external",
      "created_at": "1700000000"
    }
  ],
  "next_page_token": ""
})";

} // namespace

class TestRegistrationEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSpireOutput();
    void roundTrip();
    void numbersAsNumbersAccepted();
    void readsEntryCreateData();
    void entryCreateDataRefusals_data();
    void entryCreateDataRefusals();
    void refusals_data();
    void refusals();
};

void TestRegistrationEntry::readsSpireOutput()
{
    auto list = RegistrationEntry::listFromJson(kSpireJson);
    QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().toString()));
    QCOMPARE(list->size(), 1);
    const RegistrationEntry &e = list->first();
    QCOMPARE(e.spiffeId, QStringLiteral("spiffe://example.org/ns/pay/sa/api"));
    QCOMPARE(e.parentId, QStringLiteral("spiffe://example.org/spire/agent/k8s_psat/prod/node-1"));
    QCOMPARE(e.selectors.size(), 2);
    QCOMPARE(e.selectors[1].toString(), QStringLiteral("k8s:sa:api"));
    QCOMPARE(e.x509SvidTtl, 3600);
    QCOMPARE(e.jwtSvidTtl, 300);
    QCOMPARE(e.expiresAt, 1900000000);
    QCOMPARE(e.revisionNumber, 3);
    QCOMPARE(e.createdAt, 1700000000);
    QVERIFY(e.downstream);
    QVERIFY(!e.admin);
    QCOMPARE(e.federatesWith, QStringList{QStringLiteral("partner.example")});
    QCOMPARE(e.dnsNames, QStringList{QStringLiteral("api.pay.svc")});
    QCOMPARE(e.hint, QStringLiteral("external"));
}

void TestRegistrationEntry::roundTrip()
{
    auto list = RegistrationEntry::listFromJson(kSpireJson);
    QVERIFY(list.ok());
    const QByteArray out = RegistrationEntry::listToJson(*list);
    auto back = RegistrationEntry::listFromJson(out);
    QVERIFY(back.ok());
    QCOMPARE(*back, *list);
    // The written form is SPIRE's: same keys, int64 fields as strings.
    const QJsonObject written = QJsonDocument::fromJson(out)
                                    .object()
                                    .value(QStringLiteral("entries"))
                                    .toArray()
                                    .first()
                                    .toObject();
    const QJsonObject original = QJsonDocument::fromJson(kSpireJson)
                                     .object()
                                     .value(QStringLiteral("entries"))
                                     .toArray()
                                     .first()
                                     .toObject();
    QCOMPARE(written, original);
}

void TestRegistrationEntry::numbersAsNumbersAccepted()
{
    QByteArray json(kSpireJson);
    json.replace("\"1900000000\"", "1900000000");
    auto list = RegistrationEntry::listFromJson(json);
    QVERIFY(list.ok());
    QCOMPARE(list->first().expiresAt, 1900000000);
}

// The file `spire-server entry create -data` takes: string IDs, the deprecated "ttl", node entries.
void TestRegistrationEntry::readsEntryCreateData()
{
    QFile f(QStringLiteral(TA_TEST_DATA_DIR "/spire/entry-create-data.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto list = RegistrationEntry::listFromJson(f.readAll());
    QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().toString()));
    QCOMPARE(list->size(), 3);
    const RegistrationEntry &web = list->at(0);
    QCOMPARE(web.spiffeId, QStringLiteral("spiffe://acme.test/web/frontend"));
    QCOMPARE(web.parentId, QStringLiteral("spiffe://acme.test/spire/agent/join_token/tok-web"));
    QCOMPARE(web.selectors.size(), 2);
    QCOMPARE(web.x509SvidTtl, 900);
    QCOMPARE(web.jwtSvidTtl, 0);
    QCOMPARE(web.dnsNames, QStringList{QStringLiteral("frontend.acme.test")});
    QVERIFY(list->at(1).admin);
    QCOMPARE(list->at(1).federatesWith, QStringList{QStringLiteral("spiffe://partner.test")});
    const RegistrationEntry &node = list->at(2);
    QCOMPARE(node.id, QStringLiteral("node-eu-west"));
    QCOMPARE(node.parentId, QStringLiteral("spiffe://acme.test/spire/server"));
    QCOMPARE(node.expiresAt, 1900000000);
    // Written back in `entry show` form, it reads back the same.
    auto back = RegistrationEntry::listFromJson(RegistrationEntry::listToJson(*list));
    QVERIFY(back.ok());
    QCOMPARE(*back, *list);
}

void TestRegistrationEntry::entryCreateDataRefusals_data()
{
    QTest::addColumn<QByteArray>("entry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detail");
    const QByteArray sel = R"("selectors": [{"type": "unix", "value": "uid:1"}])";
    QTest::newRow("no spiffe_id") << QByteArray(R"({"parent_id": "spiffe://a.test/p", )" + sel +
                                                "}")
                                  << "entry.missing_field"
                                  << "spiffe_id";
    QTest::newRow("no parent_id") << QByteArray(R"({"spiffe_id": "spiffe://a.test/w", )" + sel +
                                                "}")
                                  << "entry.missing_field"
                                  << "parent_id";
    QTest::newRow("string id not SPIFFE")
        << QByteArray(R"({"spiffe_id": "https://a.test/w", "parent_id": "spiffe://a.test/p", )" +
                      sel + "}")
        << "entry.bad_spiffe_id"
        << "spiffe_id";
    QTest::newRow("id a number")
        << QByteArray(R"({"spiffe_id": 7, "parent_id": "spiffe://a.test/p", )" + sel + "}")
        << "entry.bad_spiffe_id"
        << "spiffe_id";
    QTest::newRow("node with another parent")
        << QByteArray(
               R"({"spiffe_id": "spiffe://a.test/n", "node": true, "parent_id": "spiffe://a.test/p", )" +
               sel + "}")
        << "entry.bad_spiffe_id"
        << "parent_id";
    QTest::newRow("ttl and x509_svid_ttl differ")
        << QByteArray(
               R"({"spiffe_id": "spiffe://a.test/w", "parent_id": "spiffe://a.test/p", "ttl": 60, "x509_svid_ttl": 90, )" +
               sel + "}")
        << "entry.bad_number"
        << "ttl";
    QTest::newRow("negative ttl")
        << QByteArray(
               R"({"spiffe_id": "spiffe://a.test/w", "parent_id": "spiffe://a.test/p", "ttl": -5, )" +
               sel + "}")
        << "entry.bad_number"
        << "ttl";
}

void TestRegistrationEntry::entryCreateDataRefusals()
{
    QFETCH(QByteArray, entry);
    QFETCH(QString, code);
    QFETCH(QString, detail);
    auto list = RegistrationEntry::listFromJson("{\"entries\": [" + entry + "]}");
    QVERIFY(!list.ok());
    QCOMPARE(list.error().code, code);
    QVERIFY2(list.error().detail.contains(detail), qPrintable(list.error().detail));
}

void TestRegistrationEntry::refusals_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("code");
    QTest::newRow("not JSON") << QByteArray("\"entries\"") << QByteArray("entries")
                              << "entry.bad_json";
    QTest::newRow("uppercase trust domain")
        << QByteArray("\"trust_domain\": \"example.org\", \"path\": \"/ns")
        << QByteArray("\"trust_domain\": \"Example.org\", \"path\": \"/ns")
        << "entry.bad_spiffe_id";
    QTest::newRow("path with empty segment")
        << QByteArray("/ns/pay/sa/api") << QByteArray("/ns//api") << "entry.bad_spiffe_id";
    QTest::newRow("no selectors") << QByteArray("[{\"type\": \"k8s\", \"value\": \"ns:pay\"}, "
                                                "{\"type\": \"k8s\", \"value\": \"sa:api\"}]")
                                  << QByteArray("[]") << "entry.no_selectors";
    QTest::newRow("selector without value")
        << QByteArray("\"value\": \"sa:api\"") << QByteArray("\"value\": \"\"")
        << "entry.bad_selector";
    QTest::newRow("negative ttl") << QByteArray("\"x509_svid_ttl\": 3600")
                                  << QByteArray("\"x509_svid_ttl\": -1") << "entry.bad_number";
    QTest::newRow("int64 that is not a number")
        << QByteArray("\"revision_number\": \"3\"") << QByteArray("\"revision_number\": \"three\"")
        << "entry.bad_number";
    QTest::newRow("bad federates_with")
        << QByteArray("[\"partner.example\"]") << QByteArray("[\"Partner!\"]")
        << "entry.bad_federates_with";
}

void TestRegistrationEntry::refusals()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, code);
    QByteArray json(kSpireJson);
    QVERIFY(json.contains(from));
    json.replace(from, to);
    auto list = RegistrationEntry::listFromJson(json);
    QVERIFY(!list.ok());
    QCOMPARE(list.error().code, code);
}

QTEST_GUILESS_MAIN(TestRegistrationEntry)
#include "tst_registrationentry.moc"
