// Verification engine benchmark (not a test). Run:
//   build/tests/bench_engine [--signatures-seconds S] [--verifications N]
// Prints: V3 signatures per second, beside raw OpenSSL doing the same hashing over the same bytes (SHA-256 of the body,
// SHA-256 of the canonical request, HMAC-SHA256 of the string to sign, each hex-encoded), with the ratio; and N
// sequential verifications (default 1000) against an in-process training sandbox through one ApiClient: requests per
// second, TLS handshakes (1 with keep-alive), median and p95 latency. Client and sandbox share one thread and event
// loop, so the latency includes the sandbox's own work (signature check, JSON). The client's rate limiter is switched
// off here: with the default 10 QPS the run would measure the limiter, not the engine.

#include "api/ApiClient.h"
#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "api/VerificationRequest.h"
#include "crypto/Random.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include "BenchLoop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cstdio>

namespace {

VerificationRequest personRequest(int index)
{
    const QList<SandboxFixtures::Person>& people = SandboxFixtures::people();
    const SandboxFixtures::Person& p = people.at(index % people.size());
    VerificationRequest r;
    r.sceneCode = QStringLiteral("bench");
    r.merchantBizId = QString::fromLatin1(Random::system().hex32());
    r.merchantUserId = VerificationRequest::desensitiseUserId(QStringLiteral("reviewer@example.test"));
    r.docName = p.docName;
    r.docNo = p.docNo;
    r.validityStartDate = p.validityStartDate;
    r.validityEndDate = p.isLongTerm() ? SandboxFixtures::longTermChinese : p.validityEndDate;
    return r;
}

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<qsizetype>(fraction * static_cast<double>(values.size() - 1) + 0.5);
    return values.at(qBound<qsizetype>(0, index, values.size() - 1));
}

// The cryptographic work of one V3 signature, in raw OpenSSL calls on prepared bytes: the reference for SignerV3.
QByteArray rawSignature(
    const QByteArray& body, const QByteArray& canonical, const QByteArray& stringToSign, const QByteArray& secret)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(body.constData(), static_cast<size_t>(body.size()), digest, &length, EVP_sha256(), nullptr);
    QByteArray hex = QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(length)).toHex();
    EVP_Digest(canonical.constData(), static_cast<size_t>(canonical.size()), digest, &length, EVP_sha256(), nullptr);
    hex += QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(length)).toHex();
    HMAC(EVP_sha256(),
        secret.constData(),
        static_cast<int>(secret.size()),
        reinterpret_cast<const unsigned char*>(stringToSign.constData()),
        static_cast<size_t>(stringToSign.size()),
        digest,
        &length);
    return hex + QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(length)).toHex();
}

} // namespace

