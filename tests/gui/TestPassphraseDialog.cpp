#include "PassphraseDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

// The passphrase dialog, driven through its widgets: create mode validates inline, unlock mode shows the store's
// error and lets the reviewer try again.
class TestPassphraseDialog : public QObject
{
    Q_OBJECT

private slots:
    void createModeValidatesInline_data();
    void createModeValidatesInline();
    void createModeExplainsKeychainAndRecovery();
    void createModeAcceptsMatchingPassphrase();
    void unlockModeHasOneField();
    void unlockModeShowsStoreErrorAndRetries();
    void cancelRejects();

private:
    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        return parent->findChild<T*>(QString::fromLatin1(name));
    }
    static QPushButton* okButton(QWidget* dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    }
    static void showAndFocus(PassphraseDialog& dialog)
    {
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
    }
};

void TestPassphraseDialog::createModeValidatesInline_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("confirm");
    QTest::addColumn<QString>("error"); // a part of the inline error, empty: none shown
    QTest::addColumn<bool>("okEnabled");

    QTest::newRow("too short, left the field")
        << QStringLiteral("short") << QString() << QStringLiteral("at least 8 characters") << false;
    QTest::newRow("too short, both typed")
        << QStringLiteral("1234567") << QStringLiteral("1234567") << QStringLiteral("at least 8 characters") << false;
    QTest::newRow("mismatch") << QStringLiteral("correct horse") << QStringLiteral("correct horsf")
                              << QStringLiteral("do not match") << false;
    QTest::newRow("mismatch, longer") << QStringLiteral("correct horse") << QStringLiteral("correct horse battery")
                                      << QStringLiteral("do not match") << false;
    QTest::newRow("confirm still being typed")
        << QStringLiteral("correct horse") << QStringLiteral("correct") << QString() << false;
    QTest::newRow("exactly 8, matching") << QStringLiteral("12345678") << QStringLiteral("12345678") << QString()
                                         << true;
    QTest::newRow("long, matching") << QStringLiteral("correct horse battery staple")
                                    << QStringLiteral("correct horse battery staple") << QString() << true;
}

void TestPassphraseDialog::createModeValidatesInline()
{
    QFETCH(QString, first);
    QFETCH(QString, confirm);
    QFETCH(QString, error);
    QFETCH(bool, okEnabled);

    PassphraseDialog dialog(PassphraseDialog::Mode::Create, QStringLiteral("/tmp/history.sqlite"));
    showAndFocus(dialog);
    auto* passphrase = child<QLineEdit>(&dialog, "passphraseLineEdit");
    auto* confirmEdit = child<QLineEdit>(&dialog, "confirmLineEdit");
    auto* errorLabel = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(passphrase && confirmEdit && errorLabel);
    QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
    QCOMPARE(confirmEdit->echoMode(), QLineEdit::Password);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(!errorLabel->isVisible());

    QCOMPARE(QApplication::focusWidget(), passphrase);
    QTest::keyClicks(passphrase, first);
    QVERIFY(!errorLabel->isVisible()); // no scolding while the first field is typed
    QTest::keyClick(passphrase, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), confirmEdit);
    QTest::keyClicks(confirmEdit, confirm);

    QCOMPARE(errorLabel->isVisible(), !error.isEmpty());
    if (!error.isEmpty())
        QVERIFY2(errorLabel->text().contains(error), qPrintable(errorLabel->text()));
    QCOMPARE(okButton(&dialog)->isEnabled(), okEnabled);
    QCOMPARE(dialog.isAcceptable(), okEnabled);

    // Enter accepts only a valid passphrase.
    QTest::keyClick(confirmEdit, Qt::Key_Return);
    QCOMPARE(dialog.result(), okEnabled ? int(QDialog::Accepted) : int(QDialog::Rejected));
    QCOMPARE(dialog.isVisible(), !okEnabled);
}

