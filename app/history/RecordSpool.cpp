#include "RecordSpool.h"

#include "history/AuditStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <fcntl.h>
#include <unistd.h>

namespace {

const QString kOp = QStringLiteral("op");
const QString kCaseId = QStringLiteral("caseId");
const QString kKind = QStringLiteral("kind");
const QString kPayload = QStringLiteral("payload");
const QString kState = QStringLiteral("state");
const QString kPassed = QStringLiteral("passed");
const QString kSubCode = QStringLiteral("subCode");
const QString kAt = QStringLiteral("at");
const QString kSpooledAt = QStringLiteral("spooledAt");

bool syncFile(QFile& file)
{
    return file.flush() && ::fsync(file.handle()) == 0;
}

} // namespace

RecordSpool::RecordSpool(QString path)
    : m_path(std::move(path))
{
}

QString RecordSpool::pathFor(const AuditStore& history)
{
    if (!history.sqlitePath().isEmpty())
        return history.sqlitePath() + QStringLiteral(".spool");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/spool-")
        + history.historyId() + QStringLiteral(".jsonl");
}

QList<QByteArray> RecordSpool::lines() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(line);
    }
    return out;
}

bool RecordSpool::isEmpty() const
{
    return QFileInfo(m_path).size() == 0;
}

int RecordSpool::size() const
{
    return static_cast<int>(lines().size());
}

bool RecordSpool::append(const QJsonObject& record, QString* error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    // O_APPEND with 0600 from the start: never readable by others, even for a moment.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    QFile file;
    if (fd < 0 || !file.open(fd, QIODevice::WriteOnly | QIODevice::Append, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0)
            ::close(fd);
        *error = tr("The spool %1 cannot be opened.").arg(m_path);
        return false;
    }
    const QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !syncFile(file)) {
        *error = tr("The spool %1 cannot be written: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

bool RecordSpool::addEvent(const QString& caseId, const QString& kind, const QJsonObject& payload, QString* error)
{
    return append({ { kOp, QStringLiteral("event") },
                      { kCaseId, caseId },
                      { kKind, kind },
                      { kPayload, payload },
                      { kAt, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } },
        error);
}

bool RecordSpool::addCompletion(const QString& caseId,
    const QString& state,
    std::optional<bool> passed,
    const QString& subCode,
    const QJsonObject& payload,
    QString* error)
{
    QJsonObject record { { kOp, QStringLiteral("complete") },
        { kCaseId, caseId },
        { kState, state },
        { kSubCode, subCode },
        { kPayload, payload },
        { kAt, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    if (passed)
        record.insert(kPassed, *passed);
    return append(record, error);
}

bool RecordSpool::rewrite(const QList<QByteArray>& rest, QString* error)
{
    if (rest.isEmpty()) {
        if (QFile::exists(m_path) && !QFile::remove(m_path)) {
            *error = tr("The spool %1 cannot be removed.").arg(m_path);
            return false;
        }
        return true;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("The spool %1 cannot be rewritten: %2").arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (const QByteArray& line : rest)
        file.write(line + '\n');
    if (!file.commit()) {
        *error = tr("The spool %1 cannot be rewritten: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

int RecordSpool::replay(AuditStore& history, QString* error)
{
    QList<QByteArray> pending = lines();
    int written = 0;
    while (!pending.isEmpty()) {
        const QJsonObject record = QJsonDocument::fromJson(pending.first()).object();
        QJsonObject payload = record.value(kPayload).toObject();
        payload.insert(kSpooledAt, record.value(kAt));
        const QString caseId = record.value(kCaseId).toString();
        bool ok = false;
        if (record.value(kOp).toString() == QLatin1String("complete")) {
            const QJsonValue passed = record.value(kPassed);
            ok = history.completeCase(caseId,
                record.value(kState).toString(),
                passed.isBool() ? std::optional<bool>(passed.toBool()) : std::nullopt,
                record.value(kSubCode).toString(),
                payload);
        } else {
            ok = history.appendEvent(caseId, record.value(kKind).toString(), payload) != 0;
        }
        if (!ok) {
            *error = history.lastError();
            return -1;
        }
        pending.removeFirst();
        ++written;
        if (!rewrite(pending, error))
            return -1;
    }
    return written;
}
