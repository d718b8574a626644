// What unlocking a history costs in key derivation. Not a test: run it by hand or through `packaging/dev bench`.
//
//   bench_kdf [--runs N]
//
// A passphrase-protected history (and every account password check) derives its key with scrypt at the key vault's
// cost (N = 32768, r = 8, p = 1: 32 MiB). Scrypt::derive computes ROMix itself (SSE2); its reference is OpenSSL's own
// scrypt (EVP_KDF "SCRYPT") with the same inputs, run alternately N times each (default 9) in one process, fresh
// memory every time as in a real unlock. Prints both medians in milliseconds and the ratio, and checks that both give
// the same key.
#include "crypto/KeyVault.h"
#include "crypto/Scrypt.h"

#include "BenchLoop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using BenchLoop::loadAverage;
using BenchLoop::median;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Derivations of each (default 9)."), QStringLiteral("n"));
    parser.addOption(runsOption);
    parser.process(app);
    const int runs = parser.isSet(runsOption) ? qMax(1, parser.value(runsOption).toInt()) : 9;

    QTextStream out(stdout);
    const QByteArray password("correct horse battery staple");
    const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    const quint64 n = KeyVault::DefaultScryptN;
    const quint32 r = KeyVault::DefaultScryptR;
    const quint32 p = KeyVault::DefaultScryptP;
    out << "scrypt N=" << n << " r=" << r << " p=" << p << ", " << runs << " runs each; load " << loadAverage()
        << Qt::endl;
    QList<double> ours;
    QList<double> openSsl;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray a = Scrypt::derive(password, salt, n, r, p, 32);
        ours.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        const QByteArray b = Scrypt::deriveWithOpenSsl(password, salt, n, r, p, 32);
        openSsl.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (a != b) {
            out << "the keys differ" << Qt::endl;
            return 1;
        }
    }
    out << QStringLiteral("Scrypt::derive  median %1 ms").arg(median(ours), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("OpenSSL scrypt  median %1 ms").arg(median(openSsl), 0, 'f', 1) << Qt::endl;
    out << QStringLiteral("OpenSSL / Scrypt::derive: %1x (same key every run)")
               .arg(median(openSsl) / median(ours), 0, 'f', 2)
        << Qt::endl;
    out << "load at the end " << loadAverage() << Qt::endl;
    return 0;
}
