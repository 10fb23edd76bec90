// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/WorkloadAttestor.h"
#include "core/BriefLocker.h"
#include "core/attestation/AttestationErrors.h"

#include "core/attestation/JwtEvidence.h"
#include "core/spiffe/X509SvidValidator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {

std::shared_ptr<const WorkloadAttestor::ValidatedSvid>
WorkloadAttestor::ValidatedChains::find(const ChainKey &key, const QDateTime &time) const
{
    const BriefLocker lock(m_mutex);
    const auto it = m_chains.constFind(key);
    if (it == m_chains.cend() || time < (*it)->notBefore || time > (*it)->notAfter)
        return nullptr;
    return *it;
}

std::shared_ptr<const WorkloadAttestor::ValidatedSvid>
WorkloadAttestor::ValidatedChains::insert(const ChainKey &key, ValidatedSvid svid)
{
    ChainKey kept = key.owned();
    auto shared = std::make_shared<const ValidatedSvid>(std::move(svid));
    QMutexLocker lock(&m_mutex);
    m_chains.insert(std::move(kept), shared);
    return shared;
}

WorkloadAttestor::ValidatedChains::Validating::Validating(ValidatedChains &chains,
                                                          const ChainKey &key)
    : m_chains(chains), m_key(key.owned())
{
    QMutexLocker lock(&m_chains.m_mutex);
    while (m_chains.m_validating.contains(m_key))
        m_chains.m_released.wait(&m_chains.m_mutex);
    m_chains.m_validating.insert(m_key);
}

WorkloadAttestor::ValidatedChains::Validating::~Validating()
{
    QMutexLocker lock(&m_chains.m_mutex);
    m_chains.m_validating.remove(m_key);
    m_chains.m_released.wakeAll();
}

qsizetype WorkloadAttestor::ValidatedChains::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_chains.size();
}

const QJsonObject &WorkloadAttestor::ClaimedWorkload::object() const
{
    // The text PlainJson read as an object of plain strings: Qt's parser reads it alike.
    if (!m_object)
        m_object = QJsonDocument::fromJson(QByteArray(m_text.data(), m_text.size())).object();
    return *m_object;
}

const WorkloadAttestor::BuiltClaims::Built *
WorkloadAttestor::BuiltClaims::findLocked(const Subject &subject) const
{
    if (subject.number >= 0) {
        const size_t at = size_t(subject.number);
        return at < m_numbered.size() && m_numbered[at].owner ? &m_numbered[at] : nullptr;
    }
    const auto it = m_last.constFind(HashedString(subject.text));
    return it == m_last.cend() ? nullptr : &*it;
}

void WorkloadAttestor::BuiltClaims::keepLocked(const Subject &subject, Built built)
{
    if (subject.number < 0) {
        m_last.insert(HashedString(subject.text), std::move(built));
        return;
    }
    const size_t at = size_t(subject.number);
    if (at >= m_numbered.size())
        m_numbered.resize(at + 1);
    m_numbered[at] = std::move(built);
}

QJsonObject WorkloadAttestor::BuiltClaims::claims(const void *owner, Subject subject,
                                                  const ClaimedWorkload &workload,
                                                  const QString &agentId, const QString &node,
                                                  QStringList &selectors,
                                                  QLatin1StringView selectorsText,
                                                  const std::function<QJsonObject()> &build)
{
    // Compared in place, under the lock: copying the last entry out first touched the reference
    // counts of five containers that the other pre-pass threads touch too.
    std::optional<QJsonObject> lastClaims;
    {
        const BriefLocker lock(m_mutex);
        if (const Built *last = findLocked(subject)) {
            // Equal texts are equal objects; texts that differ may still be equal objects, as
            // may a text and an object, which then only build the claims again, alike. (An
            // entry built from text keeps no object.)
            const bool sameWorkload =
                !workload.text().isNull() || !last->workloadText.isNull()
                    ? !workload.text().isNull() && !last->workloadText.isNull() &&
                          workload.text() == QLatin1StringView(last->workloadText)
                    : last->workload == workload.object();
            const bool sameClaims = last->owner == owner && last->agentId == agentId &&
                                    last->node == node && sameWorkload;
            const bool sameSelectors = last->selectors == selectors;
            if (sameSelectors)
                selectors = last->selectors;
            if (sameClaims && sameSelectors)
                return last->claims;
            if (sameClaims)
                lastClaims = last->claims;
        }
    }
    const bool plain = !workload.text().isNull();
    QByteArray workloadText =
        plain ? QByteArray(workload.text().data(), workload.text().size()) : QByteArray();
    QJsonObject out = lastClaims ? *lastClaims
                      : plain    ? shared({owner, agentId, node, workloadText}, build)
                                 : build();
    Built built{owner,
                plain ? QJsonObject() : workload.object(),
                std::move(workloadText),
                selectorsText.isNull() ? QByteArray()
                                       : QByteArray(selectorsText.data(), selectorsText.size()),
                agentId,
                node,
                out,
                selectors};
    const BriefLocker lock(m_mutex);
    keepLocked(subject, std::move(built));
    return out;
}

