#include "AccountEditDialog.h"
#include "AccountsDialog.h"
#include "GuiDriver.h"
#include "IdleWatcher.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "SignInDialog.h"
#include "SignInFlow.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "session/HistoryWriter.h"
#include "session/VerificationService.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

// People at the desk, with real widgets offscreen and a real SQLite history: the sign-in dialog's checks, the sign-in
// flow (first supervisor, wrong password, quitting, the trainee), the idle lock on the fake clock (the open case
// kept, the password asked again, every step an event), and the accounts dialog as a supervisor and as a reviewer.
class TestPeople : public MainWindowFixture
{
    Q_OBJECT
public:
    TestPeople()
        : MainWindowFixture({ .history = true })
    {
    }

private:
    static QString password() { return QStringLiteral("desk password 1"); }

    // The service's actor as a signed-in supervisor of the fixture's history (the first account).
    Actor signInAsSupervisor()
    {
        Actor owner = service()->actor();
        owner.role = QLatin1String(Role::supervisor);
        const Result<void> created =
            history()->createAccount(owner, owner.name, QLatin1String(Role::supervisor), password());
        if (!created)
            qWarning("%s", qPrintable(created.message()));
        const Actor actor = history()->signIn(owner.name, password(), owner.workstation).valueOr({});
        service()->setActor(actor);
        return actor;
    }

    QStringList kinds(qint64 after)
    {
        QStringList out;
        (void)history()->forEachEvent([&](const AuditEvent& e) {
            if (e.seq > after)
                out.append(e.kind);
            return true;
        });
        return out;
    }

