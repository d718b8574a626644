#include "Icons.h"
#include "Theme.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

#include <algorithm>
#include <functional>
#include <memory>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerDeskResources()
{
    Q_INIT_RESOURCE(ekyc_desk);
}

namespace Icons {

namespace {

// The colour keyword the bundled action icons are drawn in (SVG's own "currentColor"); replaced by the palette's.
constexpr char templateColor[] = "currentColor";

QPixmap renderSvg(QSvgRenderer& renderer, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter, QRectF(0, 0, size, size));
    return pixmap;
}

QByteArray recoloured(const QByteArray& svg, const QColor& color)
{
    QByteArray result = svg;
    return result.replace(templateColor, color.name(QColor::HexRgb).toLatin1());
}

// Device pixels: 16 and 24 px at a device pixel ratio of 1 and 2, and larger icons.
constexpr int fallbackSizes[] = { 16, 22, 24, 32, 48, 64 };

// An icon drawn as a square at whatever size is asked for (device pixels, the caller scales, as the pixmap engine
// does: the smaller side, at a device pixel ratio of 1), in the sizes it names.
class SquareIconEngine : public QIconEngine
{
public:
    explicit SquareIconEngine(QList<int> sides)
        : m_sides(std::move(sides))
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap drawn = pixmap(rect.size() * ratio, mode, state);
        drawn.setDevicePixelRatio(ratio);
        const QSize shown = drawn.deviceIndependentSize().toSize();
        painter->drawPixmap(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, shown, rect), drawn);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        const int side = actualSize(size, mode, state).width();
        return side > 0 ? drawn(side, mode) : QPixmap();
    }
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override
    {
        const int side = qMin(size.width(), size.height());
        return side > 0 ? QSize(side, side) : QSize();
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (int side : std::as_const(m_sides))
            sizes.append(QSize(side, side));
        return sizes;
    }

protected:
    // The icon side x side device pixels large, in that mode.
    virtual QPixmap drawn(int side, QIcon::Mode mode) = 0;

    QList<int> m_sides;
};

// A bundled fallback in the palette's colours, each mode and size drawn when it is first asked for, at exactly that
// size: an icon seen only in a menu costs nothing until the menu opens, the disabled or selected forms nothing until
// they are shown, and a toolbar's icon is drawn once at its own size instead of at every size (drawing all of them
// up front was a third of the start-up, and drawing each mode at six sizes still an eighth).
class FallbackEngine : public SquareIconEngine
{
public:
    FallbackEngine(QByteArray svg, const QPalette& palette)
        : SquareIconEngine({ std::begin(fallbackSizes), std::end(fallbackSizes) })
        , m_svg(std::move(svg))
        , m_colours { { QIcon::Normal, palette.color(QPalette::Active, QPalette::WindowText) },
            { QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText) },
            { QIcon::Active, palette.color(QPalette::Active, QPalette::WindowText) },
            { QIcon::Selected, palette.color(QPalette::Active, QPalette::HighlightedText) } }
    {
    }

    QIconEngine* clone() const override { return new FallbackEngine(*this); }
    QString key() const override { return QStringLiteral("EkycFallbackIconEngine"); }
    void virtual_hook(int id, void* data) override
    {
        if (id == QIconEngine::IsNullHook) {
            *static_cast<bool*>(data) = m_svg.isEmpty();
            return;
        }
        QIconEngine::virtual_hook(id, data);
    }

protected:
    QPixmap drawn(int side, QIcon::Mode mode) override
    {
        const quint64 key = (static_cast<quint64>(mode) << 32) | static_cast<quint32>(side);
        auto drawn = m_drawn.constFind(key);
        if (drawn == m_drawn.cend())
            drawn = m_drawn.insert(key, renderSvg(renderer(mode), side));
        return *drawn;
    }

private:
    // The drawing in one mode's colour, read once (shared by the copies QIcon makes).
    QSvgRenderer& renderer(QIcon::Mode mode)
    {
        std::shared_ptr<QSvgRenderer>& renderer = m_renderers[mode];
        if (!renderer)
            renderer = std::make_shared<QSvgRenderer>(recoloured(m_svg, m_colours.value(mode)));
        return *renderer;
    }

    QByteArray m_svg;
    QHash<QIcon::Mode, QColor> m_colours;
    QHash<QIcon::Mode, std::shared_ptr<QSvgRenderer>> m_renderers;
    QHash<quint64, QPixmap> m_drawn; // (mode, side) -> drawn
};

