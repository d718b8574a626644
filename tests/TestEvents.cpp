#include "history/AuditEvent.h"
#include "history/Events.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Payloads in this file are written with single quotes, which read better than escaped double quotes.
QByteArray quoted(const char* text)
{
    QByteArray bytes(text);
    bytes.replace('\'', '"');
    return bytes;
}

QJsonObject object(const char* text)
{
    return QJsonDocument::fromJson(quoted(text)).object();
}

QString kind(const char* name)
{
    return QString::fromLatin1(name);
}

template <class... E> QStringList kindsOfAlternatives(std::variant<E...>*)
{
    return { QString::fromLatin1(E::kind)... };
}

// Every struct, default-constructed, read back from what it writes: each kind reads the keys it writes.
template <class... E> QStringList unreadableDefaults(std::variant<E...>*)
{
    QStringList failures;
    auto check = [&failures](const Events::Event& event) {
        const QJsonObject payload = Events::toPayload(event);
        const Result<Events::Event> back = Events::fromPayload(Events::kindOf(event), payload);
        if (!back || AuditEvent::compactJson(Events::toPayload(*back)) != AuditEvent::compactJson(payload))
            failures.append(Events::kindOf(event) + QStringLiteral(": ") + back.message());
    };
    (check(Events::Event(E {})), ...);
    return failures;
}

struct StoredEvent
{
    qint64 seq = 0;
    QString kind;
    QByteArray payload; // exactly the stored bytes
};

// The events of the SQLite history at path, opened read-only; *error when they cannot be read.
QList<StoredEvent> readEvents(const QString& path, QString* error)
{
    const QString connection = QStringLiteral("test-events-fixture");
    QList<StoredEvent> events;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery q(db);
        if (!db.open() || !q.exec(QStringLiteral("SELECT seq, kind, payload FROM events ORDER BY seq")))
            *error = db.lastError().text() + q.lastError().text();
        while (q.next())
            events.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString().toUtf8() });
    }
    QSqlDatabase::removeDatabase(connection);
    return events;
}

} // namespace

class TestEvents : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void fixtureHistoryRoundTrips();
    void everyKindHasOneStruct();
    void typedAccess();
    void writesWhatProducersWrite();
    void refusesVersionsAndKinds_data();
    void refusesVersionsAndKinds();
    void typedAccessChecksTheKind();
    void refusesWrongTypes_data();
    void refusesWrongTypes();
    void sanitizeDropsForbiddenKeys_data();
    void sanitizeDropsForbiddenKeys();
};

