#include "Theme.h"

#include <QApplication>
#include <QEvent>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <cmath>

namespace Theme {

namespace {

// The platform's own look, kept from the first apply() so that "system" can return to it.
struct PlatformLook
{
    QString styleName;
    QPalette palette;
};

PlatformLook& platformLook()
{
    static PlatformLook look { QApplication::style()->name(), QApplication::palette() };
    return look;
}

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

QColor mix(const QColor& from, const QColor& to, double amount)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * amount),
        static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * amount),
        static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

// Moves the colour towards black (on a light background) or white (on a dark one) until it reads on it.
QColor readableOn(const QColor& color, const QColor& background, double wanted)
{
    const QColor extreme = luminance(background) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
    for (int step = 0; step <= 20; ++step) {
        const QColor candidate = mix(color, extreme, step / 20.0);
        if (contrastRatio(candidate, background) >= wanted)
            return candidate;
    }
    return extreme;
}

// The hue each tone starts from; the palette decides how light or dark it ends up.
QColor toneHue(Tone tone, const QPalette& palette)
{
    switch (tone) {
    case Tone::Success:
        return QColor(0x2e, 0x9d, 0x48);
    case Tone::Warning:
        return QColor(0xd9, 0x8a, 0x00);
    case Tone::Error:
        return QColor(0xd9, 0x36, 0x2b);
    case Tone::Info:
        return QColor(0x2f, 0x7c, 0xd6);
    case Tone::Accent:
        break;
    }
    return palette.color(QPalette::Active, QPalette::Highlight);
}

void setGroup(QPalette& palette, QPalette::ColorRole role, const QColor& active, const QColor& disabled)
{
    palette.setColor(QPalette::Active, role, active);
    palette.setColor(QPalette::Inactive, role, active);
    palette.setColor(QPalette::Disabled, role, disabled);
}

} // namespace

void apply(const QString& scheme)
{
    const PlatformLook& look = platformLook();
    const bool light = scheme == QLatin1String(lightScheme);
    const bool dark = scheme == QLatin1String(darkScheme);
    const QString styleName = light || dark ? QStringLiteral("Fusion") : look.styleName;
    if (QApplication::style()->name().compare(styleName, Qt::CaseInsensitive) != 0) {
        if (QStyle* style = QStyleFactory::create(styleName))
            QApplication::setStyle(style);
    }
    QApplication::setPalette(light ? lightPalette() : dark ? darkPalette() : look.palette);
}

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef), QColor(0xf7, 0xf7, 0xf7));
    setGroup(palette, QPalette::WindowText, QColor(0x1a, 0x1a, 0x1a), QColor(0x8a, 0x8a, 0x8a));
    setGroup(palette, QPalette::Text, QColor(0x1a, 0x1a, 0x1a), QColor(0x8a, 0x8a, 0x8a));
    setGroup(palette, QPalette::ButtonText, QColor(0x1a, 0x1a, 0x1a), QColor(0x8a, 0x8a, 0x8a));
    setGroup(palette, QPalette::Base, QColor(0xff, 0xff, 0xff), QColor(0xef, 0xef, 0xef));
    setGroup(palette, QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5), QColor(0xef, 0xef, 0xef));
    setGroup(palette, QPalette::Highlight, QColor(0x1f, 0x5f, 0xbf), QColor(0xa0, 0xa0, 0xa0));
    setGroup(palette, QPalette::HighlightedText, QColor(0xff, 0xff, 0xff), QColor(0xff, 0xff, 0xff));
    setGroup(palette, QPalette::Link, QColor(0x1a, 0x55, 0xb0), QColor(0x8a, 0x8a, 0x8a));
    setGroup(palette, QPalette::PlaceholderText, QColor(0x6e, 0x6e, 0x6e), QColor(0x9a, 0x9a, 0x9a));
    setGroup(palette, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc), QColor(0xff, 0xff, 0xdc));
    setGroup(palette, QPalette::ToolTipText, QColor(0x1a, 0x1a, 0x1a), QColor(0x1a, 0x1a, 0x1a));
    return palette;
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x3a, 0x3a, 0x3c), QColor(0x2b, 0x2b, 0x2d));
    setGroup(palette, QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8), QColor(0x80, 0x80, 0x80));
    setGroup(palette, QPalette::Text, QColor(0xe8, 0xe8, 0xe8), QColor(0x80, 0x80, 0x80));
    setGroup(palette, QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8), QColor(0x80, 0x80, 0x80));
    setGroup(palette, QPalette::Base, QColor(0x1e, 0x1e, 0x20), QColor(0x2b, 0x2b, 0x2d));
    setGroup(palette, QPalette::AlternateBase, QColor(0x26, 0x26, 0x29), QColor(0x2b, 0x2b, 0x2d));
    setGroup(palette, QPalette::Highlight, QColor(0x2f, 0x65, 0xc0), QColor(0x50, 0x50, 0x50));
    setGroup(palette, QPalette::HighlightedText, QColor(0xff, 0xff, 0xff), QColor(0xb0, 0xb0, 0xb0));
    setGroup(palette, QPalette::Link, QColor(0x8a, 0xb4, 0xf8), QColor(0x80, 0x80, 0x80));
    setGroup(palette, QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9), QColor(0x80, 0x80, 0x80));
    setGroup(palette, QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0), QColor(0x70, 0x70, 0x70));
    setGroup(palette, QPalette::ToolTipBase, QColor(0x1e, 0x1e, 0x20), QColor(0x1e, 0x1e, 0x20));
    setGroup(palette, QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8), QColor(0xe8, 0xe8, 0xe8));
    setGroup(palette, QPalette::BrightText, QColor(0xff, 0x8a, 0x80), QColor(0xff, 0x8a, 0x80));
    return palette;
}

