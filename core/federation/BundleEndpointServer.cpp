// SPDX-License-Identifier: Apache-2.0
#include "core/federation/BundleEndpointServer.h"
#include "core/federation/FederationErrors.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

#include <algorithm>
#include <limits>

namespace ta::core {
namespace {

const char *kBufferProperty = "ta_request";

QSsl::KeyAlgorithm keyAlgorithm(const Key &key)
{
    const auto type = key.type();
    if (type && (*type == KeyType::Rsa2048 || *type == KeyType::Rsa4096))
        return QSsl::Rsa;
    return QSsl::Ec;
}

} // namespace

BundleEndpointServer::BundleEndpointServer(BundleSource bundles, QObject *parent)
    : QObject(parent), m_bundles(std::move(bundles)), m_server(new QSslServer(this))
{
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &BundleEndpointServer::renew);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
            &BundleEndpointServer::onPendingConnection);
    // QSslServer starts a handshake when the client's first bytes arrive, and closes a client
    // that sends nothing within its handshake timeout. It hands a connection over only once the
    // handshake is done, so the cap and the request deadline start when the handshake starts:
    // a client that sends half a ClientHello and stalls holds a place only until the deadline.
    m_server->setHandshakeTimeout(kRequestTimeoutMs);
    connect(m_server, &QSslServer::startedEncryptionHandshake, this,
            &BundleEndpointServer::onHandshakeStarted);
}

void BundleEndpointServer::onHandshakeStarted(QSslSocket *socket)
{
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    if (m_open >= m_maxConnections) {
        ++m_refused;
        // After QSslServer has started the handshake it is handing us.
        QMetaObject::invokeMethod(socket, &QSslSocket::abort, Qt::QueuedConnection);
        socket->deleteLater();
        return;
    }
    ++m_open;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, &QSslSocket::abort);
    deadline->start(kRequestTimeoutMs);
}

BundleEndpointServer::~BundleEndpointServer() = default;

Result<void> BundleEndpointServer::apply(const ServerCredential &credential)
{
    if (credential.chain.isEmpty() || credential.privateKey.isNull())
        return makeError(ec::FedServerCredential, QStringLiteral("no certificate or key"));
    QList<QSslCertificate> chain;
    for (const Certificate &c : credential.chain)
        chain << QSslCertificate(c.toDer(), QSsl::Der);
    const QSslKey key(credential.privateKey.privatePkcs8Pem(), keyAlgorithm(credential.privateKey),
                      QSsl::Pem);
    if (key.isNull() || chain.first().isNull())
        return makeError(ec::FedServerCredential, QStringLiteral("Qt cannot load the pair"));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    // Clients are not authenticated: no CA certificates to load for each connection.
    config.setCaCertificates({});
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_server->setSslConfiguration(config);
    m_credential = credential;
    return {};
}

Result<void> BundleEndpointServer::setCredential(const ServerCredential &credential)
{
    m_source = nullptr;
    m_renewTimer.stop();
    return apply(credential);
}

Result<void> BundleEndpointServer::setCredentialSource(CredentialSource source)
{
    m_source = std::move(source);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto credential = m_source(now);
    if (!credential)
        return credential.error();
    if (auto a = apply(*credential); !a)
        return a;
    // Renewed at half its lifetime, as SPIRE renews its own SVIDs, so that a client never meets
    // an expired one; at least a second apart so a zero-length lifetime cannot spin.
    const Certificate &leaf = m_credential.chain.first();
    const qint64 half = std::max<qint64>(1000, leaf.notBefore().msecsTo(leaf.notAfter()) / 2);
    const qint64 due = std::max<qint64>(1000, now.msecsTo(leaf.notBefore().addMSecs(half)));
    m_renewTimer.start(int(std::min<qint64>(due, std::numeric_limits<int>::max())));
    return {};
}

void BundleEndpointServer::renew()
{
    if (!m_source)
        return;
    auto source = m_source;
    if (auto r = setCredentialSource(source); !r) {
        Q_EMIT renewalFailed(r.error().toString());
        m_renewTimer.start(10000);
        return;
    }
    Q_EMIT credentialRenewed();
}

Result<void> BundleEndpointServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_credential.chain.isEmpty())
        return makeError(ec::FedServerCredential, QStringLiteral("no credential set"));
    if (!m_server->listen(address, port))
        return makeError(ec::FedListen, QStringLiteral("%1:%2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(m_server->errorString()));
    return {};
}

quint16 BundleEndpointServer::port() const
{
    return m_server->serverPort();
}

void BundleEndpointServer::close()
{
    m_server->close();
}

void BundleEndpointServer::onPendingConnection()
{
    while (m_server->hasPendingConnections()) {
        auto *socket = qobject_cast<QSslSocket *>(m_server->nextPendingConnection());
        if (!socket)
            continue;
        socket->setParent(this);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // The deadline set when the handshake started still runs: it covers the request too.
        connect(socket, &QSslSocket::errorOccurred, socket, [socket](QAbstractSocket::SocketError) {
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        });
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void BundleEndpointServer::respond(QSslSocket *socket, int status, const QByteArray &reason,
                                   const QByteArray &contentType, const QByteArray &body,
                                   const QByteArray &extraHeaders)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nConnection: close\r\n" + extraHeaders + "\r\n";
    response += body;
    socket->write(response);
    socket->disconnectFromHost();
    ++m_answered;
    Q_EMIT answered(status);
}

void BundleEndpointServer::onReadyRead(QSslSocket *socket)
{
    if (socket->property("ta_done").toBool())
        return;
    QByteArray buffer = socket->property(kBufferProperty).toByteArray();
    buffer += socket->read(kMaxRequestBytes + 1 - buffer.size());
    socket->setProperty(kBufferProperty, buffer);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxRequestBytes) {
            socket->setProperty("ta_done", true);
            respond(socket, 431, "Request Header Fields Too Large", "text/plain",
                    "request too large\n");
        }
        return;
    }
    socket->setProperty("ta_done", true);
    socket->disconnect(this);
    const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        respond(socket, 400, "Bad Request", "text/plain", "bad request\n");
        return;
    }
    if (requestLine.at(0) != "GET") {
        respond(socket, 405, "Method Not Allowed", "text/plain", "only GET\n", "Allow: GET\r\n");
        return;
    }
    if (requestLine.at(1) != "/") {
        respond(socket, 404, "Not Found", "text/plain", "the bundle is at /\n");
        return;
    }
    auto bundle = m_bundles();
    if (!bundle) {
        respond(socket, 500, "Internal Server Error", "text/plain", "no bundle\n");
        return;
    }
    respond(socket, 200, "OK", "application/json", bundle->toJwks());
}

} // namespace ta::core
