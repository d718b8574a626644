#include "HistoryOpener.h"
#include "MemorySecretStore.h"
#include "StoreFixture.h"
#include "crypto/KeyVault.h"
#include "history/AuditStore.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Start-up opening of the audit history: which question is asked when, and that a new history is never created
// without a passphrase. The prompts are replaced by scripted answers; the stores are real SQLite files.
class TestHistoryOpener : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newHistoryAsksToCreateAPassphrase();
    void keychainOpensWithoutAsking();
    void passphraseOnlyHistoryAsksToUnlock();
    void wrongPassphraseShowsErrorAndAsksAgain();
    void cancelQuitsAndLeavesNothingBehind();
    void environmentPassphraseAsksNothing();
    void wrongEnvironmentPassphraseFallsBackToTheDialog();
    void otherFailuresOfferRetryOrQuit();
    void invalidLocationIsReported();
    void retryBoxPutsWhatFollowsTheFirstLineInItsDetails_data();
    void retryBoxPutsWhatFollowsTheFirstLineInItsDetails();

private:
    struct Prompt
    {
        PassphraseDialog::Mode mode;
        QString location;
        QString error;
    };
    // An opener whose passphrase prompt answers from m_answers (std::nullopt = Quit) and logs every question.
    HistoryOpener makeOpener(SecretStore* keychain, const QString& environmentPassphrase = QString());
    QString location() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<std::optional<QString>> m_answers;
    QList<Prompt> m_prompts;
    QStringList m_retryMessages;
    QList<bool> m_retryAnswers;
};

void TestHistoryOpener::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_answers.clear();
    m_prompts.clear();
    m_retryMessages.clear();
    m_retryAnswers.clear();
}

void TestHistoryOpener::cleanup()
{
    m_dir.reset();
}

HistoryOpener TestHistoryOpener::makeOpener(SecretStore* keychain, const QString& environmentPassphrase)
{
    HistoryOpener opener(keychain);
    opener.setEnvironmentPassphrase(environmentPassphrase);
    opener.setPassphrasePrompt([this](PassphraseDialog::Mode mode, const QString& where, const QString& error) {
        m_prompts.append(Prompt { mode, where, error });
        return m_answers.isEmpty() ? std::nullopt : m_answers.takeFirst();
    });
    opener.setRetryPrompt([this](const QString& message) {
        m_retryMessages.append(message);
        return m_retryAnswers.isEmpty() ? false : m_retryAnswers.takeFirst();
    });
    return opener;
}

void TestHistoryOpener::newHistoryAsksToCreateAPassphrase()
{
    MemorySecretStore keychain; // a working keychain: still, a new history gets a passphrase first
    m_answers = { QStringLiteral("first passphrase") };
    HistoryOpener opener = makeOpener(&keychain);
    std::unique_ptr<AuditStore> store = StoreFixture::storeOf(opener.open(location()));
    QVERIFY(store);
    QCOMPARE(m_prompts.size(), 1);
    QCOMPARE(m_prompts.at(0).mode, PassphraseDialog::Mode::Create);
    QCOMPARE(m_prompts.at(0).location, location());
    QVERIFY(m_prompts.at(0).error.isEmpty());
    QCOMPARE(store->keySource(), QStringLiteral("keychain"));
    QCOMPARE(keychain.entries.size(), 1); // the key is cached in the keychain
    store.reset();

    // The passphrase wraps the key as well: without the keychain it opens the history.
    MemorySecretStore otherWorkstation;
    m_prompts.clear();
    m_answers = { QStringLiteral("first passphrase") };
    HistoryOpener elsewhere = makeOpener(&otherWorkstation);
    store = StoreFixture::storeOf(elsewhere.open(location()));
    QVERIFY(store);
    QCOMPARE(m_prompts.size(), 1);
    QCOMPARE(m_prompts.at(0).mode, PassphraseDialog::Mode::Unlock);
    QCOMPARE(store->keySource(), QStringLiteral("passphrase"));
}

void TestHistoryOpener::keychainOpensWithoutAsking()
{
    MemorySecretStore keychain;
    m_answers = { QStringLiteral("first passphrase") };
    QVERIFY(makeOpener(&keychain).open(location()));
    m_prompts.clear();
    std::unique_ptr<AuditStore> store = StoreFixture::storeOf(makeOpener(&keychain).open(location()));
    QVERIFY(store);
    QVERIFY(m_prompts.isEmpty());
    QCOMPARE(store->keySource(), QStringLiteral("keychain"));
}

void TestHistoryOpener::passphraseOnlyHistoryAsksToUnlock()
{
    MemorySecretStore noKeychain;
    noKeychain.available = false;
    m_answers = { QStringLiteral("first passphrase") };
    std::unique_ptr<AuditStore> store = StoreFixture::storeOf(makeOpener(&noKeychain).open(location()));
    QVERIFY(store);
    QCOMPARE(store->keySource(), QStringLiteral("passphrase"));
    QCOMPARE(m_prompts.size(), 1);
    QCOMPARE(m_prompts.at(0).mode, PassphraseDialog::Mode::Create);
    store.reset();

    m_prompts.clear();
    m_answers = { QStringLiteral("first passphrase") };
    store = StoreFixture::storeOf(makeOpener(&noKeychain).open(location()));
    QVERIFY(store);
    QCOMPARE(m_prompts.size(), 1);
    QCOMPARE(m_prompts.at(0).mode, PassphraseDialog::Mode::Unlock);
    QVERIFY(m_prompts.at(0).error.isEmpty());
}

