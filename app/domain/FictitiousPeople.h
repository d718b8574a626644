#pragma once

#include <QDate>
#include <QSet>
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

    // address6 (6 digits) + birth (yyyyMMdd) + order3 (0..999, zero-padded) + the computed check character.
    static QString makeIdNumber(const QString& address6, const QDate& birth, int order3);

private:
    int uniform(int low, int high); // inclusive
    template <typename Array> const char* pick(const Array& items);

    Random& m_random;
    QSet<QString> m_issued;
};
