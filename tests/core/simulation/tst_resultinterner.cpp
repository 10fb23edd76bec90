// SPDX-License-Identifier: Apache-2.0
// ResultInterner: kept attestation results share the storage of their repeated parts, and stay
// equal, field by field, to what was given.
#include "core/simulation/ResultInterner.h"

#include <QJsonArray>
#include <QTest>

using namespace ta::core;

namespace {

AttestationResult result(const QString &subject, const QString &image, qint64 secs)
{
    AttestationResult r;
    r.time = QDateTime::fromSecsSinceEpoch(1'790'000'000 + secs, Qt::UTC);
    // Built afresh each time, as a verifier does: equal values, separate storage.
    r.subject = QStringLiteral("workload/") + subject;
    r.attestor = QStringLiteral("k8s") + QStringLiteral("_psat");
    r.agentId = QStringLiteral("spiffe://lab.example/spire/agent/") + QStringLiteral("a");
    r.selectors = {QStringLiteral("k8s:ns:") + subject, QStringLiteral("k8s:sa:default")};
    r.claims =
        QJsonObject{{QStringLiteral("workload"), QJsonObject{{QStringLiteral("image"), image}}}};
    r.anchorIds = {QStringLiteral("k8s_issuer:") + QStringLiteral("prod")};
    r.keyFingerprints = {QStringLiteral("ab") + QString::number(secs % 1)};
    r.nonce = QString::number(secs);
    return r;
}

bool sameFields(const AttestationResult &a, const AttestationResult &b)
{
    return a.time == b.time && a.subject == b.subject && a.attestor == b.attestor &&
           a.agentId == b.agentId && a.selectors == b.selectors && a.claims == b.claims &&
           a.anchorIds == b.anchorIds && a.referenceValueIds == b.referenceValueIds &&
           a.keyFingerprints == b.keyFingerprints && a.nonce == b.nonce && a.reasons == b.reasons &&
           a.warnings == b.warnings;
}

} // namespace

class TestResultInterner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void repeatedRecordSharesWithThePrevious();
    void changedFieldIsKeptAndBecomesTheReference();
    void otherSubjectsShareOnlyPooledStrings();
    void valuesAreUnchanged_data();
    void valuesAreUnchanged();
    void subjectsAreNumberedInOrderOfFirstAppearance();
    void aChangedAgentComesFromThePool();
    void aRefusalBetweenKeepsTheLastAccepted();
    void aVerifiersNumbersFindTheSameEntries();
};

void TestResultInterner::repeatedRecordSharesWithThePrevious()
{
    ResultInterner interner;
    AttestationResult first = result(QStringLiteral("api"), QStringLiteral("img@sha256:aa"), 0);
    AttestationResult second = result(QStringLiteral("api"), QStringLiteral("img@sha256:aa"), 60);
    QVERIFY(!second.selectors.isSharedWith(first.selectors));
    interner.intern(first);
    interner.intern(second);
    QVERIFY(second.selectors.isSharedWith(first.selectors));
    QVERIFY(second.anchorIds.isSharedWith(first.anchorIds));
    QVERIFY(second.keyFingerprints.isSharedWith(first.keyFingerprints));
    QVERIFY(second.subject.isSharedWith(first.subject));
    QVERIFY(second.attestor.isSharedWith(first.attestor));
    QVERIFY(second.agentId.isSharedWith(first.agentId));
    // QJsonObject has no isSharedWith: a shared object is detached by a write to the copy only.
    QCOMPARE(second.claims, first.claims);
    // The one-time value is never shared: each record has its own.
    QVERIFY(!second.nonce.isSharedWith(first.nonce));
    QCOMPARE(second.nonce, QStringLiteral("60"));
}

void TestResultInterner::changedFieldIsKeptAndBecomesTheReference()
{
    ResultInterner interner;
    AttestationResult a = result(QStringLiteral("api"), QStringLiteral("img@sha256:aa"), 0);
    AttestationResult b = result(QStringLiteral("api"), QStringLiteral("img@sha256:bb"), 60);
    b.selectors.append(QStringLiteral("k8s:pod-label:tier:web"));
    AttestationResult c = b;
    c.selectors = QStringList(b.selectors.cbegin(), b.selectors.cend());
    interner.intern(a);
    interner.intern(b);
    interner.intern(c);
    QVERIFY(!b.selectors.isSharedWith(a.selectors));
    QCOMPARE(b.selectors.size(), 3);
    QCOMPARE(b.claims.value(QStringLiteral("workload")).toObject().value(QStringLiteral("image")),
             QJsonValue(QStringLiteral("img@sha256:bb")));
    // The changed value is what the next record is compared with.
    QVERIFY(c.selectors.isSharedWith(b.selectors));
}