void TestEvents::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("payload");
    auto row = [](const char* name, const char* kind, const char* payload) {
        QTest::newRow(name) << QString::fromLatin1(kind) << quoted(payload);
    };
    // case_created: the app's request parameters, a seeded case (only what createCase adds), extra keys.
    row("case_created app",
        EventKind::caseCreated,
        "{'acknowledgedWarnings':['warn.term_mismatch'],'docType':'00000001','endpoint':'https://127.0.0.1:42159/',"
        "'merchantBizId':'9c8cc993a8d87965777945418a659f51','merchantUserIdHash':'','productCode':'eKYC_Date_MIN',"
        "'reverifies':'0b6f6c2e-6c1d-4a43-9d84-0c4f1f3f2a10','sceneCode':'branch','training':true,"
        "'validityEndDate':'20300101','validityStartDate':'20100101'}");
    row("case_created long term",
        EventKind::caseCreated,
        "{'acknowledgedWarnings':[],'docType':'00000001','endpoint':'https://127.0.0.1:35961/','merchantBizId':'m1',"
        "'merchantUserIdHash':'','productCode':'eKYC_Date_MIN','sceneCode':'','training':true,"
        "'validityEndDate':'长期','validityStartDate':'20100520'}");
    row("case_created seeded",
        EventKind::caseCreated,
        "{'merchantBizId':'09c9ae','sceneCode':'remote','training':false}");
    row("case_created extra",
        EventKind::caseCreated,
        "{'endpoint':'https://127.0.0.1/','merchantBizId':'m2','sceneCode':'desk','training':true,"
        "'future':{'nested':[1,2.5,'x',null,true]},'ratio':0.25}");
    // attempt_sent: the app (with training), dev seed (without), the test writer (attempt only), extra keys.
    row("attempt_sent app",
        EventKind::attemptSent,
        "{'attempt':2,'endpoint':'https://127.0.0.1:33953/','merchantBizId':'cdf6675f','training':true}");
    row("attempt_sent seeded",
        EventKind::attemptSent,
        "{'attempt':1,'endpoint':'https://cloudauth-intl.cn-hongkong.aliyuncs.com/','merchantBizId':'b536de'}");
    row("attempt_sent minimal", EventKind::attemptSent, "{'attempt':1}");
    row("attempt_sent extra", EventKind::attemptSent, "{'attempt':1,'n':1,'params':{}}");
    // response_received: the app today, the app before status was recorded, dev seed, test writer, errors.
    row("response_received app",
        EventKind::responseReceived,
        "{'attempt':1,'attempts':1,'code':'Success','error':null,'httpStatus':200,'latencyMs':9,"
        "'mayHaveBeenBilled':true,'merchantBizId':'754b16e0','message':'success','passed':true,"
        "'requestId':'136DC051-9D1D-4363-9D34-FA0538237E2D','status':'Passed','subCode':'200'}");
    row("response_received before status",
        EventKind::responseReceived,
        "{'attempt':1,'attempts':1,'code':'Throttling.Api','error':'Throttling','httpStatus':403,'latencyMs':10,"
        "'merchantBizId':'cdf6675f','message':'Request was denied due to api flow control.','passed':false,"
        "'requestId':'4BEE4721','subCode':''}");
    row("response_received seeded",
        EventKind::responseReceived,
        "{'code':'Success','httpStatus':200,'latencyMs':147,'passed':false,'requestId':'6c0e9a7d','subCode':'202'}");
    row("response_received minimal", EventKind::responseReceived, "{'subCode':'200'}");
    row("response_received empty", EventKind::responseReceived, "{}");
    row("response_received malformed answer",
        EventKind::responseReceived,
        "{'attempt':1,'attempts':1,'code':'','detail':'not JSON','error':'MalformedResponse','httpStatus':200,"
        "'latencyMs':9007199254740993,'mayHaveBeenBilled':true,'merchantBizId':'m3','message':'','passed':false,"
        "'requestId':'','status':'NetworkError','subCode':''}");
    // attempt_failed: the app (no HTTP answer), dev seed (attempt, httpStatus, code only).
    row("attempt_failed app",
        EventKind::attemptFailed,
        "{'attempt':1,'attempts':1,'code':'','detail':'Operation canceled','error':'Timeout','httpStatus':0,"
        "'latencyMs':20000,'mayHaveBeenBilled':true,'merchantBizId':'m4','message':'','passed':false,"
        "'requestId':'','status':'OutcomeUnknown','subCode':''}");
    row("attempt_failed seeded", EventKind::attemptFailed, "{'attempt':1,'code':'Throttling.Api','httpStatus':400}");
    // case_completed: dev seed (only what completeCase adds), an answer, no answer (passed null), extra keys.
    row("case_completed seeded", EventKind::caseCompleted, "{'passed':false,'state':'completed','subCode':'202'}");
    row("case_completed answer",
        EventKind::caseCompleted,
        "{'attempts':2,'code':'Success','error':null,'httpStatus':200,'latencyMs':1,'mayHaveBeenBilled':true,"
        "'merchantBizId':'cdf6675f','message':'success','passed':true,'requestId':'BA867EC4','state':'completed',"
        "'status':'Passed','subCode':'200'}");
    row("case_completed refused",
        EventKind::caseCompleted,
        "{'attempts':1,'code':'Forbidden.AccountAccessDenied','error':'AccountAccessDenied','httpStatus':403,"
        "'latencyMs':10,'merchantBizId':'1d88450c','message':'not activated','passed':null,'requestId':'5C7B7F0A',"
        "'state':'failed','subCode':''}");
    row("case_completed not recorded",
        EventKind::caseCompleted,
        "{'attempts':0,'code':'','detail':'disk full','error':'HistoryUnavailable','httpStatus':0,'latencyMs':0,"
        "'mayHaveBeenBilled':false,'merchantBizId':'m5','message':'','passed':null,'requestId':'','state':'failed',"
        "'status':'NotRecorded','subCode':''}");
    row("case_completed extra",
        EventKind::caseCompleted,
        "{'explanation':'kept','passed':null,'state':'outcome_unknown','subCode':'','x':[]}");
    row("review_decision",
        EventKind::reviewDecision,
        "{'note':'confirmed by phone','passed':true,'state':'reviewed','subCode':'223'}");
    row("review_decision null", EventKind::reviewDecision, "{'passed':null,'state':'reviewed','subCode':''}");
    row("reverify_link", EventKind::reverifyLink, "{'newCaseId':'5f0c8a2e-1111-4222-8333-944455556666'}");
    row("pii_revealed", EventKind::piiRevealed, "{'reason':'re-verification'}");
    row("pii_revealed extra", EventKind::piiRevealed, "{'reason':'retry after an unknown outcome','ticket':42}");
    row("export_made", EventKind::exportMade, "{'caseIds':['c1','c2'],'cases':2,'format':'csv'}");
    row("export_made empty", EventKind::exportMade, "{}");
    row("settings_changed", EventKind::settingsChanged, "{'changed':['endpointKind','timeoutSeconds']}");
    row("settings_changed extra", EventKind::settingsChanged, "{'changed':[],'i':3}");
    row("credential_source_changed training",
        EventKind::credentialSourceChanged,
        "{'accessKeyId':'','source':'training','sts':false}");
    row("credential_source_changed key",
        EventKind::credentialSourceChanged,
        "{'accessKeyId':'LTAI…9x','source':'environment','sts':true}");
    row("login empty", EventKind::login, "{}");
    row("login", EventKind::login, "{'role':'reviewer','user':'reviewer-01'}");
    row("login_failed", EventKind::loginFailed, "{'reason':'wrong_password','user':'reviewer-02'}");
    row("retention_purge",
        EventKind::retentionPurge,
        "{'caseIds':['a','b','c'],'cases':3,'cutoff':'2026-11-30T21:27:53.235Z'}");
    row("retention_purge without caseIds",
        EventKind::retentionPurge,
        "{'cases':3,'cutoff':'2025-01-01T00:00:00.000Z'}");
    row("anchor_exported",
        EventKind::anchorExported,
        "{'hash':'0133744e6f82d9e7a07f89b8e29211df562e34954965130eb3e9a43fbc729d70','seq':93}");
    row("anchor_exported large seq", EventKind::anchorExported, "{'hash':'00','seq':9223372036854775807}");
    row("history_created empty", EventKind::historyCreated, "{}");
    row("history_created", EventKind::historyCreated, "{'historyId':'9da0fdaa','schemaVersion':4}");
}

