// SPDX-License-Identifier: Apache-2.0
// The replay runner: feeds every file of the folders (or files) given on the command line to
// a fuzz target's LLVMFuzzerTestOneInput, so that the seed corpus and every input that once
// crashed run in the normal (GCC) test suite. A missing folder is skipped: a target may have
// no regressions yet. Exit 0 when every input ran; a crash fails the test by itself.
#include "FuzzSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv)
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        QStringList files;
        if (QFileInfo(arg).isDir()) {
            QDirIterator it(arg, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
            files.sort();
        } else if (QFileInfo(arg).isFile()) {
            files << arg;
        }
        for (const QString &path : std::as_const(files)) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
                return 2;
            }
            const QByteArray data = file.readAll();
            std::fprintf(stderr, "%s (%lld bytes)\n", qPrintable(path), qlonglong(data.size()));
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()),
                                   size_t(data.size()));
            ++inputs;
        }
    }
    std::fprintf(stderr, "%d inputs ran\n", inputs);
    return 0;
}
