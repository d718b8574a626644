#include "CaseId.h"

#include <QUuid>

QString CaseId::create(qint64 unixMs)
{
    // QUuid::createUuid: version 4, its 122 random bits from the system's generator; the first 48 bits become the
    // time and the version nibble becomes 7, the variant bits stay RFC 4122's.
    QByteArray bytes = QUuid::createUuid().toRfc4122(); // 16 bytes, big-endian
    const auto ms = static_cast<quint64>(qMax<qint64>(0, unixMs)) & ((quint64(1) << 48) - 1);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<char>(static_cast<quint8>(ms >> (8 * (5 - i))));
    bytes[6] = static_cast<char>(0x70 | (static_cast<quint8>(bytes[6]) & 0x0f));
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}
