#include "history/FlatJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

// FlatJsonObject reads the chain verification's event payloads in place. Whatever it accepts it must read exactly as
// QJsonDocument does (the projection it feeds is compared with the cases table), and whatever it cannot read that way
// it must refuse, so that the caller falls back to QJsonDocument.
class TestFlatJson : public QObject
{
    Q_OBJECT

    // JSON written with ' for " (moc cannot read raw string literals).
    static QByteArray json(const char* text) { return QByteArray(text).replace('\'', '"'); }

    // Every answer FlatJsonObject gives for key, against QJsonDocument's.
    static void compareKey(const FlatJsonObject& flat, const QJsonObject& object, const QByteArray& key)
    {
        const QJsonValue value = object.value(QString::fromLatin1(key));
        QCOMPARE(flat.contains(key), object.contains(QString::fromLatin1(key)));
        const std::optional<QByteArrayView> text = flat.string(key);
        QCOMPARE(text.has_value(), value.isString());
        if (text)
            QCOMPARE(text->toByteArray(), value.toString().toUtf8());
        const std::optional<bool> boolean = flat.boolean(key);
        QCOMPARE(boolean.has_value(), value.isBool());
        if (boolean)
            QCOMPARE(*boolean, value.toBool());
    }

    enum class Verdict
    {
        Refused, // FlatJsonObject left it to QJsonDocument
        Agreed, // accepted, and read as QJsonDocument reads it
        Diverged, // accepted where QJsonDocument refuses it, or with other members
    };

