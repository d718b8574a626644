// What signing the chain costs each write. Not a test: run it by hand or through `packaging/dev bench`.
//
//   bench_signing [--seconds S]
//
// Every commit signs the chain head (ChainSigner::signHead, Ed25519), and a checkpoint every
// ChainSigner::DefaultCheckpointInterval events adds one more signature. Prints ChainSigner's head signatures per
// second beside raw OpenSSL signing the same message with a key made once (EVP_DigestSign), with the ratio, and the
// verification rate that `audit verify` pays per checkpoint.
#include "history/ChainSigner.h"

#include "BenchLoop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <openssl/evp.h>

#include <memory>

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// The reference: one Ed25519 signature of message with a key made once, in raw OpenSSL calls.
size_t rawSign(EVP_PKEY* key, const QByteArray& message, unsigned char* out)
{
    const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    size_t length = 64;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1
        || EVP_DigestSign(ctx.get(),
               out,
               &length,
               reinterpret_cast<const unsigned char*>(message.constData()),
               static_cast<size_t>(message.size()))
            != 1)
        qFatal("raw Ed25519 signing failed");
    return length;
}

} // namespace

using BenchLoop::perSecond;
using BenchLoop::print;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("How long each loop runs (default 2)."), QStringLiteral("S"));
    parser.addOption(secondsOption);
    parser.process(app);
    const double seconds = parser.isSet(secondsOption) ? qMax(0.1, parser.value(secondsOption).toDouble()) : 2.0;

    const QString historyId = QStringLiteral("0f5e6a3c-5b1d-4c1e-9a57-0123456789ab");
    const HistoryKeys keys { QByteArray(32, '\x11'), QByteArray(32, '\x22') };
    const ChainSigner signer(historyId, keys);
    const QByteArray hash(64, 'a');
    qint64 seq = 1'000'000;
    QByteArray sink;
    const double ours = perSecond(seconds, [&] { sink = signer.signHead(++seq, hash); });

    // The same message. ChainSigner keeps its seed (HKDF of the data key) to itself; any seed signs at the same speed.
    const QByteArray message = ChainSigner::headMessage(historyId, seq, hash);
    unsigned char seed[32];
    for (unsigned char i = 0; i < 32; ++i)
        seed[i] = i;
    const std::unique_ptr<EVP_PKEY, PkeyFree> key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, seed, sizeof seed));
    if (!key)
        qFatal("raw Ed25519 key failed");
    unsigned char out[64];
    size_t rawSink = 0;
    const double raw = perSecond(seconds, [&] { rawSink += rawSign(key.get(), message, out); });

    const QByteArray signature = signer.signHead(seq, hash);
    const QByteArray publicKey = signer.publicKeyHex();
    bool verified = true;
    const double verifies = perSecond(seconds, [&] {
        verified =
            verified && ChainSigner::verify(publicKey, ChainSigner::headMessage(historyId, seq, hash), signature);
    });

    print(QStringLiteral("chain head signatures (ChainSigner::signHead, Ed25519): %1/s = %2 us each")
              .arg(ours, 0, 'f', 0)
              .arg(1e6 / ours, 0, 'f', 1));
    print(QStringLiteral("raw OpenSSL Ed25519 over the same message, key made once: %1/s; ratio %2x")
              .arg(raw, 0, 'f', 0)
              .arg(ours / raw, 0, 'f', 2));
    print(QStringLiteral("signature checks (ChainSigner::verify, hex in): %1/s%2")
              .arg(verifies, 0, 'f', 0)
              .arg(verified ? QString() : QStringLiteral(" (A CHECK FAILED)")));
    print(QStringLiteral("per write: one head signature (%1 us); per %2 events: one checkpoint signature more")
              .arg(1e6 / ours, 0, 'f', 1)
              .arg(ChainSigner::DefaultCheckpointInterval));
    return (verified && !sink.isEmpty() && rawSink > 0) ? 0 : 1;
}
