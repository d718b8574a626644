#pragma once

#include <QList>
#include <QString>

// The training sandbox's fixture table: fictitious people (the ID numbers are made up; only their check characters
// are computed, by ISO 7064 MOD 11-2) and the DocName values that trigger simulated faults.
//
// People (answers 200 Passed=Y SubCode=200 only when DocName, ValidityStartDate and ValidityEndDate all match;
// a listed DocNo with anything else differing answers Passed=N SubCode=223; a DocNo not listed answers N/202):
//
// | DocName          | DocNo              | ValidityStartDate | ValidityEndDate         | Note                      |
// |------------------|--------------------|-------------------|-------------------------|---------------------------|
// | 王小明           | 110101199003071233 | 20200610          | 20400610                | 20-year card              |
// | 李华             | 310104198511202043 | 20190315          | 20390315                | 20-year card              |
// | 陈静             | 440305200507013166 | 20210801          | 20310801                | 10-year card              |
// | 赵长青           | 510107196001150017 | 20100520          | 长期 (also "long-term") | long-term card            |
// | 阿依古丽·买买提  | 650102199509091524 | 20180102          | 20280102                | name with a middle dot ·  |
// | 刘洋             | 33010620120418208X | 20230901          | 20280901                | 5-year card, check char X |
// | 周文斌           | 420111198808123011 | 20160301          | 20360301                | 20-year card              |
//
// Fault triggers, chosen by DocName; every other parameter must still be well-formed (any valid-looking DocNo):
//
// clang-format off
// | DocName    | Constant          | Answer                                                                  |
// |------------|-------------------|-------------------------------------------------------------------------|
// | 限流测试   | throttleAlways    | 403 Throttling.Api, x-ratelimit-user-api: Limit:10,Remain:0,TimeLeft:1000 |
// | 限流一次   | throttleOnce      | first request per MerchantBizId 403 Throttling.Api, later ones 200 Y/200 |
// | 故障测试   | serverErrorAlways | 500 InternalError                                                       |
// | 故障一次   | serverErrorOnce   | first request per MerchantBizId 500 InternalError, later ones 200 Y/200  |
// | 维护测试   | unavailable       | 503 ServiceUnavailable                                                  |
// | 慢速测试   | slow              | 200 Y/200 after SandboxServer::setSlowResponseMs (default 5000 ms)      |
// | 乱码测试   | malformed         | 200 with a truncated, invalid JSON body                                 |
// | 超大测试   | oversized         | 200 with a valid JSON body of exactly 2 MiB                             |
// | 断开测试   | reset             | connection aborted, no response at all                                  |
// | 无权测试   | ramDenied         | 403 Forbidden.RAMUserAccessDenied                                       |
// | 未开通测试 | accountDenied     | 403 Forbidden.AccountAccessDenied                                       |
// | 未知结果   | unknownSubCode    | 200 Passed=N SubCode=999 (undocumented SubCode)                         |
// | 回显…      | echoPrefix        | any DocName starting with it: 400 InvalidParameter whose Message quotes   |
// |            |                   | the request's parameters, DocName and DocNo included (as some gateways do)|
// clang-format on
namespace SandboxFixtures {

struct Person
{
    QString docName;
    QString docNo;
    QString validityStartDate; // YYYYMMDD
    QString validityEndDate; // YYYYMMDD, or empty for a long-term card
    bool isLongTerm() const { return validityEndDate.isEmpty(); }
};

const QList<Person>& people();
// The fixture with this DocNo, or nullptr.
const Person* findByDocNo(const QString& docNo);

// The values a long-term card's ValidityEndDate may carry.
inline const QString longTermChinese = QStringLiteral("长期");
inline const QString longTermEnglish = QStringLiteral("long-term");

// Fault triggers (DocName values).
inline const QString throttleAlways = QStringLiteral("限流测试");
inline const QString throttleOnce = QStringLiteral("限流一次");
inline const QString serverErrorAlways = QStringLiteral("故障测试");
inline const QString serverErrorOnce = QStringLiteral("故障一次");
inline const QString unavailable = QStringLiteral("维护测试");
inline const QString slow = QStringLiteral("慢速测试");
inline const QString malformed = QStringLiteral("乱码测试");
inline const QString oversized = QStringLiteral("超大测试");
inline const QString reset = QStringLiteral("断开测试");
inline const QString ramDenied = QStringLiteral("无权测试");
inline const QString accountDenied = QStringLiteral("未开通测试");
inline const QString unknownSubCode = QStringLiteral("未知结果");
inline const QString echoPrefix = QStringLiteral("回显");

// Size of the oversized trigger's body in bytes.
inline constexpr qsizetype oversizedBodyBytes = qsizetype { 2 } * 1024 * 1024;
// The TimeLeft (milliseconds) the throttling triggers announce in x-ratelimit-user-api.
inline constexpr int throttleTimeLeftMs = 1000;

} // namespace SandboxFixtures
