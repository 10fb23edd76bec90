// SPDX-License-Identifier: Apache-2.0
#include "OtherConnection.h"
#include "WorkspaceDump.h"

#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/X509SvidValidator.h"
#include "models/Document.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::tests::dumpWorkspace;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("correct horse battery staple");

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createTrustDomainUndoRedo();
    void deleteTrustDomainUndoRedoKeepsKeys();
    void issueX509UndoRedo();
    void issueJwtUndoRedo();
    void revokeCredentialUndoRedo();
    void activateAuthorityUndoRedo();
    void taintAuthorityUndoRedo();
    void irreversibleChangesClearHistory();
    void refusedEditsPushNothing();
    void evidenceIsReadOnceUntilItChanges();

private:
    /// Undoes and redoes the top command, checking the file after each step against @p before
    /// and @p after.
    void checkUndoRedo(const QStringList &before, const QStringList &after);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
};

void TestDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("test.atlas"));
    // A protected workspace: undo must put back keys that still unseal with the passphrase.
    auto ws = Workspace::create(m_path, kPassphrase);
    QVERIFY2(ws, ta::tests::why(ws).constData());
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    m_doc->undoStack()->clear();
}

void TestDocument::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestDocument::checkUndoRedo(const QStringList &before, const QStringList &after)
{
    QVERIFY(before != after);
    QCOMPARE(dumpWorkspace(m_path, kPassphrase), after);
    QSignalSpy failures(m_doc.get(), &Document::commandFailed);
    m_doc->undoStack()->undo();
    QCOMPARE(dumpWorkspace(m_path, kPassphrase), before);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpWorkspace(m_path, kPassphrase), after);
    m_doc->undoStack()->undo();
    QCOMPARE(dumpWorkspace(m_path, kPassphrase), before);
    QCOMPARE(failures.count(), 0);
}

void TestDocument::createTrustDomainUndoRedo()
{
    const QStringList before = dumpWorkspace(m_path, kPassphrase);
    QSignalSpy changed(m_doc.get(), &Document::trustDomainsChanged);
    CaSettings settings;
    settings.keyType = KeyType::EcP384;
    settings.intermediate = true;
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("staging.example"), settings));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Create trust domain staging.example"));
    const QStringList after = dumpWorkspace(m_path, kPassphrase);
    QVERIFY(after.join(QLatin1Char('\n')).contains(QStringLiteral("td staging.example ec-p384")));
    checkUndoRedo(before, after);
    QVERIFY(changed.count() >= 4);
}

void TestDocument::deleteTrustDomainUndoRedoKeepsKeys()
{
    X509IssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/ns/pay/sa/api");
    auto issued = m_doc->issueX509(request);
    QVERIFY2(issued, ta::tests::why(issued).constData());
    const QStringList before = dumpWorkspace(m_path, kPassphrase);

    QVERIFY(m_doc->deleteTrustDomain(QStringLiteral("prod.example")));
    const QStringList after = dumpWorkspace(m_path, kPassphrase);
    QVERIFY(m_doc->workspace().trustDomainNames().isEmpty());
    checkUndoRedo(before, after);

    // The restored CA is the very one that signed the credential: it still validates, and new
    // credentials are signed with the restored (still sealed) key.
    auto bundle = m_doc->workspace().bundle(QStringLiteral("prod.example"));
    QVERIFY(bundle);
    auto v = X509SvidValidator::validate(issued->chain, bundle->trustDomain(),
                                         bundle->x509Authorities(), m_doc->now());
    QVERIFY2(v, ta::tests::why(v).constData());
    request.spiffeId = QStringLiteral("spiffe://prod.example/ns/pay/sa/worker");
    QVERIFY(m_doc->issueX509(request));
}

void TestDocument::issueX509UndoRedo()
{
    const QStringList before = dumpWorkspace(m_path, kPassphrase);
    X509IssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    request.dnsNames = {QStringLiteral("web.prod.example")};
    request.ttl = 600;
    auto issued = m_doc->issueX509(request);
    QVERIFY2(issued, ta::tests::why(issued).constData());
    QCOMPARE(issued->chain.first().dnsSans(), request.dnsNames);
    checkUndoRedo(before, dumpWorkspace(m_path, kPassphrase));
}

void TestDocument::issueJwtUndoRedo()
{
    const QStringList before = dumpWorkspace(m_path, kPassphrase);
    JwtIssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    request.audience = {QStringLiteral("payments")};
    auto issued = m_doc->issueJwt(request);
    QVERIFY2(issued, ta::tests::why(issued).constData());
    auto bundle = m_doc->workspace().bundle(QStringLiteral("prod.example"));
    QVERIFY(
        JwtSvid::validate(issued->svid.token(), *bundle, QStringLiteral("payments"), m_doc->now()));
    checkUndoRedo(before, dumpWorkspace(m_path, kPassphrase));
}

void TestDocument::revokeCredentialUndoRedo()
{
    X509IssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    auto issued = m_doc->issueX509(request);
    QVERIFY(issued);
    const QStringList before = dumpWorkspace(m_path, kPassphrase);
    QVERIFY(m_doc->revokeCredential(issued->record.id));
    const QStringList after = dumpWorkspace(m_path, kPassphrase);
    QVERIFY(after.last().contains(QStringLiteral(" revoked ")));
    checkUndoRedo(before, after);
    // Revoking twice is refused rather than recorded twice.
    m_doc->undoStack()->redo();
    auto again = m_doc->revokeCredential(issued->record.id);
    QVERIFY(!again);
    QCOMPARE(again.error().code, QStringLiteral("models.already_revoked"));
}

