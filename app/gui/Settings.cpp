// SPDX-License-Identifier: Apache-2.0
#include "app/gui/Settings.h"

#include <QDir>
#include <QSettings>

namespace ta::app {
namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
};

const Entry &entry(Settings::Key key)
{
    static const Entry table[] = {
        {Settings::Key::RecentFiles, "files/recent", QStringList()},
        {Settings::Key::LastDirectory, "files/lastDirectory", QDir::homePath()},
        {Settings::Key::WindowGeometry, "window/geometry", QByteArray()},
        {Settings::Key::WindowState, "window/state", QByteArray()},
        {Settings::Key::FederationAutoRefresh, "federation/autoRefresh", true},
    };
    for (const Entry &e : table) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

Settings::~Settings() = default;

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    return m_settings->value(QLatin1String(e.name), e.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(entry(key).name), value);
}

QStringList Settings::recentFiles() const
{
    return value(Key::RecentFiles).toStringList();
}

void Settings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > maxRecentFiles)
        files.removeLast();
    setValue(Key::RecentFiles, files);
}

void Settings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    setValue(Key::RecentFiles, files);
}

QString Settings::lastDirectory() const
{
    return value(Key::LastDirectory).toString();
}

void Settings::setLastDirectory(const QString &dir)
{
    setValue(Key::LastDirectory, dir);
}

QByteArray Settings::windowGeometry() const
{
    return value(Key::WindowGeometry).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    setValue(Key::WindowGeometry, geometry);
}

QByteArray Settings::windowState() const
{
    return value(Key::WindowState).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    setValue(Key::WindowState, state);
}

bool Settings::federationAutoRefresh() const
{
    return value(Key::FederationAutoRefresh).toBool();
}

void Settings::setFederationAutoRefresh(bool enabled)
{
    setValue(Key::FederationAutoRefresh, enabled);
}

} // namespace ta::app
