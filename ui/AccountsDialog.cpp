#include "AccountsDialog.h"

#include "AccountEditDialog.h"
#include "base/Access.h"
#include "base/DisplayTime.h"
#include "history/AuditStore.h"
#include "session/HistoryThread.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QPushButton* button(const QString& text, const char* name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    return b;
}

QString stateOf(const Account& a)
{
    if (a.disabled)
        return AccountsDialog::tr("disabled");
    if (a.isLocked())
        return AccountsDialog::tr("locked since %1").arg(DisplayTime::dateTime(a.lockedAt));
    return AccountsDialog::tr("active");
}

} // namespace

AccountsDialog::AccountsDialog(HistoryThread& writer, const Actor& actor, QWidget* parent)
    : QDialog(parent)
    , m_writer(writer)
    , m_actor(actor)
    , m_table(new QTableWidget(0, 4, this))
    , m_message(new QLabel(this))
    , m_add(button(tr("&Add…"), "addButton", this))
    , m_role(button(tr("Change &role…"), "roleButton", this))
    , m_reset(button(tr("Reset &password…"), "resetButton", this))
    , m_disable(button(tr("&Disable"), "disableButton", this))
    , m_unlock(button(tr("&Unlock"), "unlockButton", this))
{
    setWindowTitle(tr("Accounts"));
    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setHorizontalHeaderLabels({ tr("User"), tr("Role"), tr("State"), tr("Created") });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    auto* buttons = new QVBoxLayout;
    for (QPushButton* b : { m_add, m_role, m_reset, m_disable, m_unlock })
        buttons->addWidget(b);
    buttons->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addLayout(buttons);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Nothing is ever deleted: a disabled account keeps its history. Every change is "
                                    "recorded in the audit history."),
        this));
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &AccountsDialog::addAccount);
    connect(m_role, &QPushButton::clicked, this, &AccountsDialog::changeRole);
    connect(m_reset, &QPushButton::clicked, this, &AccountsDialog::resetPassword);
    connect(m_disable, &QPushButton::clicked, this, &AccountsDialog::toggleDisabled);
    connect(m_unlock, &QPushButton::clicked, this, &AccountsDialog::unlock);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccountsDialog::updateButtons);
    resize(720, 420);
    updateButtons();
    reload();
}

QString AccountsDialog::message() const
{
    return m_message->text();
}

const Account* AccountsDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_accounts.size() && m_table->selectionModel()->hasSelection() ? &m_accounts.at(row)
                                                                                            : nullptr;
}

QString AccountsDialog::selectedUser() const
{
    const Account* a = selected();
    return a ? a->name : QString();
}

void AccountsDialog::reload()
{
    m_writer.run<Result<QList<Account>>>(
        [actor = m_actor, &writer = m_writer](AuditStore* store) -> Result<QList<Account>> {
            if (!store)
                return Failure(ErrorCode::Unavailable, writer.openError());
            return store->accounts(actor);
        },
        this,
        [this](const Result<QList<Account>>& accounts) {
            if (!accounts) {
                m_message->setText(accounts.message());
                m_add->setEnabled(false);
            } else {
                showAccounts(*accounts);
            }
            emit changed();
        });
}

void AccountsDialog::showAccounts(const QList<Account>& accounts)
{
    const QString keep = selectedUser();
    m_accounts = accounts;
    m_table->setRowCount(static_cast<int>(accounts.size()));
    for (int row = 0; row < accounts.size(); ++row) {
        const Account& a = accounts.at(row);
        const QStringList cells { a.name, Role::displayName(a.role), stateOf(a), DisplayTime::dateTime(a.createdAt) };
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
        if (a.name == keep)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

void AccountsDialog::updateButtons()
{
    const Account* a = selected();
    for (QPushButton* b : { m_role, m_reset, m_disable })
        b->setEnabled(a);
    m_unlock->setEnabled(a && a->isLocked());
    m_disable->setText(a && a->disabled ? tr("&Enable") : tr("&Disable"));
}

void AccountsDialog::apply(const std::function<Result<void>(AuditStore*)>& change, const QString& done)
{
    m_writer.run<Result<void>>(
        [change, &writer = m_writer](AuditStore* store) -> Result<void> {
            if (!store)
                return Failure(ErrorCode::Unavailable, writer.openError());
            return change(store);
        },
        this,
        [this, done](const Result<void>& result) {
            m_message->setText(result ? done : result.message());
            reload();
        });
}

void AccountsDialog::addAccount()
{
    AccountEditDialog edit(AccountEditDialog::Mode::Add, QString(), QString(), this);
    edit.setObjectName(QStringLiteral("accountEditDialog"));
    if (edit.exec() != QDialog::Accepted)
        return;
    const QString name = edit.userName();
    const QString role = edit.role();
    const QString password = edit.password();
    apply([actor = m_actor, name, role, password](
              AuditStore* store) { return store->createAccount(actor, name, role, password); },
        tr("Added %1 (%2).").arg(name, Role::displayName(role)));
}

void AccountsDialog::changeRole()
{
    const Account* a = selected();
    if (!a)
        return;
    // Copied before exec(): a reload that ends meanwhile replaces the list a points into.
    const QString name = a->name;
    AccountEditDialog edit(AccountEditDialog::Mode::ChangeRole, name, a->role, this);
    edit.setObjectName(QStringLiteral("accountEditDialog"));
    if (edit.exec() != QDialog::Accepted)
        return;
    const QString role = edit.role();
    apply([actor = m_actor, name, role](AuditStore* store) { return store->setAccountRole(actor, name, role); },
        tr("%1 is now a %2.").arg(name, Role::displayName(role)));
}

void AccountsDialog::resetPassword()
{
    const Account* a = selected();
    if (!a)
        return;
    const QString name = a->name; // copied before exec(), as above
    AccountEditDialog edit(AccountEditDialog::Mode::ResetPassword, name, a->role, this);
    edit.setObjectName(QStringLiteral("accountEditDialog"));
    if (edit.exec() != QDialog::Accepted)
        return;
    const QString password = edit.password();
    apply([actor = m_actor, name, password](AuditStore* store) { return store->resetPassword(actor, name, password); },
        tr("Reset the password of %1.").arg(name));
}

void AccountsDialog::toggleDisabled()
{
    const Account* a = selected();
    if (!a)
        return;
    const QString name = a->name;
    const bool disable = !a->disabled;
    apply(
        [actor = m_actor, name, disable](AuditStore* store) { return store->setAccountDisabled(actor, name, disable); },
        disable ? tr("Disabled %1; the account and its history are kept.").arg(name) : tr("Enabled %1.").arg(name));
}

void AccountsDialog::unlock()
{
    const Account* a = selected();
    if (!a)
        return;
    const QString name = a->name;
    apply([actor = m_actor, name](AuditStore* store) { return store->unlockAccount(actor, name); },
        tr("Unlocked %1.").arg(name));
}
