// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/BundleFetchRequest.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QSslError>
#include <QTimer>

#include <optional>

class QSslSocket;

namespace ta::core {

/// A fetched and validated peer bundle.
struct BundleFetchResult
{
    TrustBundle bundle;
    /// The response body as served.
    QByteArray body;
    /// The endpoint's certificate chain as presented, leaf first.
    QList<Certificate> serverChain;
};

/// Fetches a peer's bundle from its bundle endpoint (SPIFFE Federation, section 5) over TLS
/// through OpenSSL, authenticating the endpoint as its profile says before the request is sent:
/// https_web by web PKI against the given CAs with the URL's host checked; https_spiffe by the
/// endpoint's X509-SVID, which must carry exactly the configured SPIFFE ID and chain to the
/// given bundle of its trust domain. The answer must be HTTP 200 with a SPIFFE bundle for the
/// expected trust domain, within the size cap and the timeout. Every failure has its fed.* code.
/// One fetch at a time; finished() says when result() holds the outcome.
class BundleEndpointClient : public QObject
{
    Q_OBJECT

public:
    explicit BundleEndpointClient(QObject *parent = nullptr);
    ~BundleEndpointClient() override;

    /// Starts a fetch; an unfinished one is abandoned.
    void fetch(const BundleFetchRequest &request);
    bool isRunning() const { return m_socket != nullptr; }
    /// The outcome of the last finished fetch.
    const Result<BundleFetchResult> &result() const { return m_result; }
    /// Microseconds the last fetch took, connect to parsed bundle.
    qint64 elapsedMicroseconds() const { return m_elapsedUs; }

    /// Reads a bundle endpoint's whole answer as a peer sent it (status line, header, body
    /// plain or chunked, cut at its Content-Length): HTTP 200 with a SPIFFE bundle whose X.509
    /// authorities name no trust domain but @p trustDomain. The server chain is left empty.
    [[nodiscard]] static Result<BundleFetchResult> parseResponse(const QByteArray &response,
                                                                 const TrustDomain &trustDomain);
    /// The size of the whole answer its header announces (header and Content-Length), or none:
    /// no complete header yet, a chunked body, or no usable Content-Length.
    [[nodiscard]] static std::optional<qint64> expectedLength(const QByteArray &response);

Q_SIGNALS:
    void finished();

private:
    void onEncrypted();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void finish(Result<BundleFetchResult> result);
    [[nodiscard]] Result<void> checkSpiffeEndpoint();
    [[nodiscard]] Result<BundleFetchResult> parsed();

    BundleFetchRequest m_request;
    QSslSocket *m_socket = nullptr;
    QTimer m_deadline;
    QElapsedTimer m_clock;
    QByteArray m_response;
    QList<QSslError> m_sslErrors;
    std::optional<Error> m_failure;
    QList<Certificate> m_serverChain;
    Result<BundleFetchResult> m_result;
    qint64 m_elapsedUs = 0;
};

} // namespace ta::core