void TestPassphraseDialog::createModeExplainsKeychainAndRecovery()
{
    PassphraseDialog dialog(PassphraseDialog::Mode::Create, QStringLiteral("postgresql://reviewer@db:5432/ekyc"));
    showAndFocus(dialog);
    auto* explanation = child<QLabel>(&dialog, "explanationLabel");
    auto* note = child<QLabel>(&dialog, "keychainNoteLabel");
    QVERIFY(explanation->text().contains(QLatin1String("encrypted")));
    QVERIFY(explanation->text().contains(QLatin1String("personal data")));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("keychain")));
    QVERIFY(note->text().contains(QLatin1String("PostgreSQL")));
    QVERIFY(note->text().contains(QLatin1String("cannot be recovered")));
    QVERIFY(child<QLabel>(&dialog, "locationLabel")->text().contains(QLatin1String("postgresql://reviewer@db")));
    QVERIFY(child<QLineEdit>(&dialog, "confirmLineEdit")->isVisible());
}

void TestPassphraseDialog::createModeAcceptsMatchingPassphrase()
{
    PassphraseDialog dialog(PassphraseDialog::Mode::Create, QStringLiteral("/tmp/history.sqlite"));
    showAndFocus(dialog);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClicks(child<QLineEdit>(&dialog, "passphraseLineEdit"), QStringLiteral("correct horse"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "confirmLineEdit"), QStringLiteral("correct horse"));
    QVERIFY(okButton(&dialog)->isEnabled());
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.passphrase(), QStringLiteral("correct horse"));
}

void TestPassphraseDialog::unlockModeHasOneField()
{
    PassphraseDialog dialog(PassphraseDialog::Mode::Unlock, QStringLiteral("/tmp/history.sqlite"));
    showAndFocus(dialog);
    auto* passphrase = child<QLineEdit>(&dialog, "passphraseLineEdit");
    QVERIFY(passphrase->isVisible());
    QVERIFY(!child<QLineEdit>(&dialog, "confirmLineEdit")->isVisible());
    QVERIFY(!child<QLabel>(&dialog, "keychainNoteLabel")->isVisible());
    QVERIFY(!child<QLabel>(&dialog, "errorLabel")->isVisible());
    QVERIFY(!okButton(&dialog)->isEnabled());
    QTest::keyClicks(passphrase, QStringLiteral("x")); // no minimum in unlock mode: old passphrases still open
    QVERIFY(okButton(&dialog)->isEnabled());
    QTest::keyClick(passphrase, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.passphrase(), QStringLiteral("x"));
}

void TestPassphraseDialog::unlockModeShowsStoreErrorAndRetries()
{
    PassphraseDialog dialog(PassphraseDialog::Mode::Unlock, QStringLiteral("/tmp/history.sqlite"));
    showAndFocus(dialog);
    auto* passphrase = child<QLineEdit>(&dialog, "passphraseLineEdit");
    auto* errorLabel = child<QLabel>(&dialog, "errorLabel");
    QTest::keyClicks(passphrase, QStringLiteral("wrong one"));
    const QString storeError = QStringLiteral("The passphrase does not unlock this audit history.");
    dialog.setError(storeError);
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(errorLabel->text(), storeError);
    QVERIFY(passphrase->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), passphrase);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QTest::keyClicks(passphrase, QStringLiteral("right one"));
    QVERIFY(okButton(&dialog)->isEnabled());
    QVERIFY(errorLabel->isVisible()); // stays until the next attempt
    QTest::keyClick(passphrase, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.passphrase(), QStringLiteral("right one"));
}

void TestPassphraseDialog::cancelRejects()
{
    for (PassphraseDialog::Mode mode : { PassphraseDialog::Mode::Create, PassphraseDialog::Mode::Unlock }) {
        PassphraseDialog dialog(mode, QStringLiteral("/tmp/history.sqlite"));
        showAndFocus(dialog);
        auto* cancel = child<QDialogButtonBox>(&dialog, "buttonBox")->button(QDialogButtonBox::Cancel);
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), QStringLiteral("Quit"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
}

QTEST_MAIN(TestPassphraseDialog)
#include "TestPassphraseDialog.moc"
