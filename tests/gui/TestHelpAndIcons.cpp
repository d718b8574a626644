#include "AboutDialog.h"
#include "GuiDriver.h"
#include "HistoryPanel.h"
#include "Icons.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "StatusIcon.h"
#include "StatusIconDelegate.h"
#include "StatusIconLabel.h"
#include "Theme.h"
#include "UserGuideDialog.h"
#include "base/Language.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"
#include "sandbox/SandboxFixtures.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

// Icons and help (issue 10): the application icon in every size of the desktop entry, bundled fallbacks for the menu
// icons drawn in the palette's colours, status icons that differ in shape and follow the palette, Help → User guide in
// English and Chinese, and About with the versions and the history location. Real widgets, the training sandbox and a
// real SQLite history.
class TestHelpAndIcons : public MainWindowFixture
{
    Q_OBJECT
public:
    TestHelpAndIcons()
        : MainWindowFixture({ .history = true })
    {
    }

private slots:
    void appIconSizes_data();
    void appIconSizes();
    void appIconOtherSizes_data();
    void appIconOtherSizes();
    void appIconSvgRenders_data();
    void appIconSvgRenders();
    void actionFallbacksFollowPalette_data();
    void actionFallbacksFollowPalette();
    void menuActionsHaveIcons_data();
    void menuActionsHaveIcons();
    void statusIconsDifferInShape();
    void statusIconsFollowPalette_data();
    void statusIconsFollowPalette();
    void statusIconsAtDoubleDensity();
    void resultHeadlineShowsStatusIcon();
    void historyOutcomeShowsStatusIcon();
    void userGuideFromMenu();
    void aboutShowsVersions();
};

Q_DECLARE_METATYPE(Icons::Action)
Q_DECLARE_METATYPE(StatusIcon::Kind)

namespace {

QImage onWhite(const QPixmap& pixmap)
{
    QImage image(pixmap.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawPixmap(0, 0, pixmap);
    painter.end();
    return image;
}

// Pixels that differ by more than a little between two images of one size, compared by one channel.
int differingPixels(const QImage& a, const QImage& b, const std::function<int(QRgb)>& channel)
{
    int count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            count += std::abs(channel(a.pixel(x, y)) - channel(b.pixel(x, y))) > 64 ? 1 : 0;
    return count;
}

int opaquePixels(const QImage& image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    return count;
}

QString kindName(StatusIcon::Kind kind)
{
    switch (kind) {
    case StatusIcon::Kind::Passed:
        return QStringLiteral("passed");
    case StatusIcon::Kind::NotPassed:
        return QStringLiteral("notPassed");
    case StatusIcon::Kind::Error:
        return QStringLiteral("error");
    case StatusIcon::Kind::Unknown:
        return QStringLiteral("unknown");
    case StatusIcon::Kind::Pending:
        return QStringLiteral("pending");
    }
    return QString();
}

} // namespace

void TestHelpAndIcons::appIconSizes_data()
{
    QTest::addColumn<int>("size");
    for (int size : { 16, 24, 32, 48, 64, 128, 256 })
        QTest::addRow("%d px", size) << size;
}

void TestHelpAndIcons::appIconSizes()
{
    QFETCH(int, size);
    QVERIFY(Icons::appIconSizes().contains(size));
    Icons::initResources();
    const QString path = QStringLiteral(":/icons/app/ekyc-desk-%1.png").arg(size);
    const QImage image(path);
    QVERIFY2(!image.isNull(), qPrintable(path));
    QCOMPARE(image.size(), QSize(size, size));
    // The card fills a good part of the square, and the corners stay transparent.
    QVERIFY(opaquePixels(image) > size * size / 2);
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    // The application's icon offers it in that size: that PNG's own pixels, not another size scaled.
    const QIcon icon = Icons::appIcon();
    QVERIFY(icon.availableSizes().contains(QSize(size, size)));
    QCOMPARE(icon.pixmap(QSize(size, size), 1.0).toImage(), QPixmap(path).toImage());
}

void TestHelpAndIcons::appIconOtherSizes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("source"); // the PNG it is made from
    QTest::addRow("20 px from 24") << 20 << 24;
    QTest::addRow("40 px from 48") << 40 << 48;
    QTest::addRow("100 px from 128") << 100 << 128;
    QTest::addRow("512 px from 256") << 512 << 256;
}