// The application's icon from its PNGs, each size read when it is first asked for (reading all seven up front was a
// twentieth of the start-up, although an offscreen or Wayland window never asks for one). A size without its own PNG
// is the next larger one scaled down (or the largest scaled up).
class AppIconEngine : public SquareIconEngine
{
public:
    AppIconEngine()
        : SquareIconEngine(appIconSizes())
    {
    }

    QIconEngine* clone() const override { return new AppIconEngine(*this); }
    QString key() const override { return QStringLiteral("EkycAppIconEngine"); }

protected:
    QPixmap drawn(int side, QIcon::Mode mode) override
    {
        const auto larger = std::lower_bound(m_sides.cbegin(), m_sides.cend(), side);
        const int source = larger == m_sides.cend() ? m_sides.last() : *larger;
        QPixmap& read = m_read[source];
        if (read.isNull())
            read = QPixmap(QStringLiteral(":/icons/app/ekyc-desk-%1.png").arg(source));
        QPixmap icon = source == side ? read : read.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        if (mode == QIcon::Disabled || mode == QIcon::Selected) {
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            icon = QApplication::style()->generatedIconPixmap(mode, icon, &option);
        }
        return icon;
    }

private:
    QHash<int, QPixmap> m_read; // shipped size -> its PNG, once read
};

} // namespace

void initResources()
{
    static const bool registered = [] {
        registerDeskResources();
        return true;
    }();
    Q_UNUSED(registered);
}

QList<int> appIconSizes()
{
    return { 16, 24, 32, 48, 64, 128, 256 };
}

QIcon appIcon()
{
    initResources();
    return QIcon(new AppIconEngine);
}

QString themeName(Action action)
{
    switch (action) {
    case Action::NewCase:
        return QStringLiteral("document-new");
    case Action::Verify:
        return QStringLiteral("document-send");
    case Action::VerifyList:
        return QStringLiteral("view-list-details");
    case Action::Settings:
        return QStringLiteral("preferences-system");
    case Action::Quit:
        return QStringLiteral("application-exit");
    case Action::About:
        return QStringLiteral("help-about");
    case Action::UserGuide:
        return QStringLiteral("help-contents");
    case Action::History:
        return QStringLiteral("document-open-recent");
    case Action::Refresh:
        return QStringLiteral("view-refresh");
    case Action::Export:
        return QStringLiteral("document-save-as");
    case Action::Accounts:
        return QStringLiteral("system-users");
    case Action::Lock:
        return QStringLiteral("system-lock-screen");
    }
    return QString();
}

QString fallbackPath(Action action)
{
    const char* name = "";
    switch (action) {
    case Action::NewCase:
        name = "new-case";
        break;
    case Action::Verify:
        name = "verify";
        break;
    case Action::VerifyList:
        name = "verify-list";
        break;
    case Action::Settings:
        name = "settings";
        break;
    case Action::Quit:
        name = "quit";
        break;
    case Action::About:
        name = "about";
        break;
    case Action::UserGuide:
        name = "user-guide";
        break;
    case Action::History:
        name = "history";
        break;
    case Action::Refresh:
        name = "refresh";
        break;
    case Action::Export:
        name = "export";
        break;
    case Action::Accounts:
        name = "accounts";
        break;
    case Action::Lock:
        name = "lock";
        break;
    }
    return QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(name));
}

QIcon fallback(Action action, const QPalette& palette)
{
    initResources();
    QFile file(fallbackPath(action));
    if (!file.open(QIODevice::ReadOnly))
        return QIcon();
    return QIcon(new FallbackEngine(file.readAll(), palette));
}

QIcon icon(Action action, const QPalette& palette)
{
    const QString name = themeName(action);
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return fallback(action, palette);
}

// The icon now and again whenever the palette changes.
void bind(QAction* action, Action which)
{
    auto apply = [action, which] { action->setIcon(icon(which, QApplication::palette())); };
    apply();
    Theme::whenPaletteChanges(action, apply);
}

void bind(QAbstractButton* button, Action which)
{
    auto apply = [button, which] { button->setIcon(icon(which, QApplication::palette())); };
    apply();
    Theme::whenPaletteChanges(button, apply);
}

} // namespace Icons
