// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/FrontEndErrors.h"
#include "core/Result.h"
#include "core/store/Workspace.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace ta::cli {

/// Exit statuses of DESIGN.md's contract.
enum ExitCode : int { Success = 0, Refused = 1, BadInput = 2, Interrupted = 130 };

/// One verb: its words ("svid", "x509"), a one-line summary and its entry point, which gets the
/// arguments after the verb's words, with the program name and words first.
struct Command
{
    QStringList words;
    QString summary;
    int (*run)(const QStringList &args);
};

/// Every verb, in the order `--help` lists them.
const QList<Command> &commands();

/// Prints one line to stderr: "trustatlas-cli: error: <code>: <detail>", and returns BadInput.
/// The code is a declared one (core::ErrorCatalog); an error without detail prints its declared
/// meaning instead, so the line always says what went wrong.
int badInput(const core::Error &error);
int badInput(const core::ErrorCode &code, const QString &detail);
/// Makes Ctrl+C (SIGINT) set a flag instead of ending the process, for a verb that checks
/// interrupted() and then stops with nothing half-saved. The handler only stores to a lock-free
/// atomic, which is async-signal-safe.
void catchInterrupt();
/// Whether SIGINT arrived since catchInterrupt().
bool interrupted();
/// Says "interrupted" on stderr and returns Interrupted (130, as a shell reports SIGINT).
int interruptedExit();

/// Writes @p text to stdout as it is.
void print(const QString &text);
void printJson(const QJsonObject &object);

/// Sets up @p parser with a description and --help; parses @p args. Returns an exit code when the
/// caller should stop at once (help shown, or bad usage reported), std::nullopt to go on.
std::optional<int> parseArgs(QCommandLineParser &parser, const QString &description,
                             const QStringList &args, int minPositional, int maxPositional);

/// The workspace passphrase: --passphrase-file, else TRUSTATLAS_PASSPHRASE, else a prompt on
/// the terminal; with none of them, an error.
core::Result<QByteArray> passphrase(const QCommandLineParser &parser);
/// A new passphrase: --new-passphrase-file, else TRUSTATLAS_NEW_PASSPHRASE, else typed twice on
/// the terminal.
core::Result<QByteArray> newPassphrase(const QCommandLineParser &parser);
/// Adds --passphrase-file to @p parser.
void addPassphraseOption(QCommandLineParser &parser);
/// Opens the workspace at @p path, asking for the passphrase only if the file is protected.
core::Result<std::unique_ptr<core::Workspace>> openWorkspace(const QString &path,
                                                             const QCommandLineParser &parser);

/// "90s", "5m", "1h", "2h30m", "7d" or a bare number of seconds.
std::optional<qint64> parseDuration(const QString &text);
/// An RFC 3339 instant, or "now".
std::optional<QDateTime> parseInstant(const QString &text);
/// The most a verb reads of one input file (or stdin) whole: 64 MiB.
inline constexpr qint64 kMaxInputBytes = qint64(64) << 20;
/// Reads @p path ("-": stdin) whole. Refuses more than kMaxInputBytes (input.too_large) before
/// reading it, so a huge or endless input fails at once instead of filling memory.
core::Result<QByteArray> readFile(const QString &path);
/// readFile, then core::JsonInput::check: a JSON document, with no duplicate member names.
core::Result<QByteArray> readJsonFile(const QString &path);
core::Result<void> writeFile(const QString &path, const QByteArray &data, bool secret);

} // namespace ta::cli