void TestResultInterner::otherSubjectsShareOnlyPooledStrings()
{
    ResultInterner interner;
    AttestationResult api = result(QStringLiteral("api"), QStringLiteral("img@sha256:aa"), 0);
    AttestationResult web = result(QStringLiteral("web"), QStringLiteral("img@sha256:aa"), 0);
    interner.intern(api);
    interner.intern(web);
    QVERIFY(web.attestor.isSharedWith(api.attestor));
    QVERIFY(web.agentId.isSharedWith(api.agentId));
    QVERIFY(!web.subject.isSharedWith(api.subject));
    // Per-subject fields are compared with the same subject's previous record only.
    QVERIFY(!web.anchorIds.isSharedWith(api.anchorIds));
    QCOMPARE(interner.pooledStrings(), 4);
}

void TestResultInterner::valuesAreUnchanged_data()
{
    QTest::addColumn<QList<int>>("images");
    QTest::newRow("one record") << QList<int>{0};
    QTest::newRow("same facts") << QList<int>{0, 0, 0};
    QTest::newRow("drift and back") << QList<int>{0, 1, 0, 0};
    QTest::newRow("every record differs") << QList<int>{0, 1, 2, 3};
}

void TestResultInterner::valuesAreUnchanged()
{
    QFETCH(QList<int>, images);
    ResultInterner interner;
    std::vector<AttestationResult> kept;
    QList<AttestationResult> given;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const AttestationResult r =
            result(QStringLiteral("api"), QStringLiteral("img:%1").arg(images.at(i)), i * 60);
        given.append(r);
        kept.push_back(r);
        interner.intern(kept.back());
    }
    for (qsizetype i = 0; i < given.size(); ++i)
        QVERIFY2(sameFields(kept.at(size_t(i)), given.at(i)), qPrintable(QString::number(i)));
}

void TestResultInterner::subjectsAreNumberedInOrderOfFirstAppearance()
{
    ResultInterner interner;
    QList<int> numbers;
    for (const char *subject : {"api", "web", "api", "db", "web", "db", "cache"}) {
        AttestationResult r =
            result(QString::fromLatin1(subject), QStringLiteral("img@sha256:aa"), 0);
        numbers << interner.intern(r);
    }
    QCOMPARE(numbers, (QList<int>{0, 1, 0, 2, 1, 2, 3}));
}

void TestResultInterner::aChangedAgentComesFromThePool()
{
    // A subject's attestor and agent ID are shared with its previous record when equal, and
    // taken from the pool when not, so equal strings share storage across subjects and back.
    ResultInterner interner;
    auto withAgent = [](const char *subject, const char *agent, const char *attestor) {
        AttestationResult r =
            result(QString::fromLatin1(subject), QStringLiteral("img@sha256:aa"), 0);
        r.agentId = QString::fromLatin1(agent);
        r.attestor = QString::fromLatin1(attestor);
        return r;
    };
    AttestationResult a1 = withAgent("api", "spiffe://td/agent/a", "k8s");
    AttestationResult a2 = withAgent("api", "spiffe://td/agent/b", "docker");
    AttestationResult w = withAgent("web", "spiffe://td/agent/b", "docker");
    AttestationResult a3 = withAgent("api", "spiffe://td/agent/a", "k8s");
    for (AttestationResult *r : {&a1, &a2, &w, &a3})
        interner.intern(*r);
    QCOMPARE(a2.agentId, QStringLiteral("spiffe://td/agent/b"));
    QCOMPARE(a2.attestor, QStringLiteral("docker"));
    QVERIFY(w.agentId.isSharedWith(a2.agentId));
    QVERIFY(w.attestor.isSharedWith(a2.attestor));
    QVERIFY(a3.agentId.isSharedWith(a1.agentId));
    QVERIFY(a3.attestor.isSharedWith(a1.attestor));
    QCOMPARE(a3.agentId, QStringLiteral("spiffe://td/agent/a"));
    // api, web, two agents, two attestors.
    QCOMPARE(interner.pooledStrings(), 6);
}