void TestHelpAndIcons::appIconOtherSizes()
{
    QFETCH(int, size);
    QFETCH(int, source);
    Icons::initResources();
    const QImage offered = Icons::appIcon().pixmap(QSize(size, size), 1.0).toImage();
    QCOMPARE(offered.size(), QSize(size, size));
    const QImage expected = QPixmap(QStringLiteral(":/icons/app/ekyc-desk-%1.png").arg(source))
                                .scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                .toImage();
    QCOMPARE(offered, expected);
    QCOMPARE(qAlpha(offered.pixel(0, 0)), 0);
}

void TestHelpAndIcons::appIconSvgRenders_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("large") << QStringLiteral(":/icons/app/ekyc-desk.svg");
    QTest::addRow("small") << QStringLiteral(":/icons/app/ekyc-desk-small.svg");
}

void TestHelpAndIcons::appIconSvgRenders()
{
    QFETCH(QString, path);
    Icons::initResources();
    QSvgRenderer renderer(path);
    QVERIFY2(renderer.isValid(), qPrintable(path));
    QImage image(64, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QVERIFY(opaquePixels(image) > 64 * 64 / 2);
}

void TestHelpAndIcons::actionFallbacksFollowPalette_data()
{
    QTest::addColumn<Icons::Action>("action");
    using A = Icons::Action;
    for (A action : { A::NewCase,
             A::Verify,
             A::VerifyList,
             A::Settings,
             A::Quit,
             A::About,
             A::UserGuide,
             A::History,
             A::Refresh,
             A::Export,
             A::Accounts,
             A::Lock })
        QTest::addRow("%s", qPrintable(Icons::themeName(action))) << action;
}

void TestHelpAndIcons::actionFallbacksFollowPalette()
{
    QFETCH(Icons::Action, action);
    QVERIFY(QFile::exists(Icons::fallbackPath(action)));
    const QImage light = Icons::fallback(action, Theme::lightPalette()).pixmap(QSize(24, 24)).toImage();
    const QImage dark = Icons::fallback(action, Theme::darkPalette()).pixmap(QSize(24, 24)).toImage();
    QCOMPARE(light.size(), QSize(24, 24));
    QVERIFY(opaquePixels(light) > 20); // something is drawn
    QCOMPARE(opaquePixels(light), opaquePixels(dark)); // the same shape
    // in the palette's text colour: dark on the light palette, light on the dark one
    QVERIFY(differingPixels(light, dark, [](QRgb rgb) { return qGray(rgb); }) > 20);
}

void TestHelpAndIcons::menuActionsHaveIcons_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : { "newCaseAction",
             "verifyAction",
             "verifyListAction",
             "settingsAction",
             "quitAction",
             "showHistoryAction",
             "userGuideAction",
             "aboutAction",
             "accountsAction",
             "lockAction" })
        QTest::addRow("%s", name) << QString::fromLatin1(name);
}

void TestHelpAndIcons::menuActionsHaveIcons()
{
    QFETCH(QString, name);
    auto* action = window()->findChild<QAction*>(name);
    QVERIFY(action);
    QVERIFY(!action->icon().isNull());
    QVERIFY(!action->icon().pixmap(QSize(16, 16)).isNull());
    // The history's buttons too.
    QVERIFY(!widget<QPushButton>("refreshPushButton")->icon().isNull());
    QVERIFY(!widget<QPushButton>("exportHistoryPushButton")->icon().isNull());
    if (name == QLatin1String("newCaseAction") && qEnvironmentVariableIsSet("EKYC_SCREENSHOT_DIR")) {
        for (const char* menuName : { "fileMenu", "helpMenu" }) {
            auto* menu = window()->findChild<QMenu*>(QString::fromLatin1(menuName));
            QVERIFY(menu);
            menu->popup(window()->mapToGlobal(QPoint(0, 0)));
            QVERIFY(QTest::qWaitForWindowExposed(menu));
            GuiDriver::saveScreenshot(menu, QStringLiteral("icons-%1.png").arg(QLatin1String(menuName)));
            menu->close();
        }
    }
}

