// SPDX-License-Identifier: Apache-2.0
#include "app/cli/CliSupport.h"

#include "core/ErrorCatalog.h"
#include "core/FrontEndErrors.h"
#include "core/JsonInput.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace ta::cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void onInterrupt(int)
{
    g_interrupted.store(true, std::memory_order_relaxed);
}

} // namespace

void catchInterrupt()
{
    struct sigaction sa = {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    // Restarted system calls: a read or write in flight finishes, the flag is checked after.
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
}

bool interrupted()
{
    return g_interrupted.load(std::memory_order_relaxed);
}

int interruptedExit()
{
    std::fputs("trustatlas-cli: interrupted; nothing was saved\n", stderr);
    return Interrupted;
}

int badInput(const core::Error &error)
{
    QString detail = error.detail.simplified();
    if (detail.isEmpty()) {
        const core::ErrorCode *declared = core::findErrorCode(error.code);
        detail = declared ? QString::fromUtf8(declared->meaning) : QStringLiteral("no detail");
    }
    const QString code = error.code.isEmpty() ? QStringLiteral("cli.bad_usage") : error.code;
    std::fprintf(stderr, "trustatlas-cli: error: %s: %s\n", code.simplified().toUtf8().constData(),
                 detail.toUtf8().constData());
    return BadInput;
}

int badInput(const core::ErrorCode &code, const QString &detail)
{
    return badInput(core::makeError(code, detail));
}

void print(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonObject &object)
{
    print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) +
          QLatin1Char('\n'));
}

std::optional<int> parseArgs(QCommandLineParser &parser, const QString &description,
                             const QStringList &args, int minPositional, int maxPositional)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        // QCommandLineParser's own sentences, under the codes of the contract.
        return badInput(parser.unknownOptionNames().isEmpty() ? core::ec::CliBadUsage
                                                              : core::ec::CliUnknownOption,
                        parser.errorText() + QStringLiteral("; see --help"));
    }
    if (parser.isSet(help)) {
        print(parser.helpText());
        return Success;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional)
        return badInput(core::ec::CliMissingArgument,
                        QStringLiteral("%1 needs %2 argument(s), got %3; see --help")
                            .arg(args.value(0))
                            .arg(minPositional)
                            .arg(n));
    if (maxPositional >= 0 && n > maxPositional)
        return badInput(
            core::ec::CliUnexpectedArgument,
            QStringLiteral("'%1'; see --help").arg(parser.positionalArguments().at(maxPositional)));
    return std::nullopt;
}

void addPassphraseOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("passphrase-file"),
                      QStringLiteral("Read the workspace passphrase from FILE (first line)."),
                      QStringLiteral("FILE")});
}

