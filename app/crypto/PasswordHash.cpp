#include "PasswordHash.h"

#include "crypto/Crypto.h"
#include "crypto/KeyVault.h"
#include "crypto/Random.h"
#include "crypto/Scrypt.h"

#include <QList>

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;

struct Parsed
{
    int logN = 0;
    quint32 r = 0;
    quint32 p = 0;
    QByteArray salt;
    QByteArray hash;
};

// Only parameters in sane bounds: a damaged or hostile row must not ask for gigabytes or minutes.
bool parse(const QByteArray& encoded, Parsed* out)
{
    const QList<QByteArray> parts = encoded.split('$');
    if (parts.size() != 6 || parts[0] != "scrypt" || !parts[1].startsWith("ln=") || !parts[2].startsWith("r=")
        || !parts[3].startsWith("p="))
        return false;
    bool okN = false, okR = false, okP = false;
    out->logN = parts[1].mid(3).toInt(&okN);
    out->r = parts[2].mid(2).toUInt(&okR);
    out->p = parts[3].mid(2).toUInt(&okP);
    out->salt = QByteArray::fromBase64(parts[4]);
    out->hash = QByteArray::fromBase64(parts[5]);
    return okN && okR && okP && out->logN >= 10 && out->logN <= 20 && out->r >= 1 && out->r <= 16 && out->p >= 1
        && out->p <= 4 && out->salt.size() >= SaltBytes && out->hash.size() == HashBytes;
}

QByteArray derive(const QString& password, const QByteArray& salt, int logN, quint32 r, quint32 p)
{
    return Scrypt::derive(password.toUtf8(), salt, quint64(1) << logN, r, p, HashBytes);
}

} // namespace

QString PasswordHash::weakness(const QString& password, const QString& userName)
{
    if (password.trimmed().isEmpty())
        return tr("The password is empty.");
    if (password.size() < MinimumLength)
        return tr("The password needs at least %1 characters.").arg(MinimumLength);
    if (!userName.isEmpty() && password.compare(userName, Qt::CaseInsensitive) == 0)
        return tr("The password must not be the user name.");
    return QString();
}

QByteArray PasswordHash::hash(const QString& password, Random& random, int logN)
{
    const QByteArray salt = random.bytes(SaltBytes);
    const QByteArray derived = derive(password, salt, logN, KeyVault::DefaultScryptR, KeyVault::DefaultScryptP);
    return QByteArray("scrypt$ln=") + QByteArray::number(logN) + "$r=" + QByteArray::number(KeyVault::DefaultScryptR)
        + "$p=" + QByteArray::number(KeyVault::DefaultScryptP) + '$' + salt.toBase64() + '$' + derived.toBase64();
}

bool PasswordHash::verify(const QString& password, const QByteArray& encoded)
{
    Parsed parsed;
    if (!parse(encoded, &parsed)) {
        verifyNothing(password);
        return false;
    }
    return Crypto::constantTimeEquals(derive(password, parsed.salt, parsed.logN, parsed.r, parsed.p), parsed.hash);
}

void PasswordHash::verifyNothing(const QString& password)
{
    (void)derive(
        password, QByteArray(SaltBytes, '\0'), DefaultLogN, KeyVault::DefaultScryptR, KeyVault::DefaultScryptP);
}
