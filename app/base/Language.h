#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The language of the user interface, switched while the application runs: the application's own catalogue and
// Qt's are installed on (or removed from) the QCoreApplication, which sends QEvent::LanguageChange to every window
// so that each retranslates itself. "" follows the system's language; "en" and "zh_CN" are the two offered.
namespace Language {

inline constexpr char english[] = "en";
inline constexpr char simplifiedChinese[] = "zh_CN";

// The language code actually used for a choice: "zh_CN" or "en" ("" resolves through the system's locale).
QString resolve(const QString& choice);
// Installs the catalogues for choice (replacing those installed by an earlier call) and sets the default QLocale.
// Needs a QCoreApplication. Returns the language now in use.
QString apply(const QString& choice);
// The language now in use ("en" before any apply()).
QString current();
// Translated sentences as one text: a space between two, except after one that ends in a full-width mark (。！？：),
// which Chinese does not follow with a space. Empty sentences are left out.
QString joinSentences(const QStringList& sentences);
// Translated items as one list: ", " between them in English, "、" in Chinese.
QString joinList(const QStringList& items);

} // namespace Language
