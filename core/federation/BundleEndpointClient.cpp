// SPDX-License-Identifier: Apache-2.0
#include "core/federation/BundleEndpointClient.h"
#include "core/federation/FederationErrors.h"
#include "core/spiffe/SpiffeErrors.h"
#include "core/spiffe/X509SvidValidator.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

#include <limits>

namespace ta::core {
namespace {

// The most significant of the handshake's certificate errors, as one fed.* error.
Error tlsError(const QList<QSslError> &errors, const QString &fallback)
{
    auto has = [&](std::initializer_list<QSslError::SslError> kinds) -> const QSslError * {
        for (const QSslError &e : errors) {
            for (QSslError::SslError k : kinds) {
                if (e.error() == k)
                    return &e;
            }
        }
        return nullptr;
    };
    if (auto *e = has({QSslError::CertificateExpired, QSslError::CertificateNotYetValid}))
        return makeError(ec::FedCertificateExpired, e->errorString());
    if (auto *e = has({QSslError::UnableToGetIssuerCertificate,
                       QSslError::UnableToGetLocalIssuerCertificate,
                       QSslError::UnableToVerifyFirstCertificate, QSslError::SelfSignedCertificate,
                       QSslError::SelfSignedCertificateInChain, QSslError::CertificateUntrusted,
                       QSslError::CertificateRejected, QSslError::CertificateSignatureFailed,
                       QSslError::InvalidCaCertificate, QSslError::InvalidPurpose}))
        return makeError(ec::FedUntrustedCertificate, e->errorString());
    if (auto *e = has({QSslError::HostNameMismatch}))
        return makeError(ec::FedHostnameMismatch, e->errorString());
    if (!errors.isEmpty())
        return makeError(ec::FedTls, errors.first().errorString());
    return makeError(ec::FedTls, fallback);
}

QByteArray headerValue(const QList<QByteArray> &headerLines, const QByteArray &name)
{
    for (const QByteArray &line : headerLines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// RFC 9112 section 7.1: size in hex, optional extensions, CRLF, data, CRLF; a zero size ends.
std::optional<QByteArray> dechunk(const QByteArray &in)
{
    QByteArray out;
    qsizetype pos = 0;
    for (;;) {
        const qsizetype eol = in.indexOf("\r\n", pos);
        if (eol < 0)
            return std::nullopt;
        QByteArray sizeText = in.mid(pos, eol - pos);
        if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
            sizeText.truncate(semi);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > in.size())
            return std::nullopt;
        if (size == 0)
            return out;
        if (eol + 2 + size + 2 > in.size())
            return std::nullopt;
        out += in.mid(eol + 2, size);
        pos = eol + 2 + size + 2;
    }
}

} // namespace

BundleEndpointClient::BundleEndpointClient(QObject *parent)
    : QObject(parent), m_result(makeError(ec::FedConnection, QStringLiteral("not fetched")))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(makeError(ec::FedTimeout,
                         QStringLiteral("no answer within %1 ms").arg(m_request.timeoutMs)));
    });
}

BundleEndpointClient::~BundleEndpointClient() = default;

