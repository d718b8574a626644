#include "UserGuideDialog.h"
#include "LayoutFit.h"

#include "Icons.h"
#include "base/Language.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    Icons::initResources();
    setObjectName(QStringLiteral("userGuideDialog"));
    m_browser->setObjectName(QStringLiteral("userGuideTextBrowser"));
    m_browser->setOpenExternalLinks(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("userGuideButtonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    // About 100 characters wide and 36 lines high, in the font in use (so it scales with it).
    LayoutFit::resizeWithinScreen(this, QSize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 36));
    showGuide();
}

QUrl UserGuideDialog::guideFor(const QString& language)
{
    Icons::initResources();
    const QString path = QStringLiteral(":/guide/user-guide.%1.html");
    const QString localised = path.arg(language);
    const QString file = QFile::exists(localised) ? localised : path.arg(QLatin1String(Language::english));
    return QUrl(QStringLiteral("qrc") + file);
}

void UserGuideDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        showGuide();
    QDialog::changeEvent(event);
}

void UserGuideDialog::showGuide()
{
    setWindowTitle(tr("eKYC Desk user guide"));
    const QUrl guide = guideFor(Language::current());
    if (m_browser->source() != guide)
        m_browser->setSource(guide);
}
