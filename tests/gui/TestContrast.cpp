#include "GuiDriver.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "Theme.h"
#include "api/VerificationResult.h"
#include "sandbox/SandboxFixtures.h"

#include <QApplication>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QTest>

// Every text the reviewer reads, measured from the rendered pixels: each result state and the warnings in the light
// and the dark palette, the text against the background it is drawn on, at least WCAG AA's 4.5:1.
class TestContrast : public MainWindowFixture
{
    Q_OBJECT
private slots:
    void tonesReadInBothPalettes_data();
    void tonesReadInBothPalettes();
    void everyLabelReads_data();
    void everyLabelReads();
    void restylesWhenThePaletteChanges();

private:
    void show(const QString& state);
};

namespace {

constexpr double aa = 4.5;

VerificationResult answer(const QString& subCode)
{
    VerificationResult result;
    result.status =
        subCode == QLatin1String("200") ? VerificationResult::Status::Passed : VerificationResult::Status::NotPassed;
    result.passed = subCode == QLatin1String("200");
    result.subCode = subCode;
    result.code = QStringLiteral("200");
    result.httpStatus = 200;
    result.requestId = QStringLiteral("6F1E3C1A-0000-4000-8000-000000000001");
    result.merchantBizId = QStringLiteral("contrast-test-0001");
    result.attempts = 1;
    return result;
}

VerificationResult failure(VerificationResult::Status status, VerificationResult::Error error)
{
    VerificationResult result;
    result.status = status;
    result.error = error;
    result.requestSent = status == VerificationResult::Status::OutcomeUnknown;
    result.merchantBizId = QStringLiteral("contrast-test-0002");
    result.attempts = 1;
    return result;
}

struct Measure
{
    double contrast = 1;
    QColor background;
    QColor text;
};

// The most frequent colour of the area is its background; the pixel farthest from it in contrast is the text's core
// (anti-aliased edges lie between the two).
Measure measure(const QImage& image, const QRect& area)
{
    QHash<QRgb, int> counts;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x)
            ++counts[image.pixel(x, y) | 0xff000000u];
    }
    Measure m;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            m.background = QColor::fromRgb(it.key());
        }
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double contrast = Theme::contrastRatio(QColor::fromRgb(it.key()), m.background);
        if (contrast > m.contrast) {
            m.contrast = contrast;
            m.text = QColor::fromRgb(it.key());
        }
    }
    return m;
}

QString describe(const QLabel* label, const Measure& m)
{
    return QStringLiteral("%1 \"%2\": %3:1, %4 on %5")
        .arg(label->objectName(), label->text().left(40))
        .arg(m.contrast, 0, 'f', 2)
        .arg(Theme::css(m.text), Theme::css(m.background));
}

} // namespace

void TestContrast::tonesReadInBothPalettes_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<int>("tone");
    for (const char* scheme : { Theme::lightScheme, Theme::darkScheme }) {
        for (Theme::Tone tone :
            { Theme::Tone::Success, Theme::Tone::Warning, Theme::Tone::Error, Theme::Tone::Info, Theme::Tone::Accent })
            QTest::addRow("%s %d", scheme, int(tone)) << QString::fromLatin1(scheme) << int(tone);
    }
}

void TestContrast::tonesReadInBothPalettes()
{
    QFETCH(QString, scheme);
    QFETCH(int, tone);
    const QPalette palette = scheme == QLatin1String("dark") ? Theme::darkPalette() : Theme::lightPalette();
    QCOMPARE(Theme::isDark(palette), scheme == QLatin1String("dark"));
    const Theme::ToneColors colors = Theme::tone(Theme::Tone(tone), palette);
    QVERIFY(Theme::contrastRatio(colors.text, colors.background) >= aa);
    QVERIFY(Theme::contrastRatio(Theme::toneText(Theme::Tone(tone), palette), palette.color(QPalette::Window)) >= aa);
    QVERIFY(Theme::contrastRatio(Theme::mutedText(palette), palette.color(QPalette::Window)) >= aa);
    // The tone is visible as a tone: its box differs from the window.
    QVERIFY(colors.background != palette.color(QPalette::Window));
}

