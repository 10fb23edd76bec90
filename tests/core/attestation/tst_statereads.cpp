// SPDX-License-Identifier: Apache-2.0
// The questions an attestor asks of the replay's state (AttestationContext), and StateReads,
// which decides whether a result the pre-pass reached against a copy of the state still stands
// against the replay's own: it must stand exactly when every answer is the same.
#include "core/attestation/AttestationContext.h"

#include <QTest>

using namespace ta::core;

namespace {

const QDateTime kT0 = QDateTime::fromString(QStringLiteral("2026-01-01T00:00:00Z"), Qt::ISODate);
const QString kAgent = QStringLiteral("spiffe://lab.example/spire/agent/x509pop/abc");
const QString kSubject = QStringLiteral("node/lab-1");

AttestedNode node(const QDateTime &at, const QStringList &keys = {QStringLiteral("k1")})
{
    AttestedNode n;
    n.subject = kSubject;
    n.agentId = kAgent;
    n.attestedAt = at;
    n.validUntil = at.addSecs(3600);
    n.anchorIds = {QStringLiteral("x509pop_ca:lab")};
    n.keyFingerprints = keys;
    return n;
}

/// Asks @p ask of @p state through a recording context and returns what was recorded.
template <typename Ask>
StateReads readsOf(const AttestationState &state, Ask &&ask)
{
    const AnchorSet anchors;
    const TrustBundleSet bundles;
    const AttestationSettings settings;
    StateReads reads;
    const AttestationContext context(anchors, state, bundles, settings, nullptr, &reads);
    ask(context);
    return reads;
}

} // namespace

class TestStateReads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noQuestionsHoldAnywhere();
    void withoutReadsNothingIsRecorded();
    void anchorQuestions();
    void keyQuestions();
    void tokenQuestion();
    void nodeStanding();
    void renewalKeepsEqualLists();
    void copiesShareUnchangedNodes();
    void revokedKeysReadAsLatin1();
    void everyAnswerMustMatch();
    void holdsAsTheAnswerCompares();
};

void TestStateReads::noQuestionsHoldAnywhere()
{
    AttestationState changed;
    changed.revokeAnchor(QStringLiteral("a"), kT0);
    changed.attestNode(node(kT0));
    const StateReads none = readsOf(AttestationState{}, [](const AttestationContext &) {});
    QCOMPARE(none.size(), 0);
    QVERIFY(none.holdIn(AttestationState{}));
    QVERIFY(none.holdIn(changed));
}

void TestStateReads::withoutReadsNothingIsRecorded()
{
    AttestationState state;
    state.revokeAnchor(QStringLiteral("a"), kT0);
    const AnchorSet anchors;
    const TrustBundleSet bundles;
    const AttestationSettings settings;
    const AttestationContext context(anchors, state, bundles, settings);
    // The answers are the state's own.
    QVERIFY(context.anchorRevoked(QStringLiteral("a")));
    QVERIFY(!context.anchorRevoked(QStringLiteral("b")));
    QCOMPARE(context.nodeStanding(kAgent, kT0).invalidReason,
             QStringLiteral("no node attestation"));
}

void TestStateReads::anchorQuestions()
{
    const QString id = QStringLiteral("k8s_issuer:lab");
    const StateReads revoked = readsOf(
        AttestationState{}, [&](const AttestationContext &c) { QVERIFY(!c.anchorRevoked(id)); });
    const StateReads expired = readsOf(AttestationState{}, [&](const AttestationContext &c) {
        QVERIFY(!c.anchorExpiredBySignal(id));
    });
    QCOMPARE(revoked.size(), 1);
    AttestationState other;
    other.revokeAnchor(QStringLiteral("another"), kT0);
    other.expireAnchor(QStringLiteral("another"), kT0);
    QVERIFY(revoked.holdIn(other));
    QVERIFY(expired.holdIn(other));
    AttestationState gone;
    gone.revokeAnchor(id, kT0);
    QVERIFY(!revoked.holdIn(gone));
    QVERIFY(expired.holdIn(gone)); // revoked is not expired: a question of its own
    AttestationState lapsed;
    lapsed.expireAnchor(id, kT0);
    QVERIFY(revoked.holdIn(lapsed));
    QVERIFY(!expired.holdIn(lapsed));
    // And the other way: an answer "revoked" does not hold once the state says otherwise.
    const StateReads wasRevoked =
        readsOf(gone, [&](const AttestationContext &c) { QVERIFY(c.anchorRevoked(id)); });
    QVERIFY(wasRevoked.holdIn(gone));
    QVERIFY(!wasRevoked.holdIn(AttestationState{}));
}