namespace {

core::Result<QByteArray> promptPassphrase(const char *prompt)
{
    FILE *tty = std::fopen("/dev/tty", "r+");
    if (!tty || !isatty(fileno(tty))) {
        if (tty)
            std::fclose(tty);
        return core::makeError(core::ec::CliPassphraseRequired,
                               QStringLiteral("give --passphrase-file or TRUSTATLAS_PASSPHRASE"));
    }
    std::fputs(prompt, tty);
    std::fflush(tty);
    termios old{};
    tcgetattr(fileno(tty), &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
    char buf[1024] = {};
    const bool got = std::fgets(buf, sizeof buf, tty) != nullptr;
    tcsetattr(fileno(tty), TCSAFLUSH, &old);
    std::fputs("\n", tty);
    std::fclose(tty);
    QByteArray pass(buf);
    while (pass.endsWith('\n') || pass.endsWith('\r'))
        pass.chop(1);
    if (!got || pass.isEmpty())
        return core::makeError(core::ec::CliPassphraseRequired,
                               QStringLiteral("no passphrase was entered on the terminal"));
    return pass;
}

} // namespace

namespace {

core::Result<QByteArray> passphraseFrom(const QCommandLineParser &parser, const QString &option,
                                        const char *environment, const char *prompt)
{
    if (parser.isSet(option)) {
        auto data = readFile(parser.value(option));
        if (!data)
            return data.error();
        QByteArray line = data->split('\n').first();
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            return core::makeError(core::ec::CliEmptyPassphrase, parser.value(option));
        return line;
    }
    const QByteArray env = qgetenv(environment);
    if (!env.isEmpty())
        return env;
    return promptPassphrase(prompt);
}

} // namespace

core::Result<QByteArray> passphrase(const QCommandLineParser &parser)
{
    return passphraseFrom(parser, QStringLiteral("passphrase-file"), "TRUSTATLAS_PASSPHRASE",
                          "Workspace passphrase: ");
}

core::Result<QByteArray> newPassphrase(const QCommandLineParser &parser)
{
    auto first = passphraseFrom(parser, QStringLiteral("new-passphrase-file"),
                                "TRUSTATLAS_NEW_PASSPHRASE", "New workspace passphrase: ");
    if (!first || parser.isSet(QStringLiteral("new-passphrase-file")) ||
        !qgetenv("TRUSTATLAS_NEW_PASSPHRASE").isEmpty())
        return first;
    // Typed on the terminal: a typo would lock the keys away, so it is typed twice.
    auto again = promptPassphrase("Repeat the new passphrase: ");
    if (!again)
        return again.error();
    if (*again != *first)
        return core::makeError(core::ec::CliPassphraseMismatch);
    return first;
}

core::Result<std::unique_ptr<core::Workspace>> openWorkspace(const QString &path,
                                                             const QCommandLineParser &parser)
{
    auto needs = core::Workspace::needsPassphrase(path);
    if (!needs)
        return needs.error();
    QByteArray pass;
    if (*needs) {
        auto p = passphrase(parser);
        if (!p)
            return p.error();
        pass = *p;
    }
    return core::Workspace::open(path, pass);
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression bare(QStringLiteral("^[0-9]+$"));
    if (bare.match(text).hasMatch()) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        return ok && v > 0 ? std::optional<qint64>(v) : std::nullopt;
    }
    static const QRegularExpression part(QStringLiteral("([0-9]+)([dhms])"));
    static const QRegularExpression whole(QStringLiteral("^(?:[0-9]+[dhms])+$"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    qint64 total = 0;
    auto it = part.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        bool ok = false;
        const qint64 n = m.captured(1).toLongLong(&ok);
        if (!ok || n > 100000000)
            return std::nullopt;
        const QChar unit = m.captured(2).at(0);
        total += n * (unit == QLatin1Char('d')   ? 86400
                      : unit == QLatin1Char('h') ? 3600
                      : unit == QLatin1Char('m') ? 60
                                                 : 1);
    }
    return total > 0 ? std::optional<qint64>(total) : std::nullopt;
}

std::optional<QDateTime> parseInstant(const QString &text)
{
    if (text == QLatin1String("now"))
        return QDateTime::currentDateTimeUtc();
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

core::Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (path == QLatin1String("-") ? !f.open(stdin, QIODevice::ReadOnly)
                                   : !f.open(QIODevice::ReadOnly))
        return core::makeError(core::ec::CliUnreadableFile,
                               path + QStringLiteral(": ") + f.errorString());
    const auto tooLarge = [&] {
        return core::makeError(core::ec::InputTooLarge,
                               QStringLiteral("%1: more than %2 bytes")
                                   .arg(path == QLatin1String("-") ? QStringLiteral("stdin") : path)
                                   .arg(kMaxInputBytes));
    };
    // A regular file says its size up front; a pipe or device is read to one byte past the cap.
    if (!f.isSequential() && f.size() > kMaxInputBytes)
        return tooLarge();
    QByteArray data = f.read(kMaxInputBytes + 1);
    if (data.size() > kMaxInputBytes)
        return tooLarge();
    if (f.error() != QFileDevice::NoError)
        return core::makeError(core::ec::CliUnreadableFile,
                               path + QStringLiteral(": ") + f.errorString());
    return data;
}

core::Result<QByteArray> readJsonFile(const QString &path)
{
    auto data = readFile(path);
    if (!data)
        return data;
    if (auto r = core::JsonInput::check(*data); !r)
        return core::makeError(r.error().code, path + QStringLiteral(": ") + r.error().detail);
    return data;
}

core::Result<void> writeFile(const QString &path, const QByteArray &data, bool secret)
{
    // QSaveFile: a failed write leaves no truncated file behind.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return core::makeError(core::ec::CliUnwritableFile,
                               path + QStringLiteral(": ") + f.errorString());
    if (secret)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(data);
    if (!f.commit())
        return core::makeError(core::ec::CliUnwritableFile,
                               path + QStringLiteral(": ") + f.errorString());
    return {};
}

} // namespace ta::cli
