#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/AccountTable.h"

#include <QDialog>

#include <functional>

class AuditStore;
class HistoryThread;
class QLabel;
class QPushButton;
class QTableWidget;

// The accounts of the history, for a supervisor: add, change a role, reset a password, disable or enable, unlock.
// Every change runs on the history's writer thread (the window never waits for the database) and is an event in the
// chain; the history refuses all of it to anyone but a supervisor, and the dialog shows that refusal.
class AccountsDialog : public QDialog
{
    Q_OBJECT
public:
    AccountsDialog(HistoryThread& writer, const Actor& actor, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    // The last message shown (a refusal, a done change).
    QString message() const;
    // The account of the selected row, empty when none.
    QString selectedUser() const;

public slots:
    void reload();
    void addAccount();
    void changeRole();
    void resetPassword();
    void toggleDisabled();
    void unlock();

signals:
    // A change was written (or refused) and the list reloaded.
    void changed();

private:
    void showAccounts(const QList<Account>& accounts);
    void apply(const std::function<Result<void>(AuditStore*)>& change, const QString& done);
    void updateButtons();
    const Account* selected() const;

    HistoryThread& m_writer;
    Actor m_actor;
    QList<Account> m_accounts;
    QTableWidget* m_table;
    QLabel* m_message;
    QPushButton* m_add;
    QPushButton* m_role;
    QPushButton* m_reset;
    QPushButton* m_disable;
    QPushButton* m_unlock;
};