void TestEvents::roundTrip()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QJsonParseError parseError;
    const QJsonObject p = QJsonDocument::fromJson(payload, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));

    const Result<Events::Event> event = Events::fromPayload(kind, p);
    QVERIFY2(event, qPrintable(event.message()));
    QCOMPARE(Events::kindOf(*event), kind);
    QCOMPARE(AuditEvent::compactJson(Events::toPayload(*event)), AuditEvent::compactJson(p));
}

void TestEvents::fixtureHistoryRoundTrips()
{
    // A private copy: even a read-only open of a WAL history leaves -shm and -wal files beside it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("history-v4.sqlite"));
    QVERIFY(QFile::copy(QStringLiteral(EKYC_TEST_DATA_DIR "/history-v4.sqlite"), path));
    QString error;
    const QList<StoredEvent> events = readEvents(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(events.size() > 0);

    for (const StoredEvent& stored : events) {
        const QString where = QStringLiteral("seq %1 (%2)").arg(stored.seq).arg(stored.kind);
        const QJsonObject p = QJsonDocument::fromJson(stored.payload).object();
        QVERIFY2(AuditEvent::compactJson(p) == stored.payload, qPrintable(where));
        const Result<Events::Event> event = Events::fromPayload(stored.kind, p);
        QVERIFY2(event, qPrintable(where + QStringLiteral(": ") + event.message()));
        QCOMPARE(Events::kindOf(*event), stored.kind);
        QVERIFY2(AuditEvent::compactJson(Events::toPayload(*event)) == stored.payload, qPrintable(where));
    }
    qInfo("%lld events of the fixture round-trip", static_cast<long long>(events.size()));
}

void TestEvents::everyKindHasOneStruct()
{
    QCOMPARE(kindsOfAlternatives(static_cast<Events::Event*>(nullptr)), EventKind::all());
    QCOMPARE(unreadableDefaults(static_cast<Events::Event*>(nullptr)), QStringList());
}

void TestEvents::typedAccess()
{
    const auto sent = Events::as<Events::AttemptSent>(kind(EventKind::attemptSent),
        object("{'attempt':2,'endpoint':'https://127.0.0.1:33953/','merchantBizId':'cdf6675f','training':true}"));
    QVERIFY2(sent, qPrintable(sent.message()));
    QCOMPARE(sent->attempt, 2);
    QCOMPARE(sent->endpoint.value_or(QString()), QStringLiteral("https://127.0.0.1:33953/"));
    QCOMPARE(sent->merchantBizId.value_or(QString()), QStringLiteral("cdf6675f"));
    QVERIFY(sent->training.has_value() && *sent->training);
    QVERIFY(sent->extra.isEmpty());

    const auto answer = Events::as<Events::ResponseReceived>(kind(EventKind::responseReceived),
        object("{'attempt':1,'code':'Throttling.Api','error':'Throttling','httpStatus':403,'latencyMs':10,"
               "'passed':false,'subCode':'','future':1}"));
    QVERIFY2(answer, qPrintable(answer.message()));
    QCOMPARE(answer->httpStatus.value_or(0), 403);
    QCOMPARE(answer->latencyMs.value_or(0), qint64(10));
    QVERIFY(answer->error.has_value() && answer->error->has_value());
    QCOMPARE(answer->error->value(), QStringLiteral("Throttling"));
    QVERIFY(!answer->status.has_value());
    QVERIFY(answer->passed == std::optional<bool>(false));
    QCOMPARE(AuditEvent::compactJson(answer->extra), quoted("{'future':1}"));

    const auto ended = Events::as<Events::CaseCompleted>(
        kind(EventKind::caseCompleted), object("{'error':null,'passed':null,'state':'failed','subCode':''}"));
    QVERIFY2(ended, qPrintable(ended.message()));
    QCOMPARE(ended->state, QStringLiteral("failed"));
    QVERIFY(!ended->passed.has_value()); // null
    QVERIFY(ended->error.has_value() && !ended->error->has_value()); // present, and null
    QVERIFY(!ended->requestId.has_value()); // absent

    const auto purge = Events::as<Events::RetentionPurge>(
        kind(EventKind::retentionPurge), object("{'cases':3,'cutoff':'2025-01-01T00:00:00.000Z'}"));
    QVERIFY2(purge, qPrintable(purge.message()));
    QCOMPARE(purge->cases, 3);
    QVERIFY(!purge->caseIds.has_value());

    const auto source = Events::as<Events::CredentialSourceChanged>(kind(EventKind::credentialSourceChanged),
        object("{'accessKeyId':'LTAI…9x','source':'environment','sts':true}"));
    QVERIFY2(source, qPrintable(source.message()));
    QCOMPARE(source->accessKeyId, QStringLiteral("LTAI…9x"));
    QVERIFY(source->sts);
}

void TestEvents::writesWhatProducersWrite()
{
    // AuditStore::completeCase for a call that ended without an answer, with no result payload.
    Events::CaseCompleted completed;
    completed.state = QStringLiteral("failed");
    completed.passed = std::nullopt;
    QCOMPARE(
        AuditEvent::compactJson(Events::toPayload(completed)), quoted("{'passed':null,'state':'failed','subCode':''}"));

    // VerificationService: the link from the earlier case.
    QCOMPARE(AuditEvent::compactJson(Events::toPayload(Events::ReverifyLink { QStringLiteral("c2"), {} })),
        quoted("{'newCaseId':'c2'}"));

    // A known key is decided by its field, and a version-1 payload never carries "v", whatever extra holds.
    Events::PiiRevealed revealed;
    revealed.reason = QStringLiteral("audit");
    revealed.extra = object("{'reason':'other','ticket':7,'v':9}");
    QCOMPARE(AuditEvent::compactJson(Events::toPayload(revealed)), quoted("{'reason':'audit','ticket':7}"));

    Events::AttemptSent sent;
    sent.attempt = 3;
    sent.extra = object("{'endpoint':'https://stale/'}");
    QCOMPARE(AuditEvent::compactJson(Events::toPayload(sent)), quoted("{'attempt':3}"));
}

void TestEvents::refusesVersionsAndKinds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("mentions");
    auto row = [](const char* name, const char* kind, const char* payload, const char* mentions) {
        QTest::newRow(name) << QString::fromLatin1(kind) << quoted(payload) << QString::fromLatin1(mentions);
    };
    row("newer version", EventKind::attemptSent, "{'attempt':1,'v':2}", "attempt_sent");
    row("much newer version", EventKind::piiRevealed, "{'reason':'x','v':17}", "17");
    row("version 1 is never written", EventKind::attemptSent, "{'attempt':1,'v':1}", "attempt_sent");
    row("version not a number", EventKind::reverifyLink, "{'newCaseId':'c','v':'2'}", "reverify_link");
    row("version fraction", EventKind::login, "{'v':2.5}", "login");
    row("unknown kind", "audit_exploded", "{}", "audit_exploded");
    row("empty kind", "", "{'attempt':1}", "");
    row("kind differs in case", "Attempt_Sent", "{'attempt':1}", "Attempt_Sent");
}