void BundleEndpointClient::fetch(const BundleFetchRequest &request)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_request = request;
    m_response.clear();
    m_sslErrors.clear();
    m_serverChain.clear();
    m_failure.reset();
    m_clock.start();

    m_socket = new QSslSocket(this);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    // Every fetch authenticates the endpoint afresh; no session is resumed.
    config.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
    config.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    if (request.profile == BundleEndpointProfile::HttpsWeb) {
        if (!request.caCertificates.isEmpty()) {
            QList<QSslCertificate> cas;
            for (const Certificate &c : request.caCertificates)
                cas << QSslCertificate(c.toDer(), QSsl::Der);
            config.setCaCertificates(cas);
        }
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    } else {
        // The SPIFFE rules are checked on the presented chain once the handshake is done
        // (checkSpiffeEndpoint), before a byte of the request is sent. No web roots: they play
        // no part, and loading them costs every handshake milliseconds.
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        config.setCaCertificates({});
    }
    m_socket->setSslConfiguration(config);
    connect(m_socket, &QSslSocket::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors += errors; });
    // The request and the answer are small: sent at once, not held back by Nagle's algorithm.
    connect(m_socket, &QSslSocket::connected, this,
            [this] { m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    connect(m_socket, &QSslSocket::encrypted, this, &BundleEndpointClient::onEncrypted);
    connect(m_socket, &QSslSocket::readyRead, this, &BundleEndpointClient::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, &BundleEndpointClient::onDisconnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &BundleEndpointClient::onSocketError);
    m_deadline.start(request.timeoutMs);
    const QString host = request.url.host();
    m_socket->connectToHostEncrypted(host, quint16(request.url.port(443)), host);
}

void BundleEndpointClient::finish(Result<BundleFetchResult> result)
{
    if (!m_socket)
        return;
    m_deadline.stop();
    m_elapsedUs = m_clock.nsecsElapsed() / 1000;
    QSslSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_result = std::move(result);
    Q_EMIT finished();
}

Result<void> BundleEndpointClient::checkSpiffeEndpoint()
{
    if (m_serverChain.isEmpty())
        return makeError(ec::FedUntrustedCertificate, QStringLiteral("no certificate presented"));
    auto id = X509SvidValidator::checkLeaf(m_serverChain.first());
    if (!id)
        return makeError(ec::FedUntrustedCertificate,
                         QStringLiteral("not an X509-SVID: %1").arg(id.error().toString()));
    if (*id != m_request.endpointSpiffeId)
        return makeError(ec::FedSpiffeIdMismatch,
                         QStringLiteral("presented %1, expected %2")
                             .arg(id->toString(), m_request.endpointSpiffeId.toString()));
    const TrustDomain endpointTd = m_request.endpointSpiffeId.trustDomain();
    if (m_request.endpointBundle.isNull() || m_request.endpointBundle.trustDomain() != endpointTd)
        return makeError(ec::FedNoEndpointBundle, endpointTd.name());
    auto valid = X509SvidValidator::validate(m_serverChain, endpointTd,
                                             m_request.endpointBundle.x509Authorities(),
                                             QDateTime::currentDateTimeUtc());
    if (!valid) {
        const QString code = valid.error().code;
        if (code == QLatin1String(ec::X509svidExpired.code) ||
            code == QLatin1String(ec::X509svidNotYetValid.code))
            return makeError(ec::FedCertificateExpired, valid.error().toString());
        return makeError(ec::FedUntrustedCertificate, valid.error().toString());
    }
    return {};
}

void BundleEndpointClient::onEncrypted()
{
    for (const QSslCertificate &c : m_socket->peerCertificateChain()) {
        auto cert = Certificate::fromDer(c.toDer());
        if (!cert)
            return finish(makeError(ec::FedTls, cert.error().toString()));
        m_serverChain << *cert;
    }
    if (m_request.profile == BundleEndpointProfile::HttpsSpiffe) {
        if (auto c = checkSpiffeEndpoint(); !c)
            return finish(c.error());
    }
    QByteArray target = m_request.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (m_request.url.hasQuery())
        target += '?' + m_request.url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray host = m_request.url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (m_request.url.port() > 0)
        host += ':' + QByteArray::number(m_request.url.port());
    m_socket->write("GET " + target + " HTTP/1.1\r\nHost: " + host +
                    "\r\nAccept: application/json\r\nUser-Agent: trustatlas\r\n"
                    "Connection: close\r\n\r\n");
}

std::optional<qint64> BundleEndpointClient::expectedLength(const QByteArray &response)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    const QList<QByteArray> lines = response.left(end).split('\n');
    if (!headerValue(lines, "transfer-encoding").isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 length = headerValue(lines, "content-length").toLongLong(&ok);
    // A length no answer can have is no length: the answer then ends when the peer closes,
    // and the size cap still holds.
    if (!ok || length < 0 || length > std::numeric_limits<qint64>::max() / 2)
        return std::nullopt;
    return end + 4 + length;
}

void BundleEndpointClient::onReadyRead()
{
    if (!m_socket)
        return;
    m_response += m_socket->read(m_request.maxResponseBytes + 1 - m_response.size());
    if (m_response.size() > m_request.maxResponseBytes)
        return finish(makeError(
            ec::FedTooLarge, QStringLiteral("more than %1 bytes").arg(m_request.maxResponseBytes)));
    if (const auto expected = expectedLength(m_response)) {
        if (*expected > m_request.maxResponseBytes)
            return finish(
                makeError(ec::FedTooLarge, QStringLiteral("%1 bytes announced, at most %2")
                                               .arg(*expected)
                                               .arg(m_request.maxResponseBytes)));
        if (m_response.size() >= *expected)
            return finish(parsed());
    }
}

void BundleEndpointClient::onDisconnected()
{
    if (!m_socket)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (!m_socket)
        return;
    if (m_response.isEmpty())
        return finish(makeError(ec::FedConnection, QStringLiteral("closed without an answer")));
    finish(parsed());
}

void BundleEndpointClient::onSocketError()
{
    if (!m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError && m_socket->isEncrypted())
        return onDisconnected();
    if (error == QAbstractSocket::SslHandshakeFailedError ||
        error == QAbstractSocket::SslInternalError ||
        error == QAbstractSocket::SslInvalidUserDataError ||
        (!m_sslErrors.isEmpty() && !m_socket->isEncrypted()))
        return finish(tlsError(m_sslErrors, m_socket->errorString()));
    if (error == QAbstractSocket::SocketTimeoutError)
        return finish(makeError(ec::FedTimeout, m_socket->errorString()));
    if (error == QAbstractSocket::RemoteHostClosedError)
        return finish(makeError(
            ec::FedTls,
            QStringLiteral("closed during the handshake: %1").arg(m_socket->errorString())));
    finish(makeError(ec::FedConnection, m_socket->errorString()));
}

Result<BundleFetchResult> BundleEndpointClient::parsed()
{
    auto out = parseResponse(m_response, m_request.trustDomain);
    if (out)
        out->serverChain = m_serverChain;
    return out;
}

Result<BundleFetchResult> BundleEndpointClient::parseResponse(const QByteArray &response,
                                                              const TrustDomain &trustDomain)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    if (end < 0)
        return makeError(ec::FedBadResponse, QStringLiteral("no complete HTTP header"));
    const QList<QByteArray> lines = response.left(end).split('\n');
    const QList<QByteArray> status = lines.first().trimmed().split(' ');
    if (status.size() < 2 || !status.first().startsWith("HTTP/1."))
        return makeError(ec::FedBadResponse, QStringLiteral("not an HTTP/1.x answer"));
    if (status.at(1) != "200")
        return makeError(ec::FedHttpStatus, QString::fromLatin1(lines.first().trimmed()));
    QByteArray body = response.mid(end + 4);
    if (headerValue(lines, "transfer-encoding").toLower().contains("chunked")) {
        auto plain = dechunk(body);
        if (!plain)
            return makeError(ec::FedBadResponse, QStringLiteral("bad chunked encoding"));
        body = *plain;
    } else if (const auto expected = expectedLength(response)) {
        if (response.size() < *expected)
            return makeError(ec::FedBadResponse, QStringLiteral("the answer is cut short"));
        body = response.mid(end + 4, *expected - end - 4);
    }
    auto bundle = TrustBundle::fromJwks(trustDomain, body);
    if (!bundle)
        return makeError(ec::FedBadResponse, bundle.error().toString());
    // The bundle format names no trust domain; its X.509 authorities do, in their URI SAN (the
    // trust domain's SPIFFE ID, X509-SVID.md 4.1). One naming another trust domain means the
    // endpoint serves someone else's bundle.
    for (const Certificate &ca : bundle->x509Authorities()) {
        for (const QString &uri : ca.uriSans()) {
            auto td = TrustDomain::fromIdString(uri);
            if (td && *td != trustDomain)
                return makeError(ec::FedWrongTrustDomain,
                                 QStringLiteral("expected %1, an authority is of %2")
                                     .arg(trustDomain.name(), td->name()));
        }
    }
    BundleFetchResult out;
    out.bundle = *bundle;
    out.body = body;
    return out;
}

} // namespace ta::core
