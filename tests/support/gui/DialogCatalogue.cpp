#include "DialogCatalogue.h"

#include "AboutDialog.h"
#include "AccountEditDialog.h"
#include "AccountsDialog.h"
#include "BatchDialog.h"
#include "CaseTimelineDialog.h"
#include "ExportDialog.h"
#include "HistoryOpener.h"
#include "PassphraseDialog.h"
#include "ReviewDecisionDialog.h"
#include "SendToReviewDialog.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "UserGuideDialog.h"
#include "base/Language.h"
#include "base/Settings.h"
#include "crypto/KeyVault.h"
#include "history/AuditStore.h"
#include "history/HistoryQuery.h"
#include "history/PgAccess.h"
#include "history/Review.h"
#include "session/HistoryThread.h"
#include "session/VerificationService.h"

#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QTest>

namespace {

void typeInto(QWidget* top, const char* name, const QString& text)
{
    if (auto* edit = top->findChild<QLineEdit*>(QLatin1String(name))) {
        edit->setFocus();
        QTest::keyClicks(edit, text);
    }
}

std::unique_ptr<QWidget> passphrase(const QString& name, const QString& location, QWidget* parent)
{
    const bool unlock = name.endsWith(QLatin1String("wrong"));
    auto dialog = std::make_unique<PassphraseDialog>(
        unlock ? PassphraseDialog::Mode::Unlock : PassphraseDialog::Mode::Create, location, parent);
    if (unlock)
        dialog->setError(KeyVault::errorMessage(KeyVault::Error::WrongPassphrase));
    else if (name.endsWith(QLatin1String("short")))
        typeInto(dialog.get(), "passphraseLineEdit", QStringLiteral("abc"));
    else
        typeInto(dialog.get(), "confirmLineEdit", QStringLiteral("different-passphrase"));
    return dialog;
}

} // namespace

DialogCatalogue::DialogCatalogue(
    VerificationService& service, QWidget* parent, const QString& folder, AuditStore* history)
    : m_service(service)
    , m_parent(parent)
    , m_folder(folder)
    , m_history(history)
{
}

DialogCatalogue::~DialogCatalogue() = default;

QStringList DialogCatalogue::names()
{
    return { QStringLiteral("settings"),
        QStringLiteral("passphrase short"),
        QStringLiteral("passphrase mismatch"),
        QStringLiteral("passphrase wrong"),
        QStringLiteral("sign in"),
        QStringLiteral("first supervisor"),
        QStringLiteral("add account"),
        QStringLiteral("review decision"),
        QStringLiteral("send to review"),
        QStringLiteral("batch"),
        QStringLiteral("about"),
        QStringLiteral("user guide"),
        QStringLiteral("history refused") };
}

QStringList DialogCatalogue::historyNames()
{
    return { QStringLiteral("accounts"), QStringLiteral("export"), QStringLiteral("timeline") };
}

void DialogCatalogue::addRows()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("language");
    for (const char* language : { Language::english, Language::simplifiedChinese }) {
        for (const QString& name :
            QStringList { QStringLiteral("main window") } + DialogCatalogue::names() + DialogCatalogue::historyNames())
            QTest::addRow("%s %s", qPrintable(name), language) << name << QString::fromLatin1(language);
    }
}

std::unique_ptr<QWidget> DialogCatalogue::make(const QString& name)
{
    if (historyNames().contains(name)) {
        if (!m_history)
            return nullptr;
        const Actor actor = m_service.actor();
        if (name == QLatin1String("export"))
            return std::make_unique<ExportDialog>(*m_history, actor, HistoryQuery(), m_parent);
        if (!m_thread)
            m_thread = std::make_unique<HistoryThread>(*m_history, QStringLiteral("dialog catalogue"));
        if (name == QLatin1String("accounts"))
            return std::make_unique<AccountsDialog>(*m_thread, actor, m_parent);
        return std::make_unique<CaseTimelineDialog>(*m_thread, actor, QString(), m_parent);
    }
    const QString location = QDir(m_folder).filePath(QStringLiteral("history.sqlite"));
    if (name == QLatin1String("settings")) {
        m_settings = std::make_unique<Settings>(QDir(m_folder).filePath(QStringLiteral("settings.ini")));
        return std::make_unique<SettingsDialog>(*m_settings, m_parent);
    }
    if (name.startsWith(QLatin1String("passphrase")))
        return passphrase(name, location, m_parent);
    if (name == QLatin1String("sign in"))
        return std::make_unique<SignInDialog>(SignInDialog::Mode::SignIn, location, QString(), m_parent);
    if (name == QLatin1String("first supervisor"))
        return std::make_unique<SignInDialog>(SignInDialog::Mode::CreateSupervisor, location, QString(), m_parent);
    if (name == QLatin1String("add account"))
        return std::make_unique<AccountEditDialog>(
            AccountEditDialog::Mode::Add, QString(), QStringLiteral("reviewer"), m_parent);
    if (name == QLatin1String("review decision"))
        return std::make_unique<ReviewDecisionDialog>(ReviewReason::defaults(), m_parent);
    if (name == QLatin1String("send to review"))
        return std::make_unique<SendToReviewDialog>(QStringLiteral("0f6c2a4e-1d2b-4c1e-9a55-3c1d2e4f5a6b"), m_parent);
    if (name == QLatin1String("batch"))
        return std::make_unique<BatchDialog>(m_service, m_parent);
    if (name == QLatin1String("about"))
        return std::make_unique<AboutDialog>(AboutDialog::Info { location, true }, m_parent);
    if (name == QLatin1String("user guide"))
        return std::make_unique<UserGuideDialog>(m_parent);
    if (name == QLatin1String("history refused")) {
        // A team member's database role with no grant yet on a shared history: the longest message it can get.
        PgAccess::Gap gap;
        gap.schema = QStringLiteral("public");
        gap.role = QStringLiteral("wang_xiaoming");
        gap.owner = QStringLiteral("ekyc_owner");
        gap.schemaOwner = gap.owner;
        gap.history = true;
        gap.usage = false;
        gap.nothingGranted = true;
        gap.missing = PgAccess::needs();
        return HistoryOpener::retryBox(
            PgAccess::refusal(gap, QStringLiteral("postgresql://wang_xiaoming@db.example.internal:5432/ekyc_team")),
            m_parent);
    }
    return nullptr;
}
