// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/ResultSealKey.h"

#include "core/crypto/Digest.h"
#include "core/store/StoreErrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ta::core {
namespace {

Error keyError(const QString &path, const QString &why)
{
    return makeError(ec::StoreUnreadable, QStringLiteral("%1: %2").arg(path, why));
}

Result<QByteArray> readKey(const QString &path)
{
    constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                            QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (QFile::permissions(path) & others)
        return keyError(path, QStringLiteral("others may read or change the result seal key"));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return keyError(path, in.errorString());
    const QByteArray key = in.read(ResultSealKey::kSize + 1);
    if (key.size() != ResultSealKey::kSize)
        return keyError(path, QStringLiteral("a result seal key is %1 bytes, not %2")
                                  .arg(ResultSealKey::kSize)
                                  .arg(key.size()));
    return key;
}

} // namespace

QString ResultSealKey::pathForThisUser()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/trustatlas/result-seal.key");
}

Result<QByteArray> ResultSealKey::forThisUser()
{
    return loadOrCreate(pathForThisUser());
}

Result<QByteArray> ResultSealKey::loadOrCreate(const QString &path)
{
    if (QFileInfo::exists(path))
        return readKey(path);
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return keyError(path, QStringLiteral("its folder cannot be made"));
    // Written in full under another name, then linked to its own: link() never replaces, so
    // of two processes making the key at once one links and the other reads the linked key.
    QTemporaryFile temp(info.absolutePath() + QStringLiteral("/.result-seal-XXXXXX"));
    if (!temp.open())
        return keyError(path, temp.errorString());
    temp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray key = randomBytes(kSize);
    if (key.size() != kSize || temp.write(key) != kSize || !temp.flush() ||
        ::fsync(temp.handle()) != 0)
        return keyError(path, QStringLiteral("the key cannot be written"));
    if (::link(QFile::encodeName(temp.fileName()).constData(),
               QFile::encodeName(path).constData()) != 0 &&
        errno != EEXIST)
        return keyError(path, QString::fromLocal8Bit(std::strerror(errno)));
    return readKey(path);
}

} // namespace ta::core
