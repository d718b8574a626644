// The readers of files a person or another tool writes (app/api, app/base): the strict INI reader (IniDocument), the
// SDKs' credentials.ini (CredentialsIni), the provider CLI's ~/.aliyun/config.json (AliyunConfigFile) and the
// app's own settings file (Settings over QSettings' INI format). The same bytes go to each; each reads them or fails
// with a message (the INI reader's never quotes the file, which may hold a secret), and every setting read is one its
// key accepts.
#include "FuzzSupport.h"

#include "api/AliyunConfigFile.h"
#include "api/CredentialsIni.h"
#include "api/IniDocument.h"
#include "base/Settings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

// A marker no reader invents: a message that contains it quotes the file.
const QByteArray secretMarker = QByteArrayLiteral("FUZZSECRET");

void write(const QString& path, const QByteArray& content)
{
    QFile file(path);
    Fuzz::check(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "the scratch file can be written");
    file.write(content);
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

void checkNotQuoted(const QString& message)
{
    Fuzz::check(!message.toUtf8().contains(secretMarker), "a message never quotes the file");
}

template <typename T> void checkLookup(const Result<T>& lookup)
{
    Fuzz::check(lookup.ok() || !lookup.message().isEmpty(), "a refused file says why");
}

// Settings log each value they refuse; thousands of runs a second would drown the fuzzer's own output.
void quiet(QtMsgType, const QMessageLogContext&, const QString&) { }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const QtMessageHandler previous = qInstallMessageHandler(quiet);
    (void)previous;
    static QTemporaryDir home;
    static const bool prepared = QDir(home.path()).mkpath(QStringLiteral(".aliyun"))
        && QDir(home.path()).mkpath(QStringLiteral(".alibabacloud"));
    Fuzz::check(home.isValid() && prepared, "a scratch home folder");
    const QByteArray input = Fuzz::bytes(data, size);

    const Result<IniDocument> ini = IniDocument::parse(input, QStringLiteral("fuzz.ini"));
    if (!ini) {
        Fuzz::check(!ini.message().isEmpty(), "a refused INI file says why");
        checkNotQuoted(ini.message());
    }

    QProcessEnvironment env;
    write(CredentialsIni::defaultPath(home.path()), input);
    checkLookup(CredentialsIni::lookup(env, home.path()));
    write(AliyunConfigFile::path(home.path()), input);
    checkLookup(AliyunConfigFile::lookup(env, home.path()));

    const QString settingsPath = QDir(home.path()).filePath(QStringLiteral("settings.conf"));
    write(settingsPath, input);
    {
        Settings settings(settingsPath);
        Settings::forEachKey([&settings](const auto& key) {
            const auto value = settings.value(key);
            Fuzz::check(value == key.defaultValue || key.accepts(value), "a setting read is one its key accepts");
        });
    }
    return 0;
}
