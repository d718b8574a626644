#pragma once

#include <QObject>

class ElidedLabel;
class QStatusBar;

// Shares a status bar between its message and its permanent facts. QStatusBar draws a message in the room the
// permanent widgets leave on its left, and gives no stretch to either: here the facts ask for their usual widths
// (ElidedLabel), except the greedy one (a history's path), which asks for what the others leave. While a message is
// shown, the greedy fact leaves it room; if the message still does not fit, every fact keeps to its short form
// (ElidedLabel::setModest) until it is cleared. Watches the bar's message, its size and its layout.
class StatusBarRoom : public QObject
{
    Q_OBJECT
public:
    // The facts are the bar's ElidedLabel widgets; greedy is one of them.
    StatusBarRoom(QStatusBar* bar, ElidedLabel* greedy);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fit();
    // The width of the bar's widgets but the greedy fact, at their usual widths, with the spacing between them and
    // the room QStatusBar keeps before a message.
    int takenByOthers() const;

    QStatusBar* m_bar;
    ElidedLabel* m_greedy;
};
