// Fictitious-people generator benchmark (not a test). Run:
//   build/tests/bench_people [--people N] [--crowded N]
// Prints people per second for N people (default 200,000) from seeded randomness, as `dev seed` and bench_store
// use it, and for N people (default 5,000) from a constant random value: then every person's first choice of ID
// number is taken, so the generator has to find the next free number each time (the worst case of its uniqueness
// search).

#include "domain/FictitiousPeople.h"

#include "FakeRandom.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

namespace {

void print(const QString& line)
{
    QTextStream(stdout) << line << Qt::endl;
}

void run(const QString& label, FakeRandom& random, int count)
{
    const QDate today(2026, 11, 25);
    FictitiousPeople people(random);
    QElapsedTimer timer;
    timer.start();
    qsizetype checksum = 0;
    for (int i = 0; i < count; ++i)
        checksum += people.next(today).idNumber.size();
    const qint64 ms = qMax<qint64>(1, timer.elapsed());
    print(QStringLiteral("%1: %2 people in %3 ms, %4 people/s (%5 characters)")
              .arg(label)
              .arg(count)
              .arg(ms)
              .arg(static_cast<double>(count) * 1000.0 / static_cast<double>(ms), 0, 'f', 0)
              .arg(checksum));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption peopleOption(QStringLiteral("people"),
        QStringLiteral("People from seeded randomness (default 200000)."),
        QStringLiteral("N"),
        QStringLiteral("200000"));
    const QCommandLineOption crowdedOption(QStringLiteral("crowded"),
        QStringLiteral("People from a constant random value, all wanting the same number (default 5000)."),
        QStringLiteral("N"),
        QStringLiteral("5000"));
    parser.addOption(peopleOption);
    parser.addOption(crowdedOption);
    parser.process(app);

    FakeRandom seeded(42);
    run(QStringLiteral("seeded"), seeded, parser.value(peopleOption).toInt());
    FakeRandom constant;
    constant.fixedUnit = 0.5;
    run(QStringLiteral("crowded"), constant, parser.value(crowdedOption).toInt());
    return 0;
}
