// Audit history benchmark (SQLite). Not a test: run it by hand or through `packaging/dev bench`.
//
//   bench_store [--events N] [--latency-samples M] [--dir DIR] [--keep]
//
// Reports, for N events (default 1,000,000): the append rate in batched transactions of 1,000 events, the latency
// of single durable createCase commits (synchronous=FULL; median and p95), the time to open the history (includes
// the scrypt key derivation), the time of the chain verification (the code behind `audit verify`, without and with
// the keys), and for comparison `sha256sum` over a file holding the same canonical bytes (the keyless verification and
// sha256sum run alternately five times each; their medians and the ratio are printed).
#include "domain/FictitiousPeople.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"
#include "history/ChainVerifier.h"

#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

void print(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption eventsOption(
        QStringLiteral("events"), QStringLiteral("Number of events."), QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption samplesOption(QStringLiteral("latency-samples"),
        QStringLiteral("Single-case commits to time."),
        QStringLiteral("M"),
        QStringLiteral("200"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Work in this directory."), QStringLiteral("DIR"));
    parser.addOption(eventsOption);
    parser.addOption(samplesOption);
    const QCommandLineOption keepOption(QStringLiteral("keep"),
        QStringLiteral("Keep the history (and the canonical bytes) afterwards, e.g. to profile `audit verify` on it."));
    parser.addOption(dirOption);
    parser.addOption(keepOption);
    parser.process(app);
    const qint64 total = parser.value(eventsOption).toLongLong();
    const int samples = parser.value(samplesOption).toInt();

    QTemporaryDir tmp(parser.isSet(dirOption) ? parser.value(dirOption) + QStringLiteral("/bench-XXXXXX")
                                              : QDir::tempPath() + QStringLiteral("/ekyc-bench-XXXXXX"));
    if (!tmp.isValid()) {
        print(QStringLiteral("cannot create a temporary directory"));
        return 1;
    }
    if (parser.isSet(keepOption)) {
        tmp.setAutoRemove(false);
        print(QStringLiteral("kept in %1").arg(tmp.path()));
    }
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    AuditStore::Options options;
    options.keys = StoreFixture::keys();

    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(path, options));
    if (!store) {
        print(QStringLiteral("cannot open the history"));
        return 1;
    }
    print(QStringLiteral("create new history: %1 ms").arg(timer.elapsed()));

    // 1. Append rate: cases of 4 events (created, attempt, response, completed), 1,000 events per transaction.
    FakeRandom random(42);
    FictitiousPeople people(random);
    const QDate today(2026, 11, 25);
    qint64 written = 0;
    qint64 inBatch = 0;
    const char* subCodes[] = { "200", "200", "200", "202", "223" };
    timer.restart();
    auto must = [](const auto& result) {
        if (!result) {
            print(QStringLiteral("append failed: ") + result.message());
            std::exit(1);
        }
    };
    must(store->beginBatch());
    auto step = [&](const auto& result) {
        must(result);
        ++written;
        if (++inBatch >= 1000) {
            must(store->commitBatch());
            must(store->beginBatch());
            inBatch = 0;
        }
    };
    // while, not for: step() counts written, which clang's loop analysis does not see.
    qint64 n = -1;
    while (written < total) {
        ++n;
        const FictitiousPerson p = people.next(today);
        CaseRecord r;
        r.merchantBizId = QString::fromLatin1(random.hex32());
        r.sceneCode = QStringLiteral("desk");
        r.name = p.name;
        r.idNumber = p.idNumber;
        const Actor actor = StoreFixture::actor();
        const Result<QString> created = store->createCase(actor, r);
        step(created);
        const QString caseId = *created;
        if (written < total)
            step(store->record(actor,
                caseId,
                StoreFixture::event(QLatin1String(EventKind::attemptSent), { { QStringLiteral("attempt"), 1 } })));
        const QString subCode = QLatin1String(subCodes[n % 5]);
        if (written < total)
            step(store->record(actor,
                caseId,
                StoreFixture::event(QLatin1String(EventKind::responseReceived),
                    { { QStringLiteral("httpStatus"), 200 }, { QStringLiteral("subCode"), subCode } })));
        if (written < total)
            step(store->completeCase(actor,
                caseId,
                StoreFixture::completion(
                    QLatin1String(CaseState::completed), subCode == QLatin1String("200"), subCode)));
        if (written % 100000 < 4 && written >= 100000)
            std::fprintf(stderr, "  %lld events\n", static_cast<long long>(written));
    }
    must(store->commitBatch());
    const qint64 appendMs = qMax<qint64>(1, timer.elapsed());
    print(QStringLiteral("append: %1 events in %2 s = %3 events/s (batches of 1000)")
              .arg(written)
              .arg(appendMs / 1000.0, 0, 'f', 1)
              .arg(written * 1000.0 / appendMs, 0, 'f', 0));

    // 2. Single-case durable commit latency.
    QList<double> latencies;
    for (int i = 0; i < samples; ++i) {
        const FictitiousPerson p = people.next(today);
        CaseRecord r;
        r.merchantBizId = QString::fromLatin1(random.hex32());
        r.name = p.name;
        r.idNumber = p.idNumber;
        QElapsedTimer one;
        one.start();
        must(store->createCase(StoreFixture::actor(), r));
        latencies << one.nsecsElapsed() / 1e6;
    }
    std::sort(latencies.begin(), latencies.end());
    if (!latencies.isEmpty())
        print(QStringLiteral("single createCase commit (synchronous=FULL, %1 samples): median %2 ms, p95 %3 ms")
                  .arg(samples)
                  .arg(latencies.at(latencies.size() / 2), 0, 'f', 2)
                  .arg(latencies.at(qMin(latencies.size() - 1, latencies.size() * 95 / 100)), 0, 'f', 2));
    store.reset();
    print(QStringLiteral("database size: %1 MB")
              .arg(QFileInfo(path).size() / 1e6 + QFileInfo(path + QStringLiteral("-wal")).size() / 1e6, 0, 'f', 1));

    // 3. Open time (existing history: connection, migration check, scrypt unwrap of the keys).
    timer.restart();
    store = StoreFixture::storeOf(AuditStore::open(path, options));
    if (!store) {
        print(QStringLiteral("cannot open the history"));
        return 1;
    }
    print(QStringLiteral("open existing history: %1 ms").arg(timer.elapsed()));

    // 4. The canonical bytes of every event in one file, for sha256sum.
    const QString bytesPath = tmp.filePath(QStringLiteral("canonical.bin"));
    QFile bytesFile(bytesPath);
    if (!bytesFile.open(QIODevice::WriteOnly))
        return 1;
    qint64 canonicalBytes = 0;
    must(store->forEachEvent([&](const AuditEvent& e) {
        const QByteArray b = CanonicalEvent::bytes(e);
        canonicalBytes += b.size();
        bytesFile.write(b);
        return true;
    }));
    bytesFile.close();

    // 5. Verify the chain as `audit verify` does (read only, no keys), and sha256sum over the same canonical bytes,
    // alternately, Rounds times each: on a shared machine single wall-clock figures vary by a fifth, so the medians
    // are compared.
    constexpr int Rounds = 5;
    QList<qint64> verifyMs;
    QList<qint64> shaMs;
    ChainReport report;
    for (int round = 0; round < Rounds; ++round) {
        timer.restart();
        ChainVerifier::Options keyless;
        keyless.historyId = store->historyId();
        report = ChainVerifier::verify(store->database(), keyless);
        verifyMs << timer.elapsed();
        QProcess sha;
        timer.restart();
        sha.start(QStringLiteral("sha256sum"), { bytesPath });
        sha.waitForFinished(-1);
        shaMs << timer.elapsed();
    }
    auto median = [](QList<qint64> values) {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    auto listed = [](const QList<qint64>& values) {
        QStringList texts;
        for (const qint64 v : values)
            texts << QString::number(v);
        return texts.join(QLatin1String(", "));
    };
    print(QStringLiteral("audit verify: %1 (%2 events, %3 cases), median of %4: %5 ms = %6 events/s (%7)")
              .arg(report.ok ? QStringLiteral("OK") : QStringLiteral("BROKEN"))
              .arg(report.count)
              .arg(report.casesChecked)
              .arg(Rounds)
              .arg(median(verifyMs))
              .arg(report.count * 1000.0 / qMax<qint64>(1, median(verifyMs)), 0, 'f', 0)
              .arg(listed(verifyMs)));
    print(QStringLiteral("sha256sum over %1 MB of canonical bytes, median of %2: %3 ms (%4)")
              .arg(canonicalBytes / 1e6, 0, 'f', 1)
              .arg(Rounds)
              .arg(median(shaMs))
              .arg(listed(shaMs)));
    print(QStringLiteral("audit verify / sha256sum: %1x")
              .arg(static_cast<double>(median(verifyMs)) / qMax<qint64>(1, median(shaMs)), 0, 'f', 2));

    // 6. As `audit verify --keys` does: the masks and the blind index also checked against the decrypted name and ID
    // number of every case.
    timer.restart();
    const ChainReport withKeys = store->verifyChain();
    print(QStringLiteral("audit verify --keys: %1 in %2 ms")
              .arg(withKeys.ok ? QStringLiteral("OK") : QStringLiteral("BROKEN"))
              .arg(timer.elapsed()));
    return report.ok && withKeys.ok ? 0 : 1;
}
