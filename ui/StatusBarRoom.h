#pragma once

#include <QList>
#include <QObject>

class ElidedLabel;
class QStatusBar;

// Keeps a status bar's message readable beside its permanent facts. QStatusBar draws a message in the room the
// permanent widgets leave on its left; the facts ask for their usual widths (ElidedLabel), the rest is that room. While
// a message is shown that does not fit there, the facts keep to their short forms (ElidedLabel::setModest); once it is
// cleared, or the bar is wide enough for both, they take their room back. Watches the bar's messages and its width.
class StatusBarRoom : public QObject
{
    Q_OBJECT
public:
    StatusBarRoom(QStatusBar* bar, QList<ElidedLabel*> facts);

    // The width QStatusBar draws a message in, as the bar is laid out now: from its left margin to just before the
    // first permanent widget shown.
    static int messageRoom(const QStatusBar& bar);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fit();

    QStatusBar* m_bar;
    QList<ElidedLabel*> m_facts;
};