QJsonObject WorkloadAttestor::BuiltClaims::shared(const SharedKey &key,
                                                  const std::function<QJsonObject()> &build)
{
    {
        const BriefLocker lock(m_mutex);
        if (const auto it = m_shared.constFind(key); it != m_shared.cend())
            return *it;
    }
    QJsonObject claims = build();
    const BriefLocker lock(m_mutex);
    // Another thread may have built them meanwhile: theirs are shared.
    if (const auto it = m_shared.constFind(key); it != m_shared.cend())
        return *it;
    if (m_shared.size() >= m_sharedLimit)
        m_shared.clear();
    m_shared.insert(key, claims);
    return claims;
}

std::optional<WorkloadAttestor::BuiltClaims::Reused> WorkloadAttestor::BuiltClaims::reuse(
    const void *owner, Subject subject, const ClaimedWorkload &workload,
    QLatin1StringView selectorsText, const QString &agentId, const QString &node)
{
    if (workload.text().isNull() || selectorsText.isNull())
        return std::nullopt;
    const BriefLocker lock(m_mutex);
    const Built *last = findLocked(subject);
    if (!last || last->owner != owner || last->workloadText.isNull() ||
        last->selectorsText.isNull() || selectorsText != QLatin1StringView(last->selectorsText) ||
        workload.text() != QLatin1StringView(last->workloadText) || last->agentId != agentId ||
        last->node != node)
        return std::nullopt;
    return Reused{last->claims, last->selectors};
}

namespace {

/// The claims a workload token's checks read: from the object Qt's parser read, or from the
/// members PlainJson read.
struct TokenClaims
{
    /// The sub claim as Qt's parser read it; empty when subText holds it.
    QString sub;
    /// The sub claim's text when PlainJson read it (a view into the token's payload), or null:
    /// compared with the record's subject where it is, not copied.
    QLatin1StringView subText;
    QJsonValue iat;
    QString jti;
    /// Each element as a string (an element that is not one reads as empty). Empty when
    /// selectorsText holds them.
    QStringList selectors;
    /// The selectors array's text when PlainJson read it (a view into the token's payload), or
    /// null.
    QLatin1StringView selectorsText;
    WorkloadAttestor::ClaimedWorkload workload;
};

TokenClaims claimsOf(const QJsonObject &c)
{
    QStringList selectors;
    for (const QJsonValue &s : c.value(QLatin1String("selectors")).toArray())
        selectors << s.toString();
    return {c.value(QLatin1String("sub")).toString(),
            QLatin1StringView(),
            c.value(QLatin1String("iat")),
            c.value(QLatin1String("jti")).toString(),
            selectors,
            QLatin1StringView(),
            WorkloadAttestor::ClaimedWorkload(c.value(QLatin1String("claims")).toObject())};
}

/// The claims when each is read plainly as the type the checks want (sub and jti strings, iat
/// an integer, selectors an array of strings, claims an object of strings): what claimsOf()
/// reads from Qt's parse of the same text. nullopt when one is missing or of another type.
std::optional<TokenClaims> plainClaimsOf(const PlainJson::Members &m)
{
    using Kind = PlainJson::Member::Kind;
    const auto member = [&](const char *name, Kind kind) -> const PlainJson::Member * {
        const PlainJson::Member *found = PlainJson::find(m, QLatin1StringView(name));
        return found && found->kind == kind ? found : nullptr;
    };
    const auto *sub = member("sub", Kind::String);
    const auto *iat = member("iat", Kind::Integer);
    const auto *jti = member("jti", Kind::String);
    const auto *selectors = member("selectors", Kind::StringArray);
    const auto *workload = member("claims", Kind::StringObject);
    if (!sub || !iat || !jti || !selectors || !workload)
        return std::nullopt;
    // The selectors stay text: a record that repeats its subject's previous ones never lists
    // them (see BuiltClaims::reuse).
    TokenClaims out{{}, {}, {}, {}, {}, {}, WorkloadAttestor::ClaimedWorkload(workload->text)};
    out.subText = sub->text;
    out.iat = QJsonValue(PlainJson::integer(iat->text));
    out.jti = QString(jti->text);
    out.selectorsText = selectors->text;
    return out;
}

} // namespace

