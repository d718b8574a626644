#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// A head hash exported out of the app ("anchored"), to detect a wholesale rewrite of the history later.
struct ChainAnchor
{
    Q_DECLARE_TR_FUNCTIONS(ChainAnchor)
public:
    QString historyId;
    qint64 seq = 0;
    QByteArray hash; // hex
    QDateTime exportedAt; // UTC

    // {"format":"ekyc-desk-anchor/1","historyId":..,"seq":..,"hash":..,"exportedAt":..}
    QJsonObject toJson() const;
    static std::optional<ChainAnchor> fromJson(const QByteArray& json, QString* error);
};

struct ChainReport
{
    bool ok = false;
    qint64 count = 0; // events walked
    qint64 headSeq = 0;
    QByteArray headHash; // hex; the genesis hash for an empty history
    qint64 firstBrokenSeq = 0; // 0 when ok
    QString reason; // translated, empty when ok
    bool anchorChecked = false;
};

// Walks the events table in seq order and recomputes the chain (see CanonicalEvent). Detects an edited field
// (hash mismatch), a deleted, inserted or reordered row (seq gap or prev_hash mismatch), a deleted or forged tail
// (disagreement with the chain_head row) and, with an anchor, a rewrite that re-hashed everything after the anchor.
class ChainVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ChainVerifier)
public:
    static ChainReport verify(
        QSqlDatabase db, const std::optional<ChainAnchor>& anchor = std::nullopt, const QString& historyId = QString());
};
