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
    QString fullText() const { return m_fullText; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();

    QString m_fullText;
};