void TestStateReads::keyQuestions()
{
    const QByteArray key = "aa11";
    // The attestors' form: anyKeyRevoked() first, the key itself only when some key is.
    auto ask = [&](const AttestationContext &c) { (void)(c.anyKeyRevoked() && c.keyRevoked(key)); };
    const StateReads none = readsOf(AttestationState{}, ask);
    QCOMPARE(none.size(), 1);
    AttestationState another;
    another.revokeKey("bb22", kT0);
    // "No key is revoked" no longer holds once any is, even another: the attestor would have
    // asked about its own key there.
    QVERIFY(!none.holdIn(another));
    const StateReads some = readsOf(another, ask);
    QCOMPARE(some.size(), 2);
    QVERIFY(some.holdIn(another));
    AttestationState both = another;
    both.revokeKey("cc33", kT0);
    QVERIFY(some.holdIn(both));
    AttestationState mine = another;
    mine.revokeKey(key, kT0.addSecs(5));
    QVERIFY(!some.holdIn(mine));
    QVERIFY(!some.holdIn(AttestationState{}));
}

void TestStateReads::tokenQuestion()
{
    const QByteArray token = "0123abcd";
    const StateReads unused = readsOf(AttestationState{}, [&](const AttestationContext &c) {
        QVERIFY(!c.tokenUsedAt(token).isValid());
    });
    AttestationState used;
    used.consumeToken(token, kSubject, kT0);
    QVERIFY(unused.holdIn(AttestationState{}));
    QVERIFY(!unused.holdIn(used));
    const StateReads usedAt =
        readsOf(used, [&](const AttestationContext &c) { QCOMPARE(c.tokenUsedAt(token), kT0); });
    QVERIFY(usedAt.holdIn(used));
    // The instant is in the refusal's text: another instant is another answer.
    AttestationState usedLater;
    usedLater.consumeToken(token, kSubject, kT0.addSecs(1));
    QVERIFY(!usedAt.holdIn(usedLater));
}

void TestStateReads::nodeStanding()
{
    const QDateTime at = kT0.addSecs(600);
    auto ask = [&](const AttestationContext &c) { (void)c.nodeStanding(kAgent, at); };
    AttestationState attested;
    attested.attestNode(node(kT0));
    const StateReads standing = readsOf(attested, ask);
    QCOMPARE(standing.size(), 1);
    QVERIFY(standing.holdIn(attested));
    // Renewed since, on the same anchors and keys: the workload attestor concludes the same.
    AttestationState renewed = attested;
    renewed.attestNode(node(kT0.addSecs(300)));
    QVERIFY(standing.holdIn(renewed));
    // Renewed on another key: the result names the keys it rests on.
    AttestationState rekeyed = attested;
    rekeyed.attestNode(node(kT0.addSecs(300), {QStringLiteral("k2")}));
    QVERIFY(!standing.holdIn(rekeyed));
    // Dropped, never attested, its anchor or key revoked: not attested at that instant.
    AttestationState dropped = attested;
    dropped.dropNode(kSubject);
    QVERIFY(!standing.holdIn(dropped));
    QVERIFY(!standing.holdIn(AttestationState{}));
    AttestationState anchorRevoked = attested;
    anchorRevoked.revokeAnchor(QStringLiteral("x509pop_ca:lab"), kT0);
    QVERIFY(!standing.holdIn(anchorRevoked));
    AttestationState anchorExpired = attested;
    anchorExpired.expireAnchor(QStringLiteral("x509pop_ca:lab"), kT0);
    QVERIFY(!standing.holdIn(anchorExpired));
    AttestationState keyRevoked = attested;
    keyRevoked.revokeKey("k1", kT0);
    QVERIFY(!standing.holdIn(keyRevoked));
    // Another anchor or key revoked: the node's standing, and so the answer, is unchanged.
    AttestationState otherRevoked = attested;
    otherRevoked.revokeAnchor(QStringLiteral("x509pop_ca:other"), kT0);
    otherRevoked.revokeKey("k9", kT0);
    QVERIFY(standing.holdIn(otherRevoked));
    // Not attested in the copy, attested in the replay's state: the refusal does not stand.
    const StateReads missing = readsOf(AttestationState{}, ask);
    QVERIFY(missing.holdIn(AttestationState{}));
    QVERIFY(!missing.holdIn(attested));
    // Asked at an instant after the node lapsed: lapsed in both, the same reason.
    const StateReads late = readsOf(attested, [&](const AttestationContext &c) {
        QVERIFY(!c.nodeStanding(kAgent, kT0.addSecs(7200)).invalidReason.isEmpty());
    });
    QVERIFY(late.holdIn(attested));
    QVERIFY(!late.holdIn(renewed)); // lapses later there: another reason's text
}

