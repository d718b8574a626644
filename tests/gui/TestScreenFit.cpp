#include "DialogCatalogue.h"
#include "ElidedLabel.h"
#include "GuiDriver.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "base/Language.h"
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
public:
    TestScreenFit()
        : MainWindowFixture({ .history = true })
    {
    }

private slots:
    void fitsAndShowsAllItsText_data();
    void fitsAndShowsAllItsText();
    void mainWindowStacksWhenNarrow();

private:
    QTemporaryDir m_dir;
};

namespace {

// 1000 / 2 less a title bar and a panel.
const QSize smallScreen(800, 460);

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
            if (label->fontMetrics().horizontalAdvance(label->text()) > label->contentsRect().width() + 1
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
            clipped.append(QStringLiteral("%1 (%2×%3, needs %4×%5): %6")
                               .arg(button->objectName())
                               .arg(button->width())
                               .arg(button->height())
                               .arg(button->sizeHint().width())
                               .arg(button->sizeHint().height())
                               .arg(button->text()));
    }
    return clipped;
}

} // namespace

void TestScreenFit::fitsAndShowsAllItsText_data()
{
    DialogCatalogue::addRows();
}

void TestScreenFit::fitsAndShowsAllItsText()
{
    QFETCH(QString, name);
    QFETCH(QString, language);
    Language::apply(language);
    GuiDriver::settleLayout();
    DialogCatalogue catalogue(*service(), window(), m_dir.path(), history());
    std::unique_ptr<QWidget> dialog = catalogue.make(name);
    QWidget* top = dialog ? dialog.get() : window();
    QVERIFY(top);
    top->show();
    GuiDriver::settleLayout();

    const QSize needs = top->minimumSizeHint().expandedTo(top->minimumSize());
    QVERIFY2(needs.width() <= smallScreen.width() && needs.height() <= smallScreen.height(),
        qPrintable(QStringLiteral("needs at least %1×%2").arg(needs.width()).arg(needs.height())));
    // It opens within the screen it is on (the main window keeps the size it was given).
    const QSize screen = top->screen()->availableGeometry().size();
    QVERIFY2((top->width() <= screen.width() && top->height() <= screen.height()) || top == window(),
        qPrintable(QStringLiteral("opens %1×%2 on a %3×%4 screen")
                       .arg(top->width())
                       .arg(top->height())
                       .arg(screen.width())
                       .arg(screen.height())));
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
