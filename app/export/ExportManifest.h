#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What an export says about itself, written beside it as <file>.manifest.json: one line of compact JSON with sorted
// keys (the bytes below), so that a changed byte anywhere in it shows.
//
//   {"chainHead":{"hash":..,"seq":..},            the history's head when the export was made
//    "excel":false, "exportedAt":"2026-11-25T09:00:00.000Z", "exportedBy":"supervisor",
//    "file":"cases.csv", "fileBytes":1234, "fileFormat":"csv"|"jsonl"|"pdf", "fileSha256":..,
//    "filter":{..HistoryQuery::toJson..}, "format":"ekyc-desk/export-manifest/v1", "historyId":..,
//    "hmac":.., "previousManifestHash":.. ("" for the first export),
//    "range":{"firstHash":..,"firstSeq":..,"lastHash":..,"lastSeq":..,"prevHash":..},  events exports; else null
//    "rows":n, "unmasked":false, "what":"cases"|"events"}
//
// hmac = HMAC-SHA256 (hex) over the same bytes without the "hmac" key, keyed from the history's keys
// (AuditStore::manifestMac); the manifest's hash, which the export_made event and the next export's manifest name,
// is the SHA-256 (hex) of the whole line as written (bytes()).
struct ExportManifest
{
    Q_DECLARE_TR_FUNCTIONS(ExportManifest)
public:
    static constexpr char formatName[] = "ekyc-desk/export-manifest/v1";

    QString historyId;
    QString file; // name only, beside the manifest
    QByteArray fileSha256; // hex
    qint64 fileBytes = 0;
    QString what; // "cases" | "events"
    QString fileFormat; // "csv" | "jsonl" | "pdf"
    bool excel = false;
    bool unmasked = false;
    qint64 rows = 0;
    QJsonObject filter;
    bool hasRange = false; // events exports
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    QByteArray firstHash;
    QByteArray lastHash;
    QByteArray prevHash; // of the event before firstSeq
    qint64 headSeq = 0;
    QByteArray headHash;
    QDateTime exportedAt;
    QString exportedBy;
    QByteArray previousManifestHash; // hex; empty for the first export of the history
    QByteArray hmac; // hex

    // The bytes the HMAC is computed over: compact JSON of every key but "hmac".
    QByteArray signedBytes() const;
    // What is written to the file: compact JSON of every key, and a newline.
    QByteArray bytes() const;
    QByteArray hash() const; // SHA-256 hex of bytes()
    // The manifest of a file: <path>.manifest.json
    static QString pathFor(const QString& filePath);
    // Corrupt when the bytes are not a manifest exactly as bytes() writes it (any other byte changed).
    static Result<ExportManifest> parse(const QByteArray& bytes);

private:
    QJsonObject toJson(bool withMac) const;
};