void TestResultInterner::aRefusalBetweenKeepsTheLastAccepted()
{
    // A refused record has no selectors, claims, anchors or keys. The subject's next accepted
    // record, equal to the one before the refusal, shares that one's storage; the refused
    // record stays as it was given.
    ResultInterner interner;
    AttestationResult before = result(QStringLiteral("api"), QStringLiteral("img@sha256:aa"), 0);
    AttestationResult refused;
    refused.time = before.time.addSecs(30);
    refused.subject = QStringLiteral("workload/api");
    refused.attestor = before.attestor;
    refused.refuse(QStringLiteral("signature_invalid"));
    const AttestationResult refusedGiven = refused;
    AttestationResult after = result(QStringLiteral("api"), QStringLiteral("img@sha256:aa"), 60);
    const AttestationResult afterGiven = after;
    interner.intern(before);
    interner.intern(refused);
    interner.intern(after);
    QVERIFY(sameFields(refused, refusedGiven));
    QVERIFY(sameFields(after, afterGiven));
    QVERIFY(after.selectors.isSharedWith(before.selectors));
    QVERIFY(after.anchorIds.isSharedWith(before.anchorIds));
    QVERIFY(after.keyFingerprints.isSharedWith(before.keyFingerprints));
    QCOMPARE(after.claims, before.claims);
}

void TestResultInterner::aVerifiersNumbersFindTheSameEntries()
{
    // A verifier's subject numbers lead to the entries the subjects' texts lead to: the same
    // numbers back and the same sharing. The interner numbers subjects its own way, whatever
    // numbers it is given. A number given with another subject than it was first given with is
    // not trusted: that subject is found by its text.
    ResultInterner byText;
    ResultInterner byNumber;
    const QList<const char *> subjects{"api", "web", "api", "db", "web"};
    const QList<int> known{5, 7, 5, 9, 7};
    QList<AttestationResult> textResults;
    QList<AttestationResult> numberResults;
    QList<int> textNumbers;
    QList<int> numbers;
    for (qsizetype i = 0; i < subjects.size(); ++i) {
        textResults << result(QString::fromLatin1(subjects.at(i)), QStringLiteral("img:a"), i);
        numberResults << textResults.last();
        numberResults.last().subject =
            QString(textResults.last().subject.constData(), textResults.last().subject.size());
        textNumbers << byText.intern(textResults.last());
        numbers << byNumber.intern(numberResults.last(), known.at(i));
    }
    QCOMPARE(numbers, (QList<int>{0, 1, 0, 2, 1}));
    QCOMPARE(numbers, textNumbers);
    QVERIFY(numberResults.at(2).subject.isSharedWith(numberResults.at(0).subject));
    QVERIFY(numberResults.at(2).selectors.isSharedWith(numberResults.at(0).selectors));
    QVERIFY(numberResults.at(4).anchorIds.isSharedWith(numberResults.at(1).anchorIds));
    for (qsizetype i = 0; i < subjects.size(); ++i)
        QVERIFY2(sameFields(numberResults.at(i), textResults.at(i)),
                 qPrintable(QString::number(i)));

    // Another subject under api's number is a new subject; api under it again is api.
    AttestationResult cache = result(QStringLiteral("cache"), QStringLiteral("img:a"), 10);
    QCOMPARE(byNumber.intern(cache, 5), 3);
    AttestationResult api = result(QStringLiteral("api"), QStringLiteral("img:a"), 11);
    QCOMPARE(byNumber.intern(api, 5), 0);
    QVERIFY(api.subject.isSharedWith(numberResults.at(0).subject));
    // A subject first seen without a number is found by one later, and the other way round.
    AttestationResult db = result(QStringLiteral("db"), QStringLiteral("img:a"), 12);
    QCOMPARE(byNumber.intern(db), 2);
    AttestationResult queue = result(QStringLiteral("queue"), QStringLiteral("img:a"), 13);
    QCOMPARE(byNumber.intern(queue), 4);
    AttestationResult queueAgain = result(QStringLiteral("queue"), QStringLiteral("img:a"), 14);
    QCOMPARE(byNumber.intern(queueAgain, 11), 4);
    QVERIFY(queueAgain.selectors.isSharedWith(queue.selectors));
    AttestationResult queueThird = result(QStringLiteral("queue"), QStringLiteral("img:a"), 15);
    QCOMPARE(byNumber.intern(queueThird, 11), 4);
    QVERIFY(queueThird.subject.isSharedWith(queue.subject));
}

QTEST_GUILESS_MAIN(TestResultInterner)
#include "tst_resultinterner.moc"