void TestStateReads::renewalKeepsEqualLists()
{
    // A node renewed on the same anchors and keys keeps the lists it had (one allocation), so
    // the standing its workloads copy compares with the one before by address; lists that
    // changed are the new ones.
    const AnchorSet anchors;
    const TrustBundleSet bundles;
    const AttestationSettings settings;
    AttestationState state;
    const AttestationContext context(anchors, state, bundles, settings, nullptr, nullptr);
    state.attestNode(node(kT0));
    const NodeStanding first = context.nodeStanding(kAgent, kT0.addSecs(60));
    QCOMPARE(first.anchorIds, QStringList{QStringLiteral("x509pop_ca:lab")});

    state.attestNode(node(kT0.addSecs(300)));
    const NodeStanding renewed = context.nodeStanding(kAgent, kT0.addSecs(360));
    QCOMPARE(state.nodeByAgent(kAgent)->attestedAt, kT0.addSecs(300));
    QVERIFY(renewed.anchorIds.isSharedWith(first.anchorIds));
    QVERIFY(renewed.keyFingerprints.isSharedWith(first.keyFingerprints));

    state.attestNode(node(kT0.addSecs(600), {QStringLiteral("k2")}));
    const NodeStanding rekeyed = context.nodeStanding(kAgent, kT0.addSecs(660));
    QCOMPARE(rekeyed.keyFingerprints, QStringList{QStringLiteral("k2")});
    QVERIFY(rekeyed.anchorIds.isSharedWith(first.anchorIds));
}

void TestStateReads::copiesShareUnchangedNodes()
{
    // Each pre-pass batch copies the replay's state, which then changes its own: the copy keeps
    // every node as it was, and the nodes a change did not touch stay shared rather than copied.
    constexpr int kNodes = 1000;
    const auto agent = [](int i) { return kAgent + QString::number(i); };
    const auto subject = [](int i) { return kSubject + QLatin1Char('-') + QString::number(i); };
    AttestationState state;
    for (int i = 0; i < kNodes; ++i) {
        AttestedNode n = node(kT0);
        n.agentId = agent(i);
        n.subject = subject(i);
        state.attestNode(n);
    }
    QCOMPARE(state.nodeCount(), kNodes);
    state.attestNode([&] {
        AttestedNode n = node(kT0.addSecs(1));
        n.agentId = agent(7);
        n.subject = subject(7);
        return n;
    }());
    QCOMPARE(state.nodeCount(), kNodes); // renewed, not added
    state.dropNode(QStringLiteral("node/never-bound"));
    QCOMPARE(state.nodeCount(), kNodes);

    AttestationState changed = state;
    AttestedNode renewed = node(kT0.addSecs(60));
    renewed.agentId = agent(0);
    renewed.subject = subject(0);
    changed.attestNode(renewed);
    changed.dropNode(subject(1));
    AttestedNode added = node(kT0.addSecs(60));
    added.agentId = agent(kNodes);
    added.subject = subject(kNodes);
    changed.attestNode(added);

    QCOMPARE(state.nodeCount(), kNodes);
    QCOMPARE(changed.nodeCount(), kNodes);
    QCOMPARE(state.nodeByAgent(agent(0))->attestedAt, kT0);
    QCOMPARE(changed.nodeByAgent(agent(0))->attestedAt, kT0.addSecs(60));
    QCOMPARE(state.nodeByAgent(agent(7))->attestedAt, kT0.addSecs(1));
    QVERIFY(state.nodeByAgent(agent(1)));
    QVERIFY(!changed.nodeByAgent(agent(1)));
    QVERIFY(!state.nodeByAgent(agent(kNodes)));
    QCOMPARE(changed.nodeByAgent(agent(kNodes))->subject, subject(kNodes));
    int shared = 0;
    for (int i = 2; i < kNodes; ++i) {
        const AttestedNode *before = state.nodeByAgent(agent(i));
        const AttestedNode *after = changed.nodeByAgent(agent(i));
        QVERIFY(before && after);
        QCOMPARE(after->agentId, agent(i));
        QCOMPARE(after->attestedAt, before->attestedAt);
        shared += before == after ? 1 : 0;
    }
    // Three changes copy at most three shards of the 64.
    QVERIFY2(shared > kNodes * 8 / 10, qPrintable(QString::number(shared)));
}

