#pragma once

#include <QDateTime>
#include <QString>

// The one way the desk shows a moment: local time, the language's short date order with a four-digit year, and a
// 24-hour time with seconds ("12/2/2026 16:23:48", "2026/12/2 16:23:48"). Every table, dialog and timeline uses it, so
// an auditor comparing two screens compares like with like.
namespace DisplayTime {
QString dateTime(const QDateTime& at);
QString date(const QDate& day);
// The format string dateTime uses, for widgets that take one (QDateTimeEdit).
QString dateFormat();
} // namespace DisplayTime