void TestEvents::refusesVersionsAndKinds()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, mentions);
    const Result<Events::Event> event = Events::fromPayload(kind, QJsonDocument::fromJson(payload).object());
    QVERIFY(!event);
    QCOMPARE(event.error(), ErrorCode::Corrupt);
    QVERIFY2(event.message().contains(mentions), qPrintable(event.message()));
}

void TestEvents::typedAccessChecksTheKind()
{
    const QJsonObject revealed = object("{'reason':'re-verification'}");
    const auto link = Events::as<Events::ReverifyLink>(kind(EventKind::piiRevealed), revealed);
    QVERIFY(!link);
    QCOMPARE(link.error(), ErrorCode::InvalidArgument);
    QVERIFY2(link.message().contains(kind(EventKind::reverifyLink)), qPrintable(link.message()));

    const auto review = Events::as<Events::ReviewDecision>(
        kind(EventKind::caseCompleted), object("{'passed':true,'state':'completed','subCode':'200'}"));
    QVERIFY(!review);

    const auto reveal = Events::as<Events::PiiRevealed>(kind(EventKind::piiRevealed), revealed);
    QVERIFY2(reveal, qPrintable(reveal.message()));
    QCOMPARE(reveal->reason, QStringLiteral("re-verification"));

    // The right kind, a payload that does not parse: the parse failure.
    const auto broken = Events::as<Events::PiiRevealed>(kind(EventKind::piiRevealed), object("{'reason':1}"));
    QCOMPARE(broken.error(), ErrorCode::Corrupt);
}

