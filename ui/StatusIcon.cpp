#include "StatusIcon.h"

#include "history/HistoryQuery.h"
#include "history/Review.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>
#include <numbers>

namespace StatusIcon {

namespace {

// Every icon is drawn on a 32 × 32 grid, scaled to its size.
constexpr qreal grid = 32.0;

QPainterPath shape(Kind kind)
{
    QPainterPath path;
    switch (kind) {
    case Kind::Passed:
        path.addEllipse(QPointF(16, 16), 14.5, 14.5);
        break;
    case Kind::NotPassed: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = (22.5 + 45.0 * i) * std::numbers::pi / 180.0;
            octagon << QPointF(16 + 15.5 * std::cos(angle), 16 + 15.5 * std::sin(angle));
        }
        octagon << octagon.first();
        path.addPolygon(octagon);
        break;
    }
    case Kind::Error:
        path.moveTo(16, 2.5);
        path.lineTo(30.5, 28.5);
        path.lineTo(1.5, 28.5);
        path.closeSubpath();
        break;
    case Kind::Unknown:
        path.moveTo(16, 0.5);
        path.lineTo(31.5, 16);
        path.lineTo(16, 31.5);
        path.lineTo(0.5, 16);
        path.closeSubpath();
        break;
    case Kind::Pending:
        // An hourglass: two bars and the glass between them.
        path.addRoundedRect(QRectF(5, 1.5, 22, 4), 1.5, 1.5);
        path.addRoundedRect(QRectF(5, 26.5, 22, 4), 1.5, 1.5);
        path.moveTo(7.5, 5);
        path.lineTo(24.5, 5);
        path.cubicTo(24.5, 11, 18.5, 13.5, 18.5, 16);
        path.cubicTo(18.5, 18.5, 24.5, 21, 24.5, 27);
        path.lineTo(7.5, 27);
        path.cubicTo(7.5, 21, 13.5, 18.5, 13.5, 16);
        path.cubicTo(13.5, 13.5, 7.5, 11, 7.5, 5);
        path.closeSubpath();
        path.setFillRule(Qt::WindingFill);
        break;
    }
    return path;
}

void drawGlyph(QPainter& painter, Kind kind, const QColor& color)
{
    QPen pen(color, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (kind) {
    case Kind::Passed: {
        const QPointF tick[] = { QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11) };
        painter.drawPolyline(tick, 3);
        break;
    }
    case Kind::NotPassed:
        painter.drawLine(QPointF(10.5, 10.5), QPointF(21.5, 21.5));
        painter.drawLine(QPointF(21.5, 10.5), QPointF(10.5, 21.5));
        break;
    case Kind::Error:
        painter.drawLine(QPointF(16, 11), QPointF(16, 18.5));
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(16, 24), 2.1, 2.1);
        break;
    case Kind::Unknown: {
        pen.setWidthF(3.2);
        painter.setPen(pen);
        QPainterPath question;
        question.moveTo(12.2, 12.5);
        question.cubicTo(12.2, 9.8, 14, 8.5, 16, 8.5);
        question.cubicTo(18.2, 8.5, 19.8, 10, 19.8, 12);
        question.cubicTo(19.8, 14.8, 16, 15.2, 16, 18.3);
        painter.drawPath(question);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QPointF(16, 23), 2, 2);
        break;
    }
    case Kind::Pending: {
        // The sand: a heap at the bottom and a thread falling through the neck.
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        QPainterPath sand;
        sand.moveTo(10, 25);
        sand.lineTo(22, 25);
        sand.cubicTo(21, 22, 18, 21, 16, 20.5);
        sand.cubicTo(14, 21, 11, 22, 10, 25);
        sand.closeSubpath();
        painter.drawPath(sand);
        painter.drawRect(QRectF(15.25, 15, 1.5, 6));
        QPainterPath top;
        top.moveTo(10.5, 8);
        top.lineTo(21.5, 8);
        top.cubicTo(20.5, 10.5, 17.5, 12, 16, 13);
        top.cubicTo(14.5, 12, 11.5, 10.5, 10.5, 8);
        top.closeSubpath();
        painter.drawPath(top);
        break;
    }
    }
}

QPixmap drawn(Kind kind, const QColor& shapeColor, const QColor& signColor, int size, qreal devicePixelRatio)
{
    const int device = qMax(1, qRound(size * devicePixelRatio));
    QPixmap pixmap(device, device);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(device / grid, device / grid);
    painter.setPen(Qt::NoPen);
    painter.setBrush(shapeColor);
    painter.drawPath(shape(kind));
    drawGlyph(painter, kind, signColor);
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

} // namespace

Theme::Tone tone(Kind kind)
{
    switch (kind) {
    case Kind::Passed:
        return Theme::Tone::Success;
    case Kind::NotPassed:
        return Theme::Tone::Error;
    case Kind::Error:
    case Kind::Unknown: // like an error: nothing is known, and the call may have been billed
        return Theme::Tone::Warning;
    case Kind::Pending:
        return Theme::Tone::Info;
    }
    return Theme::Tone::Info;
}

QPixmap pixmap(Kind kind, const QPalette& palette, int size, qreal devicePixelRatio)
{
    // The shape in the tone's strong colour (its text colour, readable on the window), the sign on it in the tone's
    // pale one (its background): the two contrast by at least 5:1 in either palette.
    const Theme::ToneColors colors = Theme::tone(tone(kind), palette);
    return drawn(kind, colors.text, colors.background, size, devicePixelRatio);
}

QIcon icon(Kind kind, const QPalette& palette)
{
    // On a selected row the shape takes the highlighted text's colour, as the row's text does, so that it stands out
    // from the highlight (a blue hourglass would vanish on a blue selection).
    const QColor selectedShape = palette.color(QPalette::Active, QPalette::HighlightedText);
    const QColor selectedSign = palette.color(QPalette::Active, QPalette::Highlight);
    QIcon icon;
    for (int size : { 16, 20, 24, 32, 40, 48, 64, 96, 128 }) {
        icon.addPixmap(pixmap(kind, palette, size), QIcon::Normal);
        icon.addPixmap(drawn(kind, selectedShape, selectedSign, size, 1.0), QIcon::Selected);
    }
    return icon;
}

std::optional<Kind> forResultState(const QString& state)
{
    if (state == QLatin1String("passed"))
        return Kind::Passed;
    if (state == QLatin1String("notPassed"))
        return Kind::NotPassed;
    if (state == QLatin1String("error"))
        return Kind::Error;
    if (state == QLatin1String("unknown"))
        return Kind::Unknown;
    if (state == QLatin1String("pending"))
        return Kind::Pending;
    return std::nullopt;
}

std::optional<Kind> forOutcome(const QString& outcome)
{
    if (outcome == QLatin1String(HistoryOutcome::passed))
        return Kind::Passed;
    if (outcome == QLatin1String(HistoryOutcome::notFound) || outcome == QLatin1String(HistoryOutcome::mismatch))
        return Kind::NotPassed;
    if (outcome.startsWith(QLatin1String(HistoryOutcome::error)))
        return Kind::Error;
    if (outcome == QLatin1String(HistoryOutcome::unknown))
        return Kind::Unknown;
    if (outcome == QLatin1String(HistoryOutcome::pending))
        return Kind::Pending;
    return std::nullopt;
}

std::optional<Kind> forReviewState(const QString& state)
{
    if (state == QLatin1String(ReviewState::approved))
        return Kind::Passed;
    if (state == QLatin1String(ReviewState::rejected))
        return Kind::NotPassed;
    if (state.isEmpty())
        return std::nullopt;
    return Kind::Pending;
}

} // namespace StatusIcon