bool isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Active, QPalette::Window)) < 0.18;
}

ToneColors tone(Tone tone, const QPalette& palette)
{
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor hue = toneHue(tone, palette);
    ToneColors colors;
    colors.background = mix(window, hue, isDark(palette) ? 0.30 : 0.14);
    colors.text = readableOn(hue, colors.background, 5.0);
    colors.border = mix(colors.background, hue, 0.7);
    return colors;
}

QColor toneText(Tone tone, const QPalette& palette)
{
    return readableOn(toneHue(tone, palette), palette.color(QPalette::Active, QPalette::Window), 5.0);
}

QColor mutedText(const QPalette& palette)
{
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    return readableOn(mix(text, window, 0.45), window, 5.0);
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString css(const QColor& color)
{
    return color.toRgb().name(QColor::HexRgb);
}

QString boxRule(const QString& selector, Tone tone, const QPalette& palette)
{
    const ToneColors colors = Theme::tone(tone, palette);
    return QStringLiteral("%1 { background: %2; color: %3; border: 1px solid %4; border-radius: 4px; }")
        .arg(selector, css(colors.background), css(colors.text), css(colors.border));
}

QString textRule(const QString& selector, Tone tone, const QPalette& palette)
{
    return QStringLiteral("%1 { color: %2; }").arg(selector, css(toneText(tone, palette)));
}

namespace {

// Watches the application for a new palette (apply(), the system switching) and then calls every registered refresh,
// once the palette has reached all widgets: the event comes to the widgets in no particular order, and a sheet applied
// earlier would fix the palette of a parent that has not changed yet.
class PaletteWatcher : public QObject
{
public:
    static PaletteWatcher& instance()
    {
        static PaletteWatcher* watcher = new PaletteWatcher(QCoreApplication::instance());
        return *watcher;
    }

    void add(QObject* owner, std::function<void()> refresh) { m_refreshes.append({ owner, std::move(refresh) }); }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == QCoreApplication::instance() && event->type() == QEvent::ApplicationPaletteChange
            && !m_pending) {
            m_pending = true;
            QMetaObject::invokeMethod(this, &PaletteWatcher::refreshAll, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    struct Refresh
    {
        QPointer<QObject> owner;
        std::function<void()> call;
    };

    explicit PaletteWatcher(QObject* application)
        : QObject(application)
    {
        application->installEventFilter(this);
    }

    void refreshAll()
    {
        m_pending = false;
        m_refreshes.removeIf([](const Refresh& r) { return r.owner.isNull(); });
        const QList<Refresh> refreshes = m_refreshes; // a refresh may register another
        for (const Refresh& r : refreshes) {
            if (r.owner)
                r.call();
        }
    }

    QList<Refresh> m_refreshes;
    bool m_pending = false;
};

} // namespace

void whenPaletteChanges(QObject* owner, std::function<void()> refresh)
{
    PaletteWatcher::instance().add(owner, std::move(refresh));
}

void bindStyleSheet(QWidget* widget, std::function<QString(const QPalette&)> build)
{
    widget->setStyleSheet(build(QApplication::palette()));
    // Set again even when the text is the same: widgets under a style sheet keep the palette they were polished with
    // (a form's labels stayed black on the dark window) until the sheet is applied anew.
    whenPaletteChanges(widget, [widget, build = std::move(build)] {
        widget->setStyleSheet(QString());
        widget->setStyleSheet(build(QApplication::palette()));
    });
}

} // namespace Theme