void TestHelpAndIcons::statusIconsDifferInShape()
{
    // Seen in grey (as by a reviewer who cannot tell the colours apart), every two kinds still differ: in their
    // outline (alpha) or in the sign drawn on them, in a good part of their pixels.
    const QPalette palette = Theme::lightPalette();
    QList<QImage> grey;
    QList<QImage> masks;
    for (StatusIcon::Kind kind : StatusIcon::allKinds) {
        const QPixmap pixmap = StatusIcon::pixmap(kind, palette, 32);
        QCOMPARE(pixmap.size(), QSize(32, 32));
        masks.append(pixmap.toImage().convertToFormat(QImage::Format_ARGB32));
        grey.append(onWhite(pixmap).convertToFormat(QImage::Format_Grayscale8).convertToFormat(QImage::Format_ARGB32));
        QVERIFY(opaquePixels(masks.last()) > 32 * 32 / 3);
    }
    if (qEnvironmentVariableIsSet("EKYC_SCREENSHOT_DIR")) {
        // Every kind at 16, 24, 32 and 64 px on the light and the dark palette's window, to look at.
        const int sizes[] = { 16, 24, 32, 64 };
        QPixmap sheet(5 * (16 + 24 + 32 + 64 + 40), 2 * 80);
        QPainter painter(&sheet);
        int row = 0;
        for (const QPalette& shown : { Theme::lightPalette(), Theme::darkPalette() }) {
            painter.fillRect(0, row * 80, sheet.width(), 80, shown.color(QPalette::Window));
            int x = 8;
            for (StatusIcon::Kind kind : StatusIcon::allKinds) {
                for (int size : sizes) {
                    painter.drawPixmap(x, row * 80 + 8, StatusIcon::pixmap(kind, shown, size));
                    x += size + 8;
                }
            }
            ++row;
        }
        painter.end();
        QVERIFY(
            sheet.save(QDir(qEnvironmentVariable("EKYC_SCREENSHOT_DIR")).filePath(QStringLiteral("icons-status.png"))));
    }
    const int n = int(std::size(StatusIcon::allKinds));
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            const QString pair = kindName(StatusIcon::allKinds[i]) + u'/' + kindName(StatusIcon::allKinds[j]);
            const int greyDiff = differingPixels(grey[i], grey[j], [](QRgb rgb) { return qGray(rgb); });
            const int outlineDiff = differingPixels(masks[i], masks[j], [](QRgb rgb) { return qAlpha(rgb); });
            QVERIFY2(greyDiff >= 80, qPrintable(QStringLiteral("%1: %2 grey pixels differ").arg(pair).arg(greyDiff)));
            // Outlines differ too, except circle and octagon, which differ in their sign (tick or cross).
            if (pair != QLatin1String("passed/notPassed"))
                QVERIFY2(outlineDiff >= 40,
                    qPrintable(QStringLiteral("%1: %2 outline pixels differ").arg(pair).arg(outlineDiff)));
        }
    }
}

void TestHelpAndIcons::statusIconsFollowPalette_data()
{
    QTest::addColumn<StatusIcon::Kind>("kind");
    for (StatusIcon::Kind kind : StatusIcon::allKinds)
        QTest::addRow("%s", qPrintable(kindName(kind))) << kind;
}

