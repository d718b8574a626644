#include "DisplayTime.h"

#include <QLocale>

QString DisplayTime::dateFormat()
{
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")) && format.contains(QLatin1String("yy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    return format;
}

QString DisplayTime::date(const QDate& day)
{
    return QLocale().toString(day, dateFormat());
}

QString DisplayTime::dateTime(const QDateTime& at)
{
    if (!at.isValid())
        return QString();
    return QLocale().toString(at.toLocalTime(), dateFormat() + QStringLiteral(" HH:mm:ss"));
}
