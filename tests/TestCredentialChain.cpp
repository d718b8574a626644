#include "api/CredentialChain.h"
#include "api/KeychainCredentials.h"

#include "MemorySecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <memory>

// The credential chain against a throw-away home folder, an explicit environment and an in-memory keychain. Every
// secret and token in these fixtures carries a marker, and every text the chain returns (source, describe(), tried
// sources, warnings, failure messages) is searched for it.
class TestCredentialChain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MemorySecretStore> m_keychain;

    static QString secretMarker() { return QStringLiteral("MARKER-SECRET-7f3a9c"); }
    static QString tokenMarker() { return QStringLiteral("MARKER-TOKEN-51be02"); }
    static QString secretFor(const QString& id) { return secretMarker() + QLatin1Char('-') + id; }
    // Shaped like an STS token: base64 characters, which the INI reader must keep.
    static QString tokenFor(const QString& id) { return tokenMarker() + QStringLiteral("+/a=b==") + id; }

    static QString envId() { return QStringLiteral("LTAIenv000000001"); }
    static QString cliId() { return QStringLiteral("LTAIcli000000001"); }
    static QString cliOtherId() { return QStringLiteral("LTAIcli000000002"); }
    static QString iniId() { return QStringLiteral("LTAIini000000001"); }
    static QString iniOtherId() { return QStringLiteral("LTAIini000000002"); }
    static QString keychainId() { return QStringLiteral("LTAIkeychain0001"); }

    // ---- fixture builders -------------------------------------------------------------------------------------------

    static QStringList envKey(const QString& id, bool token = false)
    {
        QStringList env { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID=") + id,
            QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=") + secretFor(id) };
        if (token)
            env << QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN=") + tokenFor(id);
        return env;
    }

    static QJsonObject cliProfile(const QString& name, const QString& mode, const QString& id, bool token = false)
    {
        QJsonObject profile { { QStringLiteral("name"), name },
            { QStringLiteral("mode"), mode },
            { QStringLiteral("access_key_id"), id },
            { QStringLiteral("access_key_secret"), secretFor(id) },
            { QStringLiteral("region_id"), QStringLiteral("cn-hangzhou") },
            { QStringLiteral("output_format"), QStringLiteral("json") } };
        if (token)
            profile.insert(QStringLiteral("sts_token"), tokenFor(id));
        return profile;
    }

    static QByteArray cliConfig(const QString& current, const QList<QJsonObject>& profiles)
    {
        QJsonArray list;
        for (const QJsonObject& profile : profiles)
            list.append(profile);
        return QJsonDocument(
            QJsonObject { { QStringLiteral("current"), current }, { QStringLiteral("profiles"), list } })
            .toJson();
    }

    static QByteArray cliAk(const QString& id = cliId(), bool token = false)
    {
        return cliConfig(QStringLiteral("default"),
            { cliProfile(
                QStringLiteral("default"), token ? QStringLiteral("StsToken") : QStringLiteral("AK"), id, token) });
    }

    static QByteArray iniSection(const QString& name, const QString& type, const QString& id, bool token = false)
    {
        QString text = QStringLiteral("[%1]\ntype = %2\naccess_key_id = %3\naccess_key_secret = %4\n")
                           .arg(name, type, id, secretFor(id));
        if (token)
            text += QStringLiteral("security_token = %1\n").arg(tokenFor(id));
        return text.toUtf8() + '\n';
    }

    static QByteArray iniAk(const QString& id = iniId())
    {
        return iniSection(QStringLiteral("default"), QStringLiteral("access_key"), id);
    }

    static QStringList keychainKey(const QString& id, bool token = false)
    {
        QStringList entries { KeychainCredentials::idAccount() + QLatin1Char('=') + id,
            KeychainCredentials::secretAccount() + QLatin1Char('=') + secretFor(id) };
        if (token)
            entries << KeychainCredentials::tokenAccount() + QLatin1Char('=') + tokenFor(id);
        return entries;
    }

    static QStringList cliDisabled() { return { QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true") }; }
    static QStringList profile(const QString& name) { return { QStringLiteral("ALIBABA_CLOUD_PROFILE=") + name }; }

    // ---- fixture set-up ---------------------------------------------------------------------------------------------

    QString homePath(const QString& relative) const { return QDir(m_home->path()).filePath(relative); }

    void writeFile(const QString& relative, const QByteArray& content, int mode = 0600)
    {
        const QString path = homePath(relative);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
        file.close();
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)), 0);
    }

    // The row's files and keychain entries; the environment is returned, with @HOME@ replaced by the home folder.
    CredentialChain::Inputs setUp(
        const QStringList& env, const QByteArray& configJson, const QByteArray& ini, const QStringList& keychain)
    {
        if (!configJson.isEmpty())
            writeFile(QStringLiteral(".aliyun/config.json"), configJson);
        if (!ini.isEmpty())
            writeFile(QStringLiteral(".alibabacloud/credentials.ini"), ini);
        for (const QString& entry : keychain)
            m_keychain->entries.insert(
                entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1).toUtf8());
        CredentialChain::Inputs inputs;
        for (const QString& variable : env) {
            QString value = variable.section(QLatin1Char('='), 1);
            inputs.env.insert(
                variable.section(QLatin1Char('='), 0, 0), value.replace(QLatin1String("@HOME@"), m_home->path()));
        }
        inputs.homeDir = m_home->path();
        inputs.keychain = m_keychain.get();
        return inputs;
    }

    // Every text the chain gives back, for the marker search.
    static QStringList allText(const Result<ResolvedCredentials>& result)
    {
        if (!result)
            return { result.message() };
        QStringList texts { result->credentials.describe(),
            result->credentials.source(),
            result->credentials.maskedKeyId(),
            result->credentials.accessKeyId() };
        texts << result->warnings;
        for (const ResolvedCredentials::Tried& tried : result->tried)
            texts << tried.source << tried.reason;
        return texts;
    }

    static void verifyNoSecret(const Result<ResolvedCredentials>& result)
    {
        for (const QString& text : allText(result)) {
            QVERIFY2(!text.contains(secretMarker()), qPrintable(text));
            QVERIFY2(!text.contains(tokenMarker()), qPrintable(text));
        }
    }

    static void verifyFailure(const Result<ResolvedCredentials>& result, ErrorCode code, const QStringList& parts)
    {
        QVERIFY2(!result.ok(), qPrintable(result ? result->credentials.describe() : QString()));
        QCOMPARE(static_cast<int>(result.error()), static_cast<int>(code));
        for (const QString& part : parts)
            QVERIFY2(
                result.message().contains(part), qPrintable(part + QStringLiteral(" not in: ") + result.message()));
        verifyNoSecret(result);
    }

    static void addFixtureColumns()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QByteArray>("configJson");
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QStringList>("keychain");
    }