void TestEvents::refusesWrongTypes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("key");
    auto row = [](const char* name, const char* kind, const char* payload, const char* key) {
        QTest::newRow(name) << QString::fromLatin1(kind) << quoted(payload) << QString::fromLatin1(key);
    };
    row("attempt a word", EventKind::attemptSent, "{'attempt':'two'}", "attempt");
    row("attempt a fraction", EventKind::attemptSent, "{'attempt':1.5}", "attempt");
    row("attempt beyond qint64", EventKind::attemptSent, "{'attempt':1e20}", "attempt");
    row("attempt null", EventKind::attemptSent, "{'attempt':null}", "attempt");
    row("attempt missing", EventKind::attemptSent, "{'endpoint':'https://127.0.0.1/'}", "attempt");
    row("training a word", EventKind::caseCreated, "{'merchantBizId':'m','sceneCode':'','training':'yes'}", "training");
    row("warnings not strings",
        EventKind::caseCreated,
        "{'acknowledgedWarnings':[1],'merchantBizId':'m','sceneCode':'','training':true}",
        "acknowledgedWarnings");
    row("sceneCode missing", EventKind::caseCreated, "{'merchantBizId':'m','training':true}", "sceneCode");
    row("httpStatus beyond int", EventKind::responseReceived, "{'httpStatus':3000000000}", "httpStatus");
    row("httpStatus a string", EventKind::responseReceived, "{'httpStatus':'200'}", "httpStatus");
    row("latencyMs a string", EventKind::responseReceived, "{'latencyMs':'9'}", "latencyMs");
    row("passed null in an answer", EventKind::responseReceived, "{'passed':null}", "passed");
    row("error a number", EventKind::attemptFailed, "{'error':5}", "error");
    row("detail null", EventKind::attemptFailed, "{'detail':null}", "detail");
    row("passed a string", EventKind::caseCompleted, "{'passed':'true','state':'completed','subCode':'200'}", "passed");
    row("passed missing", EventKind::caseCompleted, "{'state':'completed','subCode':'200'}", "passed");
    row("state null", EventKind::reviewDecision, "{'passed':true,'state':null,'subCode':'200'}", "state");
    row("newCaseId a number", EventKind::reverifyLink, "{'newCaseId':7}", "newCaseId");
    row("reason missing", EventKind::piiRevealed, "{}", "reason");
    row("changed a string", EventKind::settingsChanged, "{'changed':'endpointKind'}", "changed");
    row("sts a string", EventKind::credentialSourceChanged, "{'accessKeyId':'','source':'x','sts':'false'}", "sts");
    row("caseIds a string", EventKind::retentionPurge, "{'caseIds':'c1','cases':1,'cutoff':'t'}", "caseIds");
    row("seq a fraction", EventKind::anchorExported, "{'hash':'00','seq':93.5}", "seq");
    row("user a number", EventKind::login, "{'user':1}", "user");
}