std::optional<WorkloadAttestor::ValidatedSvid>
WorkloadAttestor::validateChain(const QJsonArray &x5c, const EvidenceRecord &record,
                                const AttestationContext &context, AttestationResult &r) const
{
    QList<Certificate> chain;
    for (const QJsonValue &v : x5c) {
        auto der = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
        auto cert =
            der ? Certificate::fromDer(*der)
                : Result<Certificate>(makeError(ec::AttestationBadBase64, QStringLiteral("x5c")));
        if (!cert) {
            r.refuse(QStringLiteral("malformed"), QStringLiteral("header.x5c: base64 DER"),
                     cert.error().code);
            return std::nullopt;
        }
        chain << *cert;
    }
    if (chain.isEmpty()) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("header.x5c: the agent SVID chain"),
                 QStringLiteral("(none)"));
        return std::nullopt;
    }
    auto leafId = X509SvidValidator::checkLeaf(chain.first());
    if (!leafId) {
        r.refuse(QStringLiteral("agent_svid_invalid"), QStringLiteral("an X509-SVID"),
                 leafId.error().code);
        return std::nullopt;
    }
    const TrustBundle *bundle = context.bundles.bundleFor(leafId->trustDomain());
    if (!bundle) {
        r.refuse(QStringLiteral("issuer_unknown"), QStringLiteral("a workspace trust domain"),
                 leafId->trustDomain().name());
        return std::nullopt;
    }
    auto svid = X509SvidValidator::validate(chain, leafId->trustDomain(), bundle->x509Authorities(),
                                            record.time);
    if (!svid) {
        r.refuse(QStringLiteral("agent_svid_invalid"),
                 QStringLiteral("valid against the bundle of ") + leafId->trustDomain().name(),
                 svid.error().toString());
        return std::nullopt;
    }
    ValidatedSvid out{svid->id.toString(), chain.first().publicKey(), {}, {}, {}, {}};
    for (const Certificate &c : svid->path) {
        if (!out.notBefore.isValid() || c.notBefore() > out.notBefore)
            out.notBefore = c.notBefore();
        if (!out.notAfter.isValid() || c.notAfter() < out.notAfter)
            out.notAfter = c.notAfter();
    }
    return out;
}

