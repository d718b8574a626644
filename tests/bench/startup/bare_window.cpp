// The reference of tests/bench/bench_startup.cpp: the smallest Qt Widgets program with a main window (a QMainWindow
// with a label), built with the project's flags and the same start-up probe (ui/StartupProbe) as ekyc-desk.
#include "StartupProbe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    StartupProbe::install();
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello"), &window));
    window.resize(900, 640);
    window.show();
    StartupProbe::ready();
    return QApplication::exec();
}
