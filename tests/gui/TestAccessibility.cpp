#include "DialogCatalogue.h"
#include "GuiDriver.h"
#include "MainWindowFixture.h"
#include "base/Language.h"
#include "sandbox/SandboxFixtures.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

// For a screen reader: every input of the main window's tabs and of every dialog has an accessible name and a label
// that names it (its buddy), in English and in Chinese, and an error under a field is the field's description.
class TestAccessibility : public MainWindowFixture
{
    Q_OBJECT
public:
    TestAccessibility()
        : MainWindowFixture({ .history = true })
    {
    }

private slots:
    void everyInputIsNamed_data();
    void everyInputIsNamed();
    void inlineErrorsAreDescribed();

private:
    QTemporaryDir m_dir;
};

namespace {

bool isInput(QWidget* widget)
{
    if (qobject_cast<QLineEdit*>(widget)) {
        // The line edit inside a spin box or an editable combo box is named through its owner.
        QWidget* owner = widget->parentWidget();
        return !qobject_cast<QAbstractSpinBox*>(owner) && !qobject_cast<QComboBox*>(owner);
    }
    return qobject_cast<QComboBox*>(widget) || qobject_cast<QAbstractSpinBox*>(widget)
        || qobject_cast<QPlainTextEdit*>(widget)
        || (qobject_cast<QTextEdit*>(widget) && !static_cast<QTextEdit*>(widget)->isReadOnly());
}

// The inputs shown in top that a screen reader could not name, or that no label names.
QStringList unnamedInputs(QWidget* top)
{
    QSet<QWidget*> buddies;
    for (QLabel* label : top->findChildren<QLabel*>()) {
        if (label->buddy())
            buddies.insert(label->buddy());
    }
    QStringList unnamed;
    for (QWidget* widget : top->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(top) || !isInput(widget))
            continue;
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            unnamed.append(widget->objectName() + QLatin1String(": no accessible name"));
        // A field in a labelled row (Period: [choice] [from] [to]) is named explicitly instead.
        else if (!buddies.contains(widget) && widget->accessibleName().isEmpty())
            unnamed.append(widget->objectName() + QLatin1String(": no label with it as buddy (") + name + u')');
    }
    return unnamed;
}

} // namespace

void TestAccessibility::everyInputIsNamed_data()
{
    DialogCatalogue::addRows();
}

void TestAccessibility::everyInputIsNamed()
{
    QFETCH(QString, name);
    QFETCH(QString, language);
    Language::apply(language);
    DialogCatalogue catalogue(*service(), window(), m_dir.path(), history());
    std::unique_ptr<QWidget> dialog = catalogue.make(name);
    QWidget* top = dialog ? dialog.get() : window();
    top->show();
    GuiDriver::settleLayout();
    QStringList unnamed;
    if (auto* tabs = top->findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))) {
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            GuiDriver::settleLayout();
            unnamed += unnamedInputs(top);
        }
        tabs->setCurrentIndex(0);
    } else {
        unnamed = unnamedInputs(top);
    }
    unnamed.removeDuplicates();
    Language::apply(QLatin1String(Language::english));
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String("\n  "))));
}

void TestAccessibility::inlineErrorsAreDescribed()
{
    // The field with the error gets the focus, and its accessible description is the error's text, which a screen
    // reader reads with the field. (CaseForm also raises DescriptionChanged and Alert events; they reach only an
    // active platform accessibility bridge, which no platform here has, so they are not observed.)
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    QString wrongCheck = person.docNo;
    wrongCheck[17] = person.docNo.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    GuiDriver::typeCase(window(), person.docName, wrongCheck, person.validityStartDate, person.validityEndDate);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);

    auto* field = window()->findChild<QLineEdit*>(QStringLiteral("idNumberLineEdit"));
    auto* error = window()->findChild<QLabel*>(QStringLiteral("idNumberErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(QApplication::focusWidget(), field);
    QCOMPARE(QAccessible::queryAccessibleInterface(field)->text(QAccessible::Description), error->text());
    // Fixed, the description goes with the error (back to the field's own hint).
    const QString errorText = error->text();
    field->selectAll();
    QTest::keyClicks(field, person.docNo);
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY(!error->isVisible());
    QVERIFY(field->accessibleDescription().isEmpty());
    QVERIFY(!QAccessible::queryAccessibleInterface(field)->text(QAccessible::Description).contains(errorText));
}

QTEST_MAIN(TestAccessibility)
#include "TestAccessibility.moc"
