#pragma once

#include <QLabel>

// A one-line label that shortens its text in the middle when it has less room than the text needs ("History:
// /home/…/history.sqlite"), with the full text in its tooltip: status-bar facts that must never make the window wider
// than the screen.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    // The width it asks for, in average characters, at most (0: the whole text): side by side in a status bar, each
    // fact asks for a fair share instead of one long path taking the room of the others.
    void setPreferredCharacters(int characters);
    QString fullText() const { return m_fullText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_fullText;
    int m_preferredCharacters = 0;
};
