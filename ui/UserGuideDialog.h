#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

// Help → User guide: the short guide shipped with the desk (resources/guide/user-guide.<language>.html), in the
// language of the user interface, shown again in the new one when the language changes. Not modal: the reviewer
// keeps working beside it.
class UserGuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget* parent = nullptr);

    QTextBrowser* browser() const { return m_browser; }
    // The guide for a language code ("en", "zh_CN"); English for a language without one.
    static QUrl guideFor(const QString& language);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showGuide();

    QTextBrowser* m_browser;
};