void TestHelpAndIcons::statusIconsFollowPalette()
{
    QFETCH(StatusIcon::Kind, kind);
    const QImage light = StatusIcon::pixmap(kind, Theme::lightPalette(), 32).toImage();
    const QImage dark = StatusIcon::pixmap(kind, Theme::darkPalette(), 32).toImage();
    QCOMPARE(opaquePixels(light), opaquePixels(dark)); // one shape
    const int differing = differingPixels(light, dark, [](QRgb rgb) { return qGray(rgb); });
    QVERIFY2(differing > 100, qPrintable(QString::number(differing)));
    // On a selected row the same shape, in the highlighted text's colour.
    const QIcon icon = StatusIcon::icon(kind, Theme::lightPalette());
    const QImage normal = icon.pixmap(QSize(32, 32), QIcon::Normal).toImage();
    const QImage selected = icon.pixmap(QSize(32, 32), QIcon::Selected).toImage();
    QCOMPARE(opaquePixels(selected), opaquePixels(normal));
    QVERIFY(differingPixels(normal, selected, [](QRgb rgb) { return qGray(rgb); }) > 100);
    // The sign contrasts with its shape in either palette.
    for (const QPalette& palette : { Theme::lightPalette(), Theme::darkPalette() }) {
        const Theme::ToneColors colors = Theme::tone(StatusIcon::tone(kind), palette);
        QVERIFY(Theme::contrastRatio(colors.text, colors.background) >= 4.5);
    }
}

void TestHelpAndIcons::statusIconsAtDoubleDensity()
{
    const QPixmap sharp = StatusIcon::pixmap(StatusIcon::Kind::Error, Theme::lightPalette(), 16, 2.0);
    QCOMPARE(sharp.size(), QSize(32, 32)); // device pixels
    QCOMPARE(sharp.devicePixelRatio(), 2.0);
    const QIcon icon = StatusIcon::icon(StatusIcon::Kind::Error, Theme::lightPalette());
    QCOMPARE(icon.pixmap(QSize(16, 16), 2.0).size(), QSize(32, 32));
    QCOMPARE(icon.pixmap(QSize(24, 24), 2.0).size(), QSize(48, 48));
}

void TestHelpAndIcons::resultHeadlineShowsStatusIcon()
{
    auto* icon = widget<StatusIconLabel>("headlineLabelStatusIcon");
    QVERIFY(icon);
    QVERIFY(!icon->isVisible()); // no verification yet
    QVERIFY(!verifyCase(SandboxFixtures::people().constFirst(), QStringLiteral("passed")).isEmpty());
    QVERIFY(icon->kind() == std::optional(StatusIcon::Kind::Passed));
    QVERIFY(icon->isVisible());
    const QImage light = icon->pixmap().toImage();
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("icons-result-passed-light-en.png"));

    Theme::apply(QLatin1String(Theme::darkScheme));
    QTRY_VERIFY(icon->pixmap().toImage() != light); // redrawn for the dark palette
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("icons-result-passed-dark-en.png"));

    QVERIFY(!verifyCase(SandboxFixtures::people().constFirst(), QStringLiteral("notPassed"), QStringLiteral("王小红"))
                 .isEmpty());
    QVERIFY(icon->kind() == std::optional(StatusIcon::Kind::NotPassed));
    Language::apply(QLatin1String(Language::simplifiedChinese));
    QTRY_VERIFY(window()->windowTitle().contains(QString::fromUtf8("培训")));
    QVERIFY(icon->kind() == std::optional(StatusIcon::Kind::NotPassed)); // shown again in Chinese, with its icon
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("icons-result-223-dark-zh_CN.png"));
    Language::apply(QLatin1String(Language::english));
    Theme::apply(QString());
    QTRY_VERIFY(!window()->windowTitle().contains(QString::fromUtf8("培训")));
}

