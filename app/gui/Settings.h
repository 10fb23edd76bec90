// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace ta::app {

/// The application's settings, typed, with one table of keys and defaults. The only place that
/// touches QSettings.
class Settings
{
public:
    enum class Key {
        RecentFiles,
        LastDirectory,
        WindowGeometry,
        WindowState,
        FederationAutoRefresh
    };

    /// The user's settings in the platform's place.
    Settings();
    /// Settings in the INI file @p path (tests).
    explicit Settings(const QString &path);
    ~Settings();

    static constexpr int maxRecentFiles = 8;

    QStringList recentFiles() const;
    /// Puts @p path first in the recent files, dropping duplicates and the oldest beyond the cap.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    QString lastDirectory() const;
    void setLastDirectory(const QString &dir);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    /// Whether the open workspace's peer bundles are refreshed in the background (on at first).
    bool federationAutoRefresh() const;
    void setFederationAutoRefresh(bool enabled);

private:
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace ta::app
