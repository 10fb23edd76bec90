// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// One run of the trustatlas-cli executable a CLI test was built against (TA_CLI_PATH).
struct CliRun
{
    /// The exit code; -1 when it did not finish in time, -2 when it crashed.
    int code = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs trustatlas-cli with @p args in @p dir, standard input closed.
inline CliRun runCli(const QString &dir, const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(TA_CLI_PATH), args);
    p.closeWriteChannel();
    CliRun r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
