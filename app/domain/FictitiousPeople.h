#pragma once

#include <QDate>
#include <QHash>
#include <QString>

class Random;

struct FictitiousPerson
{
    QString name;
    QString idNumber;
    QDate validityStart;
    QDate validityEnd; // invalid when longTerm
    bool longTerm;
};

// Synthetic people for the sandbox fixtures, tests, `dev seed` and benchmarks. Names are built from an obviously
// fictitious list (surnames 测/试/演/示/样/例 ...); ID numbers have a real county address code, a birth date in
// 1940..2015 and a correct check character; the card term follows the Resident Identity Card Law, starts in
// 2004..today and has not expired. Every person passes CaseValidator::check with no issue at all. Numbers never
// repeat within one generator. Deterministic for a deterministic Random.
class FictitiousPeople
{
public:
    explicit FictitiousPeople(Random& random);

    FictitiousPerson next(const QDate& today);

    // Look-ups made so far to find numbers not yet issued. A few per person, however crowded the numbers a person
    // would get first are (tests count them).
    quint64 lookups() const { return m_lookups; }

    // address6 (6 digits) + birth (yyyyMMdd) + order3 (0..999, zero-padded) + the computed check character.
    static QString makeIdNumber(const QString& address6, const QDate& birth, int order3);

private:
    struct Day
    {
        int taken = 0; // order codes issued on this day of birth at this address
        int next = 0; // when all 1000 are: a later day; the days in between are all taken too
    };

    int uniform(int low, int high); // inclusive
    template <typename Array> const char* pick(const Array& items);
    // The first day from `day` on, up to lastDay, then from day 0, that has an order code left.
    int freeDay(int address, int day, int lastDay);
    int freeDayFrom(int address, int day, int lastDay);
    // The first order code from `order` on, round to `order - 1`, not yet issued on this day (which has one left).
    int freeOrder(quint64 dayKey, int order);
    void take(quint64 dayKey, int order);

    Random& m_random;
    // The numbers issued, by (address, day of birth, order code). An issued order code points to an order code of
    // the same day that may still be free, all those in between (round past 999 to 0) being issued: a search
    // follows the pointers and then points every code it passed to where it ended, so a run of issued codes is
    // crossed in a step or two, not one code at a time. Full days point the same way to later days.
    QHash<quint64, int> m_nextOrder;
    QHash<quint64, Day> m_days;
    quint64 m_lookups = 0;
};