    static void fill(QWidget* dialog, const char* name, const QString& text)
    {
        auto* edit = dialog->findChild<QLineEdit*>(QLatin1String(name));
        QVERIFY(edit);
        edit->setText(text);
        emit edit->textEdited(text);
    }

private slots:
    void signInDialogChecks_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<QString>("error"); // empty: OK is enabled
        const int create = int(SignInDialog::Mode::CreateSupervisor);
        const int signIn = int(SignInDialog::Mode::SignIn);
        QTest::newRow("create: fine") << create << "boss"
                                      << "long enough 1"
                                      << "long enough 1"
                                      << "";
        QTest::newRow("create: short") << create << "boss"
                                       << "short"
                                       << "short"
                                       << "at least 10";
        QTest::newRow("create: mismatch") << create << "boss"
                                          << "long enough 1"
                                          << "long enough 2"
                                          << "do not match";
        QTest::newRow("create: user as password") << create << "boss.account"
                                                  << "boss.account"
                                                  << "boss.account"
                                                  << "user name";
        QTest::newRow("create: no user") << create << ""
                                         << "long enough 1"
                                         << "long enough 1"
                                         << "user name";
        QTest::newRow("sign in: fine, any length") << signIn << "ann"
                                                   << "x"
                                                   << ""
                                                   << "";
        QTest::newRow("sign in: no password") << signIn << "ann"
                                              << ""
                                              << ""
                                              << "password";
    }
    void signInDialogChecks()
    {
        QFETCH(int, mode);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, confirm);
        QFETCH(QString, error);
        SignInDialog dialog(SignInDialog::Mode(mode), QStringLiteral("/tmp/h.sqlite"));
        fill(&dialog, "userLineEdit", user);
        fill(&dialog, "passwordLineEdit", password);
        fill(&dialog, "confirmLineEdit", confirm);
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QCOMPARE(ok->isEnabled(), error.isEmpty());
        QVERIFY2(dialog.validationError().contains(error, Qt::CaseInsensitive), qPrintable(dialog.validationError()));
    }

    void signInFlow()
    {
        // Training: the trainee, without a question.
        int asked = 0;
        SignInFlow training(true);
        training.setPrompt([&](auto, auto, auto, auto) -> std::optional<SignInFlow::Answer> {
            ++asked;
            return std::nullopt;
        });
        QCOMPARE(training.run(*history()).valueOr({}).name, QStringLiteral("trainee"));
        QCOMPARE(asked, 0);

        // Live, no accounts: the first supervisor (a weak password is refused and asked again), then signed in.
        QList<SignInDialog::Mode> modes;
        QStringList errors;
        QList<SignInFlow::Answer> answers { { QStringLiteral("boss"), QStringLiteral("short") },
            { QStringLiteral("boss"), password() } };
        SignInFlow live(false);
        live.setPrompt([&](SignInDialog::Mode mode, auto, auto, const QString& error) {
            modes << mode;
            errors << error;
            return answers.isEmpty() ? std::nullopt : std::optional<SignInFlow::Answer>(answers.takeFirst());
        });
        const Result<Actor> boss = live.run(*history());
        QVERIFY2(boss, qPrintable(boss.message()));
        QCOMPARE(boss->role, QLatin1String(Role::supervisor));
        QCOMPARE(modes, QList<SignInDialog::Mode>(2, SignInDialog::Mode::CreateSupervisor));
        QVERIFY(errors.at(1).contains(QStringLiteral("10")));

        // Now it has accounts: a wrong password is shown and asked again; quitting cancels.
        modes.clear();
        errors.clear();
        answers = { { QStringLiteral("boss"), QStringLiteral("wrong password") } };
        const Result<Actor> quit = live.run(*history());
        QCOMPARE(quit.error(), ErrorCode::Cancelled);
        QCOMPARE(modes, QList<SignInDialog::Mode>(2, SignInDialog::Mode::SignIn));
        QCOMPARE(errors.at(1), QStringLiteral("Wrong user name or password."));
    }

    void idleLockKeepsTheCase()
    {
        const Actor actor = signInAsSupervisor();
        QVERIFY(actor.isValid());
        const qint64 before = history()->head().valueOr({}).seq;
        auto* name = widget<QLineEdit>("nameLineEdit");
        GuiDriver::typeText(name, QStringLiteral("王小明"));
        window()->setIdleLock(10, &clock());
        // A window of the desk beside it (as a revealed case's is) goes out of sight with it.
        auto* revealed = new QDialog(window()->centralWidget());
        const auto closeRevealed = qScopeGuard([revealed] { delete revealed; });
        revealed->show();
        QVERIFY(QTest::qWaitForWindowExposed(revealed));

        clock().advance(9 * 60 * 1000);
        QVERIFY(!window()->isLocked());
        QTest::keyClick(name, Qt::Key_End); // activity: the ten minutes start again
        clock().advance(9 * 60 * 1000);
        QVERIFY(!window()->isLocked());
        clock().advance(2 * 60 * 1000);
        QVERIFY(window()->isLocked());
        QVERIFY(!window()->centralWidget()->isVisible());
        QVERIFY(!revealed->isVisible());
        QVERIFY(window()->unlockDialog());
        QTRY_VERIFY(window()->unlockDialog()->isVisible());
        if (qEnvironmentVariableIsSet("EKYC_SCREENSHOT_DIR"))
            GuiDriver::saveScreenshot(window()->unlockDialog(), QStringLiteral("unlock-dialog.png"));

        // A wrong password: asked again with the history's message.
        SignInDialog* first = window()->unlockDialog();
        fill(first, "passwordLineEdit", QStringLiteral("not my password"));
        first->accept();
        QTRY_VERIFY(window()->unlockDialog() && window()->unlockDialog() != first
            && window()->unlockDialog()->findChild<QLabel*>(QStringLiteral("errorLabel"))->text()
                == QStringLiteral("Wrong user name or password."));
        QVERIFY(window()->isLocked());
        fill(window()->unlockDialog(), "passwordLineEdit", password());
        window()->unlockDialog()->accept();
        QTRY_VERIFY(!window()->isLocked());
        QVERIFY(window()->centralWidget()->isVisible());
        QVERIFY(revealed->isVisible());
        QCOMPARE(name->text(), QStringLiteral("王小明")); // the open case is kept
        QTRY_COMPARE(kinds(before),
            QStringList({ QStringLiteral("session_locked"),
                QStringLiteral("login_failed"),
                QStringLiteral("login"),
                QStringLiteral("session_unlocked") }));
    }

    void accountsDialogAsSupervisor()
    {
        const Actor boss = signInAsSupervisor();
        AccountsDialog dialog(*service()->writer(), boss);
        QTRY_COMPARE(dialog.table()->rowCount(), 1);
        // Add a reviewer through the (modal) edit dialog.
        QTimer::singleShot(0, this, [&dialog] {
            auto* edit = dialog.findChild<AccountEditDialog*>(QStringLiteral("accountEditDialog"));
            QVERIFY(edit);
            fill(edit, "userLineEdit", QStringLiteral("ann"));
            fill(edit, "passwordLineEdit", QStringLiteral("ann password 11"));
            fill(edit, "confirmLineEdit", QStringLiteral("ann password 11"));
            edit->accept();
        });
        dialog.addAccount();
        QTRY_COMPARE(dialog.table()->rowCount(), 2);
        QCOMPARE(dialog.message(), QStringLiteral("Added ann (reviewer)."));
        dialog.table()->selectRow(0); // sorted by name: ann, then the supervisor
        QCOMPARE(dialog.selectedUser(), QStringLiteral("ann"));
        dialog.toggleDisabled();
        QTRY_COMPARE(dialog.table()->item(0, 2)->text(), QStringLiteral("disabled"));
        QCOMPARE(history()->signIn(QStringLiteral("ann"), QStringLiteral("ann password 11"), QString()).error(),
            ErrorCode::SignInFailed);
        if (qEnvironmentVariableIsSet("EKYC_SCREENSHOT_DIR")) {
            dialog.show();
            GuiDriver::saveScreenshot(&dialog, QStringLiteral("accounts-dialog.png"));
        }
    }

    void accountsDialogRefusesAReviewer()
    {
        const Actor boss = signInAsSupervisor();
        QVERIFY(history()->createAccount(boss, QStringLiteral("ann"), QLatin1String(Role::reviewer), password()));
        const Actor ann = history()->signIn(QStringLiteral("ann"), password(), QString()).valueOr({});
        AccountsDialog dialog(*service()->writer(), ann);
        QTRY_COMPARE(dialog.message(), QStringLiteral("The reviewer role may not manage accounts."));
        QCOMPARE(dialog.table()->rowCount(), 0);
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("addButton"))->isEnabled());
        QTRY_COMPARE(kinds(0).last(), QStringLiteral("access_refused"));
    }
};

QTEST_MAIN(TestPeople)
#include "TestPeople.moc"
