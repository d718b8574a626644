#include "ChainForgery.h"

#include "StoreFixture.h"
#include "history/CanonicalEvent.h"

#include <QSqlQuery>
#include <QVariant>

namespace ChainForgery {

QList<AuditEvent> readEvents(StoreFixture& fx)
{
    QList<AuditEvent> events;
    QSqlQuery q(fx.raw());
    q.exec(QStringLiteral("SELECT %1 FROM events ORDER BY seq").arg(AuditEvent::columns()));
    while (q.next())
        events.append(AuditEvent::fromRow(q));
    return events;
}

bool writeChain(StoreFixture& fx, QList<AuditEvent>& events)
{
    if (!fx.execRaw(QStringLiteral("DELETE FROM events")))
        return false;
    QByteArray prev = CanonicalEvent::genesisHash();
    qint64 seq = 0;
    for (AuditEvent& e : events) {
        e.seq = ++seq;
        e.prevHash = prev;
        e.hash = CanonicalEvent::chainHash(prev, e);
        prev = e.hash;
        QSqlQuery q(fx.raw());
        q.prepare(
            QStringLiteral("INSERT INTO events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(AuditEvent::columns()));
        const QVariantList values { e.seq,
            QString::fromLatin1(CanonicalEvent::timestamp(e.ts)),
            e.actor,
            e.workstation,
            e.caseId.isNull() ? QStringLiteral("") : e.caseId,
            e.kind,
            QString::fromUtf8(e.payload),
            QString::fromLatin1(e.piiDigest),
            QString::fromLatin1(e.prevHash),
            QString::fromLatin1(e.hash) };
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec())
            return false;
    }
    QSqlQuery h(fx.raw());
    h.prepare(QStringLiteral("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1"));
    h.bindValue(0, seq);
    h.bindValue(1, QString::fromLatin1(prev));
    return h.exec();
}

} // namespace ChainForgery
