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
#include <QSvgRenderer>

#include <functional>

// Q_INIT_RESOURCE must be used outside any namespace.
static void registerDeskResources()
{
    Q_INIT_RESOURCE(ekyc_desk);
}

namespace Icons {

namespace {

// The colour keyword the bundled action icons are drawn in (SVG's own "currentColor"); replaced by the palette's.
constexpr char templateColor[] = "currentColor";

QPixmap renderSvg(const QByteArray& svg, int size)
{
    QSvgRenderer renderer(svg);
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

// A bundled fallback in the palette's colours, each mode drawn when it is first asked for: the same pixmaps, in the
// same sizes, as drawing every mode up front, but an icon seen only in a menu costs nothing until the menu opens and
// the disabled or selected forms nothing until they are shown (drawing all of them was a third of the start-up).
class FallbackEngine : public QIconEngine
{
public:
    FallbackEngine(QByteArray svg, const QPalette& palette)
        : m_svg(std::move(svg))
        , m_colours { { QIcon::Normal, palette.color(QPalette::Active, QPalette::WindowText) },
            { QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText) },
            { QIcon::Active, palette.color(QPalette::Active, QPalette::WindowText) },
            { QIcon::Selected, palette.color(QPalette::Active, QPalette::HighlightedText) } }
    {
    }

    QIconEngine* clone() const override { return new FallbackEngine(*this); }
    QString key() const override { return QStringLiteral("EkycFallbackIconEngine"); }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        drawn(mode).paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    // Device pixels (the caller scales), as the pixmap engine does: the drawn icon at a device pixel ratio of 1.
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return drawn(mode).pixmap(size, 1.0, mode, state);
    }
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return drawn(mode).actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return drawn(mode).availableSizes(mode, state);
    }
    void virtual_hook(int id, void* data) override
    {
        if (id == QIconEngine::IsNullHook) {
            *static_cast<bool*>(data) = m_svg.isEmpty();
            return;
        }
        QIconEngine::virtual_hook(id, data);
    }

private:
    // The pixmaps of one mode, drawn at the first use.
    const QIcon& drawn(QIcon::Mode mode)
    {
        QIcon& icon = m_drawn[mode];
        if (icon.isNull()) {
            const QByteArray coloured = recoloured(m_svg, m_colours.value(mode));
            for (int size : fallbackSizes)
                icon.addPixmap(renderSvg(coloured, size), mode);
        }
        return icon;
    }

    QByteArray m_svg;
    QHash<QIcon::Mode, QColor> m_colours;
    QHash<QIcon::Mode, QIcon> m_drawn;
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
    QIcon icon;
    for (int size : appIconSizes())
        icon.addFile(QStringLiteral(":/icons/app/ekyc-desk-%1.png").arg(size), QSize(size, size));
    return icon;
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
