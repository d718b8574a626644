#include "ElidedLabel.h"

#include <QApplication>
#include <QTest>

// A status-bar fact in less room than its text: the longest form that fits, else the shortest shortened in the
// middle; the tooltip always has the whole text.
class TestElidedLabel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheLongestFormThatFits_data()
    {
        QTest::addColumn<QString>("roomFor"); // the label is made as wide as this text
        QTest::addColumn<QString>("shown"); // "…" at the end: shortened in the middle, starting with the rest
        const QString full = QStringLiteral("No audit history: cases are not recorded");
        QTest::newRow("room for all") << full << full;
        QTest::newRow("room for the short form")
            << QStringLiteral("No audit history") << QStringLiteral("No audit history");
        QTest::newRow("a little more than the short form")
            << QStringLiteral("No audit history: ca") << QStringLiteral("No audit history");
        QTest::newRow("less than the short form") << QStringLiteral("No audit") << QStringLiteral("No…");
    }
    void showsTheLongestFormThatFits()
    {
        QFETCH(QString, roomFor);
        QFETCH(QString, shown);
        QWidget window; // a child is resized at once, a window when the platform says so
        ElidedLabel label(&window);
        label.setFullText(
            QStringLiteral("No audit history: cases are not recorded"), { QStringLiteral("No audit history") });
        window.show();
        label.resize(label.fontMetrics().horizontalAdvance(roomFor) + 1, label.sizeHint().height());
        if (shown.endsWith(u'…')) {
            QVERIFY2(
                label.text().startsWith(shown.chopped(1)) && label.text().contains(u'…'), qPrintable(label.text()));
            QVERIFY(label.text().size() < QStringLiteral("No audit history").size());
        } else {
            QCOMPARE(label.text(), shown);
        }
        QVERIFY(label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width());
        QCOMPARE(label.toolTip(), QStringLiteral("No audit history: cases are not recorded"));
    }

    // Squeezed beside other facts, it keeps room for its shortest form.
    void keepsRoomForTheShortestForm()
    {
        ElidedLabel label;
        label.setFullText(
            QStringLiteral("No audit history: cases are not recorded"), { QStringLiteral("No audit history") });
        QVERIFY(label.minimumSizeHint().width()
            > label.fontMetrics().horizontalAdvance(QStringLiteral("No audit history")));
        ElidedLabel plain;
        plain.setFullText(QStringLiteral("No audit history: cases are not recorded"));
        QVERIFY(plain.minimumSizeHint().width() < label.minimumSizeHint().width());
    }

    // Without shorter forms it shortens the full text in the middle, as before.
    void withoutShorterFormsElidesInTheMiddle()
    {
        QWidget window;
        ElidedLabel label(&window);
        const QString path = QStringLiteral("History: /home/reviewer/.local/share/eKYC Desk/history.sqlite");
        label.setFullText(path);
        window.show();
        label.resize(label.fontMetrics().horizontalAdvance(QStringLiteral("History: /home/…/history.sqlite")),
            label.sizeHint().height());
        QVERIFY2(label.text().startsWith(QLatin1String("History: /")), qPrintable(label.text()));
        QVERIFY2(label.text().endsWith(QLatin1String("sqlite")), qPrintable(label.text()));
        QVERIFY(label.text().contains(u'…'));
    }
};

QTEST_MAIN(TestElidedLabel)
#include "TestElidedLabel.moc"