private slots:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_keychain = std::make_unique<MemorySecretStore>();
    }

    // ---- sources alone, the order, profile selection ----------------------------------------------------------------

    void resolves_data()
    {
        addFixtureColumns();
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("token");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("tried");

        const QString cliSource = QStringLiteral("aliyun CLI profile default (~/.aliyun/config.json)");
        const QString iniSource = QStringLiteral("credentials file ~/.alibabacloud/credentials.ini, section [default]");
        const QString keychainSource = KeychainCredentials::sourceName();

        QTest::newRow("environment alone") << envKey(envId()) << QByteArray() << QByteArray() << QStringList()
                                           << envId() << false << QStringLiteral("environment") << 1;
        QTest::newRow("environment with STS token")
            << envKey(envId(), true) << QByteArray() << QByteArray() << QStringList() << envId() << true
            << QStringLiteral("environment") << 1;
        QTest::newRow("config.json alone, current profile")
            << QStringList() << cliAk() << QByteArray() << QStringList() << cliId() << false << cliSource << 2;
        QTest::newRow("config.json StsToken profile") << QStringList() << cliAk(cliId(), true) << QByteArray()
                                                      << QStringList() << cliId() << true << cliSource << 2;
        QTest::newRow("config.json mode written in lower case")
            << QStringList()
            << cliConfig(
                   QStringLiteral("default"), { cliProfile(QStringLiteral("default"), QStringLiteral("ak"), cliId()) })
            << QByteArray() << QStringList() << cliId() << false << cliSource << 2;
        QTest::newRow("config.json profile chosen by current")
            << QStringList()
            << cliConfig(QStringLiteral("work"),
                   { cliProfile(QStringLiteral("default"), QStringLiteral("AK"), cliId()),
                       cliProfile(QStringLiteral("work"), QStringLiteral("AK"), cliOtherId()) })
            << QByteArray() << QStringList() << cliOtherId() << false
            << QStringLiteral("aliyun CLI profile work (~/.aliyun/config.json)") << 2;
        QTest::newRow("config.json profile chosen by ALIBABA_CLOUD_PROFILE")
            << profile(QStringLiteral("work"))
            << cliConfig(QStringLiteral("default"),
                   { cliProfile(QStringLiteral("default"), QStringLiteral("AK"), cliId()),
                       cliProfile(QStringLiteral("work"), QStringLiteral("StsToken"), cliOtherId(), true) })
            << QByteArray() << QStringList() << cliOtherId() << true
            << QStringLiteral("aliyun CLI profile work (~/.aliyun/config.json)") << 2;
        QTest::newRow("ini alone, [default]")
            << QStringList() << QByteArray() << iniAk() << QStringList() << iniId() << false << iniSource << 3;
        QTest::newRow("ini type = sts") << QStringList() << QByteArray()
                                        << iniSection(QStringLiteral("default"), QStringLiteral("sts"), iniId(), true)
                                        << QStringList() << iniId() << true << iniSource << 3;
        QTest::newRow("ini section chosen by ALIBABA_CLOUD_PROFILE")
            << profile(QStringLiteral("work")) << QByteArray()
            << iniAk() + iniSection(QStringLiteral("work"), QStringLiteral("sts"), iniOtherId(), true) << QStringList()
            << iniOtherId() << true
            << QStringLiteral("credentials file ~/.alibabacloud/credentials.ini, section [work]") << 3;
        QTest::newRow("ini named by ALIBABA_CLOUD_CREDENTIALS_FILE")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE=@HOME@/.alibabacloud/credentials.ini") }
            << QByteArray() << iniAk() << QStringList() << iniId() << false << iniSource << 3;
        QTest::newRow("keychain alone") << QStringList() << QByteArray() << QByteArray() << keychainKey(keychainId())
                                        << keychainId() << false << keychainSource << 4;
        QTest::newRow("keychain with STS token")
            << QStringList() << QByteArray() << QByteArray() << keychainKey(keychainId(), true) << keychainId() << true
            << keychainSource << 4;

        QTest::newRow("order: environment wins over all")
            << envKey(envId()) << cliAk() << iniAk() << keychainKey(keychainId()) << envId() << false
            << QStringLiteral("environment") << 1;
        QTest::newRow("order: config.json wins over ini and keychain")
            << QStringList() << cliAk() << iniAk() << keychainKey(keychainId()) << cliId() << false << cliSource << 2;
        QTest::newRow("order: ini wins over keychain")
            << QStringList() << QByteArray() << iniAk() << keychainKey(keychainId()) << iniId() << false << iniSource
            << 3;
        QTest::newRow("ALIBABA_CLOUD_PROFILE selects in config.json before the ini")
            << profile(QStringLiteral("work"))
            << cliConfig(QStringLiteral("default"),
                   { cliProfile(QStringLiteral("work"), QStringLiteral("AK"), cliOtherId()) })
            << iniSection(QStringLiteral("work"), QStringLiteral("access_key"), iniOtherId()) << QStringList()
            << cliOtherId() << false << QStringLiteral("aliyun CLI profile work (~/.aliyun/config.json)") << 2;
        QTest::newRow("ALIBABA_CLOUD_CLI_PROFILE_DISABLED skips config.json")
            << cliDisabled() << cliAk() << iniAk() << QStringList() << iniId() << false << iniSource << 3;
        QTest::newRow("config.json without a current profile is skipped")
            << QStringList() << QByteArray("{\"profiles\": []}") << iniAk() << QStringList() << iniId() << false
            << iniSource << 3;
        QTest::newRow("empty environment values are not set")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID= "),
                   QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=") }
            << cliAk() << QByteArray() << QStringList() << cliId() << false << cliSource << 2;
    }
    void resolves()
    {
        QFETCH(QStringList, env);
        QFETCH(QByteArray, configJson);
        QFETCH(QByteArray, ini);
        QFETCH(QStringList, keychain);
        QFETCH(QString, id);
        QFETCH(bool, token);
        QFETCH(QString, source);
        QFETCH(int, tried);

        const Result<ResolvedCredentials> result = CredentialChain::resolve(setUp(env, configJson, ini, keychain));
        QVERIFY2(result.ok(), qPrintable(result.message()));
        const Credentials& credentials = result->credentials;
        QCOMPARE(credentials.accessKeyId(), id);
        QCOMPARE(credentials.secretForSigning(), secretFor(id).toUtf8());
        QCOMPARE(credentials.securityToken(), token ? tokenFor(id) : QString());
        QCOMPARE(credentials.source(), source);
        QVERIFY(credentials.describe().contains(credentials.maskedKeyId()));
        QCOMPARE(result->tried.size(), tried);
        QVERIFY(result->tried.constLast().reason.isEmpty());
        for (qsizetype i = 0; i + 1 < result->tried.size(); ++i)
            QVERIFY2(!result->tried.at(i).reason.isEmpty(), qPrintable(result->tried.at(i).source));
        QVERIFY2(result->warnings.isEmpty(), qPrintable(result->warnings.join(QLatin1Char('\n'))));
        verifyNoSecret(result);
    }

    // ---- present but broken: the chain stops with the error ---------------------------------------------------------

    void refused_data()
    {
        addFixtureColumns();
        QTest::addColumn<bool>("keychainAvailable");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("parts");

        const int invalid = static_cast<int>(ErrorCode::InvalidArgument);
        const QStringList cliModes { QStringLiteral("RamRoleArn"),
            QStringLiteral("EcsRamRole"),
            QStringLiteral("ChainableRamRoleArn"),
            QStringLiteral("RamRoleArnWithRoleName"),
            QStringLiteral("CredentialsURI"),
            QStringLiteral("OIDC"),
            QStringLiteral("External"),
            QStringLiteral("RsaKeyPair"),
            QStringLiteral("CloudSSO"),
            QStringLiteral("OAuth"),
            QStringLiteral("BearerToken"),
            QStringLiteral("SomeFutureMode") };
        for (const QString& mode : cliModes) {
            // A valid ini below: a refused profile does not fall through to it.
            QTest::addRow("config.json mode %s", qPrintable(mode))
                << QStringList()
                << cliConfig(QStringLiteral("dev"), { cliProfile(QStringLiteral("dev"), mode, cliId()) }) << iniAk()
                << QStringList() << true << invalid
                << QStringList { mode,
                       QStringLiteral("dev"),
                       QStringLiteral("~/.aliyun/config.json"),
                       QStringLiteral("StsToken profile"),
                       QStringLiteral("AK profile") };
        }
        QTest::newRow("config.json profile without mode")
            << QStringList()
            << QByteArray("{\"current\": \"default\", \"profiles\": [{\"name\": \"default\", \"region_id\": "
                          "\"cn-hangzhou\"}]}")
            << QByteArray() << QStringList() << true << invalid
            << QStringList { QStringLiteral("mode (none)"), QStringLiteral("StsToken profile") };

        const QStringList iniTypes { QStringLiteral("ecs_ram_role"),
            QStringLiteral("ram_role_arn"),
            QStringLiteral("oidc_role_arn"),
            QStringLiteral("rsa_key_pair"),
            QStringLiteral("bearer"),
            QStringLiteral("chainable_ram_role_arn") };
        for (const QString& type : iniTypes) {
            QTest::addRow("ini type %s", qPrintable(type))
                << QStringList() << QByteArray() << iniSection(QStringLiteral("default"), type, iniId())
                << keychainKey(keychainId()) << true << invalid
                << QStringList { QStringLiteral("type = ") + type,
                       QStringLiteral("[default]"),
                       QStringLiteral("~/.alibabacloud/credentials.ini"),
                       QStringLiteral("type = access_key"),
                       QStringLiteral("type = sts") };
        }
        QTest::newRow("ini section without type")
            << QStringList() << QByteArray() << QByteArray("[default]\naccess_key_id = LTAIini000000001\n")
            << QStringList() << true << invalid << QStringList { QStringLiteral("type = (none)") };

        QTest::newRow("config.json: profile named by ALIBABA_CLOUD_PROFILE is missing")
            << profile(QStringLiteral("nope")) << cliAk() << iniAk() << QStringList() << true << invalid
            << QStringList { QStringLiteral("nope"),
                   QStringLiteral("ALIBABA_CLOUD_PROFILE"),
                   QStringLiteral("~/.aliyun/config.json") };
        QTest::newRow("config.json: current profile is missing")
            << QStringList()
            << cliConfig(
                   QStringLiteral("gone"), { cliProfile(QStringLiteral("default"), QStringLiteral("AK"), cliId()) })
            << QByteArray() << QStringList() << true << invalid
            << QStringList { QStringLiteral("gone"), QStringLiteral("\"current\"") };
        QTest::newRow("ini: section named by ALIBABA_CLOUD_PROFILE is missing")
            << cliDisabled() + profile(QStringLiteral("nope")) << QByteArray() << iniAk() << QStringList() << true
            << invalid << QStringList { QStringLiteral("[nope]"), QStringLiteral("~/.alibabacloud/credentials.ini") };
        QTest::newRow("ini: no [default] section")
            << QStringList() << QByteArray()
            << iniSection(QStringLiteral("work"), QStringLiteral("access_key"), iniId()) << QStringList() << true
            << invalid << QStringList { QStringLiteral("[default]") };

        QTest::newRow("malformed JSON") << QStringList()
                                        << QByteArray(
                                               "{\"current\": \"default\", \"profiles\": [{\"access_key_secret\": \"")
                + secretFor(cliId()).toUtf8()
                                        << iniAk() << QStringList() << true << invalid
                                        << QStringList { QStringLiteral("~/.aliyun/config.json"),
                                               QStringLiteral("not valid JSON") };
        QTest::newRow("JSON that is not an object")
            << QStringList() << QByteArray("[\"default\"]") << QByteArray() << QStringList() << true << invalid
            << QStringList { QStringLiteral("~/.aliyun/config.json") };
        QTest::newRow("JSON profiles that are not a list")
            << QStringList() << QByteArray("{\"current\": \"default\", \"profiles\": {\"default\": {}}}")
            << QByteArray() << QStringList() << true << invalid << QStringList { QStringLiteral("\"profiles\"") };
        QTest::newRow("config.json AK profile without secret")
            << QStringList()
            << QByteArray("{\"current\": \"default\", \"profiles\": [{\"name\": \"default\", \"mode\": \"AK\", "
                          "\"access_key_id\": \"LTAIcli000000001\", \"access_key_secret\": \"\"}]}")
            << iniAk() << QStringList() << true << invalid << QStringList { QStringLiteral("access_key_secret") };
        QTest::newRow("config.json StsToken profile without sts_token")
            << QStringList() << cliAk(cliId(), false).replace("\"AK\"", "\"StsToken\"") << QByteArray() << QStringList()
            << true << invalid << QStringList { QStringLiteral("sts_token"), QStringLiteral("StsToken") };
        QTest::newRow("ini sts without security_token")
            << QStringList() << QByteArray() << iniSection(QStringLiteral("default"), QStringLiteral("sts"), iniId())
            << QStringList() << true << invalid << QStringList { QStringLiteral("security_token") };
        QTest::newRow("ini access_key without access_key_id")
            << QStringList() << QByteArray()
            << QByteArray("[default]\ntype = access_key\naccess_key_secret = ") + secretFor(iniId()).toUtf8()
            << QStringList() << true << invalid << QStringList { QStringLiteral("access_key_id") };
        QTest::newRow("ini line without a delimiter")
            << QStringList() << QByteArray()
            << QByteArray("[default]\ntype = access_key\n") + secretFor(iniId()).toUtf8() + "\n"
            << QStringList() << true << invalid
            << QStringList { QStringLiteral("~/.alibabacloud/credentials.ini, line 3") };
        QTest::newRow("ini key before any section")
            << QStringList() << QByteArray() << QByteArray("type = access_key\n[default]\n") << QStringList() << true
            << invalid << QStringList { QStringLiteral("line 1"), QStringLiteral("before any [section]") };
        QTest::newRow("ini unterminated quote")
            << QStringList() << QByteArray()
            << QByteArray("[default]\ntype = access_key\naccess_key_secret = \"") + secretFor(iniId()).toUtf8() + "\n"
            << QStringList() << true << invalid << QStringList { QStringLiteral("line 3"), QStringLiteral("quote") };
        QTest::newRow("ini repeated section")
            << QStringList() << QByteArray() << iniAk() + iniAk() << QStringList() << true << invalid
            << QStringList { QStringLiteral("line 6"), QStringLiteral("already began on line 1") };
        QTest::newRow("ini repeated key")
            << QStringList() << QByteArray() << QByteArray("[default]\ntype = access_key\ntype = sts\n")
            << QStringList() << true << invalid
            << QStringList { QStringLiteral("line 3"), QStringLiteral("already given on line 2") };
        QTest::newRow("ini section header without closing bracket")
            << QStringList() << QByteArray() << QByteArray("[default\n") << QStringList() << true << invalid
            << QStringList { QStringLiteral("line 1"), QStringLiteral("[name]") };
        QTest::newRow("ALIBABA_CLOUD_CREDENTIALS_FILE names a missing file")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE=@HOME@/missing.ini") } << QByteArray()
            << iniAk() << QStringList() << true << invalid
            << QStringList { QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE"), QStringLiteral("~/missing.ini") };

        QTest::newRow("environment: key id without secret")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID=") + envId() } << cliAk() << QByteArray()
            << QStringList() << true << invalid
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET") };
        QTest::newRow("environment: secret without key id")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=") + secretFor(envId()) } << cliAk()
            << QByteArray() << QStringList() << true << invalid
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID") };

        QTest::newRow("keychain unavailable")
            << QStringList() << QByteArray() << QByteArray() << keychainKey(keychainId()) << false
            << static_cast<int>(ErrorCode::KeychainUnavailable)
            << QStringList { QStringLiteral("No keychain service is available"), QStringLiteral("environment") };
        QTest::newRow("keychain key id without secret")
            << QStringList() << QByteArray() << QByteArray()
            << QStringList { KeychainCredentials::idAccount() + QStringLiteral("=") + keychainId() } << true << invalid
            << QStringList { QStringLiteral("enter the AccessKey again in Settings") };
    }
    void refused()
    {
        QFETCH(QStringList, env);
        QFETCH(QByteArray, configJson);
        QFETCH(QByteArray, ini);
        QFETCH(QStringList, keychain);
        QFETCH(bool, keychainAvailable);
        QFETCH(int, code);
        QFETCH(QStringList, parts);

        const CredentialChain::Inputs inputs = setUp(env, configJson, ini, keychain);
        m_keychain->available = keychainAvailable;
        verifyFailure(CredentialChain::resolve(inputs), static_cast<ErrorCode>(code), parts);
    }

    void nothingAnywhere()
    {
        const Result<ResolvedCredentials> result = CredentialChain::resolve(setUp({}, {}, {}, {}));
        verifyFailure(result,
            ErrorCode::NotFound,
            { QStringLiteral("No AccessKey found"),
                QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                QStringLiteral("~/.aliyun/config.json does not exist"),
                QStringLiteral("~/.alibabacloud/credentials.ini does not exist"),
                QStringLiteral("no AccessKey saved in Settings") });

        // Without a home folder and a keychain, too.
        CredentialChain::Inputs bare;
        verifyFailure(CredentialChain::resolve(bare), ErrorCode::NotFound, { QStringLiteral("no home folder") });
    }

    // ---- credential files open to other users -----------------------------------------------------------------------

    void permissions_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("warning"); // the mode as the warning shows it; empty: no warning

        for (const QString& file :
            { QStringLiteral(".aliyun/config.json"), QStringLiteral(".alibabacloud/credentials.ini") }) {
            QTest::addRow("%s 0644", qPrintable(file)) << file << 0644 << QStringLiteral("0644");
            QTest::addRow("%s 0640", qPrintable(file)) << file << 0640 << QStringLiteral("0640");
            QTest::addRow("%s 0604", qPrintable(file)) << file << 0604 << QStringLiteral("0604");
            QTest::addRow("%s 0620", qPrintable(file)) << file << 0620 << QStringLiteral("0620");
            QTest::addRow("%s 0666", qPrintable(file)) << file << 0666 << QStringLiteral("0666");
            QTest::addRow("%s 0600", qPrintable(file)) << file << 0600 << QString();
            QTest::addRow("%s 0400", qPrintable(file)) << file << 0400 << QString();
        }
    }
    void permissions()
    {
        QFETCH(QString, file);
        QFETCH(int, mode);
        QFETCH(QString, warning);

        const bool cli = file.endsWith(QLatin1String(".json"));
        writeFile(file, cli ? cliAk() : iniAk(), mode);
        const Result<ResolvedCredentials> result = CredentialChain::resolve(setUp({}, {}, {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.message()));
        QCOMPARE(result->credentials.accessKeyId(), cli ? cliId() : iniId());
        verifyNoSecret(result);
        if (warning.isEmpty()) {
            QVERIFY2(result->warnings.isEmpty(), qPrintable(result->warnings.join(QLatin1Char('\n'))));
            return;
        }
        QCOMPARE(result->warnings.size(), 1);
        QVERIFY2(result->warnings.constFirst().contains(QStringLiteral("~/") + file),
            qPrintable(result->warnings.constFirst()));
        QVERIFY2(result->warnings.constFirst().contains(QStringLiteral("mode ") + warning),
            qPrintable(result->warnings.constFirst()));
        QVERIFY(result->warnings.constFirst().contains(QStringLiteral("chmod 600")));
    }

    // ---- the INI reader ---------------------------------------------------------------------------------------------

    void iniSyntax_data()
    {
        QTest::addColumn<QByteArray>("ini");
        QTest::addColumn<QString>("secret");

        const QByteArray head = "[default]\ntype = access_key\naccess_key_id = LTAIini000000001\n";
        QTest::newRow("plain") << head + "access_key_secret = abc\n" << QStringLiteral("abc");
        QTest::newRow("no spaces") << head + "access_key_secret=abc\n" << QStringLiteral("abc");
        QTest::newRow("colon delimiter") << head + "access_key_secret: abc\n" << QStringLiteral("abc");
        QTest::newRow("base64 characters kept") << head + "access_key_secret = a+b/c=d==\n"
                                                << QStringLiteral("a+b/c=d==");
        QTest::newRow("inline # comment") << head + "access_key_secret = abc # the key\n" << QStringLiteral("abc");
        QTest::newRow("inline ; comment") << head + "access_key_secret = abc\t; the key\n" << QStringLiteral("abc");
        QTest::newRow("# inside a value") << head + "access_key_secret = ab#c;d\n" << QStringLiteral("ab#c;d");
        QTest::newRow("double quotes") << head + "access_key_secret = \"a b # c\"\n" << QStringLiteral("a b # c");
        QTest::newRow("single quotes and comment") << head + "access_key_secret = 'abc' # x\n" << QStringLiteral("abc");
        QTest::newRow("backslash and comma kept") << head + "access_key_secret = a\\b,c%20\n"
                                                  << QStringLiteral("a\\b,c%20");
        QTest::newRow("CRLF line ends") << QByteArray(head + "access_key_secret = abc\n").replace("\n", "\r\n")
                                        << QStringLiteral("abc");
        QTest::newRow("UTF-8 byte order mark")
            << QByteArray("\xEF\xBB\xBF") + head + "access_key_secret = abc" << QStringLiteral("abc");
        QTest::newRow("comments and blank lines")
            << QByteArray("# credentials\n; for eKYC Desk\n\n[other]\ntype = ecs_ram_role\n\n  [ default ]  # ours\n"
                          "  type = access_key\naccess_key_id = LTAIini000000001\n\naccess_key_secret = abc\n")
            << QStringLiteral("abc");
    }
    void iniSyntax()
    {
        QFETCH(QByteArray, ini);
        QFETCH(QString, secret);

        const Result<ResolvedCredentials> result = CredentialChain::resolve(setUp({}, {}, ini, {}));
        QVERIFY2(result.ok(), qPrintable(result.message()));
        QCOMPARE(result->credentials.accessKeyId(), iniId());
        QCOMPARE(result->credentials.secretForSigning(), secret.toUtf8());
    }

    // ---- the keychain helpers ---------------------------------------------------------------------------------------

    void saveResolveRemove()
    {
        const Result<void> saved =
            CredentialChain::saveToKeychain(*m_keychain, keychainId(), secretFor(keychainId()), tokenFor(keychainId()));
        QVERIFY2(saved.ok(), qPrintable(saved.message()));
        QCOMPARE(m_keychain->entries.value(KeychainCredentials::idAccount()), keychainId().toUtf8());
        QCOMPARE(m_keychain->entries.value(KeychainCredentials::secretAccount()), secretFor(keychainId()).toUtf8());
        QCOMPARE(m_keychain->entries.value(KeychainCredentials::tokenAccount()), tokenFor(keychainId()).toUtf8());

        Result<ResolvedCredentials> result = CredentialChain::resolve(setUp({}, {}, {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.message()));
        QCOMPARE(result->credentials.accessKeyId(), keychainId());
        QCOMPARE(result->credentials.securityToken(), tokenFor(keychainId()));
        QCOMPARE(result->credentials.source(), KeychainCredentials::sourceName());
        verifyNoSecret(result);

        // Saved again without a token: the old token goes.
        QVERIFY(CredentialChain::saveToKeychain(*m_keychain, cliId(), secretFor(cliId())).ok());
        QVERIFY(!m_keychain->entries.contains(KeychainCredentials::tokenAccount()));
        result = CredentialChain::resolve(setUp({}, {}, {}, {}));
        QVERIFY2(result.ok(), qPrintable(result.message()));
        QCOMPARE(result->credentials.accessKeyId(), cliId());
        QVERIFY(result->credentials.securityToken().isEmpty());

        QVERIFY(CredentialChain::removeFromKeychain(*m_keychain).ok());
        QVERIFY(m_keychain->entries.isEmpty());
        verifyFailure(CredentialChain::resolve(setUp({}, {}, {}, {})), ErrorCode::NotFound, {});
        QVERIFY(CredentialChain::removeFromKeychain(*m_keychain).ok());
    }

    void saveWithoutKeychainKeepsNothing()
    {
        m_keychain->available = false;
        const Result<void> saved =
            CredentialChain::saveToKeychain(*m_keychain, keychainId(), secretFor(keychainId()), tokenFor(keychainId()));
        QCOMPARE(saved.error(), ErrorCode::KeychainUnavailable);
        QVERIFY2(saved.message().contains(QStringLiteral("was not saved")), qPrintable(saved.message()));
        QVERIFY(!saved.message().contains(secretMarker()));
        QVERIFY(!saved.message().contains(tokenMarker()));
        QVERIFY(m_keychain->entries.isEmpty());
        // Nothing went anywhere else in the home folder either.
        QVERIFY(QDir(m_home->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());

        const Result<void> removed = CredentialChain::removeFromKeychain(*m_keychain);
        QCOMPARE(removed.error(), ErrorCode::KeychainUnavailable);
    }

    void saveNeedsIdAndSecret_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("secret");
        QTest::newRow("no id") << QString() << secretFor(keychainId());
        QTest::newRow("blank id") << QStringLiteral("  ") << secretFor(keychainId());
        QTest::newRow("no secret") << keychainId() << QString();
    }
    void saveNeedsIdAndSecret()
    {
        QFETCH(QString, id);
        QFETCH(QString, secret);
        const Result<void> saved = CredentialChain::saveToKeychain(*m_keychain, id, secret);
        QCOMPARE(saved.error(), ErrorCode::InvalidArgument);
        QVERIFY(!saved.message().contains(secretMarker()));
        QCOMPARE(m_keychain->writes, 0);
    }

    // ---- the environment as before ----------------------------------------------------------------------------------

    void fromEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral(" ") + envId() + QStringLiteral("\n"));
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secretFor(envId()));
        const Credentials credentials = Credentials::fromEnvironment(env);
        QVERIFY(credentials.isValid());
        QCOMPARE(credentials.accessKeyId(), envId());
        QCOMPARE(credentials.source(), QStringLiteral("environment"));
        QVERIFY(!credentials.describe().contains(secretMarker()));
        QVERIFY(!Credentials::fromEnvironment(QProcessEnvironment()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "TestCredentialChain.moc"
