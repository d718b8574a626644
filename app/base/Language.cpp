#include "Language.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace Language {

namespace {

struct Installed
{
    QPointer<QTranslator> own;
    QPointer<QTranslator> qt;
    QString language = QLatin1String(english);
};

Installed& installed()
{
    static Installed state;
    return state;
}

void remove(QPointer<QTranslator>& translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

void installChinese(Installed& state)
{
    const QLocale chinese(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    QLocale::setDefault(chinese);
    state.qt = new QTranslator(QCoreApplication::instance());
    if (state.qt->load(
            chinese, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(state.qt);
    // Installed last, so that it is asked first.
    state.own = new QTranslator(QCoreApplication::instance());
    if (state.own->load(QStringLiteral(":/i18n/ekyc-desk_zh_CN.qm")))
        QCoreApplication::installTranslator(state.own);
}

} // namespace

QString resolve(const QString& choice)
{
    const QString language = choice.isEmpty() ? QLocale::system().name() : choice;
    return language.startsWith(QLatin1String("zh")) ? QString::fromLatin1(simplifiedChinese)
                                                    : QString::fromLatin1(english);
}

QString apply(const QString& choice)
{
    Installed& state = installed();
    QString language = resolve(choice);
    const bool unchanged = language == state.language && (language == QLatin1String(english) || state.own);
    if (unchanged)
        return language;
    remove(state.own);
    remove(state.qt);
    state.language = language;
    if (language == QLatin1String(simplifiedChinese)) {
        installChinese(state);
    } else {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // Removing a translator sends LanguageChange too, but not when none was installed: say it anyway.
        QCoreApplication::postEvent(QCoreApplication::instance(), new QEvent(QEvent::LanguageChange));
    }
    return language;
}

QString current()
{
    return installed().language;
}

QString joinList(const QStringList& items)
{
    return items.join(QCoreApplication::translate("Language", ", ", "between the items of a list"));
}

QString joinSentences(const QStringList& sentences)
{
    QString text;
    for (const QString& sentence : sentences) {
        if (sentence.isEmpty())
            continue;
        if (!text.isEmpty() && !QStringView(u"。！？：").contains(text.back()))
            text += u' ';
        text += sentence;
    }
    return text;
}

} // namespace Language