    // Whether FlatJsonObject reads json as QJsonDocument does (the members' values are compared by compareKey, which
    // records a failure of its own).
    static Verdict judge(const QByteArray& json)
    {
        const FlatJsonObject flat(json);
        if (!flat.isValid())
            return Verdict::Refused;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return Verdict::Diverged;
        const QJsonObject object = doc.object();
        if (flat.size() != object.size())
            return Verdict::Diverged;
        for (const QString& key : object.keys())
            compareKey(flat, object, key.toUtf8());
        compareKey(flat, object, "absent");
        return Verdict::Agreed;
    }

private slots:
    void readsAsQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("flat"); // read in place; otherwise refused (QJsonDocument reads it)
        QTest::newRow("case_created") << json("{'actorRole':'reviewer','merchantBizId':'"
                                              "fe1bff2496c1c2d750b0d1d0d910b691','sceneCode':'desk','training':true}")
                                      << true;
        QTest::newRow("case_completed with an error") << json(
            "{'actorRole':'reviewer','code':'InvalidParameter','error':'service','passed':null,'requestId':'6D4B-11','"
            "state':'failed','subCode':''}") << true;
        QTest::newRow("attempt_sent") << json("{'actorRole':'reviewer','attempt':1}") << true;
        QTest::newRow("review_action") << json(
            "{'action':'claim','assignee':'li.wei','escalated':false,'state':'claimed'}")
                                       << true;
        QTest::newRow("empty object") << QByteArray("{}") << true;
        QTest::newRow("empty object, spaced") << QByteArray(" \t{ \r\n} \n") << true;
        QTest::newRow("whitespace around every token")
            << QByteArray(" { \"a\" : \"x\" ,\n\t\"b\"\r:\ttrue , \"c\" : -12 , \"d\":null } ") << true;
        QTest::newRow("integers") << json("{'a':0,'b':-0,'c':123456789012345,'d':7}") << true;
        QTest::newRow("empty key and value") << json("{'':''}") << true;
        QTest::newRow("a string that looks like a boolean") << json("{'passed':'true'}") << true;
        // Refused: QJsonDocument decides.
        QTest::newRow("escape") << json("{'a':'x\\'y'}") << false;
        QTest::newRow("unicode escape") << json("{'a':'\\u5f20'}") << false;
        QTest::newRow("escaped key") << json("{'st\\u0061te':'completed'}") << false;
        QTest::newRow("UTF-8 text") << QByteArray("{\"a\":\"\xe5\xbc\xa0\"}") << false;
        QTest::newRow("control character") << QByteArray("{\"a\":\"x\ty\"}") << false;
        QTest::newRow("DEL") << QByteArray("{\"a\":\"\x7f\"}") << false;
        QTest::newRow("nested object") << json("{'a':{'b':1}}") << false;
        QTest::newRow("array") << json("{'caseIds':['x','y']}") << false;
        QTest::newRow("duplicate key") << json("{'state':'pending','state':'completed'}") << false;
        QTest::newRow("fraction") << json("{'a':1.5}") << false;
        QTest::newRow("exponent") << json("{'a':1e3}") << false;
        QTest::newRow("16 digits") << json("{'a':1234567890123456}") << false;
        QTest::newRow("leading zero") << json("{'a':012}") << false;
        QTest::newRow("plus sign") << json("{'a':+1}") << false;
        QTest::newRow("lone minus") << json("{'a':-}") << false;
        QTest::newRow("truncated word") << json("{'a':tru}") << false;
        QTest::newRow("word run on") << json("{'a':truex}") << false;
        QTest::newRow("garbage after") << json("{'a':1} x") << false;
        QTest::newRow("second object") << json("{'a':1}{}") << false;
        QTest::newRow("trailing comma") << json("{'a':1,}") << false;
        QTest::newRow("missing colon") << json("{'a' 1}") << false;
        QTest::newRow("missing comma") << json("{'a':1 'b':2}") << false;
        QTest::newRow("unquoted key") << json("{a:1}") << false;
        QTest::newRow("unterminated string") << json("{'a':'x") << false;
        QTest::newRow("unterminated object") << json("{'a':'x'") << false;
        QTest::newRow("not an object") << json("['a']") << false;
        QTest::newRow("a bare string") << json("'a'") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << false;
        QTest::newRow("form feed as space") << QByteArray("{\f}") << false;
        QTest::newRow("NUL after the object") << QByteArray("{\"a\":1}\0", 8) << false;
        QTest::newRow("NUL inside a string") << QByteArray("{\"a\":\"x\0y\"}", 11) << false;
        QTest::newRow("closing brace twice") << json("{'a':1}}") << false;
        QTest::newRow("true run on by a digit") << json("{'a':true1}") << false;
        QTest::newRow("null run on") << json("{'a':nullx}") << false;
        QTest::newRow("negative leading zero") << json("{'a':-01}") << false;
        QTest::newRow("point without digits") << json("{'a':1.}") << false;
        QTest::newRow("capital exponent") << json("{'a':1E3}") << false;
    }

    void readsAsQJsonDocument()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, flat);
        QCOMPARE(FlatJsonObject(json).isValid(), flat);
        QCOMPARE(judge(json), flat ? Verdict::Agreed : Verdict::Refused);
    }

    // More members than it holds: refused, never cut short.
    void tooManyMembers()
    {
        QByteArray json = "{";
        for (int i = 0; i <= FlatJsonObject::MaxMembers; ++i)
            json += (i ? "," : "") + QByteArray("\"k") + QByteArray::number(i) + "\":" + QByteArray::number(i);
        json += '}';
        QVERIFY(!FlatJsonObject(json).isValid());
        json.replace(",\"k0\":0", "");
        json.replace("\"k0\":0,", "");
        QVERIFY(FlatJsonObject(json).isValid());
        QCOMPARE(judge(json), Verdict::Agreed);
    }

    // The application's payloads with bytes changed, inserted and removed at random (seeded): every mutant accepted
    // must read as QJsonDocument reads it. Counts both kinds, so the test cannot pass by refusing everything.
    void mutantsAgree_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("case_created") << json(
            "{'actorRole':'reviewer','merchantBizId':'fe1b','sceneCode':'desk','training':false}");
        QTest::newRow("case_completed") << json(
            "{'actorRole':'supervisor','passed':true,'state':'completed','subCode':'200'}");
        QTest::newRow("review_action") << json("{'action':'propose','decision':'approve','state':'proposed'}");
    }

    void mutantsAgree()
    {
        QFETCH(QByteArray, payload);
        QRandomGenerator random(20261206);
        // JSON's tokens, and the bytes it refuses or QJsonDocument treats specially: NUL, control characters, DEL,
        // UTF-8, escapes, fractions and exponents.
        static const char alphabet[] = { '{',
            '}',
            '[',
            ']',
            '"',
            ':',
            ',',
            '-',
            '+',
            '.',
            'e',
            'E',
            '0',
            '1',
            '9',
            ' ',
            't',
            'r',
            'u',
            'e',
            'f',
            'a',
            'l',
            's',
            'n',
            '\\',
            '\t',
            '\n',
            '\r',
            '\f',
            '\0',
            '\x7f',
            '\xe5',
            'x' };
        int accepted = 0;
        int refused = 0;
        int diverged = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray json = payload;
            const int edits = 1 + random.bounded(3);
            for (int i = 0; i < edits; ++i) {
                const auto at = static_cast<qsizetype>(random.bounded(static_cast<int>(json.size()) + 1));
                const char c = alphabet[random.bounded(static_cast<int>(sizeof alphabet))];
                switch (random.bounded(3)) {
                case 0:
                    if (at < json.size())
                        json[at] = c;
                    break;
                case 1:
                    json.insert(at, c);
                    break;
                default:
                    json.remove(at, 1);
                }
            }
            switch (judge(json)) {
            case Verdict::Agreed:
                ++accepted;
                break;
            case Verdict::Refused:
                ++refused;
                break;
            case Verdict::Diverged:
                ++diverged;
                qWarning() << "read otherwise than QJsonDocument:" << json;
            }
            if (QTest::currentTestFailed())
                QFAIL(json.constData());
        }
        QCOMPARE(diverged, 0);
        // Both kinds in numbers, so that the test cannot pass by refusing everything or by never being refused.
        QVERIFY2(accepted > 2000, qPrintable(QString::number(accepted)));
        QVERIFY2(refused > 2000, qPrintable(QString::number(refused)));
    }
};

QTEST_GUILESS_MAIN(TestFlatJson)
#include "TestFlatJson.moc"
