#pragma once

#include <QLabel>

// A one-line label that shortens its text when it has less room than the text needs, with the full text in its
// tooltip: status-bar facts that must never make the window wider than the screen. It shows the longest of the full
// text and its shorter forms (given longest first) that fits, else the shortest shortened in the middle ("History:
// /home/…/history.sqlite"), so that a narrow window says "No audit history" rather than "No…ed".
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text, const QStringList& shorter = {});
    // The width it asks for, in average characters, at most (0: the whole text): side by side in a status bar, each
    // fact asks for a fair share instead of one long path taking the room of the others.
    void setPreferredCharacters(int characters);
    // While modest, it asks only for the room of its shortest form: a status bar showing a message gives the message
    // the room and keeps the facts in their short forms (the full text stays in the tooltip).
    void setModest(bool modest);
    // The width it asks for when not modest.
    QSize usualSizeHint() const;
    // At most this wide when not modest (0: no cap): a fact that takes the room the others leave (StatusBarRoom).
    void setWidthCap(int pixels);
    QString fullText() const { return m_fullText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_fullText;
    QStringList m_shorter;
    int m_preferredCharacters = 0;
    bool m_modest = false;
    int m_widthCap = 0;
};