using BenchLoop::perSecond;
using BenchLoop::print;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("eKYC Desk verification engine benchmark"));
    parser.addHelpOption();
    QCommandLineOption secondsOption(QStringLiteral("signatures-seconds"),
        QStringLiteral("How long to sign in a loop (default 2)."),
        QStringLiteral("S"),
        QStringLiteral("2"));
    QCommandLineOption countOption(QStringLiteral("verifications"),
        QStringLiteral("Sequential verifications against the sandbox (default 1000)."),
        QStringLiteral("N"),
        QStringLiteral("1000"));
    parser.addOption(secondsOption);
    parser.addOption(countOption);
    parser.process(app);
    const double signSeconds = qMax(0.1, parser.value(secondsOption).toDouble());
    const int count = qMax(1, parser.value(countOption).toInt());

    // 1. Signatures per second: SignerV3::sign on a realistic Id2MetaPeriodVerifyIntl request.
    {
        const VerificationRequest request = personRequest(4);
        SignerV3::Request base;
        base.body = request.formBody();
        base.headers = { { "host", "cloudauth-intl.cn-hongkong.aliyuncs.com" },
            { "x-acs-action", "Id2MetaPeriodVerifyIntl" },
            { "x-acs-version", "2022-08-09" },
            { "x-acs-date", "2026-11-25T09:00:00Z" },
            { "x-acs-signature-nonce", "0123456789abcdef0123456789abcdef" },
            { "content-type", "application/x-www-form-urlencoded" },
            { "accept", "application/json" },
            { "user-agent", ApiClient::userAgent() } };
        const Credentials credentials = Credentials::training();
        QByteArray sink;
        const double ours = perSecond(signSeconds, [&] {
            SignerV3::Request r = base;
            SignerV3::sign(r, credentials);
            sink = r.header("Authorization");
        });
        SignerV3::Request prepared = base;
        SignerV3::sign(prepared, credentials);
        const QByteArray canonical = SignerV3::canonicalRequest(prepared);
        const QByteArray toSign = SignerV3::stringToSign(canonical);
        const QByteArray secret = credentials.secretForSigning();
        QByteArray rawSink;
        const double raw =
            perSecond(signSeconds, [&] { rawSink = rawSignature(base.body, canonical, toSign, secret); });
        print(QStringLiteral("signatures: %1 signatures/s (body %2 bytes, %3); raw OpenSSL, same hashing over the same "
                             "bytes: %4/s; ratio %5x (goal >= 0.5x)")
                  .arg(ours, 0, 'f', 0)
                  .arg(base.body.size())
                  .arg(QString::fromLatin1(sink.left(17)))
                  .arg(raw, 0, 'f', 0)
                  .arg(ours / raw, 0, 'f', 2));
    }

    // 2. N sequential verifications through one ApiClient against an in-process sandbox.
    QTemporaryDir dir;
    SandboxServer sandbox;
    if (!dir.isValid() || !sandbox.start(0, dir.filePath(QStringLiteral("sandbox")))) {
        print(QStringLiteral("cannot start the sandbox: %1").arg(sandbox.errorString()));
        return 1;
    }
    ClientConfig config;
    config.endpoint = sandbox.url();
    config.extraCaCertificates = sandbox.caCertificates();
    config.rateLimitQps = 0; // measure the engine, not the limiter
    ApiClient client(config, Credentials::training());

    QList<double> latenciesMs;
    latenciesMs.reserve(count);
    int passed = 0;
    int other = 0;
    int done = 0;
    QElapsedTimer total;
    QElapsedTimer one;
    const auto next = [&] {
        one.start();
        client.verify(personRequest(done));
    };
    QObject::connect(&client, &ApiClient::finished, &app, [&](quint64, const VerificationResult& result) {
        latenciesMs.append(static_cast<double>(one.nsecsElapsed()) / 1e6);
        if (result.status == VerificationResult::Status::Passed)
            ++passed;
        else
            ++other;
        if (++done < count)
            next();
        else
            app.quit();
    });
    total.start();
    QMetaObject::invokeMethod(&app, next, Qt::QueuedConnection);
    app.exec();
    const double seconds = static_cast<double>(total.nsecsElapsed()) / 1e9;

    print(QStringLiteral("verifications: %1 sequential in %2 s = %3 requests/s (passed %4, other %5)")
              .arg(count)
              .arg(seconds, 0, 'f', 2)
              .arg(count / seconds, 0, 'f', 1)
              .arg(passed)
              .arg(other));
    print(QStringLiteral("TLS handshakes (client): %1; connections accepted (sandbox): %2; requests served: %3")
              .arg(client.tlsHandshakes())
              .arg(sandbox.connectionsAccepted())
              .arg(sandbox.requestsServed()));
    print(QStringLiteral("latency: median %1 ms, p95 %2 ms, max %3 ms")
              .arg(percentile(latenciesMs, 0.5), 0, 'f', 2)
              .arg(percentile(latenciesMs, 0.95), 0, 'f', 2)
              .arg(percentile(latenciesMs, 1.0), 0, 'f', 2));
    return other == 0 && client.tlsHandshakes() == 1 ? 0 : 2;
}