void TestStateReads::revokedKeysReadAsLatin1()
{
    // A node's key fingerprints are text; revocations are bytes. A fingerprint is revoked when
    // its Latin-1 form (toLatin1(): a character beyond Latin-1 reads as '?') is.
    const QString plain = QStringLiteral("k1");
    const QString latin1 = QString::fromUtf8("k\u00c4");
    const QString beyond = QString::fromUtf8("k\u20ac");
    const AttestedNode n = node(kT0, {plain, latin1, beyond});
    const QDateTime at = kT0.addSecs(60);
    for (const QString &key : {plain, latin1, beyond}) {
        AttestationState state;
        state.attestNode(n);
        state.revokeKey("k9", kT0);
        QVERIFY(state.nodeInvalidReason(n, at).isEmpty());
        state.revokeKey(key.toLatin1(), kT0);
        QCOMPARE(state.nodeInvalidReason(n, at), QStringLiteral("key revoked: ") + key);
    }
    AttestationState utf8;
    utf8.attestNode(n);
    utf8.revokeKey(latin1.toUtf8(), kT0); // the UTF-8 bytes are another key
    QVERIFY(utf8.nodeInvalidReason(n, at).isEmpty());
    AttestationState question;
    question.attestNode(n);
    question.revokeKey("k?", kT0);
    QCOMPARE(question.nodeInvalidReason(n, at), QStringLiteral("key revoked: ") + beyond);
}

void TestStateReads::everyAnswerMustMatch()
{
    // Several questions: one changed answer among them is enough to verify the record again.
    AttestationState state;
    state.attestNode(node(kT0));
    const StateReads reads = readsOf(state, [&](const AttestationContext &c) {
        (void)c.anchorRevoked(QStringLiteral("a"));
        (void)c.tokenUsedAt("t");
        (void)c.nodeStanding(kAgent, kT0.addSecs(60));
    });
    QCOMPARE(reads.size(), 3);
    QVERIFY(reads.holdIn(state));
    AttestationState changed = state;
    changed.consumeToken("t", kSubject, kT0);
    QVERIFY(!reads.holdIn(changed));
}

void TestStateReads::holdsAsTheAnswerCompares()
{
    // holds() compares in place what answered() builds: for every question of every kind,
    // recorded in one state and checked in another, both must say the same.
    const auto at = [](qint64 s) { return kT0.addSecs(s); };
    std::vector<AttestationState> states(11);
    for (size_t i = 1; i < states.size(); ++i)
        states[i].attestNode(node(kT0));
    states[2].attestNode(node(at(300)));
    states[3].attestNode(node(at(300), {QStringLiteral("k2")}));
    states[4].dropNode(kSubject);
    states[5].revokeAnchor(QStringLiteral("x509pop_ca:lab"), kT0);
    states[6].expireAnchor(QStringLiteral("x509pop_ca:lab"), kT0);
    states[7].revokeKey("k1", kT0);
    states[8].revokeAnchor(QStringLiteral("x509pop_ca:other"), kT0);
    states[8].revokeKey("k9", kT0);
    states[9].consumeToken("t", kSubject, kT0);
    states[10].consumeToken("t", kSubject, at(60));
    const auto ask = [&](const AttestationContext &c) {
        (void)c.anchorRevoked(QStringLiteral("x509pop_ca:lab"));
        (void)c.anchorExpiredBySignal(QStringLiteral("x509pop_ca:lab"));
        (void)c.anyKeyRevoked();
        (void)c.keyRevoked("k1");
        (void)c.tokenUsedAt("t");
        (void)c.nodeStanding(kAgent, at(600));
        (void)c.nodeStanding(kAgent, at(7200));
        (void)c.nodeStanding(kAgent, at(-60));
        (void)c.nodeStanding(QStringLiteral("spiffe://lab.example/spire/agent/other"), at(600));
    };
    QHash<StateReads::Kind, QPair<int, int>> seen; // kind -> (held, did not)
    for (const AttestationState &recorded : states) {
        const StateReads reads = readsOf(recorded, ask);
        QCOMPARE(reads.size(), 9);
        for (const AttestationState &checked : states) {
            bool all = true;
            for (const StateReads::Read &r : reads.reads()) {
                const bool same = StateReads::answered(checked, r) == r;
                QCOMPARE(StateReads::holds(checked, r), same);
                (same ? seen[r.kind].first : seen[r.kind].second)++;
                all = all && same;
            }
            QCOMPARE(reads.holdIn(checked), all);
        }
    }
    // Each kind of question both held and did not somewhere: the comparison was exercised.
    QCOMPARE(seen.size(), 6);
    for (const QPair<int, int> &outcomes : std::as_const(seen))
        QVERIFY(outcomes.first > 0 && outcomes.second > 0);
}

QTEST_GUILESS_MAIN(TestStateReads)
#include "tst_statereads.moc"
