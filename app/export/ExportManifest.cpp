#include "ExportManifest.h"

#include "base/OutputFile.h"
#include "crypto/Crypto.h"
#include "history/CanonicalEvent.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace {

QString latin1(const QByteArray& hex)
{
    return QString::fromLatin1(hex);
}

QByteArray hexOf(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString().toLatin1();
}

qint64 integerOf(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toInteger();
}

} // namespace

QJsonObject ExportManifest::toJson(bool withMac) const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QLatin1String(formatName));
    o.insert(QStringLiteral("historyId"), historyId);
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("fileSha256"), latin1(fileSha256));
    o.insert(QStringLiteral("fileBytes"), fileBytes);
    o.insert(QStringLiteral("what"), what);
    o.insert(QStringLiteral("fileFormat"), fileFormat);
    o.insert(QStringLiteral("excel"), excel);
    o.insert(QStringLiteral("unmasked"), unmasked);
    o.insert(QStringLiteral("rows"), rows);
    o.insert(QStringLiteral("filter"), filter);
    QJsonValue range(QJsonValue::Null);
    if (hasRange) {
        range = QJsonObject { { QStringLiteral("firstSeq"), firstSeq },
            { QStringLiteral("lastSeq"), lastSeq },
            { QStringLiteral("firstHash"), latin1(firstHash) },
            { QStringLiteral("lastHash"), latin1(lastHash) },
            { QStringLiteral("prevHash"), latin1(prevHash) } };
    }
    o.insert(QStringLiteral("range"), range);
    o.insert(QStringLiteral("chainHead"),
        QJsonObject { { QStringLiteral("seq"), headSeq }, { QStringLiteral("hash"), latin1(headHash) } });
    o.insert(QStringLiteral("exportedAt"), QString::fromLatin1(CanonicalEvent::timestamp(exportedAt)));
    o.insert(QStringLiteral("exportedBy"), exportedBy);
    o.insert(QStringLiteral("previousManifestHash"), latin1(previousManifestHash));
    if (withMac)
        o.insert(QStringLiteral("hmac"), latin1(hmac));
    return o;
}

QByteArray ExportManifest::signedBytes() const
{
    return QJsonDocument(toJson(false)).toJson(QJsonDocument::Compact);
}

QByteArray ExportManifest::bytes() const
{
    return QJsonDocument(toJson(true)).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray ExportManifest::hash() const
{
    return Crypto::sha256Hex(bytes());
}

QString ExportManifest::pathFor(const QString& filePath)
{
    return filePath + QLatin1String(OutputFile::manifestSuffix);
}

Result<ExportManifest> ExportManifest::parse(const QByteArray& bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || o.value(QStringLiteral("format")).toString() != QLatin1String(formatName))
        return Failure(ErrorCode::Corrupt, tr("This is not an eKYC Desk export manifest."));
    ExportManifest m;
    m.historyId = o.value(QStringLiteral("historyId")).toString();
    m.file = o.value(QStringLiteral("file")).toString();
    m.fileSha256 = hexOf(o, "fileSha256");
    m.fileBytes = integerOf(o, "fileBytes");
    m.what = o.value(QStringLiteral("what")).toString();
    m.fileFormat = o.value(QStringLiteral("fileFormat")).toString();
    m.excel = o.value(QStringLiteral("excel")).toBool();
    m.unmasked = o.value(QStringLiteral("unmasked")).toBool();
    m.rows = integerOf(o, "rows");
    m.filter = o.value(QStringLiteral("filter")).toObject();
    const QJsonObject range = o.value(QStringLiteral("range")).toObject();
    m.hasRange = o.value(QStringLiteral("range")).isObject();
    m.firstSeq = integerOf(range, "firstSeq");
    m.lastSeq = integerOf(range, "lastSeq");
    m.firstHash = hexOf(range, "firstHash");
    m.lastHash = hexOf(range, "lastHash");
    m.prevHash = hexOf(range, "prevHash");
    const QJsonObject head = o.value(QStringLiteral("chainHead")).toObject();
    m.headSeq = integerOf(head, "seq");
    m.headHash = hexOf(head, "hash");
    m.exportedAt = CanonicalEvent::parseTimestamp(o.value(QStringLiteral("exportedAt")).toString());
    m.exportedBy = o.value(QStringLiteral("exportedBy")).toString();
    m.previousManifestHash = hexOf(o, "previousManifestHash");
    m.hmac = hexOf(o, "hmac");
    // Read back exactly as written: any other spelling, key or value is a change.
    if (m.bytes() != bytes)
        return Failure(ErrorCode::Corrupt, tr("The manifest was changed: it is not as eKYC Desk wrote it."));
    return m;
}