void TestEvents::refusesWrongTypes()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, payload);
    QFETCH(QString, key);
    QJsonParseError parseError;
    const QJsonObject p = QJsonDocument::fromJson(payload, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const Result<Events::Event> event = Events::fromPayload(kind, p);
    QVERIFY(!event);
    QCOMPARE(event.error(), ErrorCode::Corrupt);
    QVERIFY2(event.message().contains(kind) && event.message().contains(key), qPrintable(event.message()));
}

void TestEvents::sanitizeDropsForbiddenKeys_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("removed");
    const auto row = [](const char* tag, const char* payload, const char* expected, int removed) {
        QTest::newRow(tag) << QByteArray(payload).replace('\'', '"') << QByteArray(expected).replace('\'', '"')
                           << removed;
    };
    row("flat and clean", "{'attempt':1,'code':'x','v':null}", "{'attempt':1,'code':'x','v':null}", 0);
    row("empty", "{}", "{}", 0);
    row("top level", "{'attempt':1,'secret':'s'}", "{'attempt':1}", 1);
    row("any case", "{'AccessKeySecret':'s','DocNo':'n','PASSWORD':'p','ok':true}", "{'ok':true}", 3);
    row("every key", "{'authorization':1,'docname':1,'id_number':1,'idnumber':1,'name':1,'passphrase':1}", "{}", 6);
    row("a longer key is not one", "{'nameMasked':'x','secretive':1}", "{'nameMasked':'x','secretive':1}", 0);
    row("case folding, not only lower case", "{'\u017Fecret':1,'ok':2}", "{'ok':2}", 1); // long s folds to s
    row("nested object", "{'params':{'DocName':'n','Scene':'s'}}", "{'params':{'Scene':'s'}}", 1);
    row("inside an array", "{'list':[{'name':'a'},{'ok':1},3]}", "{'list':[{},{'ok':1},3]}", 1);
    row("clean nested", "{'list':[{'ok':1}],'o':{'p':[]}}", "{'list':[{'ok':1}],'o':{'p':[]}}", 0);
    row("deep", "{'a':{'b':[[{'security_token':'t','c':2}]]}}", "{'a':{'b':[[{'c':2}]]}}", 1);
}

void TestEvents::sanitizeDropsForbiddenKeys()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, expected);
    QFETCH(int, removed);
    QJsonObject object = QJsonDocument::fromJson(payload).object();
    const QJsonObject before = object;
    QCOMPARE(AuditEvent::sanitize(object), removed);
    QCOMPARE(AuditEvent::compactJson(object), expected);
    QCOMPARE(object == before, removed == 0);
}

QTEST_GUILESS_MAIN(TestEvents)
#include "TestEvents.moc"