void TestHelpAndIcons::historyOutcomeShowsStatusIcon()
{
    QVERIFY(!verifyCase(SandboxFixtures::people().constFirst(), QStringLiteral("passed")).isEmpty());
    QVERIFY(!verifyCase(SandboxFixtures::people().constFirst(), QStringLiteral("notPassed"), QStringLiteral("王小红"))
                 .isEmpty());
    window()->showHistory();
    auto* table = widget<QTableView>("historyTableView");
    QVERIFY(table);
    QTRY_COMPARE(table->model()->rowCount(), 2);
    auto* delegate = qobject_cast<StatusIconDelegate*>(table->itemDelegateForColumn(HistoryModel::OutcomeColumn));
    QVERIFY(delegate);
    // Newest first: the 223, then the 200.
    QVERIFY(delegate->kindAt(table->model()->index(0, HistoryModel::OutcomeColumn))
        == std::optional(StatusIcon::Kind::NotPassed));
    QVERIFY(delegate->kindAt(table->model()->index(1, HistoryModel::OutcomeColumn))
        == std::optional(StatusIcon::Kind::Passed));
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("icons-history-light-en.png"));
    Theme::apply(QLatin1String(Theme::darkScheme));
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("icons-history-dark-en.png"));
    Theme::apply(QString());
}

void TestHelpAndIcons::userGuideFromMenu()
{
    auto* action = window()->findChild<QAction*>(QStringLiteral("userGuideAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F1));
    action->trigger();
    auto* dialog = window()->findChild<UserGuideDialog*>(QStringLiteral("userGuideDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!dialog->isModal());
    auto* browser = dialog->findChild<QTextBrowser*>(QStringLiteral("userGuideTextBrowser"));
    QVERIFY(browser);
    const QString english = browser->toPlainText();
    for (const char* expected : { "202", "223", "manual review", "four-eyes", "Training mode", "export verify" })
        QVERIFY2(english.contains(QLatin1String(expected)), expected);
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(dialog, QStringLiteral("icons-user-guide-en.png"));
    action->trigger(); // raised, not opened twice
    QCOMPARE(window()->findChildren<UserGuideDialog*>().size(), 1);

    Language::apply(QLatin1String(Language::simplifiedChinese));
    QTRY_VERIFY(browser->toPlainText().contains(QString::fromUtf8("人工复核")));
    QVERIFY(browser->toPlainText().contains(QLatin1String("202")));
    QVERIFY(browser->toPlainText().contains(QString::fromUtf8("培训模式")));
    QCOMPARE(dialog->windowTitle(), UserGuideDialog::tr("eKYC Desk user guide")); // from the Chinese catalogue
    Theme::apply(QLatin1String(Theme::darkScheme));
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(dialog, QStringLiteral("icons-user-guide-dark-zh_CN.png"));
    Theme::apply(QString());

    Language::apply(QLatin1String(Language::english));
    QTRY_COMPARE(browser->toPlainText(), english);
    dialog->close();
}

void TestHelpAndIcons::aboutShowsVersions()
{
    auto* action = window()->findChild<QAction*>(QStringLiteral("aboutAction"));
    QVERIFY(action);
    action->trigger();
    auto* dialog = window()->findChild<AboutDialog*>(QStringLiteral("aboutDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* label = dialog->findChild<QLabel*>(QStringLiteral("aboutTextLabel"));
    QVERIFY(label);
    const QString text = label->text();
    QVERIFY2(text.contains(QLatin1String(EKYC_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String(QT_VERSION_STR)), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("OpenSSL 3.")), qPrintable(text));
    QVERIFY2(text.contains(history()->displayLocation().toHtmlEscaped()), qPrintable(text));
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(dialog, QStringLiteral("icons-about-en.png"));

    Language::apply(QLatin1String(Language::simplifiedChinese));
    QTRY_COMPARE(dialog->windowTitle(), AboutDialog::tr("About eKYC Desk")); // from the Chinese catalogue
    QCOMPARE(label->text(), AboutDialog::text({ history()->displayLocation(), true }));
    QVERIFY(label->text().contains(QLatin1String("OpenSSL 3.")));
    QVERIFY(label->text().contains(history()->displayLocation().toHtmlEscaped()));
    Theme::apply(QLatin1String(Theme::darkScheme));
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(dialog, QStringLiteral("icons-about-dark-zh_CN.png"));
    Theme::apply(QString());
    Language::apply(QLatin1String(Language::english));
    QTRY_COMPARE(label->text(), text);
    dialog->close();
}

QTEST_MAIN(TestHelpAndIcons)
#include "TestHelpAndIcons.moc"
