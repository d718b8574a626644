#include "history/CanonicalEvent.h"

#include <QCryptographicHash>
#include <QTest>
#include <QTimeZone>

// The canonical bytes are the contract of the hash chain: pinned here byte for byte, so any change is deliberate.
class TestCanonicalEvent : public QObject
{
    Q_OBJECT

private:
    static AuditEvent sample()
    {
        AuditEvent e;
        e.seq = 1;
        e.ts = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 0, 5), QTimeZone::utc());
        e.actor = QStringLiteral("reviewer-a");
        e.workstation = QStringLiteral("ws-1");
        e.caseId = QStringLiteral("c1");
        e.kind = QStringLiteral("case_created");
        e.payload =
            AuditEvent::compactJson({ { QStringLiteral("b"), 1 }, { QStringLiteral("a"), QStringLiteral("测") } });
        e.piiDigest = QByteArray(64, 'f');
        return e;
    }

private slots:
    void bytesArePinned()
    {
        const QByteArray expected = QByteArray("ekyc-desk/audit-event/v1\n"
                                               "00000001:1\n"
                                               "00000018:2026-11-25T09:00:00.005Z\n"
                                               "0000000a:reviewer-a\n"
                                               "00000004:ws-1\n"
                                               "00000002:c1\n"
                                               "0000000c:case_created\n"
                                               "00000011:{\"a\":\"")
            + QStringLiteral("测").toUtf8() + QByteArray("\",\"b\":1}\n00000040:") + QByteArray(64, 'f') + "\n";
        QCOMPARE(CanonicalEvent::bytes(sample()), expected);
        QCOMPARE(CanonicalEvent::chainHash(CanonicalEvent::genesisHash(), sample()),
            QByteArray(QCryptographicHash::hash(QByteArray(32, '\0') + expected, QCryptographicHash::Sha256).toHex()));
    }

    void everyFieldMatters_data()
    {
        QTest::addColumn<int>("field");
        for (int i = 0; i < 8; ++i)
            QTest::newRow(qPrintable(QString::number(i))) << i;
    }
    void everyFieldMatters()
    {
        QFETCH(int, field);
        AuditEvent e = sample();
        switch (field) {
        case 0:
            e.seq = 2;
            break;
        case 1:
            e.ts = e.ts.addMSecs(1);
            break;
        case 2:
            e.actor += u'x';
            break;
        case 3:
            e.workstation += u'x';
            break;
        case 4:
            e.caseId.clear();
            break;
        case 5:
            e.kind = QStringLiteral("case_completed");
            break;
        case 6:
            e.payload = "{}";
            break;
        default:
            e.piiDigest.clear();
            break;
        }
        QVERIFY(CanonicalEvent::chainHash(CanonicalEvent::genesisHash(), e)
            != CanonicalEvent::chainHash(CanonicalEvent::genesisHash(), sample()));
    }

    void framingPreventsShifting()
    {
        AuditEvent a = sample();
        AuditEvent b = sample();
        a.actor = QStringLiteral("ab");
        a.workstation = QStringLiteral("c");
        b.actor = QStringLiteral("a");
        b.workstation = QStringLiteral("bc");
        QVERIFY(CanonicalEvent::bytes(a) != CanonicalEvent::bytes(b));
    }

    void timestampRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ok") << QStringLiteral("2026-11-25T09:00:00.005Z") << true;
        QTest::newRow("no ms") << QStringLiteral("2026-11-25T09:00:00Z") << false;
        QTest::newRow("offset") << QStringLiteral("2026-11-25T09:00:00.005+08:00") << false;
        QTest::newRow("bad date") << QStringLiteral("2026-02-30T09:00:00.005Z") << false;
        QTest::newRow("leap day") << QStringLiteral("2028-02-29T23:59:59.999Z") << true;
        QTest::newRow("no leap day in 2100") << QStringLiteral("2100-02-29T00:00:00.000Z") << false;
        QTest::newRow("leap day in 2000") << QStringLiteral("2000-02-29T12:00:00.000Z") << true;
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00.000Z") << true;
        QTest::newRow("before the epoch") << QStringLiteral("1969-12-31T23:59:59.999Z") << true;
        QTest::newRow("year 1") << QStringLiteral("0001-01-01T00:00:00.000Z") << true;
        QTest::newRow("year 0") << QStringLiteral("0000-12-31T00:00:00.000Z") << false;
        QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00.000Z") << false;
        QTest::newRow("hour 24") << QStringLiteral("2026-11-25T24:00:00.000Z") << false;
        QTest::newRow("leap second") << QStringLiteral("2016-12-31T23:59:60.000Z") << false;
        QTest::newRow("lower-case z") << QStringLiteral("2026-11-25T09:00:00.005z") << false;
        QTest::newRow("space for T") << QStringLiteral("2026-11-25 09:00:00.005Z") << false;
        QTest::newRow("sign in a digit") << QStringLiteral("2026-11-25T09:00:0+.005Z") << false;
    }
    // parseTimestamp and its byte twin parseTimestampMs (the chain verification's) agree with Qt's calendar.
    void timestampRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const QDateTime ts = CanonicalEvent::parseTimestamp(text);
        QCOMPARE(ts.isValid(), valid);
        const std::optional<qint64> ms = CanonicalEvent::parseTimestampMs(text.toLatin1());
        QCOMPARE(ms.has_value(), valid);
        if (valid) {
            QCOMPARE(QString::fromLatin1(CanonicalEvent::timestamp(ts)), text);
            QCOMPARE(*ms, ts.toMSecsSinceEpoch());
        }
    }

    void piiDigest()
    {
        QCOMPARE(CanonicalEvent::piiDigest({ QByteArray(), QByteArray() }), QByteArray());
        const QByteArray d = CanonicalEvent::piiDigest({ "ab", "c" });
        QCOMPARE(d.size(), 64);
        QVERIFY(d != CanonicalEvent::piiDigest({ "a", "bc" }));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalEvent)
#include "TestCanonicalEvent.moc"
