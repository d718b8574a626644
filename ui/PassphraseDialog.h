#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class PassphraseDialog;
}

// Asks for the passphrase of the audit history. "Create" at first start: the passphrase twice, at least
// MinimumLength characters, with the errors shown inline. "Unlock": one field; after a wrong passphrase the caller
// shows the store's error with setError() and asks again. The dialog keeps nothing: the caller reads passphrase()
// once, and the fields are cleared when the dialog is destroyed.
class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        Unlock,
    };
    static constexpr int MinimumLength = 8;

    // location: the history's display name (a path, or a postgresql:// URL without password).
    PassphraseDialog(Mode mode, const QString& location, QWidget* parent = nullptr);
    ~PassphraseDialog() override;

    Mode mode() const { return m_mode; }
    QString passphrase() const;
    // Why OK is disabled in create mode (too short, the two do not match), empty when the input is acceptable.
    QString validationError() const;
    bool isAcceptable() const;
    // Shows an error from the store (e.g. a wrong passphrase), clears the fields and focuses the first one.
    void setError(const QString& message);

public slots:
    void accept() override;

private:
    void updateState();

    const std::unique_ptr<Ui::PassphraseDialog> m_ui;
    Mode m_mode;
    QString m_storeError;
    bool m_passphraseLeft = false; // the first field was left once: a too-short passphrase is reported
};
