#include "history/HotStatement.h"

#include "StoreFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <functional>

// HotStatement writes the history's cases and events: on SQLite through SQLite's own API, elsewhere through Qt. A
// column must receive exactly what Qt's own binding of the same value gives it (NULL, TEXT or BLOB, the same bytes),
// or the rows written before and after it would differ; read back through Qt, and on SQLite by typeof() and hex().
using Bind = std::function<void(HotStatement&)>;
Q_DECLARE_METATYPE(Bind)

class TestHotStatement : public QObject
{
    Q_OBJECT

    static bool createProbe(QSqlDatabase db, bool postgres)
    {
        QSqlQuery q(db);
        const QString sql = postgres
            ? QStringLiteral("CREATE TEMPORARY TABLE probe (id INTEGER PRIMARY KEY, t TEXT, b BYTEA, i BIGINT)")
            : QStringLiteral("CREATE TEMPORARY TABLE probe (id INTEGER PRIMARY KEY, t TEXT, b BLOB, i INTEGER)");
        if (!q.exec(sql)) {
            qWarning("%s", qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }

    // What row id holds in column: how Qt reads it, and on SQLite its storage class and bytes.
    static QString stored(QSqlDatabase db, bool postgres, int id, const QString& column)
    {
        QSqlQuery q(db);
        const QString sql = postgres
            ? QStringLiteral("SELECT %1 FROM probe WHERE id = %2").arg(column).arg(id)
            : QStringLiteral("SELECT %1, typeof(%1), hex(%1) FROM probe WHERE id = %2").arg(column).arg(id);
        if (!q.exec(sql) || !q.next())
            return QStringLiteral("<%1>").arg(q.lastError().text());
        const QVariant value = q.value(0);
        QString out = value.isNull() ? QStringLiteral("NULL") : value.toString();
        if (!postgres)
            out += QLatin1Char('|') + q.value(1).toString() + QLatin1Char('|') + q.value(2).toString();
        return out;
    }

private slots:
    void bindsAsQtDoes_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QVariant>("qtValue");
        QTest::addColumn<Bind>("bind");
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [backend](const char* what, const char* column, const QVariant& qt, const Bind& bind) {
                QTest::addRow("%s: %s", qPrintable(backend), what)
                    << backend << QString::fromLatin1(column) << qt << bind;
            };
            const QString chinese = QStringLiteral("王小明 · résumé");
            row("null text", "t", QVariant(QString()), [](HotStatement& s) { s.bindText(1, QString()); });
            row("empty text", "t", QVariant(QStringLiteral("")), [](HotStatement& s) {
                s.bindText(1, QStringLiteral(""));
            });
            row("text", "t", QVariant(chinese), [chinese](HotStatement& s) { s.bindText(1, chinese); });
            row("empty UTF-8 view", "t", QVariant(QStringLiteral("")), [](HotStatement& s) {
                s.bindText(1, QByteArrayView());
            });
            row("UTF-8 view", "t", QVariant(chinese), [chinese](HotStatement& s) {
                s.bindText(1, QByteArrayView(chinese.toUtf8()));
            });
            row("null", "t", QVariant(QMetaType::fromType<QString>()), [](HotStatement& s) { s.bindNull(1); });
            row("null blob", "b", QVariant(QByteArray()), [](HotStatement& s) { s.bindBlob(1, QByteArray()); });
            row("empty blob", "b", QVariant(QByteArray("")), [](HotStatement& s) { s.bindBlob(1, QByteArray("")); });
            const QByteArray bytes("\x00\x01\xff\x80 ciphertext", 15);
            row("blob", "b", QVariant(bytes), [bytes](HotStatement& s) { s.bindBlob(1, bytes); });
            row("integer", "i", QVariant(qint64(-9007199254740993)), [](HotStatement& s) {
                s.bindInt(1, -9007199254740993);
            });
            row("flag", "i", QVariant(1), [](HotStatement& s) { s.bindInt(1, 1); });
            row("null integer", "i", QVariant(QMetaType::fromType<int>()), [](HotStatement& s) { s.bindNull(1); });
            const QString loneSurrogate = QStringLiteral("R") + QChar(0xD800) + QStringLiteral("1");
            row("text that is not valid UTF-16", "t", QVariant(loneSurrogate), [loneSurrogate](HotStatement& s) {
                s.bindText(1, loneSurrogate);
            });
        }
    }
    void bindsAsQtDoes()
    {
        QFETCH(QString, backend);
        QFETCH(QString, column);
        QFETCH(QVariant, qtValue);
        QFETCH(Bind, bind);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        QSqlDatabase db = fx.raw();
        QVERIFY(db.isOpen());
        const bool postgres = backend == QLatin1String("postgresql");
        QVERIFY(createProbe(db, postgres));

        QSqlQuery byQt(db);
        QVERIFY(byQt.prepare(QStringLiteral("INSERT INTO probe (id, %1) VALUES (?, ?)").arg(column)));
        byQt.bindValue(0, 1);
        byQt.bindValue(1, qtValue);
        QVERIFY2(byQt.exec(), qPrintable(byQt.lastError().text()));

        HotStatement hot(db, QStringLiteral("INSERT INTO probe (id, %1) VALUES (?, ?)").arg(column));
        QCOMPARE(hot.native(), !postgres);
        hot.bindInt(0, 2);
        bind(hot);
        QString error;
        QVERIFY2(hot.exec(error), qPrintable(error));
        QCOMPARE(hot.rowsAffected(), 1);
        QVERIFY(!hot.producedRow());

        QCOMPARE(stored(db, postgres, 2, column), stored(db, postgres, 1, column));
    }

