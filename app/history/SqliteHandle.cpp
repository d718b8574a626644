#include "SqliteHandle.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace SqliteHandle {

namespace {

enum class Library
{
    Unknown,
    Same,
    Other
};

std::atomic<Library> driverLibrary { Library::Unknown };

// Whether the driver's SQLite is the one linked here; asked through the driver itself.
bool sameLibrary(const QSqlDatabase& db)
{
    Library known = driverLibrary.load();
    if (known == Library::Unknown) {
        QSqlQuery q(db);
        const bool same = q.exec(QStringLiteral("SELECT sqlite_source_id()")) && q.next()
            && q.value(0).toString().toUtf8() == QByteArray(sqlite3_sourceid());
        known = same ? Library::Same : Library::Other;
        driverLibrary.store(known);
    }
    return known == Library::Same;
}

} // namespace

sqlite3* of(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QSQLITE") || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3* raw = *static_cast<sqlite3* const*>(handle.constData());
    return raw && sameLibrary(db) ? raw : nullptr;
}

} // namespace SqliteHandle
