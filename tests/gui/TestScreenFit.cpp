#include "AccountEditDialog.h"
#include "BatchDialog.h"
#include "ElidedLabel.h"
#include "GuiDriver.h"
#include "MainWindowFixture.h"
#include "PassphraseDialog.h"
#include "ResultPanel.h"
#include "ReviewDecisionDialog.h"
#include "SendToReviewDialog.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "base/Language.h"
#include "base/Settings.h"
#include "crypto/KeyVault.h"
#include "history/Review.h"
#include "sandbox/SandboxFixtures.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>

// The desk on an ordinary screen: the main window and every dialog fit a 1600×1000 screen at 200 % (800×500 logical
// pixels, less the title bar) and so a 1280×720 screen at 100 %, and no text is cut off, in English and in Chinese.
// ctest runs it at QT_SCALE_FACTOR 1 and 2.
class TestScreenFit : public MainWindowFixture
{
    Q_OBJECT
private slots:
    void fitsAndShowsAllItsText_data();
    void fitsAndShowsAllItsText();
    void mainWindowStacksWhenNarrow();

private:
    std::unique_ptr<QWidget> make(const QString& name);
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
};

namespace {

// 1000 / 2 less a title bar and a panel.
const QSize smallScreen(800, 460);

void typeInto(QWidget* top, const char* name, const QString& text)
{
    auto* edit = top->findChild<QLineEdit*>(QLatin1String(name));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, text);
}

// Texts that do not fit the place their widget has: a label's text wider or taller than the label, a button's or a
// check box's text wider than the button.
QStringList clippedTexts(QWidget* top)
{
    QStringList clipped;
    for (QLabel* label : top->findChildren<QLabel*>()) {
        if (!label->isVisibleTo(top) || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        if (auto* elided = qobject_cast<ElidedLabel*>(label)) {
            // Shortened on purpose, never cut: what it shows fits, and its tooltip has the whole text.
            if (label->fontMetrics().horizontalAdvance(label->text()) > label->contentsRect().width()
                || label->toolTip() != elided->fullText())
                clipped.append(label->objectName() + QLatin1String(": ") + label->text());
            continue;
        }
        const int needHeight = label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
        const int needWidth = label->wordWrap() ? 0 : label->sizeHint().width();
        if (needHeight > label->height() + 1 || needWidth > label->width() + 1)
            clipped.append(QStringLiteral("%1 (%2×%3, needs %4×%5): %6")
                               .arg(label->objectName())
                               .arg(label->width())
                               .arg(label->height())
                               .arg(needWidth)
                               .arg(needHeight)
                               .arg(label->text().left(60)));
    }
    for (QAbstractButton* button : top->findChildren<QAbstractButton*>()) {
        if (!button->isVisibleTo(top) || button->text().isEmpty())
            continue;
        if (button->sizeHint().width() > button->width() + 1 || button->sizeHint().height() > button->height() + 1)
            clipped.append(QStringLiteral("%1 (%2 wide, needs %3): %4")
                               .arg(button->objectName())
                               .arg(button->width())
                               .arg(button->sizeHint().width())
                               .arg(button->text()));
    }
    return clipped;
}

} // namespace

std::unique_ptr<QWidget> TestScreenFit::make(const QString& name)
{
    const QString location = m_dir.filePath(QStringLiteral("history.sqlite"));
    if (name == QLatin1String("settings")) {
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        return std::make_unique<SettingsDialog>(*m_settings, window());
    }
    if (name.startsWith(QLatin1String("passphrase"))) {
        const bool unlock = name.endsWith(QLatin1String("wrong"));
        auto dialog = std::make_unique<PassphraseDialog>(
            unlock ? PassphraseDialog::Mode::Unlock : PassphraseDialog::Mode::Create, location, window());
        if (unlock)
            dialog->setError(KeyVault::errorMessage(KeyVault::Error::WrongPassphrase));
        else if (name.endsWith(QLatin1String("short")))
            typeInto(dialog.get(), "passphraseLineEdit", QStringLiteral("abc"));
        else
            typeInto(dialog.get(), "confirmLineEdit", QStringLiteral("different-passphrase"));
        return dialog;
    }
    if (name == QLatin1String("sign in"))
        return std::make_unique<SignInDialog>(SignInDialog::Mode::SignIn, location, QString(), window());
    if (name == QLatin1String("first supervisor"))
        return std::make_unique<SignInDialog>(SignInDialog::Mode::CreateSupervisor, location, QString(), window());
    if (name == QLatin1String("add account"))
        return std::make_unique<AccountEditDialog>(
            AccountEditDialog::Mode::Add, QString(), QStringLiteral("reviewer"), window());
    if (name == QLatin1String("review decision"))
        return std::make_unique<ReviewDecisionDialog>(ReviewReason::defaults(), window());
    if (name == QLatin1String("send to review"))
        return std::make_unique<SendToReviewDialog>(QStringLiteral("0f6c2a4e-1d2b-4c1e-9a55-3c1d2e4f5a6b"), window());
    if (name == QLatin1String("batch"))
        return std::make_unique<BatchDialog>(*service(), window());
    return nullptr;
}

