// SPDX-License-Identifier: Apache-2.0
// PlainJson held to Qt's parser: shared by tst_plainjson and the evidence fuzzer.
#pragma once

#include "core/attestation/PlainJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace ta::core {

/// Whether Qt's parser reads from @p json an object of exactly @p members, each as PlainJson
/// says: a string of its text, an integer of its digits (as a double too), an array of its
/// strings, an object of strings equal to its text's own parse. Empty when they agree, else
/// what differs.
inline QString plainJsonDisagreement(const QByteArray &json, const PlainJson::Members &members)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("Qt's parser refuses it: ") + err.errorString();
    const QJsonObject o = doc.object();
    if (o.size() != members.size())
        return QStringLiteral("%1 members, Qt reads %2").arg(members.size()).arg(o.size());
    for (const PlainJson::Member &m : members) {
        const QJsonValue v = o.value(m.name);
        const QString name = QString(m.name);
        switch (m.kind) {
        case PlainJson::Member::Kind::String:
            if (!v.isString() || v.toString() != QString(m.text))
                return name + QStringLiteral(": another string");
            break;
        case PlainJson::Member::Kind::Integer: {
            const qint64 n = PlainJson::integer(m.text);
            if (!v.isDouble() || v.toInteger() != n || v.toDouble() != double(n) ||
                QString::number(n) != QString(m.text))
                return name + QStringLiteral(": another number");
            break;
        }
        case PlainJson::Member::Kind::StringArray: {
            QStringList qt;
            for (const QJsonValue &e : v.toArray()) {
                if (!e.isString())
                    return name + QStringLiteral(": an element that is not a string");
                qt << e.toString();
            }
            if (!v.isArray() || qt != PlainJson::strings(m.text))
                return name + QStringLiteral(": other strings");
            break;
        }
        case PlainJson::Member::Kind::StringObject: {
            const QJsonObject inner =
                QJsonDocument::fromJson(QByteArray(m.text.data(), m.text.size())).object();
            if (!v.isObject() || v.toObject() != inner)
                return name + QStringLiteral(": another object");
            for (const QJsonValue &e : inner) {
                if (!e.isString())
                    return name + QStringLiteral(": a value that is not a string");
            }
            break;
        }
        }
    }
    return {};
}

/// @p text with each of its bytes replaced by each byte that matters to JSON, then removed, one
/// change at a time, each given to @p fn: the changes a reader held to Qt's parser is tried with.
template <typename Fn>
void forEachOneByteChange(const QByteArray &text, Fn &&fn)
{
    const QByteArray replacements =
        QByteArray(" \t\n\"\\,:[]{}0123456789-.eE+atfnu/x") + QByteArray("\x00\x1f\x7f\x80\xc3", 5);
    for (qsizetype i = 0; i < text.size(); ++i) {
        for (const char c : replacements) {
            QByteArray changed = text;
            changed[i] = c;
            fn(changed);
        }
        fn(QByteArray(text).remove(i, 1));
    }
}

} // namespace ta::core
