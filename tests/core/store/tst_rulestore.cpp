// SPDX-License-Identifier: Apache-2.0
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

RegistrationEntry entry(const char *spiffeId, const char *selector)
{
    RegistrationEntry e;
    e.spiffeId = QString::fromLatin1(spiffeId);
    e.parentId = QStringLiteral("spiffe://example.org/spire/agent/join_token/abc");
    e.selectors = {Selector::parse(QString::fromLatin1(selector)).value()};
    return e;
}

} // namespace

class TestRuleStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySaveKeepsThePrevious();
    void entriesGetIdsAndSurviveReopen();
    void unknownVersionRefused();

private:
    QTemporaryDir m_dir;
};

void TestRuleStore::everySaveKeepsThePrevious()
{
    auto ws = Workspace::create(m_dir.filePath(QStringLiteral("v.atlas")), std::nullopt);
    QVERIFY(ws.ok());
    RuleStore rules((*ws)->database());
    QCOMPARE(rules.latestVersion(RuleKind::Policies).value(), 0);
    QVERIFY(rules.load(RuleKind::Policies)->isEmpty());
    const QDateTime t = QDateTime::currentDateTimeUtc();
    QCOMPARE(rules.save(RuleKind::Policies, "{\"v\":1}", QStringLiteral("first"), t).value(), 1);
    QCOMPARE(
        rules.save(RuleKind::Policies, "{\"v\":2}", QStringLiteral("second"), t.addSecs(5)).value(),
        2);
    // Kinds are numbered apart.
    QCOMPARE(rules.save(RuleKind::Entries, "{\"entries\":[]}", {}, t).value(), 1);
    QCOMPARE(rules.load(RuleKind::Policies).value(), QByteArray("{\"v\":2}"));
    QCOMPARE(rules.load(RuleKind::Policies, 1).value(), QByteArray("{\"v\":1}"));
    auto versions = rules.versions(RuleKind::Policies);
    QVERIFY(versions.ok());
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->at(0).comment, QStringLiteral("first"));
    QCOMPARE(versions->at(1).version, 2);
}

void TestRuleStore::entriesGetIdsAndSurviveReopen()
{
    const QString file = m_dir.filePath(QStringLiteral("e.atlas"));
    const QDateTime t = QDateTime::currentDateTimeUtc();
    {
        auto ws = Workspace::create(file, QByteArray("pw"));
        QVERIFY(ws.ok());
        RuleStore rules((*ws)->database());
        QVERIFY(rules.entries()->isEmpty());
        auto v = rules.saveEntries({entry("spiffe://example.org/a", "unix:uid:1"),
                                    entry("spiffe://example.org/b", "unix:uid:2")},
                                   QStringLiteral("two"), t);
        QCOMPARE(v.value(), 1);
    }
    auto ws = Workspace::open(file, "pw");
    QVERIFY(ws.ok());
    RuleStore rules((*ws)->database());
    auto entries = rules.entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 2);
    QVERIFY(!entries->at(0).id.isEmpty());
    QVERIFY(entries->at(0).id != entries->at(1).id);
    QCOMPARE(entries->at(0).createdAt, t.toSecsSinceEpoch());
    QCOMPARE(entries->at(1).selectors.first().toString(), QStringLiteral("unix:uid:2"));
    // A new version leaves version 1 readable.
    QList<RegistrationEntry> fewer{entries->at(0)};
    QCOMPARE(rules.saveEntries(fewer, QStringLiteral("drop b"), t).value(), 2);
    QCOMPARE(rules.entries()->size(), 1);
    QCOMPARE(rules.entries(1)->size(), 2);
}

void TestRuleStore::unknownVersionRefused()
{
    auto ws = Workspace::create(m_dir.filePath(QStringLiteral("u.atlas")), std::nullopt);
    QVERIFY(ws.ok());
    RuleStore rules((*ws)->database());
    QCOMPARE(rules.load(RuleKind::Entries, 7).error().code,
             QStringLiteral("store.unknown_version"));
}

QTEST_GUILESS_MAIN(TestRuleStore)
#include "tst_rulestore.moc"
