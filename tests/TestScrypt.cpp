#include "crypto/Scrypt.h"

#include <QRandomGenerator>
#include <QTest>

#include <stdexcept>

// Scrypt::derive (what the key vault and the password hashes derive with) computes ROMix itself (SSE2, or AVX-512VL
// where the processor has it, on x86-64): every kernel that runs here must give RFC 7914's test vectors (section 12;
// also what Python's hashlib.scrypt gives) and, for random passwords, salts and parameters (several blocks per r,
// several p, lengths that are not whole hash blocks), exactly what OpenSSL's scrypt gives; parameters RFC 7914 forbids
// are refused, never computed.
namespace {

// The kernels this processor runs, each compared on its own (derive() takes only the fastest).
QList<Scrypt::Kernel> runningKernels()
{
    QList<Scrypt::Kernel> kernels;
    for (const Scrypt::Kernel kernel : { Scrypt::Kernel::OpenSsl, Scrypt::Kernel::Sse2, Scrypt::Kernel::Avx512 }) {
        if (Scrypt::runs(kernel))
            kernels.append(kernel);
    }
    return kernels;
}

} // namespace

class TestScrypt : public QObject
{
    Q_OBJECT

private slots:
    void rfc7914Vectors_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("N of 2, r of 3, p of 2") << QByteArray("pw") << QByteArray("salt") << quint64(2) << quint32(3)
                                                << quint32(2) << Scrypt::deriveWithOpenSsl("pw", "salt", 2, 3, 2, 48);
        QTest::newRow("empty") << QByteArray() << QByteArray() << quint64(16) << quint32(1) << quint32(1)
                               << QByteArray::fromHex(
                                      "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                      "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        QTest::newRow("password/NaCl") << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << quint32(8)
                                       << quint32(16)
                                       << QByteArray::fromHex(
                                              "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                              "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        QTest::newRow("pleaseletmein/SodiumChloride")
            << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << quint64(16384) << quint32(8) << quint32(1)
            << QByteArray::fromHex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                                   "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }

    void rfc7914Vectors()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(QByteArray, expected);
        QCOMPARE(Scrypt::derive(password, salt, n, r, p, int(expected.size())).toHex(), expected.toHex());
        QCOMPARE(Scrypt::deriveWithOpenSsl(password, salt, n, r, p, int(expected.size())).toHex(), expected.toHex());
        for (const Scrypt::Kernel kernel : runningKernels()) {
            QCOMPARE(
                Scrypt::deriveWith(kernel, password, salt, n, r, p, int(expected.size())).toHex(), expected.toHex());
        }
    }

    void sameAsOpenSsl_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1; seed <= 24; ++seed)
            QTest::addRow("seed %llu", seed) << seed;
    }

    void sameAsOpenSsl()
    {
        QFETCH(quint64, seed);
        QRandomGenerator random(static_cast<quint32>(seed));
        const auto bytes = [&random](int size) {
            QByteArray out(size, Qt::Uninitialized);
            for (char& c : out)
                c = static_cast<char>(random.bounded(256));
            return out;
        };
        const QByteArray password = bytes(random.bounded(0, 80));
        const QByteArray salt = bytes(random.bounded(0, 40));
        const quint64 n = quint64(1) << random.bounded(1, 12); // 2 to 2048
        const auto r = static_cast<quint32>(random.bounded(1, 10));
        const auto p = static_cast<quint32>(random.bounded(1, 4));
        const int length = random.bounded(1, 100);
        const QString parameters = QStringLiteral("N=%1 r=%2 p=%3 length=%4").arg(n).arg(r).arg(p).arg(length);
        const QByteArray reference = Scrypt::deriveWithOpenSsl(password, salt, n, r, p, length);
        QCOMPARE(reference.size(), length);
        QVERIFY2(Scrypt::derive(password, salt, n, r, p, length) == reference, qPrintable(parameters));
        for (const Scrypt::Kernel kernel : runningKernels()) {
            QVERIFY2(Scrypt::deriveWith(kernel, password, salt, n, r, p, length) == reference,
                qPrintable(parameters + QStringLiteral(" kernel %1").arg(int(kernel))));
        }
    }

    // derive() uses a kernel this processor runs, in the order AVX-512VL, SSE2, OpenSSL. On x86-64 the SSE2
    // kernel always runs; a kernel that does not run here is refused, never run (it would fault).
    void preferredKernelRuns()
    {
        const QList<Scrypt::Kernel> kernels = runningKernels();
        QVERIFY(kernels.contains(Scrypt::Kernel::OpenSsl));
        QCOMPARE(Scrypt::preferred(), kernels.last());
#if defined(__x86_64__)
        QVERIFY(kernels.contains(Scrypt::Kernel::Sse2));
        QCOMPARE(Scrypt::runs(Scrypt::Kernel::Avx512),
            __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl"));
#endif
        qInfo("kernel used by derive(): %d of %d running", int(Scrypt::preferred()), int(kernels.size()));
    }

    void kernelThatDoesNotRunRefused()
    {
        for (const Scrypt::Kernel kernel : { Scrypt::Kernel::Sse2, Scrypt::Kernel::Avx512 }) {
            if (Scrypt::runs(kernel))
                continue;
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                Scrypt::deriveWith(kernel, QByteArray("password"), QByteArray("salt"), 16, 1, 1, 32));
            return;
        }
        QSKIP("every kernel runs on this processor");
    }

    void forbiddenParametersRefused_data()
    {
        QTest::addColumn<quint64>("n");
        QTest::addColumn<quint32>("r");
        QTest::addColumn<quint32>("p");
        QTest::addColumn<int>("length");
        QTest::newRow("N of 1") << quint64(1) << quint32(8) << quint32(1) << 32;
        QTest::newRow("N not a power of two") << quint64(1000) << quint32(8) << quint32(1) << 32;
        QTest::newRow("N above 2^32") << (quint64(1) << 33) << quint32(8) << quint32(1) << 32;
        QTest::newRow("r of 0") << quint64(1024) << quint32(0) << quint32(1) << 32;
        QTest::newRow("p of 0") << quint64(1024) << quint32(8) << quint32(0) << 32;
        QTest::newRow("r times p of 2^30") << quint64(2) << quint32(1) << (quint32(1) << 30) << 32;
        QTest::newRow("N of 2^16 with r of 1") << (quint64(1) << 16) << quint32(1) << quint32(1) << 32;
        QTest::newRow("128 r p above INT_MAX") << quint64(2) << (quint32(1) << 17) << (quint32(1) << 7) << 32;
        QTest::newRow("no output") << quint64(1024) << quint32(8) << quint32(1) << 0;
    }

    void forbiddenParametersRefused()
    {
        QFETCH(quint64, n);
        QFETCH(quint32, r);
        QFETCH(quint32, p);
        QFETCH(int, length);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, Scrypt::derive(QByteArray("password"), QByteArray("salt"), n, r, p, length));
    }
};

QTEST_GUILESS_MAIN(TestScrypt)
#include "TestScrypt.moc"