void TestDocument::activateAuthorityUndoRedo()
{
    QVERIFY(m_doc->prepareAuthority(QStringLiteral("prod.example"), AuthorityKind::X509));
    const QStringList before = dumpWorkspace(m_path, kPassphrase);
    QVERIFY(m_doc->activateAuthority(QStringLiteral("prod.example"), AuthorityKind::X509));
    checkUndoRedo(before, dumpWorkspace(m_path, kPassphrase));
}

void TestDocument::taintAuthorityUndoRedo()
{
    const QString td = QStringLiteral("prod.example");
    QVERIFY(m_doc->prepareAuthority(td, AuthorityKind::Jwt));
    QVERIFY(m_doc->activateAuthority(td, AuthorityKind::Jwt));
    QString oldId;
    const auto ca = m_doc->workspace().authority(td);
    QVERIFY(ca);
    for (const AuthoritySlot &s : ca->slots()) {
        if (s.kind == AuthorityKind::Jwt && s.status == SlotStatus::Old)
            oldId = s.id;
    }
    QVERIFY(!oldId.isEmpty());
    const QStringList before = dumpWorkspace(m_path, kPassphrase);
    QVERIFY(m_doc->taintAuthority(td, oldId));
    checkUndoRedo(before, dumpWorkspace(m_path, kPassphrase));
}

void TestDocument::irreversibleChangesClearHistory()
{
    const QString td = QStringLiteral("prod.example");
    QVERIFY(m_doc->prepareAuthority(td, AuthorityKind::X509));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(m_doc->activateAuthority(td, AuthorityKind::X509));
    QString oldId;
    const auto ca = m_doc->workspace().authority(td);
    QVERIFY(ca);
    for (const AuthoritySlot &s : ca->slots()) {
        if (s.kind == AuthorityKind::X509 && s.status == SlotStatus::Old)
            oldId = s.id;
    }
    auto untainted = m_doc->revokeAuthority(td, oldId);
    QVERIFY(!untainted);
    QCOMPARE(untainted.error().code, QStringLiteral("ca.revoke_not_tainted"));
    QVERIFY(m_doc->taintAuthority(td, oldId));
    QCOMPARE(m_doc->undoStack()->count(), 2);
    const qint64 sequence = m_doc->workspace().bundle(td)->sequence();
    QVERIFY(m_doc->revokeAuthority(td, oldId));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(m_doc->workspace().bundle(td)->sequence() > quint64(sequence));
}

void TestDocument::refusedEditsPushNothing()
{
    QVERIFY(!m_doc->createTrustDomain(QStringLiteral("Bad Name"), CaSettings{}));
    QVERIFY(!m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    X509IssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://other.example/web");
    auto foreign = m_doc->issueX509(request);
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().code, QStringLiteral("ca.foreign_trust_domain"));
    QVERIFY(!m_doc->deleteTrustDomain(QStringLiteral("missing.example")));
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestDocument)
// The views that replay the timeline share one reading of it: a second call reads nothing (a
// record written behind the document's back does not show), notifyEvidenceChanged() drops it.
void TestDocument::evidenceIsReadOnceUntilItChanges()
{
    const auto line = [](int minute) {
        ta::core::EvidenceRecord r;
        r.time = QDateTime(QDate(2026, 1, 1), QTime(10, minute), Qt::UTC);
        r.attestor = QStringLiteral("join_token");
        r.subject = QStringLiteral("node/n%1").arg(minute);
        return r.toJsonLine() + '\n';
    };
    const auto import = [this](const QByteArray &lines) {
        QBuffer buffer;
        buffer.setData(lines);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const auto other = ta::tests::otherConnection(*m_doc, kPassphrase);
        ta::core::AttestationStore store(other->database());
        QVERIFY(store.importEvidence(buffer, QStringLiteral("t.jsonl")));
    };
    auto empty = m_doc->evidenceRecords();
    QVERIFY(empty);
    QVERIFY(empty->isEmpty());
    import(line(2));
    import(line(1));                              // a later file, earlier in time
    QVERIFY(m_doc->evidenceRecords()->isEmpty()); // still the first reading
    QSignalSpy changed(m_doc.get(), &Document::evidenceChanged);
    m_doc->notifyEvidenceChanged();
    QCOMPARE(changed.size(), 1);
    auto read = m_doc->evidenceRecords();
    QVERIFY(read);
    QCOMPARE(read->size(), 2);
    QCOMPARE(read->at(0).subject, QStringLiteral("node/n1")); // in time order
    QCOMPARE(read->at(1).subject, QStringLiteral("node/n2"));
    // Later readers share the same records.
    QVERIFY(m_doc->evidenceRecords()->constData() == read->constData());
    // Only the stored verdicts recomputed: the reading stands, and nothing replays.
    QSignalSpy records(m_doc.get(), &Document::evidenceRecordsChanged);
    m_doc->notifyEvidenceChanged(false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(records.size(), 0);
    QVERIFY(m_doc->evidenceRecords()->constData() == read->constData());
    m_doc->notifyEvidenceChanged();
    QCOMPARE(records.size(), 1);
}

#include "tst_document.moc"
