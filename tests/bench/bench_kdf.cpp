// What unlocking a history costs in key derivation. Not a test: run it by hand or through `packaging/dev bench`.
//
//   bench_kdf [--runs N]
//
// A passphrase-protected history (and every account password check) derives its key with scrypt at the key vault's
// cost (N = 32768, r = 8, p = 1: 32 MiB). Scrypt::derive computes ROMix itself (SSE2, or AVX-512VL where the processor
// has it); its reference is OpenSSL's own scrypt (EVP_KDF "SCRYPT") with the same inputs. Every kernel this processor
// runs is timed, in turn, N times each (default 9) in one process, fresh memory every time as in a real unlock. Prints
// each median in milliseconds, OpenSSL's beside the one derive() uses and the ratio, and checks that all give the same
// key.
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
    struct Timed
    {
        Scrypt::Kernel kernel;
        const char* name;
        QList<double> ms;
    };
    QList<Timed> kernels;
    for (const auto& [kernel, name] : { std::pair(Scrypt::Kernel::OpenSsl, "OpenSSL scrypt"),
             std::pair(Scrypt::Kernel::Sse2, "Scrypt, SSE2"),
             std::pair(Scrypt::Kernel::Avx512, "Scrypt, AVX-512VL") }) {
        if (Scrypt::runs(kernel))
            kernels.append({ kernel, name, {} });
    }
    QByteArray key;
    for (int i = 0; i < runs; ++i) {
        for (Timed& each : kernels) {
            QElapsedTimer timer;
            timer.start();
            const QByteArray derived = Scrypt::deriveWith(each.kernel, password, salt, n, r, p, 32);
            each.ms.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (!key.isEmpty() && derived != key) {
                out << "the keys differ (" << each.name << ")" << Qt::endl;
                return 1;
            }
            key = derived;
        }
    }
    double used = 0;
    for (const Timed& each : kernels) {
        const bool isUsed = each.kernel == Scrypt::preferred();
        out << QStringLiteral("%1 median %2 ms%3")
                   .arg(QLatin1String(each.name), -18)
                   .arg(median(each.ms), 0, 'f', 1)
                   .arg(isUsed ? QStringLiteral("  (Scrypt::derive)") : QString())
            << Qt::endl;
        if (isUsed)
            used = median(each.ms);
    }
    out << QStringLiteral("OpenSSL / Scrypt::derive: %1x (same key every run)")
               .arg(median(kernels.first().ms) / used, 0, 'f', 2)
        << Qt::endl;
    out << "load at the end " << loadAverage() << Qt::endl;
    return 0;
}