void TestScreenFit::fitsAndShowsAllItsText_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("language");
    for (const char* language : { Language::english, Language::simplifiedChinese }) {
        for (const char* name : { "main window",
                 "settings",
                 "passphrase short",
                 "passphrase mismatch",
                 "passphrase wrong",
                 "sign in",
                 "first supervisor",
                 "add account",
                 "review decision",
                 "send to review",
                 "batch" })
            QTest::addRow("%s %s", name, language) << QString::fromLatin1(name) << QString::fromLatin1(language);
    }
}

void TestScreenFit::fitsAndShowsAllItsText()
{
    QFETCH(QString, name);
    QFETCH(QString, language);
    Language::apply(language);
    GuiDriver::settleLayout();
    std::unique_ptr<QWidget> dialog = make(name);
    QWidget* top = dialog ? dialog.get() : window();
    QVERIFY(top);
    top->show();
    GuiDriver::settleLayout();

    const QSize needs = top->minimumSizeHint().expandedTo(top->minimumSize());
    QVERIFY2(needs.width() <= smallScreen.width() && needs.height() <= smallScreen.height(),
        qPrintable(QStringLiteral("needs at least %1×%2").arg(needs.width()).arg(needs.height())));
    QVERIFY2(top->width() <= smallScreen.width() || top == window(),
        qPrintable(QStringLiteral("opens %1 wide").arg(top->width())));
    const QStringList clipped = clippedTexts(top);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1String("\n  "))));
    GuiDriver::saveScreenshot(top,
        QStringLiteral("fit-%1-%2-x%3.png")
            .arg(QString(name).replace(QLatin1Char(' '), QLatin1Char('-')), language)
            .arg(qRound(top->devicePixelRatio())));
    Language::apply(QLatin1String(Language::english));
}

void TestScreenFit::mainWindowStacksWhenNarrow()
{
    // Verify a case first, so the outcome has its full headline, steps and identifiers.
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    verifyCase(person, QStringLiteral("passed"));
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("passed"));
    auto* form = window()->findChild<QWidget*>(QStringLiteral("caseGroupBox"));
    auto* outcome = window()->findChild<QWidget*>(QStringLiteral("resultGroupBox"));
    for (const QSize& size : { QSize(1280, 680), smallScreen, QSize(640, 460) }) {
        window()->resize(size);
        GuiDriver::settleLayout();
        QCOMPARE(window()->size(), size);
        const QRect formArea(form->mapTo(window(), QPoint(0, 0)), form->size());
        const QRect outcomeArea(outcome->mapTo(window(), QPoint(0, 0)), outcome->size());
        // Both on screen: side by side while they fit, one above the other (scrolling) when they do not.
        QVERIFY(formArea.right() < size.width());
        QVERIFY(outcomeArea.right() < size.width());
        if (size.width() <= smallScreen.width()) {
            QVERIFY2(outcomeArea.top() >= formArea.bottom(), "the outcome is not below the form");
            // A new answer scrolls the outcome into sight.
            verifyCase(person, QStringLiteral("passed"));
            GuiDriver::settleLayout();
            auto* headline = window()->findChild<QWidget*>(QStringLiteral("headlineLabel"));
            const QPoint top = headline->mapTo(window(), QPoint(0, 0));
            QVERIFY2(top.y() >= 0 && top.y() + headline->height() < size.height(),
                qPrintable(QStringLiteral("headline at y %1").arg(top.y())));
        }
        const QStringList clipped = clippedTexts(window());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1String("\n  "))));
        GuiDriver::saveScreenshot(window(), QStringLiteral("fit-main-window-%1.png").arg(size.width()));
    }
}

QTEST_MAIN(TestScreenFit)
#include "TestScreenFit.moc"