AttestationResult WorkloadAttestor::verify(const EvidenceRecord &record,
                                           const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    QByteArray token = record.payload.latin1(QLatin1String("jws"));
    if (token.isEmpty()) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("payload.jws"),
                 QStringLiteral("(none)"));
        return r;
    }
    // The same protected header text carries the same x5c and alg: the key is the bundle set's
    // address and that text, as it is in the token (no conversion of the chain per record).
    // A header seen before, whose chain validated, is not decoded again: only the claims are.
    const qsizetype dot = token.indexOf('.');
    std::shared_ptr<const ValidatedSvid> svid;
    if (dot > 0)
        svid = m_chains->find(
            {quintptr(&context.bundles), QByteArray::fromRawData(token.constData(), dot)},
            record.time);
    // The token is given up: its array becomes the signing input, which the signature memo
    // keeps without a copy.
    const auto jwt =
        JwtEvidence::parse(std::move(token), r, svid ? Jose::Header::Skip : Jose::Header::Decode,
                           JwtEvidence::Claims::PlainFirst);
    if (!jwt)
        return r;
    // The header text, now at the start of the signing input.
    const ValidatedChains::ChainKey cacheKey{
        quintptr(&context.bundles),
        QByteArray::fromRawData(jwt->jws.signingInput.constData(), dot)};
    if (!svid) {
        const ValidatedChains::Validating validating(*m_chains, cacheKey);
        svid = m_chains->find(cacheKey, record.time);
        if (!svid) {
            auto validated = validateChain(jwt->header.value(QLatin1String("x5c")).toArray(),
                                           record, context, r);
            if (!validated)
                return r;
            validated->algName = jwt->header.value(QLatin1String("alg")).toString();
            validated->alg = Jose::algorithmFromName(validated->algName);
            svid = m_chains->insert(cacheKey, std::move(*validated));
        }
    }
    const QString &agentId = svid->agentId;
    const Key &agentKey = svid->leafKey;
    const std::optional<JwsAlgorithm> alg = svid->alg;
    if (!alg) {
        r.refuse(QStringLiteral("algorithm_not_allowed"), QStringLiteral("a JWS algorithm"),
                 svid->algName);
        return r;
    }
    if (context.anyKeyRevoked() && context.keyRevoked(agentKey.fingerprint())) {
        r.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"),
                 QString::fromLatin1(agentKey.fingerprint()));
        return r;
    }
    // Jose::verify checks that the key fits the alg (an RSA alg on the agent's EC key, say):
    // checking it here too read the key's curve from OpenSSL once more per record.
    const bool verified = checkSignature(
        context.signatures, agentKey.fingerprint(),
        {SignatureMemo::Part::lasting(Jose::algorithmText(*alg)), jwt->jws.signingInput,
         jwt->jws.signature},
        [&] { return Jose::verify(agentKey, *alg, jwt->jws.signingInput, jwt->jws.signature); });
    if (!verified) {
        r.refuse(QStringLiteral("signature_invalid"),
                 QStringLiteral("signed by the agent SVID key"),
                 QStringLiteral("signature does not verify"));
        return r;
    }
    // Its lists are moved into the result below: a copy took a reference to the node's shared
    // lists, and the end of this function dropped it again.
    NodeStanding node = context.nodeStanding(agentId, record.time);
    if (!node.invalidReason.isEmpty()) {
        r.refuse(QStringLiteral("agent_not_attested"),
                 QStringLiteral("node attestation of ") + agentId, node.invalidReason);
        return r;
    }

    std::optional<TokenClaims> plain =
        jwt->plainClaims ? plainClaimsOf(*jwt->plainClaims) : std::nullopt;
    const TokenClaims c = plain ? std::move(*plain)
                          : jwt->plainClaims
                              ? claimsOf(QJsonDocument::fromJson(jwt->jws.payload).object())
                              : claimsOf(jwt->claims);
    if (c.subText.isNull() ? c.sub != record.subject : record.subject != c.subText) {
        const QString sub = c.subText.isNull() ? c.sub : QString(c.subText);
        r.refuse(QStringLiteral("claim_mismatch"), record.subject,
                 sub.isEmpty() ? QStringLiteral("(no sub)") : sub);
    }
    const qint64 leeway = context.settings.leeway.count();
    const QJsonValue &iat = c.iat;
    const auto iatTime = Jose::numericDate(iat);
    if (!iat.isDouble()) {
        r.refuse(QStringLiteral("claim_missing"), QStringLiteral("iat"));
    } else if (!iatTime) {
        r.refuse(QStringLiteral("claim_invalid"),
                 JwtEvidence::numericDateExpected(QStringLiteral("iat")),
                 JwtEvidence::valueText(iat));
    } else {
        const QDateTime issued = *iatTime;
        if (record.time.addSecs(leeway) < issued)
            r.refuse(QStringLiteral("not_yet_valid"),
                     QStringLiteral("iat from ") + EvidenceRecord::formatTime(issued),
                     EvidenceRecord::formatTime(record.time));
        const QDateTime stale = issued.addSecs(context.settings.workloadClaimMaxAge + leeway);
        if (record.time > stale)
            r.refuse(QStringLiteral("expired"),
                     QStringLiteral("before ") + EvidenceRecord::formatTime(stale),
                     EvidenceRecord::formatTime(record.time));
        r.expiresAt = issued.addSecs(context.settings.workloadClaimMaxAge);
    }
    const QString &jti = c.jti;
    if (jti.isEmpty())
        r.refuse(QStringLiteral("claim_missing"), QStringLiteral("jti"));
    if (r.accepted()) {
        // Nearly every record: its subject's previous one, presented again with a new jti and
        // iat.
        if (auto reused = m_built->reuse(this, {record.subject, context.subjectNumber}, c.workload,
                                         c.selectorsText, agentId, node.subject)) {
            r.nonce = jti;
            r.anchorIds = std::move(node.anchorIds);
            r.keyFingerprints = std::move(node.keyFingerprints);
            r.selectors = std::move(reused->selectors);
            r.claims = std::move(reused->claims);
            return r;
        }
    }
    const QStringList selectors =
        c.selectorsText.isNull() ? c.selectors : PlainJson::strings(c.selectorsText);
    if (selectors.isEmpty())
        r.refuse(QStringLiteral("claim_missing"), QStringLiteral("selectors"));
    const QString &prefix = m_selectorPrefix;
    for (const QString &sel : selectors) {
        if (!sel.startsWith(prefix) || sel.size() == prefix.size())
            r.refuse(QStringLiteral("selector_foreign"), prefix + QStringLiteral("..."), sel);
        else
            r.selectors << sel;
    }
    if (!r.accepted()) {
        r.selectors.clear();
        return r;
    }
    r.nonce = jti;
    r.anchorIds = std::move(node.anchorIds);
    r.keyFingerprints = std::move(node.keyFingerprints);
    r.claims = m_built->claims(this, {record.subject, context.subjectNumber}, c.workload, agentId,
                               node.subject, r.selectors, c.selectorsText, [&] {
                                   QJsonObject workload = c.workload.object();
                                   workload.insert(QStringLiteral("attestor"), m_name);
                                   workload.insert(QStringLiteral("agent_id"), agentId);
                                   workload.insert(QStringLiteral("node"), node.subject);
                                   return QJsonObject{{QStringLiteral("workload"), workload}};
                               });
    return r;
}

} // namespace ta::core
