#pragma once

#include "sandbox/SandboxFixtures.h"

#include <QByteArray>
#include <QString>

// Cases for batch tests and benchmarks that are all different: a batch refuses a row that repeats an earlier row's
// name, ID number and dates (BatchInput), so a long list cannot cycle through the sandbox's few fixture people.
namespace DistinctCases {

// Person i (0, 1, ...) of made-up people the training sandbox does not know (it answers Passed=N, SubCode 202): no
// two alike, each with a well-formed ID number and a 20-year card that passes the pre-check without a warning. name
// replaces the made-up one (a fault trigger of SandboxFixtures, say, whose answer needs a well-formed DocNo).
SandboxFixtures::Person unknown(int i, const QString& name = {});

// A person as a row of a batch list with the columns name,id_number,start,end (a long-term card's end as 长期), no line
// end, UTF-8.
QByteArray csvLine(const SandboxFixtures::Person& p);

} // namespace DistinctCases