    // An UPDATE counts its rows, a SELECT says whether it found one, a failure names SQLite's or the server's reason
    // and leaves the statement usable.
    void runsAgainAfterEveryOutcome_data() { StoreFixture::addBackendRows(); }
    void runsAgainAfterEveryOutcome()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        QSqlDatabase db = fx.raw();
        const bool postgres = backend == QLatin1String("postgresql");
        QVERIFY(createProbe(db, postgres));
        HotStatement insert(db, QStringLiteral("INSERT INTO probe (id, t) VALUES (?, ?)"));
        HotStatement update(db, QStringLiteral("UPDATE probe SET t = ? WHERE id = ?"));
        HotStatement exists(db, QStringLiteral("SELECT 1 FROM probe WHERE id = ?"));
        QString error;
        for (int id = 1; id <= 3; ++id) {
            insert.bindInt(0, id);
            insert.bindText(1, QStringLiteral("row"));
            QVERIFY2(insert.exec(error), qPrintable(error));
        }
        insert.bindInt(0, 2); // taken
        insert.bindText(1, QStringLiteral("again"));
        QVERIFY(!insert.exec(error));
        QVERIFY2(error.contains(QLatin1String("unique"), Qt::CaseInsensitive)
                || error.contains(QLatin1String("constraint"), Qt::CaseInsensitive),
            qPrintable(error));
        insert.bindInt(0, 4);
        insert.bindText(1, QStringLiteral("row"));
        QVERIFY2(insert.exec(error), qPrintable(error));

        insert.bindInt(0, 5); // a parameter left out is an error, never a NULL
        QVERIFY(!insert.exec(error));
        QVERIFY2(error.contains(QLatin1String("mismatch"), Qt::CaseInsensitive), qPrintable(error));
        QSqlQuery five(db);
        QVERIFY(five.exec(QStringLiteral("SELECT COUNT(*) FROM probe WHERE id = 5")) && five.next());
        QCOMPARE(five.value(0).toInt(), 0);

        for (const auto& [id, changed] : { std::pair { 3, 1 }, std::pair { 9, 0 } }) {
            update.bindText(0, QStringLiteral("changed"));
            update.bindInt(1, id);
            QVERIFY2(update.exec(error), qPrintable(error));
            QCOMPARE(update.rowsAffected(), changed);
        }
        for (const auto& [id, found] : { std::pair { 4, true }, std::pair { 5, false }, std::pair { 1, true } }) {
            exists.bindInt(0, id);
            QVERIFY2(exists.exec(error), qPrintable(error));
            QCOMPARE(exists.producedRow(), found);
        }
        QSqlQuery count(db);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM probe WHERE t = 'changed'")) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHotStatement)
#include "TestHotStatement.moc"
