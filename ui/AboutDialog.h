#pragma once

#include <QDialog>
#include <QString>

class QLabel;

// Help → About: what the desk is, its version, the Qt it runs on and was built with, the OpenSSL it uses, and where
// its history is (the SQLite file, or the PostgreSQL URL without a password). Translated, again on a language change.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    struct Info
    {
        QString historyLocation; // empty: no history
        bool training = false;
    };

    explicit AboutDialog(const Info& info, QWidget* parent = nullptr);

    // The text shown, as rich text, in the current language.
    static QString text(const Info& info);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Info m_info;
    QLabel* m_text;
};
