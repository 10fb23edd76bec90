// SPDX-License-Identifier: Apache-2.0
// Shared by the fuzz targets: the libFuzzer entry point's declaration, the fixed inputs the
// targets load once (tests/data/fuzz), and a Qt message handler that keeps the run quiet.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace ta::fuzz {

/// The fuzzer's input as a QByteArray (a deep copy: Qt may keep it beyond the call).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// A file of tests/data/fuzz, read once at start-up; aborts when it is missing, since a target
/// over the wrong fixture would fuzz nothing of interest.
inline QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(TA_FUZZ_DATA_DIR "/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "fuzz: cannot read fixture %s\n", qPrintable(file.fileName()));
        std::abort();
    }
    return file.readAll();
}

/// A QCoreApplication for targets whose code needs one (temporary files, SQLite through Qt),
/// created on the first call and kept for the process.
inline void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

/// True when TA_FUZZ_VERBOSE is set: the replay runners then print what each input reached,
/// to check that the seeds get past the first refusal.
inline bool verbose()
{
    static const bool on = qEnvironmentVariableIsSet("TA_FUZZ_VERBOSE");
    return on;
}

/// Prints @p what when verbose().
inline void note(const QString &what)
{
    if (verbose())
        std::fprintf(stderr, "  %s\n", qPrintable(what));
}

/// Silences qWarning and friends (a hostile input may make Qt complain on every run).
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

} // namespace ta::fuzz
