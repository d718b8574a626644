// FlatJsonObject (app/history/FlatJson), the chain verification's payload reader, against QJsonDocument: whatever it
// accepts must be a JSON object QJsonDocument reads, with the same string and boolean members.
#include "FuzzSupport.h"

#include "history/FlatJson.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const FlatJsonObject flat(input);
    if (!flat.isValid())
        return 0;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(input, &error);
    Fuzz::check(error.error == QJsonParseError::NoError && doc.isObject(), "accepted what QJsonDocument refuses");
    const QJsonObject object = doc.object();
    Fuzz::check(flat.size() == object.size(), "member count differs");
    QStringList keys = object.keys();
    keys << QStringLiteral("absent");
    for (const QString& key : keys) {
        const QByteArray k = key.toUtf8();
        const QJsonValue value = object.value(key);
        Fuzz::check(flat.contains(k) == object.contains(key), "contains differs");
        const std::optional<QByteArrayView> text = flat.string(k);
        Fuzz::check(text.has_value() == value.isString(), "string presence differs");
        Fuzz::check(!text || text->toByteArray() == value.toString().toUtf8(), "string differs");
        const std::optional<bool> boolean = flat.boolean(k);
        Fuzz::check(boolean.has_value() == value.isBool(), "boolean presence differs");
        Fuzz::check(!boolean || *boolean == value.toBool(), "boolean differs");
    }
    return 0;
}
