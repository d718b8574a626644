#include "FirstFrame.h"

#include <QApplication>
#include <QPointer>
#include <QTest>
#include <QWidget>

#include <memory>

namespace {

// A window that counts the frames it paints.
class CountingWindow : public QWidget
{
public:
    int paints = 0;

protected:
    void paintEvent(QPaintEvent*) override { ++paints; }
};

} // namespace

// Start-up work that waits for the window's first frame (the history's key derivation): it runs once that frame is
// painted, at once when there is nothing to wait for, and never waits for a frame that does not come.
class TestFirstFrame : public QObject
{
    Q_OBJECT

private slots:
    // A shown window not yet on the screen: the work runs after its first frame, exactly once.
    void runsAfterTheFirstFrame()
    {
        CountingWindow window;
        window.resize(200, 100);
        window.show();
        QCOMPARE(window.paints, 0); // the frame comes from the event loop
        int calls = 0;
        int paintsWhenCalled = -1;
        FirstFrame::whenPainted(&window, [&] {
            ++calls;
            paintsWhenCalled = window.paints;
        });
        QCOMPARE(calls, 0);
        QTRY_COMPARE(calls, 1);
        QVERIFY2(paintsWhenCalled >= 1, "the work ran before the first frame was painted");
        // Later frames do not run it again.
        window.update();
        QTRY_VERIFY(window.paints > paintsWhenCalled);
        QCoreApplication::processEvents();
        QCOMPARE(calls, 1);
    }

    // Nothing to wait for: no window, a hidden one, or one already painted. The work runs before the call returns.
    void runsAtOnceWithNothingToWaitFor_data()
    {
        QTest::addColumn<QString>("window");
        QTest::newRow("no window") << QStringLiteral("none");
        QTest::newRow("hidden window") << QStringLiteral("hidden");
        QTest::newRow("already painted") << QStringLiteral("painted");
        QTest::newRow("child of a painted window") << QStringLiteral("child");
    }
    void runsAtOnceWithNothingToWaitFor()
    {
        QFETCH(QString, window);
        CountingWindow top;
        top.resize(200, 100);
        auto* child = new QWidget(&top);
        QWidget* given = nullptr;
        if (window != QLatin1String("none")) {
            given = window == QLatin1String("child") ? child : &top;
            if (window != QLatin1String("hidden")) {
                top.show();
                QVERIFY(QTest::qWaitForWindowExposed(&top));
                QTRY_VERIFY(top.paints >= 1);
            }
        }
        const int paintsBefore = top.paints;
        int calls = 0;
        FirstFrame::whenPainted(given, [&calls] { ++calls; });
        QCOMPARE(calls, 1);
        QCOMPARE(top.paints, paintsBefore);
        QCoreApplication::processEvents();
        QCOMPARE(calls, 1);
    }

    // The window goes before it is painted: the work still runs, once.
    void runsWhenTheWindowGoesFirst()
    {
        auto window = std::make_unique<CountingWindow>();
        window->show();
        int calls = 0;
        FirstFrame::whenPainted(window.get(), [&calls] { ++calls; });
        QCOMPARE(calls, 0);
        window.reset(); // its window handle goes with it, at once
        QCOMPARE(calls, 1);
        QCoreApplication::processEvents();
        QCOMPARE(calls, 1);
    }

    // A window the platform never exposes (here: shown only to Qt, not on the screen) runs the work after the
    // fallback time instead of never.
    void runsAfterTheFallbackWithoutAFrame()
    {
        CountingWindow window;
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.show();
        (void)window.winId(); // a platform window, never shown
        if (!window.windowHandle())
            QSKIP("this platform gives a window shown only to Qt no handle to watch");
        int calls = 0;
        FirstFrame::whenPainted(
            &window, [&calls] { ++calls; }, 50);
        QCOMPARE(calls, 0);
        QTRY_COMPARE(calls, 1);
    }
};

QTEST_MAIN(TestFirstFrame)
#include "TestFirstFrame.moc"
