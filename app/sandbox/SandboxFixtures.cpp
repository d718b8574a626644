#include "SandboxFixtures.h"

namespace SandboxFixtures {

const QList<Person>& people()
{
    // Fictitious: numbers invented for the sandbox, check characters computed (ISO 7064 MOD 11-2).
    static const QList<Person> table = {
        { QStringLiteral("王小明"),
            QStringLiteral("110101199003071233"),
            QStringLiteral("20200610"),
            QStringLiteral("20400610") },
        { QStringLiteral("李华"),
            QStringLiteral("310104198511202043"),
            QStringLiteral("20190315"),
            QStringLiteral("20390315") },
        { QStringLiteral("陈静"),
            QStringLiteral("440305200507013166"),
            QStringLiteral("20210801"),
            QStringLiteral("20310801") },
        { QStringLiteral("赵长青"), QStringLiteral("510107196001150017"), QStringLiteral("20100520"), QString() },
        { QStringLiteral("阿依古丽·买买提"),
            QStringLiteral("650102199509091524"),
            QStringLiteral("20180102"),
            QStringLiteral("20280102") },
        { QStringLiteral("刘洋"),
            QStringLiteral("33010620120418208X"),
            QStringLiteral("20230901"),
            QStringLiteral("20280901") },
        { QStringLiteral("周文斌"),
            QStringLiteral("420111198808123011"),
            QStringLiteral("20160301"),
            QStringLiteral("20360301") },
    };
    return table;
}

const Person* findByDocNo(const QString& docNo)
{
    for (const Person& person : people()) {
        if (person.docNo == docNo)
            return &person;
    }
    return nullptr;
}

} // namespace SandboxFixtures
