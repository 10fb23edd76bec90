// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/ServerCredential.h"
#include "core/spiffe/TrustBundle.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>

class QSslServer;
class QSslSocket;

namespace ta::core {

/// A SPIFFE bundle endpoint (SPIFFE Federation, section 4) over TLS: GET / answers the trust
/// domain's current bundle as SPIFFE bundle JSON with Content-Type application/json; any other
/// method is refused with 405 and any other path with 404. The bundle is asked of the bundle
/// source on every request, so a rotation shows at once. The credential is fixed (https_web) or
/// asked of a credential source and renewed at half its lifetime (https_spiffe).
class BundleEndpointServer : public QObject
{
    Q_OBJECT

public:
    using BundleSource = std::function<Result<TrustBundle>()>;
    using CredentialSource = std::function<Result<ServerCredential>(const QDateTime &now)>;

    /// The most a request may send before its headers end; larger ones are refused (431).
    static constexpr qint64 kMaxRequestBytes = 8 * 1024;
    /// A connection that has not sent a whole request by then is closed.
    static constexpr int kRequestTimeoutMs = 10000;

    /// The most connections open at once; one more is closed at once, before its handshake, so a
    /// flood of idle connections cannot take every file descriptor of the process.
    static constexpr int kMaxConnections = 64;

    explicit BundleEndpointServer(BundleSource bundles, QObject *parent = nullptr);
    ~BundleEndpointServer() override;

    /// https_web: presents @p credential as it is.
    [[nodiscard]] Result<void> setCredential(const ServerCredential &credential);
    /// https_spiffe: asks @p source for a credential now and again at half its lifetime.
    [[nodiscard]] Result<void> setCredentialSource(CredentialSource source);

    /// Listens on @p address and @p port (0: any free port, see port()).
    [[nodiscard]] Result<void> listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    void close();

    /// The credential presented to new connections.
    const ServerCredential &credential() const { return m_credential; }
    /// Requests answered so far, whatever the status.
    qint64 requestsAnswered() const { return m_answered; }
    /// Lowers (or raises) the connection cap (tests).
    void setMaxConnections(int max) { m_maxConnections = max; }
    /// Connections open now, and connections closed at once for being over the cap so far.
    int openConnections() const { return m_open; }
    qint64 connectionsRefused() const { return m_refused; }

Q_SIGNALS:
    /// A request was answered with HTTP @p status.
    void answered(int status);
    /// The credential source failed to renew; the old credential is kept until it expires.
    void renewalFailed(const QString &error);
    /// A new credential is in use.
    void credentialRenewed();

private:
    [[nodiscard]] Result<void> apply(const ServerCredential &credential);
    void renew();
    void onHandshakeStarted(QSslSocket *socket);
    void onPendingConnection();
    void onReadyRead(QSslSocket *socket);
    void respond(QSslSocket *socket, int status, const QByteArray &reason,
                 const QByteArray &contentType, const QByteArray &body,
                 const QByteArray &extraHeaders = {});

    BundleSource m_bundles;
    CredentialSource m_source;
    ServerCredential m_credential;
    QSslServer *m_server = nullptr;
    QTimer m_renewTimer;
    qint64 m_answered = 0;
    int m_maxConnections = kMaxConnections;
    int m_open = 0;
    qint64 m_refused = 0;
};

} // namespace ta::core