void TestHistoryOpener::wrongPassphraseShowsErrorAndAsksAgain()
{
    m_answers = { QStringLiteral("first passphrase") };
    QVERIFY(makeOpener(nullptr).open(location()));
    m_prompts.clear();
    m_answers = { QStringLiteral("not it"), QStringLiteral("also not it"), QStringLiteral("first passphrase") };
    std::unique_ptr<AuditStore> store = StoreFixture::storeOf(makeOpener(nullptr).open(location()));
    QVERIFY(store);
    QCOMPARE(m_prompts.size(), 3);
    QVERIFY(m_prompts.at(0).error.isEmpty());
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(m_prompts.at(i).mode, PassphraseDialog::Mode::Unlock);
        QVERIFY2(m_prompts.at(i).error.startsWith(KeyVault::errorMessage(KeyVault::Error::WrongPassphrase)),
            qPrintable(m_prompts.at(i).error));
    }
    QVERIFY(m_retryMessages.isEmpty());
}

void TestHistoryOpener::cancelQuitsAndLeavesNothingBehind()
{
    MemorySecretStore keychain;
    m_answers = { std::nullopt };
    QVERIFY(!makeOpener(&keychain).open(location()));
    QCOMPARE(m_prompts.size(), 1);
    QVERIFY(!QFile::exists(location()));
    QVERIFY(keychain.entries.isEmpty());
}

void TestHistoryOpener::environmentPassphraseAsksNothing()
{
    std::unique_ptr<AuditStore> store =
        StoreFixture::storeOf(makeOpener(nullptr, QStringLiteral("from the environment")).open(location()));
    QVERIFY(store);
    QCOMPARE(store->keySource(), QStringLiteral("passphrase"));
    store.reset();
    store = StoreFixture::storeOf(makeOpener(nullptr, QStringLiteral("from the environment")).open(location()));
    QVERIFY(store);
    QVERIFY(m_prompts.isEmpty());
    QVERIFY(m_retryMessages.isEmpty());
}

void TestHistoryOpener::wrongEnvironmentPassphraseFallsBackToTheDialog()
{
    QVERIFY(makeOpener(nullptr, QStringLiteral("from the environment")).open(location()));
    m_answers = { QStringLiteral("from the environment") };
    QVERIFY(makeOpener(nullptr, QStringLiteral("stale value")).open(location()));
    QCOMPARE(m_prompts.size(), 1);
    QCOMPARE(m_prompts.at(0).mode, PassphraseDialog::Mode::Unlock);
    QVERIFY(m_prompts.at(0).error.startsWith(KeyVault::errorMessage(KeyVault::Error::WrongPassphrase)));
}

void TestHistoryOpener::otherFailuresOfferRetryOrQuit()
{
    // A location that cannot be created (a file where the directory should be) fails for another reason than keys.
    QFile blocker(m_dir->filePath(QStringLiteral("not-a-directory")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString where = m_dir->filePath(QStringLiteral("not-a-directory/history.sqlite"));
    m_retryAnswers = { true, false };
    QVERIFY(!makeOpener(nullptr, QStringLiteral("from the environment")).open(where));
    QCOMPARE(m_retryMessages.size(), 2);
    QVERIFY(!m_retryMessages.at(0).isEmpty());
    QVERIFY(m_prompts.isEmpty());

    m_retryMessages.clear();
    QVERIFY(!makeOpener(nullptr).open(where));
    QCOMPARE(m_retryMessages.size(), 1);
    QVERIFY(m_prompts.isEmpty());
}

void TestHistoryOpener::invalidLocationIsReported()
{
    QVERIFY(!makeOpener(nullptr).open(QStringLiteral("ftp://example.invalid/history")));
    QCOMPARE(m_retryMessages.size(), 1);
    QVERIFY(m_retryMessages.at(0).contains(QLatin1String("postgresql://")));
    QVERIFY(m_prompts.isEmpty());
}

void TestHistoryOpener::retryBoxPutsWhatFollowsTheFirstLineInItsDetails_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("details");
    QTest::newRow("one line") << "Cannot connect to the history."
                              << "Cannot connect to the history."
                              << "";
    QTest::newRow("grants") << "The role lacks them; the owner can grant them with:\nGRANT A;\nGRANT B;\nGRANT C;\n"
                               "GRANT D;"
                            << "The role lacks them; the owner can grant them with:"
                            << "GRANT A;\nGRANT B;\nGRANT C;\nGRANT D;";
    QTest::newRow("a client error and its hint") << "Cannot connect: the server closed the connection\nIs it up?"
                                                 << "Cannot connect: the server closed the connection\nIs it up?"
                                                 << "";
}

void TestHistoryOpener::retryBoxPutsWhatFollowsTheFirstLineInItsDetails()
{
    QFETCH(QString, message);
    QFETCH(QString, shown);
    QFETCH(QString, details);
    const std::unique_ptr<QMessageBox> box = HistoryOpener::retryBox(message, nullptr);
    QVERIFY(box->text().endsWith(shown));
    QVERIFY(box->text().startsWith(QLatin1String("eKYC Desk records every case")));
    QCOMPARE(box->detailedText(), details);
    QVERIFY(box->textInteractionFlags().testFlag(Qt::TextSelectableByMouse)); // to copy from
    QCOMPARE(box->standardButtons(), QMessageBox::Retry | QMessageBox::Close);
    QCOMPARE(static_cast<QAbstractButton*>(box->defaultButton()), box->button(QMessageBox::Retry));
}

QTEST_MAIN(TestHistoryOpener)
#include "TestHistoryOpener.moc"
