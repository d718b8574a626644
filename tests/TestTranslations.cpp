#include "domain/CaseValidator.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The Simplified Chinese catalogue is complete: every message translated, placeholders and accelerators kept. CI
// refreshes the catalogue with lupdate before the tests, so a new untranslated string fails here.
class TestTranslations : public QObject
{
    Q_OBJECT

    struct Message
    {
        QString context;
        QString source;
        QString translation;
        bool unfinished = false;
    };
    QList<Message> m_messages;

    static QSet<QString> placeholders(const QString& text)
    {
        QSet<QString> out;
        static const QRegularExpression re(QStringLiteral("%(?:\\d+|n)"));
        for (auto it = re.globalMatch(text); it.hasNext();)
            out.insert(it.next().captured());
        return out;
    }

    static bool hasAccelerator(const QString& text)
    {
        static const QRegularExpression re(QStringLiteral("(?<!&)&(?!&)[A-Za-z0-9]"));
        return re.match(text).hasMatch();
    }

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(EKYC_SOURCE_DIR "/translations/ekyc-desk_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        Message current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                current = Message { context, {}, {}, false };
            } else if (xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                current.unfinished = type == QLatin1String("unfinished");
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type != QLatin1String("vanished") && type != QLatin1String("obsolete"))
                    m_messages.append(current);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(m_messages.size() > 200, qPrintable(QString::number(m_messages.size())));
    }

    void everyMessageIsTranslated()
    {
        QStringList missing;
        for (const Message& m : std::as_const(m_messages)) {
            if (m.unfinished || m.translation.trimmed().isEmpty())
                missing.append(m.context + QStringLiteral(": ") + m.source.left(60));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

    void placeholdersAndAcceleratorsAreKept()
    {
        QStringList broken;
        for (const Message& m : std::as_const(m_messages)) {
            if (placeholders(m.source) != placeholders(m.translation))
                broken.append(QStringLiteral("placeholders: ") + m.source.left(60));
            if (hasAccelerator(m.source) && !hasAccelerator(m.translation))
                broken.append(QStringLiteral("accelerator: ") + m.source.left(60));
        }
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
    }

    void embeddedCatalogueTranslatesTheCore()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/ekyc-desk_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString label = CaseValidator::fieldLabel(CaseField::IdNumber);
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(label, QStringLiteral("身份证号码"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::IdNumber), QStringLiteral("ID number"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
