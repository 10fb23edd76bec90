// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphBuildCache.h"

namespace ta::core {

void GraphBuildCache::clear()
{
    m_subjects.clear();
    m_credentials.clear();
    m_identities.clear();
    m_reused = 0;
    m_made = 0;
}

void GraphBuildCache::beginBuild()
{
    ++m_build;
    m_reused = 0;
    m_made = 0;
}

void GraphBuildCache::endBuild()
{
    const auto stale = [this](const auto &it) { return it.value().build != m_build; };
    m_subjects.removeIf(stale);
    m_credentials.removeIf(stale);
    m_identities.removeIf(stale);
}

template <typename Key>
const GraphNodeContent *GraphBuildCache::find(QHash<QString, Entry<Key>> &map, const QString &id,
                                              const Key &key)
{
    const auto it = map.find(id);
    if (it == map.end() || !(it->key == key))
        return nullptr;
    it->build = m_build;
    ++m_reused;
    return &it->content;
}

template <typename Key>
const GraphNodeContent &GraphBuildCache::keep(QHash<QString, Entry<Key>> &map, const QString &id,
                                              Key key, GraphNodeContent content)
{
    ++m_made;
    Entry<Key> &e = map[id];
    e = Entry<Key>{std::move(key), std::move(content), m_build};
    return e.content;
}

const QJsonObject *GraphBuildCache::subject(const QString &id, const SubjectNodeKey &key)
{
    const GraphNodeContent *c = find(m_subjects, id, key);
    return c ? &c->properties : nullptr;
}

const QJsonObject &GraphBuildCache::keepSubject(const QString &id, SubjectNodeKey key,
                                                QJsonObject properties)
{
    return keep(m_subjects, id, std::move(key), GraphNodeContent{{}, std::move(properties)})
        .properties;
}

const GraphNodeContent *GraphBuildCache::credential(const QString &id, const CredentialNodeKey &key)
{
    return find(m_credentials, id, key);
}

const GraphNodeContent &GraphBuildCache::keepCredential(const QString &id, CredentialNodeKey key,
                                                        GraphNodeContent content)
{
    return keep(m_credentials, id, std::move(key), std::move(content));
}

const GraphNodeContent *GraphBuildCache::identity(const QString &spiffeId)
{
    return find(m_identities, spiffeId, NoKey{});
}

const GraphNodeContent &GraphBuildCache::keepIdentity(const QString &spiffeId,
                                                      GraphNodeContent content)
{
    return keep(m_identities, spiffeId, NoKey{}, std::move(content));
}

} // namespace ta::core
