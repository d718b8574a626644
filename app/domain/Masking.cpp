#include "Masking.h"

#include <QStringList>

namespace Masking {

namespace {

// The string split into code points, so a character outside the BMP (a surrogate pair) is masked as one.
QStringList codePoints(const QString& text)
{
    QStringList out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(text.mid(i, 2));
            ++i;
        } else {
            out.append(text.mid(i, 1));
        }
    }
    return out;
}

QString stars(qsizetype count)
{
    return QString(count, QLatin1Char('*'));
}

} // namespace

QString idNumber(const QString& id)
{
    const QStringList points = codePoints(id);
    if (points.size() != 18)
        return stars(points.size());
    return points.mid(0, 4).join(QString()) + stars(10) + points.mid(14, 4).join(QString());
}

QString name(const QString& name)
{
    const QStringList points = codePoints(name);
    if (points.isEmpty())
        return {};
    return points.first() + stars(points.size() - 1);
}

} // namespace Masking