void TestContrast::show(const QString& state)
{
    ResultPanel* panel = window()->resultPanel();
    using S = VerificationResult::Status;
    using E = VerificationResult::Error;
    if (state == QLatin1String("pending"))
        panel->showPending(QStringLiteral("contrast-test-0003"));
    else if (state == QLatin1String("apiError"))
        panel->showResult(failure(S::ApiError, E::InvalidAccessKeyId));
    else if (state == QLatin1String("unknown"))
        panel->showResult(failure(S::OutcomeUnknown, E::Timeout));
    else
        panel->showResult(answer(state.left(3)));
    if (state.endsWith(QLatin1String("stale")))
        panel->markStale();
}

void TestContrast::everyLabelReads_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("state");
    for (const char* scheme : { Theme::lightScheme, Theme::darkScheme }) {
        for (const char* state : { "200", "202", "223", "223 stale", "apiError", "unknown", "pending" })
            QTest::addRow("%s %s", scheme, state) << QString::fromLatin1(scheme) << QString::fromLatin1(state);
    }
}

void TestContrast::everyLabelReads()
{
    QFETCH(QString, scheme);
    QFETCH(QString, state);
    Theme::apply(scheme);
    // A 7-year term exists for nobody: the warnings box shows beside the result.
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    const QString end = QString::number(person.validityStartDate.left(4).toInt() + 7) + person.validityStartDate.mid(4);
    GuiDriver::typeCase(window(), person.docName, person.docNo, person.validityStartDate, end);
    QTRY_VERIFY(window()->findChild<QWidget*>(QStringLiteral("warningsFrame"))->isVisible());
    show(state);
    GuiDriver::settleLayout();

    const QImage image = window()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(qFuzzyCompare(image.devicePixelRatio(), 1.0));
    int measured = 0;
    for (QLabel* label : window()->findChildren<QLabel*>()) {
        if (!label->isVisibleTo(window()) || label->text().trimmed().isEmpty() || !label->pixmap().isNull())
            continue;
        const QRect area(label->mapTo(window(), QPoint(0, 0)), label->size());
        if (!window()->rect().contains(area.center()) || label->visibleRegion().boundingRect() != label->rect())
            continue; // scrolled out of sight, wholly or in part
        const Measure m = measure(image, area.adjusted(2, 2, -2, -2));
        QVERIFY2(m.contrast >= aa, qPrintable(describe(label, m)));
        ++measured;
    }
    QVERIFY2(measured >= 8, qPrintable(QString::number(measured)));
    GuiDriver::saveScreenshot(window(),
        QStringLiteral("contrast-%1-%2.png").arg(scheme, QString(state).replace(QLatin1Char(' '), QLatin1Char('-'))));
}

void TestContrast::restylesWhenThePaletteChanges()
{
    show(QStringLiteral("223"));
    auto* headline = window()->findChild<QLabel*>(QStringLiteral("headlineLabel"));
    Theme::apply(QLatin1String(Theme::lightScheme));
    GuiDriver::settleLayout();
    const QImage inLight = headline->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QColor light = measure(inLight, inLight.rect().adjusted(3, 3, -3, -3)).background;
    Theme::apply(QLatin1String(Theme::darkScheme));
    GuiDriver::settleLayout();
    const QImage inDark = headline->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QColor dark = measure(inDark, inDark.rect().adjusted(3, 3, -3, -3)).background;
    QCOMPARE(light.rgb(), Theme::tone(Theme::Tone::Error, Theme::lightPalette()).background.rgb());
    QCOMPARE(dark.rgb(), Theme::tone(Theme::Tone::Error, Theme::darkPalette()).background.rgb());
}

QTEST_MAIN(TestContrast)
#include "TestContrast.moc"
