#include "AboutDialog.h"

#include "Icons.h"
#include "crypto/Crypto.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

AboutDialog::AboutDialog(const Info& info, QWidget* parent)
    : QDialog(parent)
    , m_info(info)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    auto* icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIconLabel"));
    const int iconSize = fontMetrics().height() * 4;
    icon->setPixmap(Icons::appIcon().pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_text->setObjectName(QStringLiteral("aboutTextLabel"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Wide enough for a path on one line or two, at any font size.
    m_text->setMinimumWidth(fontMetrics().averageCharWidth() * 56);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto* content = new QHBoxLayout;
    content->setSpacing(fontMetrics().height());
    content->addWidget(icon);
    content->addWidget(m_text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(content);
    layout->addWidget(buttons);
    retranslate();
}

QString AboutDialog::text(const Info& info)
{
    const QString history = info.historyLocation.isEmpty()
        ? tr("none: cases are not recorded")
        : (info.training ? tr("%1 (training history)") : QStringLiteral("%1")).arg(info.historyLocation);
    const QString row = QStringLiteral("<tr><td style=\"padding-right: 12px;\">%1</td><td>%2</td></tr>");
    return QStringLiteral("<p><b style=\"font-size: large;\">%1</b></p><p>%2</p><table>%3</table>")
        .arg(tr("eKYC Desk %1").arg(QStringLiteral(EKYC_VERSION)).toHtmlEscaped(),
            tr("Checks a mainland Chinese resident ID card (name, number and validity dates) with Alibaba Cloud ID "
               "Verification (Id2MetaPeriodVerifyIntl).")
                .toHtmlEscaped(),
            row.arg(tr("Version").toHtmlEscaped(), QStringLiteral(EKYC_VERSION))
                + row.arg(QStringLiteral("Qt"),
                    tr("%1 (built with %2)")
                        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
                        .toHtmlEscaped())
                + row.arg(QStringLiteral("OpenSSL"), Crypto::openSslVersion().toHtmlEscaped())
                + row.arg(tr("History").toHtmlEscaped(), history.toHtmlEscaped()));
}

void AboutDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslate()
{
    setWindowTitle(tr("About eKYC Desk"));
    m_text->setText(text(m_info));
}
